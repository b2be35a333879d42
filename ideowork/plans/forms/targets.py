"""Target forms: the one used to add or change a saved target, and its two variants in the import preview."""

from django import forms
from django.forms.utils import ErrorDict

from ideowork.core.periods import PeriodKind

from ..choices import Comparator, Per

__all__ = ["TargetForm", "PreviewTargetForm", "NewTargetForm", "TARGET_FORM_FIELDS"]

TARGET_FORM_FIELDS = ("text", "count", "unit", "period", "comparator", "per")


class TargetForm(forms.Form):
    text = forms.CharField(label="指标原文", max_length=300,
                           help_text="原文中的指标表述，如“全年集中学习不少于12次”。")
    count = forms.IntegerField(label="数量", min_value=1, max_value=100000,
                               error_messages={"min_value": "数量须为1至100000之间的整数。",
                                               "max_value": "数量须为1至100000之间的整数。",
                                               "invalid": "数量须为整数。", "required": "请填写数量。"})
    unit = forms.CharField(label="单位", max_length=10, initial="次", help_text="如 次、场、篇、期。")
    period = forms.ChoiceField(label="周期", choices=PeriodKind.choices, initial=PeriodKind.YEAR)
    comparator = forms.ChoiceField(label="要求", choices=Comparator.choices, initial=Comparator.AT_LEAST)
    per = forms.ChoiceField(label="计数方式", choices=Per.choices, initial=Per.ORG,
                            help_text="按人：每名考核人员各自须达到该数量，如中心组成员撰写心得体会。")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].error_messages["required"] = "请填写指标原文。"
        self.fields["unit"].error_messages["required"] = "请填写单位。"
        for name in ("count", "unit"):
            self.fields[name].widget.attrs["class"] = "narrow"

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in TARGET_FORM_FIELDS}


class PreviewTargetForm(TargetForm):
    """A detected target in the import preview; the user may correct it or remove it."""

    delete = forms.BooleanField(label="删除", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.help_text = ""

    def full_clean(self):
        super().full_clean()
        # A target marked for removal needs no valid values.
        if self.is_bound and self.data.get(self.add_prefix("delete")) in ("on", "true", "1"):
            self._errors = ErrorDict()
            self.cleaned_data = {"delete": True}


class NewTargetForm(PreviewTargetForm):
    """An optional extra target for an item in the import preview: ignored while its phrase is empty."""

    delete = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].required = False
        self.fields["count"].required = False
        self.fields["unit"].required = False
        self.fields["text"].widget.attrs["placeholder"] = "补充遗漏的指标：粘贴原文表述，如“每半年开展1次专题研判”"

    def full_clean(self):
        forms.Form.full_clean(self)
        if not self.is_bound:
            return
        if not (self.cleaned_data.get("text") or "").strip():
            self._errors = ErrorDict()
            self.cleaned_data = {}
        elif self.cleaned_data.get("count") is None and "count" not in self._errors:
            self.add_error("count", "请填写数量。")

    @property
    def is_empty(self) -> bool:
        return not self.cleaned_data

    def values(self) -> dict:
        data = super().values()
        data["unit"] = data["unit"] or "次"
        return data
