"""Forms of the warning pages; they collect input, ``actions/warnings.py`` and ``actions/warning_rules.py``
decide."""

from django import forms

from ideowork.core.forms.pickers import TickListPicker

from ..choices import Channel, Grade, SourceLevel, WarningKind, WarningStatus, WebhookKind
from ..models import Scheme

__all__ = ["WarningRuleForm", "RecipientPersonForm", "RecipientWebhookForm", "QuietHoursForm", "RaiseWarningForm",
           "CloseWarningForm", "WarningFilterForm"]

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class WarningRuleForm(forms.Form):
    scheme = forms.ModelChoiceField(label="监测方案", queryset=Scheme.objects.none(), required=False,
                                    empty_label="本单位全部方案", help_text="不选则对本单位的每个监测方案都适用。")
    name = forms.CharField(label="规则名称", max_length=100, help_text="如：重大以上舆情、央媒负面报道、信息量激增。")
    kind = forms.ChoiceField(label="预警条件", widget=forms.RadioSelect,
                             choices=[(k.value, k.label) for k in (WarningKind.GRADE, WarningKind.NEGATIVE, WarningKind.SPIKE)])
    min_grade = forms.ChoiceField(label="最低等级", required=False, choices=[("", "—"), *Grade.choices],
                                  help_text="按等级：信息等级达到此级及以上即预警。")
    source_levels = forms.MultipleChoiceField(label="来源级别", required=False, choices=SourceLevel.choices,
                                              widget=TickListPicker(unit="类", placeholder="输入级别筛选"),
                                              help_text="负面信息：只看这些级别的来源；都不选表示任意级别。")
    spike_days = forms.IntegerField(label="对比天数", initial=7, min_value=1, max_value=30,
                                    help_text="信息量激增：与前几天同一小时的平均数比较。")
    spike_ratio = forms.FloatField(label="激增倍数", initial=3, min_value=1, max_value=100)
    spike_min_count = forms.IntegerField(label="最少条数", initial=20, min_value=1, max_value=100000,
                                         help_text="本小时命中不少于此数才预警，避免夜间零星信息误报。")
    channels = forms.MultipleChoiceField(label="推送渠道", choices=Channel.choices, initial=[Channel.IN_APP], required=False,
                                         widget=TickListPicker(unit="个", placeholder="输入渠道筛选"),
                                         help_text="接收人和群机器人在各方案的“预警接收人”中设置。")
    window_minutes = forms.IntegerField(label="合并时段（分钟）", initial=60, min_value=5, max_value=1440,
                                        help_text="同一方案、同一规则、同一事件在此时段内只发一条预警，后续信息并入其中。")

    def __init__(self, *args, schemes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scheme"].queryset = schemes


class RecipientPersonForm(forms.Form):
    user = forms.TypedChoiceField(label="人员", coerce=int)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].choices = [("", "请选择"), *((p.pk, f"{p.display_name}（{p.org_unit.display_name}）")
                                                          for p in people)]


class RecipientWebhookForm(forms.Form):
    webhook_kind = forms.ChoiceField(label="机器人类型", choices=WebhookKind.choices)
    webhook_url = forms.CharField(label="机器人地址", max_length=500,
                                  help_text="群机器人的Webhook地址，保存后只显示部分内容。")
    webhook_secret = forms.CharField(label="加签密钥", max_length=200, required=False,
                                     widget=forms.PasswordInput(render_value=False),
                                     help_text="政务钉钉机器人启用“加签”时填写。")
    label = forms.CharField(label="名称", max_length=100, required=False, help_text="如：舆情工作群。")


class QuietHoursForm(forms.Form):
    quiet_enabled = forms.BooleanField(label="启用静默时段", required=False)
    quiet_start = forms.TimeField(label="静默开始", widget=TIME)
    quiet_end = forms.TimeField(label="静默结束", widget=TIME,
                                help_text="静默时段内不发邮件和群机器人消息（特别重大预警除外），结束后补发；站内通知照常。")


class RaiseWarningForm(forms.Form):
    scheme = forms.TypedChoiceField(label="监测方案", coerce=int, help_text="预警发给该方案的接收人。")
    grade = forms.ChoiceField(label="预警等级", choices=Grade.choices)
    note = forms.CharField(label="预警理由", max_length=500, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, schemes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scheme"].choices = [(s.pk, s.name) for s in schemes]


class CloseWarningForm(forms.Form):
    note = forms.CharField(label="关闭说明", max_length=300, required=False)


class WarningFilterForm(forms.Form):
    status = forms.ChoiceField(label="状态", required=False, choices=[("", "全部状态"), *WarningStatus.choices])
    grade = forms.ChoiceField(label="等级", required=False, choices=[("", "全部等级"), *Grade.choices])
    kind = forms.ChoiceField(label="类型", required=False, choices=[("", "全部类型"), *WarningKind.choices])
