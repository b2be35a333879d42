"""Quizzes, knowledge competitions and matches (每日/每周/专项/挑战答题, 知识竞赛, 双人/四人对战).

A ``QuizRun`` is one person's go at a quiz: its questions are drawn when it starts and stored as
``QuizQuestion`` rows, so a reload resumes the same paper and an answer to a question outside the
run is refused. ``QuizAnswer`` is one-to-one with a run's question: a question is answered once.
Daily, weekly and special runs are unique per person and period key, so a quiz can't be taken
twice; a competition's attempts are numbered and unique per person.

A ``Match`` is a live game between two or four colleagues of one organ: the same ``MatchQuestion``
list for all, one question at a time with a time limit kept by the server (``question_started_at``).
``MatchAnswer`` is unique per player and position, so a replayed answer never counts twice.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from ideowork.core.models import CreatedAt
from ideowork.core.scoping import PublishedQuerySet, ScopedQuerySet

__all__ = ["QuizKind", "SpecialQuiz", "Competition", "QuizRun", "QuizQuestion", "QuizAnswer",
           "MatchStatus", "Match", "MatchQuestion", "MatchPlayer", "MatchAnswer"]


class QuizKind(models.TextChoices):
    DAILY = "daily", "每日答题"
    WEEKLY = "weekly", "每周答题"
    SPECIAL = "special", "专项答题"
    CHALLENGE = "challenge", "挑战答题"
    COMPETITION = "competition", "知识竞赛"


class WindowQuerySet(PublishedQuerySet):
    """A quiz or competition set up by an organ reaches every unit under it, within its window."""

    actions = {"change": "learning.manage"}
    def open_at(self, moment):
        return self.filter(starts_at__lte=moment, ends_at__gt=moment)


class SpecialQuiz(CreatedAt, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="发布单位", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("名称", max_length=100)
    category = models.ForeignKey("learning.QuestionCategory", verbose_name="题目分类", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    question_count = models.PositiveSmallIntegerField("题量", default=10)
    starts_at = models.DateTimeField("开始时间")
    ends_at = models.DateTimeField("结束时间")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="创建人", null=True,
                                   on_delete=models.SET_NULL, related_name="+")

    objects = WindowQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "专项答题"
        ordering = ["-starts_at", "-id"]

    def __str__(self) -> str:
        return self.title


class Competition(CreatedAt, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="主办单位", on_delete=models.PROTECT,
                                 related_name="+", help_text="本单位及下属单位的人员可参赛。")
    title = models.CharField("竞赛名称", max_length=100)
    description = models.TextField("竞赛说明", blank=True)
    category = models.ForeignKey("learning.QuestionCategory", verbose_name="题目分类", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+", help_text="留空表示从全部题目中抽取。")
    question_count = models.PositiveSmallIntegerField("题量", default=10)
    max_attempts = models.PositiveSmallIntegerField("每人可答次数", default=1, help_text="多次作答取最好成绩。")
    starts_at = models.DateTimeField("开始时间")
    ends_at = models.DateTimeField("结束时间")
    closed_at = models.DateTimeField("归档时间", null=True, blank=True)
    activity = models.ForeignKey("ledger.Activity", verbose_name="台账记录", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="创建人", null=True,
                                   on_delete=models.SET_NULL, related_name="+")

    objects = WindowQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "知识竞赛"
        ordering = ["-starts_at", "-id"]
        constraints = [models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")),
                                              name="competition_window",
                                              violation_error_message="结束时间须晚于开始时间。")]

    def __str__(self) -> str:
        return self.title

    def is_open(self, moment) -> bool:
        return self.closed_at is None and self.starts_at <= moment < self.ends_at


class QuizRunQuerySet(ScopedQuerySet):
    owner_field = "user"
    def cadre_filter(self, user):
        return Q(user=user)


class QuizRun(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="答题人", on_delete=models.CASCADE,
                             related_name="quiz_runs")
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所在单位", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("类型", max_length=12, choices=QuizKind.choices)
    period_key = models.CharField("周期标识", max_length=24, help_text="日期、ISO周、专项或竞赛编号。")
    special = models.ForeignKey(SpecialQuiz, verbose_name="专项答题", null=True, blank=True, on_delete=models.CASCADE,
                                related_name="runs")
    competition = models.ForeignKey(Competition, verbose_name="知识竞赛", null=True, blank=True,
                                    on_delete=models.CASCADE, related_name="runs")
    attempt = models.PositiveSmallIntegerField("第几次", default=1)
    started_at = models.DateTimeField("开始时间", auto_now_add=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)
    seconds_used = models.PositiveIntegerField("用时（秒）", null=True, blank=True)
    correct_count = models.PositiveSmallIntegerField("答对题数", default=0)
    answered_count = models.PositiveSmallIntegerField("已答题数", default=0)
    points = models.PositiveSmallIntegerField("获得积分", default=0)

    objects = QuizRunQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "答题记录"
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["user", "kind", "-correct_count"], name="quizrun_best_idx"),
                   models.Index(fields=["competition", "-correct_count", "seconds_used"], name="quizrun_rank_idx")]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "period_key"], name="quizrun_once_per_period",
                                    condition=Q(kind__in=["daily", "weekly", "special"]),
                                    violation_error_message="本期答题已经开始过。"),
            models.UniqueConstraint(fields=["user", "competition", "attempt"], name="quizrun_attempt_once",
                                    condition=Q(competition__isnull=False),
                                    violation_error_message="该次竞赛作答已存在。"),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.get_kind_display()} {self.period_key}"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None


class QuizQuestion(models.Model):
    run = models.ForeignKey(QuizRun, verbose_name="答题记录", on_delete=models.CASCADE, related_name="questions")
    question = models.ForeignKey("learning.Question", verbose_name="试题", on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField("序号")

    objects = ScopedQuerySet.through("run").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "答题题目"
        ordering = ["run", "position"]
        constraints = [
            models.UniqueConstraint(fields=["run", "position"], name="quizquestion_position_once",
                                    violation_error_message="题目序号重复。"),
            models.UniqueConstraint(fields=["run", "question"], name="quizquestion_question_once",
                                    violation_error_message="同一题目不能重复出现。"),
        ]

    def __str__(self) -> str:
        return f"{self.run_id}#{self.position}"


class QuizAnswer(models.Model):
    quiz_question = models.OneToOneField(QuizQuestion, verbose_name="题目", on_delete=models.CASCADE,
                                         related_name="answer")
    response = models.JSONField("作答")
    is_correct = models.BooleanField("是否正确")
    answered_at = models.DateTimeField("作答时间", auto_now_add=True)

    objects = ScopedQuerySet.through("quiz_question").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "答题作答"
        ordering = ["quiz_question"]

    def __str__(self) -> str:
        return f"{self.quiz_question} {'√' if self.is_correct else '×'}"


class MatchStatus(models.TextChoices):
    WAITING = "waiting", "等待对手"
    RUNNING = "running", "进行中"
    FINISHED = "finished", "已结束"
    CANCELLED = "cancelled", "已取消"


class MatchQuerySet(ScopedQuerySet):
    actions = {"change": "learning.manage"}
    cadre_needs_distinct = True

    def cadre_filter(self, user):
        # A cadre sees the matches they play, and the open ones of their organ that they may join.
        return Q(players__user=user) | Q(status=MatchStatus.WAITING, org_unit=user.scope_root)


class Match(CreatedAt, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所属机关", on_delete=models.PROTECT, related_name="+")
    size = models.PositiveSmallIntegerField("人数", choices=[(2, "双人对战"), (4, "四人对战")], default=2)
    status = models.CharField("状态", max_length=10, choices=MatchStatus.choices, default=MatchStatus.WAITING)
    question_count = models.PositiveSmallIntegerField("题量", default=5)
    seconds_per_question = models.PositiveSmallIntegerField("每题限时（秒）", default=20)
    current_index = models.PositiveSmallIntegerField("当前题号", default=0, help_text="从0开始。")
    question_started_at = models.DateTimeField("当前题开始时间", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="发起人", on_delete=models.CASCADE,
                                   related_name="+")
    started_at = models.DateTimeField("开始时间", null=True, blank=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)

    objects = MatchQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "答题对战"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["org_unit", "status"], name="match_lobby_idx")]

    def __str__(self) -> str:
        return f"{self.get_size_display()} #{self.pk}"


class MatchQuestion(models.Model):
    match = models.ForeignKey(Match, verbose_name="对战", on_delete=models.CASCADE, related_name="questions")
    question = models.ForeignKey("learning.Question", verbose_name="试题", on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField("序号", help_text="从0开始。")

    objects = ScopedQuerySet.through("match").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "对战题目"
        ordering = ["match", "position"]
        constraints = [models.UniqueConstraint(fields=["match", "position"], name="matchquestion_position_once",
                                               violation_error_message="题目序号重复。")]

    def __str__(self) -> str:
        return f"{self.match_id}#{self.position}"


class MatchPlayer(models.Model):
    match = models.ForeignKey(Match, verbose_name="对战", on_delete=models.CASCADE, related_name="players")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="选手", on_delete=models.CASCADE,
                             related_name="match_players")
    joined_at = models.DateTimeField("加入时间", auto_now_add=True)
    last_seen_at = models.DateTimeField("最近在线", null=True, blank=True)
    score = models.PositiveIntegerField("得分", default=0)
    correct_count = models.PositiveSmallIntegerField("答对题数", default=0)
    rank = models.PositiveSmallIntegerField("名次", null=True, blank=True)

    objects = ScopedQuerySet.through("match").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "对战选手"
        ordering = ["match", "joined_at", "id"]
        constraints = [models.UniqueConstraint(fields=["match", "user"], name="matchplayer_once",
                                               violation_error_message="已经加入该对战。")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.match_id}"


class MatchAnswer(models.Model):
    player = models.ForeignKey(MatchPlayer, verbose_name="选手", on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveSmallIntegerField("题号")
    response = models.JSONField("作答")
    is_correct = models.BooleanField("是否正确")
    score = models.PositiveSmallIntegerField("得分")
    answered_at = models.DateTimeField("作答时间", auto_now_add=True)

    objects = ScopedQuerySet.through("player").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "对战作答"
        ordering = ["player", "position"]
        constraints = [models.UniqueConstraint(fields=["player", "position"], name="matchanswer_once",
                                               violation_error_message="本题已经作答。")]

    def __str__(self) -> str:
        return f"{self.player_id}#{self.position}"
