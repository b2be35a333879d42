"""The youth programme (青年理论学习): mentor–mentee pairs (导师带徒) with their meetings, and essay
contests (征文比赛) judged anonymously by several judges.

Judges see an entry only by its number (作品1, 作品2 …): ``EssaySubmission.number`` is given at the
first submission and never changes; authors are revealed once the results are published.
"""

from django.conf import settings
from django.db import models

from ideowork.core.models import CreatedAt, UpdatedAt
from ideowork.core.scoping import Allow, PublishedQuerySet, ScopedQuerySet

__all__ = ["MentorPair", "MentorMeeting", "EssayAward", "EssayContest", "EssaySubmission", "EssayScore"]


class MentorPairQuerySet(ScopedQuerySet):
    # Recording a meeting (带徒活动): the mentor and the mentee themselves, or a learning manager
    # of their organ; ending the pair ("change") is the managers' alone.
    actions = {"change": "learning.manage", "record": Allow("learning.manage", people=("mentor", "mentee"))}

    def cadre_filter(self, user):
        return models.Q(mentor=user) | models.Q(mentee=user)


class MentorPair(CreatedAt, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所属单位", on_delete=models.PROTECT, related_name="+")
    mentor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="导师", on_delete=models.PROTECT,
                               related_name="mentee_pairs")
    mentee = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="青年干部", on_delete=models.PROTECT,
                               related_name="mentor_pairs")
    started_on = models.DateField("结对日期")
    goals = models.TextField("培养目标", blank=True)
    is_active = models.BooleanField("结对中", default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="创建人", null=True,
                                   on_delete=models.SET_NULL, related_name="+")

    objects = MentorPairQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "导师带徒结对"
        ordering = ["-is_active", "-started_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["mentor", "mentee"], condition=models.Q(is_active=True),
                                               name="mentor_pair_active_unique",
                                               violation_error_message="该导师与青年干部已结对。")]

    def __str__(self) -> str:
        return f"{self.mentor.name} → {self.mentee.name}"

    def is_member(self, user) -> bool:
        return user.pk in (self.mentor_id, self.mentee_id)


class MentorMeetingQuerySet(ScopedQuerySet):
    actions = {"change": "learning.manage"}
    scope_field = "pair__org_unit"

    def cadre_filter(self, user):
        return models.Q(pair__mentor=user) | models.Q(pair__mentee=user)


class MentorMeeting(models.Model):
    pair = models.ForeignKey(MentorPair, verbose_name="结对", on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField("日期")
    topic = models.CharField("主题", max_length=200)
    notes = models.TextField("内容记录")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="记录人", null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("记录时间", auto_now_add=True)

    objects = MentorMeetingQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "带徒活动记录"
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return self.topic


class EssayAward(models.TextChoices):
    FIRST = "first", "一等奖"
    SECOND = "second", "二等奖"
    THIRD = "third", "三等奖"
    MERIT = "merit", "优秀奖"


class EssayContest(CreatedAt, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="主办单位", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("征文名称", max_length=200)
    theme = models.CharField("征文主题", max_length=200)
    description = models.TextField("征文要求", blank=True)
    opens_at = models.DateTimeField("开始征集")
    closes_at = models.DateTimeField("截止时间")
    judges = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name="评委", related_name="judged_contests")
    first_prizes = models.PositiveSmallIntegerField("一等奖名额", default=1)
    second_prizes = models.PositiveSmallIntegerField("二等奖名额", default=2)
    third_prizes = models.PositiveSmallIntegerField("三等奖名额", default=3)
    merit_prizes = models.PositiveSmallIntegerField("优秀奖名额", default=5)
    results_published_at = models.DateTimeField("结果公布时间", null=True, blank=True)
    activity = models.ForeignKey("ledger.Activity", verbose_name="台账活动", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="创建人", null=True,
                                   on_delete=models.SET_NULL, related_name="+")

    # Judging (scoring the entries, reading them by number): the contest's judges, whatever their
    # role or capability; changing it and publishing the results: the learning managers of its organ.
    objects = PublishedQuerySet.declare(actions={"change": "learning.manage",
                                                 "judge": Allow(people=("judges",))}).as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "征文比赛"
        ordering = ["-opens_at", "-id"]
        constraints = [models.CheckConstraint(condition=models.Q(closes_at__gt=models.F("opens_at")),
                                              name="essay_contest_window",
                                              violation_error_message="截止时间须晚于开始时间。")]

    def __str__(self) -> str:
        return self.title

    def is_open(self, now) -> bool:
        return self.opens_at <= now < self.closes_at and self.results_published_at is None

    @property
    def is_published(self) -> bool:
        return self.results_published_at is not None


class EssaySubmission(UpdatedAt, models.Model):
    contest = models.ForeignKey(EssayContest, verbose_name="征文比赛", on_delete=models.CASCADE,
                                related_name="submissions")
    number = models.PositiveIntegerField("作品编号")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="作者", on_delete=models.PROTECT,
                               related_name="essay_submissions")
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="作者单位", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("作品标题", max_length=200)
    body = models.TextField("正文", blank=True)
    attachment = models.ForeignKey("core.Attachment", verbose_name="附件", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField("提交时间", auto_now_add=True)
    average_score = models.DecimalField("平均分", max_digits=5, decimal_places=2, null=True, blank=True)
    rank = models.PositiveIntegerField("名次", null=True, blank=True)
    award = models.CharField("奖项", max_length=10, choices=EssayAward.choices, blank=True)

    objects = ScopedQuerySet.through("contest").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "征文作品"
        ordering = ["contest", "number"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "author"], name="essay_submission_one_per_author",
                                    violation_error_message="每人只能提交一篇作品。"),
            models.UniqueConstraint(fields=["contest", "number"], name="essay_submission_number_unique",
                                    violation_error_message="作品编号重复。"),
        ]

    def __str__(self) -> str:
        return f"作品{self.number}"

    @property
    def label(self) -> str:
        return f"作品{self.number}"


class EssayScore(models.Model):
    submission = models.ForeignKey(EssaySubmission, verbose_name="作品", on_delete=models.CASCADE,
                                   related_name="scores")
    judge = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="评委", on_delete=models.PROTECT,
                              related_name="essay_scores")
    score = models.PositiveSmallIntegerField("评分")
    comment = models.TextField("评语", blank=True)
    scored_at = models.DateTimeField("评分时间", auto_now=True)

    objects = ScopedQuerySet.through("submission").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "征文评分"
        ordering = ["submission", "judge"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "judge"], name="essay_score_once",
                                    violation_error_message="每位评委对每篇作品只评一次分。"),
            models.CheckConstraint(condition=models.Q(score__lte=100), name="essay_score_range",
                                   violation_error_message="评分须在0至100之间。"),
        ]

    def __str__(self) -> str:
        return f"{self.submission} · {self.score}"
