"""Study groups (中心组, 支部, 青年理论学习小组) and their sessions with agenda, attendance and minutes.

A ``StudySession`` belongs to one ``StudyGroup``; its ``org_unit`` is the group's, copied so that
scoping is one indexed filter. Attendance has one row per member and session: written when a
member signs in, and for everyone else when the organiser closes (归档) the session — on approved
leave, or absent. An absentee's confirmed ``MakeupStudy`` turns the row into 已补学. The closed
session is the ledger ``Activity`` pointed to by ``activity`` (``do_sync_activity``);
``learning.actions.sessions`` keeps the two in step and is the only writer of everything here.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from ideowork.core.models import CreatedAt, CreatedBy, UpdatedAt, person_field
from ideowork.core.scoping import Allow, ScopedQuerySet

__all__ = ["GroupKind", "SessionKind", "SessionStatus", "AttendanceStatus", "LeaveStatus",
           "StudyGroup", "StudySession", "AgendaItem", "SessionMaterial", "Speech", "Attendance",
           "LeaveRequest", "MakeupStudy", "SIGN_IN_LEAD"]

# Members may sign in this long before the start, and until the end of the session's day.
SIGN_IN_LEAD = timedelta(minutes=30)


class GroupKind(models.TextChoices):
    CENTER = "center", "理论学习中心组"
    BRANCH = "branch", "党支部"
    YOUTH = "youth", "青年理论学习小组"
    OTHER = "other", "其他学习小组"


class SessionKind(models.TextChoices):
    STUDY = "study", "集中学习"
    MICRO = "micro", "微学习"


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", "已安排"
    CLOSED = "closed", "已归档"


class AttendanceStatus(models.TextChoices):
    SIGNED_IN = "signed_in", "已签到"
    LEAVE = "leave", "请假"
    ABSENT = "absent", "缺席"
    MADE_UP = "made_up", "已补学"


class LeaveStatus(models.TextChoices):
    """A leave request's state as its 审批 review says it (the values are ``core.ReviewStatus`` values)."""

    PENDING = "in_review", "待审批"
    RETURNED = "returned", "已退回"
    APPROVED = "approved", "已批准"
    REFUSED = "rejected", "未批准"
    WITHDRAWN = "withdrawn", "已撤回"


# Who runs a group (changes it, schedules and runs its sessions, decides its members' leave and
# make-up study, reviews their reflections): the learning administrators of its part of the tree, and
# its secretary while they may record the ledger (the secretary records the group's study there).
RUN_GROUP = Allow("learning.manage", people=("secretary",), people_holding="ledger.record")
# A session is run by whoever runs its group, asked at the group's unit.
RUN_SESSION = Allow("learning.manage", at="group__org_unit", people=("group__secretary",),
                    people_holding="ledger.record")


class StudyGroupQuerySet(ScopedQuerySet):
    actions = {"change": RUN_GROUP}
    cadre_needs_distinct = True

    def cadre_filter(self, user):
        return models.Q(members=user) | models.Q(secretary=user) | models.Q(org_unit=user.org_unit_id)


class StudyGroup(CreatedBy, models.Model):
    name = models.CharField("小组名称", max_length=100)
    kind = models.CharField("小组类型", max_length=16, choices=GroupKind.choices, default=GroupKind.CENTER)
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所属单位", on_delete=models.PROTECT,
                                 related_name="study_groups")
    secretary = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="学习秘书", null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="study_groups_as_secretary")
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name="成员", blank=True,
                                     related_name="study_groups")
    description = models.TextField("说明", blank=True)
    is_active = models.BooleanField("启用", default=True)

    objects = StudyGroupQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "学习小组"
        ordering = ["org_unit__path", "kind", "name"]

    def __str__(self) -> str:
        return self.name


class StudySessionQuerySet(ScopedQuerySet):
    # "decide": a member's leave request and make-up study (``LeaveRequest``/``MakeupStudy`` through it).
    actions = {"change": RUN_SESSION, "decide": RUN_SESSION}
    cadre_needs_distinct = True

    def cadre_filter(self, user):
        return (models.Q(group__members=user) | models.Q(group__secretary=user)
                | models.Q(org_unit=user.org_unit_id))


