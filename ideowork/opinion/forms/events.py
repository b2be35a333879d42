"""Forms of the event pages and of the word lists; they collect input, ``opinion.actions`` decides."""

from django import forms

from ..choices import EventStatus, Grade, Sentiment
from ..models.lexicon import LIST_FIELDS
from .sources import PeriodFilterForm

__all__ = ["EventFilterForm", "SplitForm", "RenameForm", "WordListsForm"]


class EventFilterForm(PeriodFilterForm):
    status = forms.ChoiceField(label="处置状态", required=False, choices=[("", "全部状态"), *EventStatus.choices])
    grade = forms.ChoiceField(label="等级", required=False, choices=[("", "全部等级"), *Grade.choices])
    sentiment = forms.ChoiceField(label="倾向", required=False, choices=[("", "全部倾向"), *Sentiment.choices])
    field_order = ["status", "grade", "sentiment", "since", "until"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["since"].label, self.fields["until"].label = "最近发现起始日期", "最近发现截止日期"


class SplitForm(forms.Form):
    title = forms.CharField(label="新事件名称", max_length=500, required=False,
                            help_text="不填则以拆分出去的信息中最早的一条的标题命名。")


class RenameForm(forms.Form):
    title = forms.CharField(label="事件名称", max_length=500)


class WordListsForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label, shape, _default, _limits in LIST_FIELDS:
            self.fields[name] = forms.CharField(label=label, required=False, help_text=f"每行一个：{shape}",
                                                widget=forms.Textarea(attrs={"rows": 6}))
