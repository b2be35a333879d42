"""Learning materials (学习资料): articles, PDFs, audio and video, grouped into special topics (专题)
and ordered courses (课程), and each learner's verified study time.

An organ publishes materials, topics and courses to every unit under it (``published_down``).
``StudyProgress`` holds the seconds the server has credited to one person for one material; it is
written only by ``learning.actions.materials.do_heartbeat``, which credits at most the real time
between two accepted heartbeats, so the figure can be trusted by whoever reads it.
"""

from django.conf import settings
from django.db import models

from ideowork.core.models import CreatedAt, UpdatedAt
from ideowork.core.scoping import PublishedQuerySet, ScopedQuerySet

__all__ = ["seconds_label", "MaterialKind", "Topic", "Material", "Course", "CourseItem", "StudyProgress"]


class MaterialKind(models.TextChoices):
    ARTICLE = "article", "文章"
    PDF = "pdf", "PDF文档"
    AUDIO = "audio", "音频"
    VIDEO = "video", "视频"


def seconds_label(seconds: int) -> str:
    """12 → "12秒", 150 → "2分30秒", 3720 → "1小时2分"."""
    seconds = int(seconds or 0)
    if seconds < 60:
        return f"{seconds}秒"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}小时{minutes}分" if minutes else f"{hours}小时"
    return f"{minutes}分{secs}秒" if secs else f"{minutes}分钟"


class Topic(CreatedAt, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="发布单位", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("专题名称", max_length=100)
    description = models.TextField("专题简介", blank=True)
    order = models.PositiveIntegerField("排序", default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="创建人", null=True,
                                   on_delete=models.SET_NULL, related_name="+")

    objects = PublishedQuerySet.declare(actions={"change": "learning.manage"}).as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "学习专题"
        ordering = ["order", "-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class Material(UpdatedAt, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="发布单位", on_delete=models.PROTECT, related_name="+")
    topic = models.ForeignKey(Topic, verbose_name="所属专题", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="materials")
    kind = models.CharField("类型", max_length=10, choices=MaterialKind.choices)
    title = models.CharField("标题", max_length=200)
    summary = models.CharField("简介", max_length=500, blank=True)
    body = models.TextField("正文", blank=True)
    attachment = models.ForeignKey("core.Attachment", verbose_name="文件", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    duration_seconds = models.PositiveIntegerField("时长（秒）", default=0, help_text="音频、视频的播放时长。")
    required_seconds = models.PositiveIntegerField("要求学习时长（秒）", default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="上传人", null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("发布时间", auto_now_add=True)

    objects = PublishedQuerySet.declare(actions={"change": "learning.manage"}).as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "学习资料"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_media(self) -> bool:
        return self.kind in (MaterialKind.AUDIO, MaterialKind.VIDEO)

    @property
    def required_label(self) -> str:
        return seconds_label(self.required_seconds)

    @property
    def duration_label(self) -> str:
        return seconds_label(self.duration_seconds)

    @property
    def credit_cap_seconds(self) -> int:
        """The most study time one person can be credited: a recording's length ×1.2, a text's
        required time ×3 (reading twice and looking things up is study; leaving the tab open is not)."""
        if self.is_media:
            return int(self.duration_seconds * 1.2)
        return self.required_seconds * 3


class Course(CreatedAt, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="发布单位", on_delete=models.PROTECT, related_name="+")
    topic = models.ForeignKey(Topic, verbose_name="所属专题", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="courses")
    title = models.CharField("课程名称", max_length=200)
    description = models.TextField("课程简介", blank=True)
    materials = models.ManyToManyField(Material, verbose_name="课时", through="CourseItem", related_name="courses")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="创建人", null=True,
                                   on_delete=models.SET_NULL, related_name="+")

    objects = PublishedQuerySet.declare(actions={"change": "learning.manage"}).as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "课程"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class CourseItem(models.Model):
    course = models.ForeignKey(Course, verbose_name="课程", on_delete=models.CASCADE, related_name="items")
    material = models.ForeignKey(Material, verbose_name="学习资料", on_delete=models.PROTECT, related_name="course_items")
    order = models.PositiveIntegerField("顺序", default=0)

    objects = ScopedQuerySet.through("course").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "课时"
        ordering = ["course", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["course", "material"], name="course_item_unique",
                                               violation_error_message="该资料已在课程中。")]

    def __str__(self) -> str:
        return f"{self.course} · {self.material}"


class StudyProgressQuerySet(ScopedQuerySet):
    owner_field = "user"
    # Scoped by the learner's unit: managers see their organ's learners, a cadre only their own rows.
    def cadre_filter(self, user):
        return models.Q(user=user)


class StudyProgress(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="学习人", on_delete=models.CASCADE,
                             related_name="study_progress")
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所在单位", on_delete=models.PROTECT, related_name="+")
    material = models.ForeignKey(Material, verbose_name="学习资料", on_delete=models.CASCADE, related_name="progress")
    seconds = models.PositiveIntegerField("已计学习时长（秒）", default=0)
    heartbeats = models.PositiveIntegerField("有效心跳次数", default=0)
    last_beat_at = models.DateTimeField("最近心跳时间", null=True, blank=True)
    started_at = models.DateTimeField("开始学习时间", auto_now_add=True)
    completed_at = models.DateTimeField("完成时间", null=True, blank=True)

    objects = StudyProgressQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "学习进度"
        ordering = ["-last_beat_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "material"], name="study_progress_unique",
                                               violation_error_message="学习进度已存在。")]

    def __str__(self) -> str:
        return f"{self.user} · {self.material}"

    @property
    def seconds_label(self) -> str:
        return seconds_label(self.seconds)

    @property
    def percent(self) -> int:
        required = self.material.required_seconds
        if self.completed_at or not required:
            return 100 if self.completed_at else 0
        return min(99, int(self.seconds * 100 / required))
