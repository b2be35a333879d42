"""Forms of the scheme pages: one scheme, and the range of a back-run."""

from django import forms

from ..actions.schemes import BACKRUN_DAYS, DESCRIPTION_MAX, NAME_MAX, WORDS_MAX
from ..models import Scheme

__all__ = ["SchemeForm", "BackrunForm", "GROUP_HELP"]

# How a group is written is said once above the four groups (scheme_form.html), not under each.
GROUP_HELP = f"每行一个词；含空格或运算符的短语可写在一对英文双引号中，如 \"COVID-19\"。每组最多{WORDS_MAX}个。"


def _words(label: str, placeholder: str) -> forms.CharField:
    return forms.CharField(label=label, required=False,
                           widget=forms.Textarea(attrs={"rows": 3, "placeholder": placeholder, "spellcheck": "false"}))


class SchemeForm(forms.Form):
    name = forms.CharField(label="方案名称", max_length=NAME_MAX, widget=forms.TextInput(attrs={"placeholder": "如：汛期防汛救灾"}))
    region_words = _words("地域词", "如：\n甲县\n城关镇")
    subject_words = _words("主体词", "如：\n编办\n机构改革")
    event_words = _words("事件词", "如：\n投诉\n举报")
    exclude_words = _words("排除词", "如：\n广告\n招聘")
    expression = forms.CharField(
        label="高级表达式", required=False,
        help_text="可选。与上面的词组同时成立才命中；只用表达式时可不填词组。",
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": "如：(暴雨|洪水)+(转移|安置)-演练", "spellcheck": "false"}))
    description = forms.CharField(label="说明", required=False, max_length=DESCRIPTION_MAX)

    def __init__(self, *args, scheme: Scheme | None = None, **kwargs):
        if scheme is not None and "initial" not in kwargs:
            kwargs["initial"] = {name: getattr(scheme, name) for name in self.base_fields}
        super().__init__(*args, **kwargs)

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class BackrunForm(forms.Form):
    start = forms.DateField(label="开始日期", required=False, widget=forms.DateInput(attrs={"type": "date"}),
                            help_text=f"按信息的接收日期；不填为最近{BACKRUN_DAYS}天。")
    end = forms.DateField(label="结束日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))
