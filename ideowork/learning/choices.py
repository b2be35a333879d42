"""Choices of the learning area, with their Chinese labels."""

from django.db import models

__all__ = ["LearningActivityKind", "QuestionKind", "Difficulty", "PointsAction", "RankingPeriod"]


class QuestionKind(models.TextChoices):
    SINGLE = "single", "单选题"
    MULTIPLE = "multiple", "多选题"
    JUDGE = "judge", "判断题"
    BLANK = "blank", "填空题"
    SHORT = "short", "简答题"


class Difficulty(models.IntegerChoices):
    EASY = 1, "容易"
    FAIRLY_EASY = 2, "较易"
    MEDIUM = 3, "中等"
    FAIRLY_HARD = 4, "较难"
    HARD = 5, "困难"


class PointsAction(models.TextChoices):
    """What earns learning points; each has one rule (points, daily and weekly caps)."""

    LOGIN = "login", "每日登录"
    READ = "read", "阅读文章"
    VIEW = "view", "视听学习"
    COURSE = "course", "完成课程"
    QUIZ = "quiz", "每日答题"
    WEEKLY_QUIZ = "weekly_quiz", "每周答题"
    SPECIAL_QUIZ = "special_quiz", "专项答题"
    CHALLENGE = "challenge", "挑战答题"
    MATCH = "match", "双人/四人对战"
    COMPETITION = "competition", "知识竞赛"
    EXAM = "exam", "考试"
    SESSION = "session", "参加集中学习"
    MAKEUP = "makeup", "补学"
    REFLECTION = "reflection", "心得体会/调研报告"
    ADJUST = "adjust", "人工调整"


class RankingPeriod(models.TextChoices):
    WEEK = "week", "本周"
    MONTH = "month", "本月"
    YEAR = "year", "本年"


class LearningActivityKind(models.TextChoices):
    """The ledger activity kinds that learning records (registered in ``LearningConfig.ready``)."""

    REFLECTION = "reflection", "心得体会"
