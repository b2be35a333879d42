"""The risks area's forms: the register's filters, a risk, progress, acceptance, reopening, the matrix."""

from django import forms
from django.utils import timezone

from ideowork.core.models import OrgUnit, User
from ideowork.ledger.forms.widgets import EvidenceFilesField

from .choices import RiskArea, RiskSource, RiskStatus

__all__ = ["RegisterFilterForm", "AsOfForm", "RiskForm", "ProgressForm", "AcceptForm", "ReopenForm", "MatrixForm",
           "ACTIVE"]

ACTIVE = "active"  # the status filter's "still being handled" (待处置, 整改中, 待销号)


def units_for(user):
    root = user.scope_root
    if root is None:
        return OrgUnit.objects.none()
    return OrgUnit.objects.visible_to(user).filter(path__startswith=root.path, is_active=True).order_by("path")


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, unit) -> str:
        return "　" * unit.depth + unit.display_name


class RegisterFilterForm(forms.Form):
    level = forms.TypedChoiceField(label="风险等级", required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label="状态", required=False,
                               choices=[("", "全部状态"), (ACTIVE, "未办结"), *RiskStatus.choices])
    area = forms.ChoiceField(label="领域", required=False, choices=[("", "全部领域"), *RiskArea.choices])
    unit = UnitChoiceField(label="责任单位", required=False, queryset=OrgUnit.objects.none(), empty_label="全部单位")
    overdue = forms.BooleanField(label="仅看逾期", required=False)
    likelihood = forms.IntegerField(required=False, min_value=1, max_value=5, widget=forms.HiddenInput)
    impact = forms.IntegerField(required=False, min_value=1, max_value=5, widget=forms.HiddenInput)
    q = forms.CharField(label="关键词", required=False, max_length=50,
                        widget=forms.TextInput(attrs={"placeholder": "风险点关键词"}))

    def __init__(self, *args, user, levels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = [("", "全部等级"), *((rank, level["name"]) for rank, level in enumerate(levels))]
        self.fields["unit"].queryset = units_for(user)
        for name in ("level", "status", "area", "unit"):
            self.fields[name].widget.attrs["data-autosubmit"] = ""


class AsOfForm(forms.Form):
    at = forms.TypedChoiceField(label="季度末", required=False, coerce=str)
    unit = UnitChoiceField(label="责任单位", required=False, queryset=OrgUnit.objects.none(), empty_label="全部单位")
    level = forms.TypedChoiceField(label="当时等级", required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label="当时状态", required=False,
                               choices=[("", "全部状态"), (ACTIVE, "未办结"), *RiskStatus.choices])

    def __init__(self, *args, user, quarter_ends, levels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["at"].choices = [(d.isoformat(), f"{d.year}年第{(d.month - 1) // 3 + 1}季度末（{d:%m月%d日}）")
                                     for d in quarter_ends]
        self.fields["unit"].queryset = units_for(user)
        self.fields["level"].choices = [("", "全部等级"), *((rank, level["name"]) for rank, level in enumerate(levels))]
        for name in ("at", "unit", "level", "status"):
            self.fields[name].widget.attrs["data-autosubmit"] = ""


def owners_for(user):
    root = user.scope_root
    if root is None:
        return User.objects.none()
    return User.objects.business().filter(org_unit__path__startswith=root.path).select_related("org_unit") \
        .order_by("org_unit__path", "display_name")


class OwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user) -> str:
        return f"{user.name}（{user.org_unit.display_name}）"


class RiskForm(forms.Form):
    org_unit = UnitChoiceField(label="责任单位", queryset=OrgUnit.objects.none())
    area = forms.ChoiceField(label="所属领域", choices=RiskArea.choices)
    title = forms.CharField(label="风险点", max_length=200)
    description = forms.CharField(label="风险描述", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    source = forms.ChoiceField(label="风险来源", choices=RiskSource.choices, initial=RiskSource.SCREENING)
    likelihood = forms.TypedChoiceField(label="可能性", coerce=int)
    impact = forms.TypedChoiceField(label="影响程度", coerce=int)
    residual_likelihood = forms.TypedChoiceField(label="采取措施后的可能性", coerce=int, required=False,
                                                 empty_value=None)
    residual_impact = forms.TypedChoiceField(label="采取措施后的影响程度", coerce=int, required=False,
                                             empty_value=None)
    owner = OwnerChoiceField(label="责任人", queryset=User.objects.none(), required=False, empty_label="（未指定）")
    measures = forms.CharField(label="防控措施", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    deadline = forms.DateField(label="整改时限", required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def __init__(self, *args, user, matrix, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units_for(user)
        self.fields["owner"].queryset = owners_for(user)
        likelihood = [(n, f"{n} {label}") for n, label in enumerate(matrix.likelihood_labels, 1)]
        impact = [(n, f"{n} {label}") for n, label in enumerate(matrix.impact_labels, 1)]
        self.fields["likelihood"].choices = likelihood
        self.fields["impact"].choices = impact
        self.fields["residual_likelihood"].choices = [("", "（未评估）"), *likelihood]
        self.fields["residual_impact"].choices = [("", "（未评估）"), *impact]
        if editing:  # a risk stays in its register and keeps its source
            del self.fields["org_unit"], self.fields["source"]


class ProgressForm(forms.Form):
    on = forms.DateField(label="日期", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    text = forms.CharField(label="整改情况", widget=forms.Textarea(attrs={"rows": 3}))
    files = EvidenceFilesField(label="佐证材料", required=False,
                               help_text="图片、PDF、Word、Excel，可多选；申请销号前须上传佐证材料。")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = timezone.localdate()


class AcceptForm(forms.Form):
    reason = forms.CharField(label="接受理由", widget=forms.Textarea(attrs={"rows": 2}))
    review_on = forms.DateField(label="复查日期", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


class ReopenForm(forms.Form):
    reason = forms.CharField(label="重新打开的理由", widget=forms.Textarea(attrs={"rows": 2}))


class MatrixForm(forms.Form):
    likelihood = forms.CharField(label="可能性等级（由低到高，每行一级）", widget=forms.Textarea(attrs={"rows": 5}))
    impact = forms.CharField(label="影响程度等级（由低到高，每行一级）", widget=forms.Textarea(attrs={"rows": 5}))
    levels = forms.CharField(label="风险等级（由低到高，每行“名称 颜色”，如“重大 #d42020”）",
                             widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, matrix, **kwargs):
        super().__init__(*args, **kwargs)
        self.matrix = matrix
        rows, cols = matrix.size
        choices = [(rank, level["name"]) for rank, level in enumerate(matrix.levels)]
        for l in range(rows):
            for i in range(cols):
                self.fields[f"cell_{l + 1}_{i + 1}"] = forms.TypedChoiceField(
                    label=f"{matrix.likelihood_labels[l]}×{matrix.impact_labels[i]}", choices=choices, coerce=int,
                    required=False, empty_value=None)

    def cell_rows(self):
        """The cell fields by likelihood, highest first (as the heat map shows them)."""
        rows, cols = self.matrix.size
        return [(self.matrix.likelihood_labels[l - 1], [self[f"cell_{l}_{i}"] for i in range(1, cols + 1)])
                for l in range(rows, 0, -1)]

    def matrix_data(self) -> dict:
        """The matrix the form describes. Axes of a new size get the default banding for their cells."""
        from . import matrix as logic

        lines = lambda text: [line.strip() for line in text.splitlines() if line.strip()]  # noqa: E731
        likelihood, impact = lines(self.cleaned_data["likelihood"]), lines(self.cleaned_data["impact"])
        levels = []
        for line in lines(self.cleaned_data["levels"]):
            name, _, colour = line.rpartition(" ")
            levels.append({"name": name.strip() or colour, "colour": colour if name else ""})
        rows, cols = self.matrix.size
        if (len(likelihood), len(impact)) == (rows, cols):
            cells = [[self.cleaned_data.get(f"cell_{l}_{i}") for i in range(1, cols + 1)] for l in range(1, rows + 1)]
        elif logic.MIN_SIZE <= len(likelihood) <= logic.MAX_SIZE and logic.MIN_SIZE <= len(impact) <= logic.MAX_SIZE:
            cells = logic.default_cells(len(likelihood), len(impact), max(2, min(len(levels), 4)))
        else:
            cells = []
        return {"likelihood": likelihood, "impact": impact, "levels": levels, "cells": cells}