class StudySession(CreatedAt, models.Model):
    group = models.ForeignKey(StudyGroup, verbose_name="学习小组", on_delete=models.PROTECT, related_name="sessions")
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="单位", on_delete=models.PROTECT,
                                 related_name="study_sessions")
    kind = models.CharField("学习形式", max_length=16, choices=SessionKind.choices, default=SessionKind.STUDY)
    title = models.CharField("学习主题", max_length=200)
    date = models.DateField("日期", db_index=True)
    start_time = models.TimeField("开始时间")
    end_time = models.TimeField("结束时间", null=True, blank=True)
    place = models.CharField("地点", max_length=200, blank=True)
    host = models.CharField("主持人", max_length=100)
    status = models.CharField("状态", max_length=16, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED)
    sign_in_code = models.CharField("签到码", max_length=8, unique=True)
    minutes = models.TextField("会议记录", blank=True)
    activity = models.OneToOneField("ledger.Activity", verbose_name="台账活动", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="study_session")
    created_by = person_field("组织者")
    closed_at = models.DateTimeField("归档时间", null=True, blank=True)

    objects = StudySessionQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "学习活动"
        ordering = ["-date", "-start_time", "-id"]
        indexes = [models.Index(fields=["org_unit", "date"], name="session_unit_date_idx")]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"

    @property
    def is_closed(self) -> bool:
        return self.status == SessionStatus.CLOSED

    @property
    def status_css(self) -> str:
        return "done" if self.is_closed else "ontrack"

    @property
    def sign_in_opens(self) -> datetime:
        start = datetime.combine(self.date, self.start_time)
        return timezone.make_aware(start) - SIGN_IN_LEAD

    @property
    def sign_in_closes(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.date + timedelta(days=1), datetime.min.time()))

    def sign_in_open_at(self, moment: datetime) -> bool:
        return not self.is_closed and self.sign_in_opens <= moment < self.sign_in_closes


class AgendaItem(models.Model):
    session = models.ForeignKey(StudySession, verbose_name="学习活动", on_delete=models.CASCADE,
                                related_name="agenda")
    order = models.PositiveSmallIntegerField("顺序", default=0)
    title = models.CharField("议题", max_length=300)
    is_first_topic = models.BooleanField("第一议题", default=False)
    presenter = models.CharField("领学/发言人", max_length=100, blank=True)

    objects = ScopedQuerySet.through("session").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "议程"
        ordering = ["session", "-is_first_topic", "order", "id"]

    def __str__(self) -> str:
        return self.title


class SessionMaterial(models.Model):
    session = models.ForeignKey(StudySession, verbose_name="学习活动", on_delete=models.CASCADE,
                                related_name="materials")
    title = models.CharField("材料名称", max_length=200)
    link = models.URLField("链接", blank=True)
    attachment = models.ForeignKey("core.Attachment", verbose_name="文件", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("上传时间", auto_now_add=True)

    objects = ScopedQuerySet.through("session").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "学习材料"
        ordering = ["session", "id"]

    def __str__(self) -> str:
        return self.title


class Speech(models.Model):
    session = models.ForeignKey(StudySession, verbose_name="学习活动", on_delete=models.CASCADE,
                                related_name="speeches")
    speaker = person_field("发言人")
    speaker_name = models.CharField("发言人姓名", max_length=50)
    content = models.TextField("发言要点")
    created_at = models.DateTimeField("记录时间", auto_now_add=True)

    objects = ScopedQuerySet.through("session").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "交流发言"
        ordering = ["session", "id"]

    def __str__(self) -> str:
        return self.speaker_name


class Attendance(UpdatedAt, models.Model):
    session = models.ForeignKey(StudySession, verbose_name="学习活动", on_delete=models.CASCADE,
                                related_name="attendances")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="人员", on_delete=models.CASCADE,
                             related_name="study_attendances")
    status = models.CharField("出勤情况", max_length=16, choices=AttendanceStatus.choices)
    signed_in_at = models.DateTimeField("签到时间", null=True, blank=True)

    objects = ScopedQuerySet.through("session").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "出勤"
        ordering = ["session", "user__org_unit__path", "user__display_name"]
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="attendance_once",
                                               violation_error_message="该人员已有出勤记录。")]

    def __str__(self) -> str:
        return f"{self.user} {self.get_status_display()}"


