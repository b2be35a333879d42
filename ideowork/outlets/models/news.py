"""News releases and policy interpretation (新闻发布和政策解读, seed 001 item 10).

Press conferences, the expert library for policy interpretation, interpretations published, and
the public's questions answered (回应群众关切). Each conference, interpretation and answer is recorded
in the ledger (one activity each, ``do_sync_activity``) so it counts
where the plan counts it. Written only by ``outlets.actions.news``.
"""

from datetime import date

from django.db import models
from django.urls import reverse
from django.utils import timezone

from ideowork.core.models import RecordedBy, person_field
from ideowork.core.scoping import ScopedQuerySet

__all__ = ["PressConference", "Expert", "PolicyInterpretation", "InterpretationForm", "PublicQuestion",
           "QuestionChannel", "QuestionStatus"]


class InterpretationForm(models.TextChoices):
    TEXT = "text", "文字解读"
    GRAPHIC = "graphic", "图解"
    VIDEO = "video", "视频"
    INTERVIEW = "interview", "访谈"
    PRESS = "press", "新闻发布会"


class QuestionChannel(models.TextChoices):
    WEBSITE = "website", "政府网站留言"
    HOTLINE = "hotline", "12345热线"
    NEW_MEDIA = "new_media", "政务新媒体"
    OPEN_DAY = "open_day", "政府开放日"
    MAILBOX = "mailbox", "信箱"


class QuestionStatus(models.TextChoices):
    PENDING = "pending", "待答复"
    ANSWERED = "answered", "已答复"
    PUBLISHED = "published", "已公开"


class OrganQuerySet(ScopedQuerySet):
    """Public work of an organ (conferences held, interpretations published, its expert library):
    a cadre sees their whole organ's, not only their own section's."""

    actions = {"change": "outlets.publish"}
    def cadre_filter(self, user):
        return models.Q(org_unit__organ=user.scope_root)


class PressConference(RecordedBy, models.Model):
    """A press conference. Spokespeople are public officials speaking in office: name and post."""

    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="主办单位", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("发布会名称", max_length=200)
    held_on = models.DateField("召开日期")
    place = models.CharField("地点", max_length=200, blank=True)
    host = models.CharField("主持人", max_length=100, blank=True)
    spokespeople = models.TextField("发布人", help_text="每行一位：姓名 职务。")
    topics = models.TextField("发布主题")
    media_count = models.PositiveSmallIntegerField("到会媒体数", default=0)
    media_names = models.TextField("到会媒体", blank=True, help_text="媒体名称，用顿号或换行分隔。")
    release = models.ForeignKey("outlets.ContentItem", verbose_name="新闻通稿", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="press_conferences")
    summary = models.TextField("发布情况", blank=True)
    activity = models.OneToOneField("ledger.Activity", verbose_name="台账活动", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="press_conference")

    objects = OrganQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "新闻发布会"
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("outlets:press_detail", args=[self.pk])

    @property
    def spokespeople_list(self) -> list[str]:
        return [line.strip() for line in self.spokespeople.splitlines() if line.strip()]


class Expert(models.Model):
    """An expert of the policy-interpretation library (政策解读专家库).

    Experts are public-facing professionals acting in that role; only their work information is kept
    (organisation, post, fields, a work contact) — no ID number, home address or private phone.
    """

    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所属单位", on_delete=models.PROTECT, related_name="+")
    name = models.CharField("姓名", max_length=50)
    organisation = models.CharField("工作单位", max_length=100)
    position = models.CharField("职务/职称", max_length=100, blank=True)
    # Fields of expertise, kept as "、"-joined tags so that a search by one field is a plain substring match.
    expertise = models.CharField("擅长领域", max_length=300)
    contact = models.CharField("工作联系方式", max_length=100, blank=True,
                               help_text="仅填写办公电话或工作邮箱。")
    active = models.BooleanField("在库", default=True)
    note = models.CharField("备注", max_length=300, blank=True)
    created_at = models.DateTimeField("入库时间", auto_now_add=True)

    objects = OrganQuerySet.as_manager()

    class Meta:
        verbose_name = "解读专家"
        verbose_name_plural = "政策解读专家库"
        ordering = ["-active", "name", "id"]

    def __str__(self) -> str:
        return f"{self.name}（{self.organisation}）"

    @property
    def fields(self) -> list[str]:
        return [f for f in self.expertise.split("、") if f]


class PolicyInterpretation(RecordedBy, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    policy_title = models.CharField("政策名称", max_length=200)
    issuing_body = models.CharField("发文机关", max_length=100)
    published_on = models.DateField("解读发布日期")
    form = models.CharField("解读形式", max_length=16, choices=InterpretationForm.choices,
                            default=InterpretationForm.TEXT)
    channel = models.CharField("发布渠道", max_length=100)
    experts = models.ManyToManyField(Expert, verbose_name="解读专家", blank=True, related_name="interpretations")
    link = models.URLField("链接", max_length=500, blank=True)
    summary = models.TextField("解读要点", blank=True)
    activity = models.OneToOneField("ledger.Activity", verbose_name="台账活动", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="policy_interpretation")

    objects = OrganQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "政策解读"
        ordering = ["-published_on", "-id"]

    def __str__(self) -> str:
        return f"《{self.policy_title}》{self.get_form_display()}"


class PublicQuestion(RecordedBy, models.Model):
    """A question the public raised (群众关切) and its answer.

    Privacy by design: the asker is never recorded — no name, phone or ID number — only the channel,
    the topic and the question itself.
    """

    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="承办单位", on_delete=models.PROTECT, related_name="+")
    channel = models.CharField("来源渠道", max_length=16, choices=QuestionChannel.choices)
    received_on = models.DateField("收到日期")
    topic = models.CharField("关切主题", max_length=100)
    question = models.TextField("问题内容")
    due_on = models.DateField("答复期限")
    status = models.CharField("状态", max_length=16, choices=QuestionStatus.choices, default=QuestionStatus.PENDING)
    answer = models.TextField("答复内容", blank=True)
    answered_by = person_field("答复人")
    answered_on = models.DateField("答复日期", null=True, blank=True)
    published_on = models.DateField("公开日期", null=True, blank=True)
    activity = models.OneToOneField("ledger.Activity", verbose_name="台账活动", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="public_question")

    objects = ScopedQuerySet.declare(actions={"change": "outlets.publish"}).as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "群众关切"
        ordering = ["due_on", "-id"]
        indexes = [models.Index(fields=["org_unit", "status"], name="question_unit_status_idx")]

    def __str__(self) -> str:
        return self.topic

    def get_absolute_url(self) -> str:
        return reverse("outlets:question_detail", args=[self.pk])

    def is_overdue(self, today: date | None = None) -> bool:
        return self.status == QuestionStatus.PENDING and self.due_on < (today or timezone.localdate())

    @property
    def overdue_days(self) -> int:
        """Days past the deadline of an unanswered question (0 when not overdue)."""
        if self.status != QuestionStatus.PENDING:
            return 0
        return max((timezone.localdate() - self.due_on).days, 0)

    @property
    def status_css(self) -> str:
        return {QuestionStatus.PENDING: "ontrack", QuestionStatus.ANSWERED: "done",
                QuestionStatus.PUBLISHED: "done"}[self.status]
