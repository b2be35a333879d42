"""Forms of the proofreader: one rule, the rule list's filters, a rule file upload, and the checker."""

from django import forms
from django.db.models import Q

from ..actions.proofreading import EXCEPTIONS_MAX, PATTERN_MAX, RULE_CATEGORIES, SUGGESTION_MAX
from ..choices import RuleCategory, Severity
from ..models import ProofRule

__all__ = ["RuleForm", "RuleFilterForm", "RuleImportForm", "ProofreadForm", "TEXT_MAX"]

TEXT_MAX = 200_000


class RuleForm(forms.Form):
    category = forms.ChoiceField(label="类别", choices=RULE_CATEGORIES, initial=RuleCategory.CUSTOM,
                                 help_text="政治表述：规范提法、全称和顺序；禁用词、慎用词：新华社禁用词和慎用词；"
                                           "易混词：如截止/截至；过时表述：某日之后的文件中不应再出现的提法。")
    pattern = forms.CharField(label="查找内容", max_length=PATTERN_MAX,
                              help_text=f"文中出现这段文字即提示，按原样逐字匹配，"
                                        f"不超过{PATTERN_MAX}个字。")
    suggestion = forms.CharField(label="建议改为", required=False, max_length=SUGGESTION_MAX,
                                 help_text="正确的写法；禁用词、慎用词没有固定替换时可留空。")
    severity = forms.ChoiceField(label="级别", choices=Severity.choices, initial=Severity.ERROR,
                                 widget=forms.RadioSelect,
                                 help_text="“错误”在终审前必须修改或说明理由豁免；“提示”供作者斟酌。")
    note = forms.CharField(label="说明", required=False, max_length=300,
                           help_text="显示给作者的提示，如依据的文件或规范。")
    exceptions = forms.CharField(
        label="例外语境", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=f"在这些较长的词语中出现时是正确用法、不提示，每行一条（或用“|”分隔），每条须包含查找内容，最多{EXCEPTIONS_MAX}条。"
                  "例如查找“截止”，例外可填“截止日期”。")
    outdated_after = forms.DateField(label="过时日期", required=False, widget=forms.DateInput(attrs={"type": "date"}),
                                     help_text="仅“过时表述”类填写：成文日期在此日之后的文件才提示。")
    enabled = forms.BooleanField(label="启用", required=False, initial=True)

    def __init__(self, *args, rule: ProofRule | None = None, **kwargs):
        if rule is not None and "initial" not in kwargs:
            kwargs["initial"] = {name: getattr(rule, name) for name in
                                 ("category", "pattern", "suggestion", "severity", "note", "exceptions",
                                  "outdated_after", "enabled")}
        super().__init__(*args, **kwargs)

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class RuleFilterForm(forms.Form):
    q = forms.CharField(label="关键词", required=False,
                        widget=forms.TextInput(attrs={"placeholder": "查找内容、建议或说明", "type": "search"}))
    category = forms.ChoiceField(label="类别", required=False, choices=[("", "全部类别"), *RULE_CATEGORIES])
    severity = forms.ChoiceField(label="级别", required=False, choices=[("", "全部级别"), *Severity.choices])
    source = forms.ChoiceField(label="来源", required=False,
                               choices=[("", "全部来源"), ("shipped", "内置"), ("own", "本单位"), ("other", "其他单位")])
    status = forms.ChoiceField(label="状态", required=False,
                               choices=[("", "全部状态"), ("on", "已启用"), ("off", "已停用")])

    def filter(self, qs, *, owner):
        if not self.is_valid():
            return qs
        d = self.cleaned_data
        if d["q"]:
            term = d["q"].strip()
            qs = qs.filter(Q(pattern__icontains=term) | Q(suggestion__icontains=term)
                           | Q(note__icontains=term))
        if d["category"]:
            qs = qs.filter(category=d["category"])
        if d["severity"]:
            qs = qs.filter(severity=d["severity"])
        if d["source"] == "shipped":
            qs = qs.filter(org_unit__isnull=True)
        elif d["source"] == "own":
            qs = qs.filter(org_unit=owner)
        elif d["source"] == "other":
            qs = qs.filter(org_unit__isnull=False).exclude(org_unit=owner)
        if d["status"]:
            qs = qs.filter(enabled=d["status"] == "on")
        return qs

    @property
    def is_filtered(self) -> bool:
        return any(self.data.get(k) for k in self.fields)


class RuleImportForm(forms.Form):
    file = forms.FileField(label="规则文件", help_text="制表符分隔的UTF-8文本（.tsv / .txt），或Excel（.xlsx），列与模板相同。",
                           widget=forms.ClearableFileInput(attrs={"accept": ".tsv,.txt,.xlsx"}))


class ProofreadForm(forms.Form):
    text = forms.CharField(label="待校对文字", required=False, max_length=TEXT_MAX, strip=False,
                           widget=forms.Textarea(attrs={"rows": 14, "placeholder": "将稿件正文粘贴到这里……"}))
    file = forms.FileField(label="或上传文件", required=False, help_text="支持 .txt、.docx，上传后以文件内容为准。",
                           widget=forms.ClearableFileInput(attrs={"accept": ".txt,.docx"}))
    date = forms.DateField(label="成文日期", required=False, widget=forms.DateInput(attrs={"type": "date"}),
                           help_text="填写后检查在此日期已过时的表述。")

    def clean(self):
        data = super().clean()
        if not self.errors and not (data.get("text") or "").strip() and not data.get("file"):
            raise forms.ValidationError("请粘贴需要校对的文字，或上传一个文件。")
        return data