class LeaveRequest(models.Model):
    session = models.ForeignKey(StudySession, verbose_name="学习活动", on_delete=models.CASCADE,
                                related_name="leave_requests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="请假人", on_delete=models.CASCADE,
                             related_name="+")
    reason = models.CharField("请假事由", max_length=300)
    created_at = models.DateTimeField("申请时间", auto_now_add=True)

    objects = ScopedQuerySet.through("session").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "请假申请"
        ordering = ["session", "created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="leave_once",
                                               violation_error_message="已提交过请假申请。")]

    def __str__(self) -> str:
        return f"{self.user} {self.get_status_display()}"

    # --- the state, read from the review (lists annotate it with ``with_review_state``) ---------------
    @property
    def status(self) -> str:
        """A ``LeaveStatus`` value: the annotation of a list, else one query for the review."""
        if "review_status" in self.__dict__:
            return self.review_status or LeaveStatus.PENDING
        from ideowork.core.actions.review_queries import review_state

        return review_state(self) or LeaveStatus.PENDING

    def get_status_display(self) -> str:
        return LeaveStatus(self.status).label if self.status in LeaveStatus.values else self.status

    def _deciding_stage(self):
        """The stage of the last review that approved or refused the request (None while undecided)."""
        from ideowork.core.actions.review_queries import latest_review
        from ideowork.core.models import ReviewStatus

        review = latest_review(self)
        if review is None or review.status not in (ReviewStatus.APPROVED, ReviewStatus.REJECTED):
            return None
        return (review.stages.filter(decided_by__isnull=False).select_related("decided_by")
                .order_by("-decided_at", "-id").first())

    @property
    def decided_by(self):
        """Who approved or refused the request: the review's decider."""
        stage = self._deciding_stage()
        return stage.decided_by if stage is not None else None

    @property
    def decided_at(self):
        stage = self._deciding_stage()
        return stage.decided_at if stage is not None else None

    # --- the Reviewable protocol: a leave request is a one-step 审批 of the core workflow ----------
    @property
    def org_unit(self):
        return self.session.group.org_unit

    def get_absolute_url(self) -> str:
        return reverse("learning:session_detail", args=[self.session_id])

    def review_title(self) -> str:
        return f"请假申请：{self.user.name}（{self.session.title}）"

    def review_author(self):
        return self.user

    def review_version(self) -> tuple[int, str]:
        return 1, f"leave:{self.pk}"

    def review_owners(self) -> list:
        """Whoever runs the session's group decides: its secretary and the organ's learning managers."""
        from ..actions.sessions import session_managers

        return session_managers(self.session)

    def on_review_approved(self, review, actor) -> None:
        from ..actions.sessions import apply_leave_decision

        apply_leave_decision(self, actor, approved=True)

    def on_review_rejected(self, review, actor) -> None:
        from ..actions.sessions import apply_leave_decision

        apply_leave_decision(self, actor, approved=False)


class MakeupStudy(models.Model):
    session = models.ForeignKey(StudySession, verbose_name="学习活动", on_delete=models.CASCADE,
                                related_name="makeups")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="补学人", on_delete=models.CASCADE,
                             related_name="+")
    content = models.TextField("补学内容")
    studied_on = models.DateField("补学日期")
    attachment = models.ForeignKey("core.Attachment", verbose_name="补学材料", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    confirmed_by = person_field("确认人")
    confirmed_at = models.DateTimeField("确认时间", null=True, blank=True)
    created_at = models.DateTimeField("提交时间", auto_now_add=True)

    objects = ScopedQuerySet.through("session").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "补学记录"
        ordering = ["session", "created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="makeup_once",
                                               violation_error_message="已提交过补学记录。")]

    def __str__(self) -> str:
        return f"{self.user} 补学"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
