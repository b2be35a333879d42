"""Exams (在线考试): a paper, fixed or drawn by rules, taken in attempts whose answers are saved one by one.

- ``Exam``: what an organiser publishes to the units under theirs — times, time limit, attempts and
  how the grade is kept; a fixed paper (``ExamQuestion``) or rules (``ExamRule``) to draw one.
- ``Attempt``: one sitting of one person, with the server-side ``deadline``. At most one attempt of
  a person and exam is in progress, and ``number`` is unique, so a double click cannot start two.
- ``AttemptQuestion``: the person's paper — question order, option order and the question's score.
- ``Answer``: one row per attempt and question (unique), upserted as the person answers; graded
  on submission, short answers by a person.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from ideowork.core.models import CreatedBy, person_field
from ideowork.core.scoping import ScopedQuerySet

from ..choices import Difficulty, QuestionKind

__all__ = ["ExamMode", "ExamStatus", "GradePolicy", "ShowAnswers", "AttemptStatus", "Exam", "ExamRule",
           "ExamQuestion", "Attempt", "AttemptQuestion", "Answer"]


class ExamMode(models.TextChoices):
    FIXED = "fixed", "固定试卷"
    RANDOM = "random", "随机抽题"


class ExamStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    PUBLISHED = "published", "已发布"
    CLOSED = "closed", "已结束"


class GradePolicy(models.TextChoices):
    HIGHEST = "highest", "取最高分"
    LAST = "last", "取最后一次"
    FIRST = "first", "取第一次"


class ShowAnswers(models.TextChoices):
    AFTER_SUBMIT = "after_submit", "交卷后显示答案和解析"
    AFTER_CLOSE = "after_close", "考试结束后显示"
    NEVER = "never", "不显示"


class AttemptStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "答题中"
    SUBMITTED = "submitted", "待阅卷"
    GRADED = "graded", "已评分"


class ExamQuerySet(ScopedQuerySet):
    actions = {"change": "learning.manage"}
    # The city office's exam reaches every unit under it; ``audience`` may narrow it (see cadre view).
    published_down = True

    def viewable_by(self, user):
        qs = super().viewable_by(user)
        root = user.scope_root if user.is_authenticated else None
        if root is not None and user.has_capability("learning.manage"):
            # Drafts are seen by the organisers of their own part of the tree only.
            return qs.exclude(Q(status=ExamStatus.DRAFT) & ~Q(org_unit__path__startswith=root.path))
        return qs.exclude(status=ExamStatus.DRAFT)


class Exam(CreatedBy, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="组织单位", on_delete=models.PROTECT,
                                 related_name="exams")
    title = models.CharField("考试名称", max_length=120)
    description = models.TextField("考试说明", blank=True)
    mode = models.CharField("组卷方式", max_length=10, choices=ExamMode.choices, default=ExamMode.FIXED)
    status = models.CharField("状态", max_length=10, choices=ExamStatus.choices, default=ExamStatus.DRAFT,
                              db_index=True)
    opens_at = models.DateTimeField("开始时间")
    closes_at = models.DateTimeField("结束时间")
    time_limit_minutes = models.PositiveIntegerField("答题时长（分钟）", default=60)
    max_attempts = models.PositiveSmallIntegerField("允许次数", default=1)
    grade_policy = models.CharField("成绩取值", max_length=10, choices=GradePolicy.choices,
                                    default=GradePolicy.HIGHEST)
    pass_score = models.DecimalField("及格分", max_digits=6, decimal_places=1, default=60)
    shuffle_questions = models.BooleanField("题目乱序", default=True)
    shuffle_options = models.BooleanField("选项乱序", default=True)
    show_answers = models.CharField("答案显示", max_length=15, choices=ShowAnswers.choices,
                                    default=ShowAnswers.AFTER_SUBMIT)
    audience = models.ManyToManyField("core.OrgUnit", verbose_name="限定参考单位", blank=True,
                                      related_name="+")
    activity = models.ForeignKey("ledger.Activity", verbose_name="台账活动", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    closed_at = models.DateTimeField("结束操作时间", null=True, blank=True)

    objects = ExamQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "考试"
        ordering = ["-opens_at", "-id"]
        constraints = [models.CheckConstraint(condition=Q(closes_at__gt=models.F("opens_at")),
                                              name="exam_closes_after_opens",
                                              violation_error_message="结束时间必须晚于开始时间。")]

    def __str__(self) -> str:
        return self.title


class ExamRule(models.Model):
    """Draw ``count`` questions matching the filters (any left empty matches all), ``score`` each."""

    exam = models.ForeignKey(Exam, verbose_name="考试", on_delete=models.CASCADE, related_name="rules")
    kind = models.CharField("题型", max_length=10, choices=QuestionKind.choices, blank=True)
    category = models.ForeignKey("learning.QuestionCategory", verbose_name="分类", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    tag = models.ForeignKey("learning.QuestionTag", verbose_name="标签", null=True, blank=True,
                            on_delete=models.PROTECT, related_name="+")
    difficulty = models.PositiveSmallIntegerField("难度", choices=Difficulty.choices, null=True, blank=True)
    count = models.PositiveSmallIntegerField("抽题数量")
    score = models.DecimalField("每题分值", max_digits=5, decimal_places=1)
    order = models.PositiveSmallIntegerField("排序", default=0)

    objects = ScopedQuerySet.through("exam").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "抽题规则"
        ordering = ["exam", "order", "id"]

    def __str__(self) -> str:
        return f"{self.describe()} × {self.count}"

    def describe(self) -> str:
        parts = [self.get_kind_display() if self.kind else "", self.category.name if self.category_id else "",
                 f"标签“{self.tag.name}”" if self.tag_id else "",
                 self.get_difficulty_display() if self.difficulty else ""]
        return "、".join(p for p in parts if p) or "全部题目"


class ExamQuestion(models.Model):
    exam = models.ForeignKey(Exam, verbose_name="考试", on_delete=models.CASCADE, related_name="fixed_questions")
    question = models.ForeignKey("learning.Question", verbose_name="试题", on_delete=models.PROTECT,
                                 related_name="+")
    order = models.PositiveSmallIntegerField("题序", default=0)
    score = models.DecimalField("分值", max_digits=5, decimal_places=1)

    objects = ScopedQuerySet.through("exam").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "试卷题目"
        ordering = ["exam", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["exam", "question"], name="exam_question_unique",
                                               violation_error_message="该题已在试卷中。")]

    def __str__(self) -> str:
        return f"{self.exam_id}:{self.question_id}"


class AttemptQuerySet(ScopedQuerySet):
    actions = {"change": "learning.manage"}
    owner_field = "user"
    scope_field = "exam__org_unit"

    def cadre_filter(self, user) -> Q:
        return Q(user=user)

    def viewable_by(self, user):
        if user.is_authenticated and not user.has_capability("learning.manage"):
            # Only organisers see others' attempts; everyone sees their own.
            return self.filter(user=user) if user.is_business else self.none()
        return super().viewable_by(user)


class Attempt(models.Model):
    exam = models.ForeignKey(Exam, verbose_name="考试", on_delete=models.CASCADE, related_name="attempts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="考生", on_delete=models.PROTECT,
                             related_name="exam_attempts")
    number = models.PositiveSmallIntegerField("第几次")
    status = models.CharField("状态", max_length=12, choices=AttemptStatus.choices,
                              default=AttemptStatus.IN_PROGRESS)
    started_at = models.DateTimeField("开始时间")
    deadline = models.DateTimeField("截止时间")
    submitted_at = models.DateTimeField("交卷时间", null=True, blank=True)
    auto_submitted = models.BooleanField("超时自动交卷", default=False)
    score = models.DecimalField("得分", max_digits=7, decimal_places=1, null=True, blank=True)
    max_score = models.DecimalField("满分", max_digits=7, decimal_places=1, default=0)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "答卷"
        ordering = ["exam", "user", "number"]
        constraints = [
            models.UniqueConstraint(fields=["exam", "user", "number"], name="attempt_number_unique",
                                    violation_error_message="该次考试已开始。"),
            models.UniqueConstraint(fields=["exam", "user"], condition=Q(status="in_progress"),
                                    name="attempt_one_open", violation_error_message="您已有一份未交的答卷。"),
        ]
        indexes = [models.Index(fields=["status", "deadline"], name="attempt_due_idx")]

    def __str__(self) -> str:
        return f"{self.exam} · {self.user} · 第{self.number}次"

    @property
    def is_open(self) -> bool:
        return self.status == AttemptStatus.IN_PROGRESS

    @property
    def seconds_used(self) -> int | None:
        if self.submitted_at is None:
            return None
        return int((min(self.submitted_at, self.deadline) - self.started_at).total_seconds())


class AttemptQuestion(models.Model):
    attempt = models.ForeignKey(Attempt, verbose_name="答卷", on_delete=models.CASCADE, related_name="paper")
    question = models.ForeignKey("learning.Question", verbose_name="试题", on_delete=models.PROTECT,
                                 related_name="+")
    order = models.PositiveSmallIntegerField("题序")
    option_order = models.JSONField("选项顺序", default=list, blank=True)
    score = models.DecimalField("分值", max_digits=5, decimal_places=1)

    objects = ScopedQuerySet.through("attempt").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "答卷题目"
        ordering = ["attempt", "order"]
        constraints = [models.UniqueConstraint(fields=["attempt", "question"], name="attempt_question_unique",
                                               violation_error_message="同一份答卷中题目不能重复。")]

    def __str__(self) -> str:
        return f"{self.attempt_id}:{self.order}"


class Answer(models.Model):
    attempt = models.ForeignKey(Attempt, verbose_name="答卷", on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey("learning.Question", verbose_name="试题", on_delete=models.PROTECT,
                                 related_name="+")
    response = models.JSONField("作答", null=True, blank=True)
    saved_at = models.DateTimeField("保存时间")
    score = models.DecimalField("得分", max_digits=5, decimal_places=1, null=True, blank=True)
    graded_by = person_field("阅卷人")
    graded_at = models.DateTimeField("阅卷时间", null=True, blank=True)
    comment = models.CharField("评语", max_length=500, blank=True)

    objects = ScopedQuerySet.through("attempt").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "作答"
        ordering = ["attempt", "question"]
        constraints = [models.UniqueConstraint(fields=["attempt", "question"], name="answer_once",
                                               violation_error_message="该题已作答。")]

    def __str__(self) -> str:
        return f"{self.attempt_id}:{self.question_id}"
