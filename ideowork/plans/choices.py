from django.db import models

from ideowork.core.periods import PeriodKind

__all__ = ["PlanStatus", "Comparator", "Per", "PeriodKind", "MediaLevel"]


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    ACTIVE = "active", "执行中"
    ARCHIVED = "archived", "已归档"


class Comparator(models.TextChoices):
    AT_LEAST = ">=", "不少于"
    EXACTLY = "=", "等于"
    AT_MOST = "<=", "不超过"


class Per(models.TextChoices):
    ORG = "org", "按单位"
    PERSON = "person", "按人"


class MediaLevel(models.TextChoices):
    """A medium's level; a target may ask for placements at a level or above (市级以上媒体)."""

    CENTRAL = "central", "中央级"
    PROVINCIAL = "provincial", "省级"
    MUNICIPAL = "municipal", "市级"
    COUNTY = "county", "县级"
