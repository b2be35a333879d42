"""Forms of the content part: write, revise, waive a finding, publish, withdraw."""

from django import forms
from django.utils import timezone

from ..choices import ContentKind, OutletActivityKind
from ..models import Outlet

__all__ = ["ContentForm", "ReviseForm", "WaiveForm", "PublishForm", "WithdrawForm", "PUBLISH_KINDS"]

PUBLISH_KINDS = [(k, OutletActivityKind(k).label) for k in (OutletActivityKind.PUBLICATION,
                                                            OutletActivityKind.BOARD_UPDATE, OutletActivityKind.BRIEFING)]
FILE_HELP = "可上传.txt或.docx文件代替手工输入，上传后以文件中的文字作为正文。"


class _TextFields(forms.Form):
    title = forms.CharField(label="标题", max_length=200)
    body = forms.CharField(label="正文", required=False, strip=False,
                           widget=forms.Textarea(attrs={"rows": 22, "class": "content-body"}),
                           help_text="段落之间换行即可，保存后自动校对。")
    file = forms.FileField(label="或上传文件", required=False, help_text=FILE_HELP,
                           widget=forms.ClearableFileInput(attrs={"accept": ".txt,.docx"}))


class ContentForm(_TextFields):
    kind = forms.ChoiceField(label="稿件类型", choices=ContentKind.choices)
    outlet = forms.ModelChoiceField(label="拟发布阵地", queryset=Outlet.objects.none(), required=False,
                                    empty_label="（暂不指定）",
                                    help_text="阵地决定审核流程；采访申请、对外宣传材料可不指定。")
    field_order = ["kind", "outlet", "title", "body", "file"]

    def __init__(self, *args, outlets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outlet"].queryset = outlets
        self.fields["outlet"].label_from_instance = lambda o: f"{o.name}（{o.get_kind_display()}）"


class ReviseForm(_TextFields):
    note = forms.CharField(label="修改说明", max_length=300,
                           help_text="简要说明本次修改了什么，例如“按初审意见修改第二段表述”。")
    field_order = ["title", "body", "file", "note"]


class WaiveForm(forms.Form):
    rule = forms.CharField(widget=forms.HiddenInput, max_length=200)
    text = forms.CharField(widget=forms.HiddenInput, max_length=2000, strip=False)
    reason = forms.CharField(label="保留理由", max_length=300)


class PublishForm(forms.Form):
    published_at = forms.DateTimeField(label="发布时间", input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
                                       widget=forms.DateTimeInput(attrs={"type": "datetime-local"},
                                                                  format="%Y-%m-%dT%H:%M"))
    where = forms.CharField(label="发布位置/链接", max_length=300, required=False,
                            help_text="文章链接、宣传栏位置，或采访、对外材料的使用情况。")
    kind = forms.ChoiceField(label="计入台账的活动类型", choices=PUBLISH_KINDS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["published_at"].initial = timezone.localtime().replace(second=0, microsecond=0)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label="撤稿原因", max_length=300, widget=forms.Textarea(attrs={"rows": 3}))
