"""Forms for topics, materials and courses. They parse input; ``learning.actions.materials`` writes."""

import re

from django import forms
from django.core.exceptions import ValidationError

from ..actions.materials import MEDIA_MAX_BYTES
from ..models import Material, MaterialKind, Topic
from ideowork.core.forms.filters import filter_by
from ideowork.core.uploads import human_size

__all__ = ["TopicForm", "MaterialForm", "MaterialEditForm", "CourseForm", "CourseItemForm", "MaterialFilterForm",
           "parse_duration"]

DURATION_RE = re.compile(r"^(?:(\d+):)?(\d+):(\d{1,2})$")


def parse_duration(text: str) -> int | None:
    """"1:02:03", "12:30" or "750" (seconds) → seconds; None if empty."""
    text = (text or "").strip().replace("：", ":")
    if not text:
        return None
    if text.isdigit():
        return int(text)
    match = DURATION_RE.match(text)
    if not match or int(match.group(3)) >= 60:
        raise ValidationError("时长格式应为“分:秒”（如 12:30）或“时:分:秒”。")
    hours, minutes, seconds = int(match.group(1) or 0), int(match.group(2)), int(match.group(3))
    return hours * 3600 + minutes * 60 + seconds


def format_duration(seconds: int) -> str:
    if not seconds:
        return ""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class TopicForm(forms.ModelForm):
    class Meta:
        model = Topic
        fields = ["title", "description", "order"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"order": "数字小的排在前面。"}


def _topic_field(user):
    return forms.ModelChoiceField(label="所属专题", required=False, empty_label="（不属于任何专题）",
                                  queryset=Topic.objects.visible_to(user))


class MaterialForm(forms.Form):
    kind = forms.ChoiceField(label="资料类型", choices=MaterialKind.choices, initial=MaterialKind.ARTICLE)
    title = forms.CharField(label="标题", max_length=200)
    topic = forms.ModelChoiceField(label="所属专题", required=False, queryset=Topic.objects.none())
    summary = forms.CharField(label="简介", max_length=500, required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))
    body = forms.CharField(label="正文", required=False, widget=forms.Textarea(attrs={"rows": 14}),
                           help_text="文章类资料填写正文，段落之间空一行。")
    upload = forms.FileField(label="文件", required=False,
                             help_text=f"PDF；音频 MP3/M4A/WAV/OGG；视频 MP4/WebM（音视频不超过{human_size(MEDIA_MAX_BYTES)}）。")
    duration = forms.CharField(label="时长", required=False, max_length=12,
                               help_text="音视频时长，格式“分:秒”；选择文件后自动读取。")
    required_minutes = forms.IntegerField(label="要求学习时长（分钟）", required=False, min_value=1, max_value=240,
                                          help_text="文章、PDF可设定；留空则按篇幅估算（文章最长5分钟，PDF默认3分钟）。"
                                                    "音视频须观看时长的90%。")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"] = _topic_field(user)
        self.fields["duration"].widget.attrs.update({"placeholder": "如 12:30", "data-duration": "1"})
        self.fields["upload"].widget.attrs["accept"] = ".pdf,.mp3,.m4a,.wav,.ogg,.mp4,.webm"

    def clean_duration(self):
        return parse_duration(self.cleaned_data.get("duration"))

    def service_data(self) -> dict:
        d = self.cleaned_data
        minutes = d.get("required_minutes")
        return {"kind": d["kind"], "title": d["title"], "summary": d["summary"], "body": d["body"],
                "topic": d["topic"], "upload": d.get("upload"), "duration_seconds": d.get("duration"),
                "required_seconds": minutes * 60 if minutes else None}


class MaterialEditForm(MaterialForm):
    """The same fields without the kind and the file, which a material keeps."""

    def __init__(self, *args, material: Material, **kwargs):
        kwargs.setdefault("initial", {
            "title": material.title, "summary": material.summary, "body": material.body, "topic": material.topic,
            "duration": format_duration(material.duration_seconds),
            "required_minutes": (material.required_seconds // 60 or None) if not material.is_media else None,
        })
        super().__init__(*args, **kwargs)
        del self.fields["kind"], self.fields["upload"]
        if not material.is_media:
            del self.fields["duration"]
        if material.kind != MaterialKind.ARTICLE:
            del self.fields["body"]
        else:
            self.fields["body"].required = True

    def service_data(self) -> dict:
        d = self.cleaned_data
        minutes = d.get("required_minutes")
        return {"title": d["title"], "summary": d["summary"], "body": d.get("body", ""), "topic": d["topic"],
                "duration_seconds": d.get("duration"), "required_seconds": minutes * 60 if minutes else None}


class CourseForm(forms.Form):
    title = forms.CharField(label="课程名称", max_length=200)
    topic = forms.ModelChoiceField(label="所属专题", required=False, queryset=Topic.objects.none())
    description = forms.CharField(label="课程简介", required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"] = _topic_field(user)


class CourseItemForm(forms.Form):
    material = forms.ModelChoiceField(label="添加课时", queryset=Material.objects.none(),
                                      empty_label="选择学习资料…")

    def __init__(self, *args, user, course, **kwargs):
        super().__init__(*args, **kwargs)
        in_course = course.items.values("material")
        self.fields["material"].queryset = Material.objects.visible_to(user).exclude(pk__in=in_course)
        self.fields["material"].label_from_instance = lambda m: f"［{m.get_kind_display()}］{m.title}"


class MaterialFilterForm(forms.Form):
    kind = forms.ChoiceField(label="类型", required=False, choices=[("", "全部类型"), *MaterialKind.choices])
    topic = forms.ModelChoiceField(label="专题", required=False, queryset=Topic.objects.none(),
                                   empty_label="全部专题")
    q = forms.CharField(label="关键词", required=False, widget=forms.TextInput(attrs={"placeholder": "标题关键词"}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.visible_to(user)

    def filter(self, qs):
        if not self.is_valid():
            return qs
        return filter_by(qs, self.cleaned_data, {"kind": "kind", "topic": "topic", "q": "title__icontains"})
