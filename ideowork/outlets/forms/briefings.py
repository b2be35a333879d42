"""Forms of the briefings part: compiling a new issue, and editing an issue's entries and masthead."""

from datetime import date

from django import forms

from ideowork.core.forms.pickers import TickListPicker

from ..models import BriefingIssue

__all__ = ["MonthField", "IssueFieldsForm", "BriefingCreateForm", "EntryForm", "EntryFormSet", "NOTE_ROWS"]

NOTE_ROWS = 3


class MonthField(forms.CharField):
    """A month as ``YYYY-MM`` (the browser's month input), cleaned to the first day of the month."""

    widget = forms.TextInput(attrs={"type": "month"})
    default_error_messages = {"invalid": "请选择月份（格式：2026-03）。"}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            year, month = (int(part) for part in value.split("-"))
            return date(year, month, 1)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None

    def prepare_value(self, value):
        return f"{value:%Y-%m}" if isinstance(value, date) else value


class IssueFieldsForm(forms.ModelForm):
    """The masthead and the distribution (版记) of an issue."""

    class Meta:
        model = BriefingIssue
        fields = ["issue_date", "editor", "signer", "report_to", "copy_to", "distribute_to", "copies"]
        widgets = {"issue_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {"editor": "刊头左侧显示为“××编”。", "report_to": "报送的上级领导和机关，如“市委、市政府领导同志”。",
                      "distribute_to": "下发范围，如“机关各科室，各县（市、区）委编办”。"}


class BriefingCreateForm(IssueFieldsForm):
    series = forms.ModelChoiceField(label="简报", queryset=None, empty_label=None)
    month = MonthField(label="反映月份")
    activities = forms.ModelMultipleChoiceField(label="选用的台账活动", queryset=None, required=False,
                                                widget=TickListPicker(unit="项", placeholder="输入活动名称筛选"))
    first_serial = forms.IntegerField(label="总期号起始", required=False, min_value=1,
                                      help_text="仅用于本简报在系统中的第一期：此前已编发过的，填写本期的总期号。")

    class Meta(IssueFieldsForm.Meta):
        pass

    def __init__(self, *args, series_qs, activities_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = series_qs
        self.fields["activities"].queryset = activities_qs
        self.fields["activities"].label_from_instance = lambda a: f"{a.date:%m-%d} {a.title}"
        for n in range(1, NOTE_ROWS + 1):
            self.fields[f"note_heading_{n}"] = forms.CharField(label=f"补充内容{n}：标题", max_length=200,
                                                               required=False)
            self.fields[f"note_text_{n}"] = forms.CharField(label=f"补充内容{n}：正文", required=False,
                                                            widget=forms.Textarea(attrs={"rows": 4}))

    def note_rows(self):
        return [(self[f"note_heading_{n}"], self[f"note_text_{n}"]) for n in range(1, NOTE_ROWS + 1)]

    def notes(self) -> list[tuple[str, str]]:
        data = self.cleaned_data
        return [(data.get(f"note_heading_{n}", ""), data.get(f"note_text_{n}", "")) for n in range(1, NOTE_ROWS + 1)]

    def issue_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in IssueFieldsForm.Meta.fields}


class EntryForm(forms.Form):
    entry = forms.IntegerField(widget=forms.HiddenInput, required=False)
    order = forms.IntegerField(label="顺序", required=False, min_value=0,
                               widget=forms.NumberInput(attrs={"class": "order-input"}))
    heading = forms.CharField(label="标题", max_length=200, required=False)
    text = forms.CharField(label="正文", required=False, widget=forms.Textarea(attrs={"rows": 5}))


EntryFormSet = forms.formset_factory(EntryForm, extra=1, can_delete=True)
