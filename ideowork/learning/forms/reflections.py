"""The form of reflections and research reports (their review is the workflow's decision form)."""

from django import forms

from ..models import ReflectionKind, StudyGroup, StudySession

__all__ = ["ReflectionForm"]


class ReflectionForm(forms.Form):
    kind = forms.ChoiceField(label="类型", choices=ReflectionKind.choices, widget=forms.RadioSelect)
    group = forms.ModelChoiceField(label="学习小组", queryset=StudyGroup.objects.none())
    session = forms.ModelChoiceField(label="关联学习活动", queryset=StudySession.objects.none(), required=False,
                                     empty_label="（不关联）")
    title = forms.CharField(label="标题", max_length=200)
    body = forms.CharField(label="正文", required=False,
                           widget=forms.Textarea(attrs={"rows": 16, "class": "reflection-body"}),
                           help_text="段落之间空一行；也可只上传Word或PDF文件。")
    file = forms.FileField(label="上传文件", required=False, help_text="Word（.docx/.doc）或PDF。")

    def __init__(self, *args, groups, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups
        self.fields["session"].queryset = sessions
        if len(groups) == 1:
            self.fields["group"].initial = groups[0].pk
        self.fields["session"].label_from_instance = lambda s: f"{s.date:%Y-%m-%d} {s.group.name}：{s.title}"

