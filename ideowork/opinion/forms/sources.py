"""Forms of the intake pages; they collect input, ``opinion.actions`` decides."""

from django import forms

from ideowork.core.models import OrgUnit

from ..choices import Grade, Sentiment, SourceKind, SourceLevel

__all__ = ["SourceForm", "ItemFilterForm", "PeriodFilterForm"]

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SourceForm(forms.Form):
    name = forms.CharField(label="来源名称", max_length=100, help_text="如：市融媒体中心、某舆情服务导出、本地论坛。")
    kind = forms.ChoiceField(label="接入方式", choices=SourceKind.choices,
                             help_text="RSS/Atom订阅由系统定时抓取；文件导入在来源页上传；接口推送由采集网关调用。")
    level = forms.ChoiceField(label="来源级别", choices=SourceLevel.choices)
    org_unit = forms.ModelChoiceField(label="所属单位", queryset=OrgUnit.objects.none(),
                                      help_text="本单位的监测方案和人员查看该来源的信息。")
    feed_url = forms.CharField(label="订阅地址", max_length=1000, required=False,
                               help_text="仅RSS/Atom订阅填写，以 http:// 或 https:// 开头。")
    poll_minutes = forms.IntegerField(label="抓取间隔（分钟）", initial=30, min_value=5, max_value=1440)
    description = forms.CharField(label="说明", max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = OrgUnit.objects.visible_to(user).filter(is_active=True)
        if editing:
            del self.fields["org_unit"]

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class PeriodFilterForm(forms.Form):
    """A list's filter with a period of days (the item list's arrivals, the event list's activity)."""

    since = forms.DateField(label="起始日期", required=False, widget=DATE)
    until = forms.DateField(label="截止日期", required=False, widget=DATE)

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", "截止日期不能早于起始日期。")
        return data


class ItemFilterForm(PeriodFilterForm):
    source = forms.TypedChoiceField(label="来源", required=False, coerce=int, empty_value=None)
    scheme = forms.TypedChoiceField(label="监测方案", required=False, coerce=int, empty_value=None)
    sentiment = forms.ChoiceField(label="倾向", required=False, choices=[("", "全部倾向"), *Sentiment.choices])
    grade = forms.ChoiceField(label="等级", required=False, choices=[("", "全部等级"), *Grade.choices])
    field_order = ["source", "scheme", "sentiment", "grade", "since", "until"]

    def __init__(self, *args, sources, schemes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [("", "全部来源"), *((s.pk, s.name) for s in sources)]
        self.fields["scheme"].choices = [("", "全部方案"), *((s.pk, s.name) for s in schemes)]
        self.fields["since"].label, self.fields["until"].label = "接收起始日期", "接收截止日期"
