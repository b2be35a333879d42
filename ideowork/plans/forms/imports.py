"""The import page (upload or paste, unit, year) and the plan header of the preview."""

from __future__ import annotations

from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError

from ideowork.core.forms.errors import add_service_errors
from ideowork.core.uploads import check_pasted_text, read_upload

from ..actions.imports import YEAR_MAX, YEAR_MIN, check_plan_header, owning_units
from ..parser import ParseError, parse_text

__all__ = ["ImportForm", "PlanHeaderForm", "IMPORT_KINDS"]

IMPORT_KINDS = {"docx", "txt", "pdf"}
YEAR_ERRORS = {"min_value": f"年度须在{YEAR_MIN}至{YEAR_MAX}之间。", "max_value": f"年度须在{YEAR_MIN}至{YEAR_MAX}之间。",
               "invalid": "年度须为四位数字。", "required": "请填写年度。"}


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class ImportForm(forms.Form):
    """Where the document comes from and who owns the plan; ``clean`` parses it into ``self.parsed``
    (and ``self.structure``, the parser's "numbered" or "paragraphs")."""

    file = forms.FileField(label="上传文件", required=False,
                           help_text="支持 Word(.docx)、文本(.txt)、PDF(.pdf，须为文字版，扫描件无法识别)。")
    text = forms.CharField(label="或粘贴全文", required=False, widget=forms.Textarea(attrs={"rows": 10}),
                           help_text="从网页或文件中复制工作要点全文粘贴于此；上传文件时此项忽略。")
    org_unit = UnitChoiceField(label="所属单位", queryset=None, empty_label=None,
                               error_messages={"invalid_choice": "请选择您有权管理的机关或县区单位。"})
    year = forms.IntegerField(label="年度", required=False, min_value=YEAR_MIN, max_value=YEAR_MAX,
                              error_messages=YEAR_ERRORS, help_text="留空则按文件标题识别。")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["org_unit"].queryset = owning_units(user)
        self.fields["org_unit"].initial = user.scope_root
        self.fields["year"].widget.attrs["class"] = "narrow"
        self.parsed: dict | None = None
        self.structure = "numbered"  # "paragraphs": no numbered items, the duty paragraphs stand in
        self.source_name = ""
        self.source_text = ""

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        upload, pasted = data.get("file"), (data.get("text") or "").strip()
        try:
            if upload:
                self.source_text = read_upload(upload, allowed=IMPORT_KINDS).text
                self.source_name = PurePath(upload.name).name
            elif pasted:
                check_pasted_text(pasted)
                self.source_name, self.source_text = "粘贴文本", pasted
            else:
                raise ValidationError("请上传工作要点文件，或粘贴全文。")
            plan = parse_text(self.source_text)
            self.parsed, self.structure = plan.to_dict(offsets=True), plan.structure
        except ValidationError as exc:
            self.add_error("file" if upload else None, exc)
            return data
        except ParseError as exc:
            self.add_error("file" if upload else "text", exc.message)
            return data
        year = data.get("year") or self.parsed.get("year")
        if year is None:
            self.add_error("year", "未能从文件中识别年度，请填写年度。")
        elif self.parsed.get("title"):
            try:
                check_plan_header(self.user, org_unit_id=data["org_unit"].pk, year=year, title=self.parsed["title"])
            except ValidationError as exc:
                self.add_error(None, exc.message_dict.get("title", exc.messages))
        data["year"] = year
        return data


class PlanHeaderForm(forms.Form):
    """Title, year, issuer and owner of the plan in the import preview."""

    title = forms.CharField(label="标题", max_length=200, error_messages={"required": "请填写工作要点标题。"})
    year = forms.IntegerField(label="年度", min_value=YEAR_MIN, max_value=YEAR_MAX, error_messages=YEAR_ERRORS)
    issuer = forms.CharField(label="发文机关", max_length=100, required=False)
    org_unit = UnitChoiceField(label="所属单位", queryset=None, empty_label=None,
                               error_messages={"invalid_choice": "请选择您有权管理的机关或县区单位。"})

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["org_unit"].queryset = owning_units(user)
        self.fields["year"].widget.attrs["class"] = "narrow"

    def clean(self):
        data = super().clean()
        if not self.errors:
            try:
                check_plan_header(self.user, org_unit_id=data["org_unit"].pk, year=data["year"], title=data["title"])
            except ValidationError as exc:
                add_service_errors(self, exc)
        return data
