"""The fixed vocabularies of public-opinion monitoring."""

from django.db import models

__all__ = ["SourceKind", "SourceLevel", "Sentiment", "Grade", "EventStatus", "BriefingKind", "BriefingStatus"]


class SourceKind(models.TextChoices):
    FEED = "feed", "RSS/Atom订阅"
    IMPORT = "import", "文件导入"
    API = "api", "接口推送"
    MANUAL = "manual", "人工录入"


class SourceLevel(models.TextChoices):
    CENTRAL = "central", "中央媒体"
    PROVINCE = "province", "省级"
    CITY = "city", "市级"
    COUNTY = "county", "县级"
    FORUM = "forum", "论坛"
    SOCIAL = "social", "社交平台"
    GOVERNMENT = "government", "政务平台"


class Sentiment(models.TextChoices):
    NEGATIVE = "negative", "负面"
    NEUTRAL = "neutral", "中性"
    POSITIVE = "positive", "正面"


class Grade(models.TextChoices):
    # In ascending order of gravity; the value's order is the grade's order.
    GENERAL = "1", "一般"
    LARGE = "2", "较大"
    MAJOR = "3", "重大"
    GRAVE = "4", "特别重大"


class EventStatus(models.TextChoices):
    # The handling stages of issue 13 (研判 → 处置 → 回应 → 销号), in order; an event that is one
    # story among several merged into another keeps its own row with ``merged_into`` set.
    JUDGING = "judging", "待研判"
    HANDLING = "handling", "处置中"
    RESPONDING = "responding", "回应中"
    CLOSING = "closing", "待销号"
    CLOSED = "closed", "已销号"
    DISMISSED = "dismissed", "无需处置"


class BriefingKind(models.TextChoices):
    DAILY = "daily", "舆情日报"
    WEEKLY = "weekly", "舆情周报"
    SPECIAL = "special", "舆情专报"


class BriefingStatus(models.TextChoices):
    DRAFT = "draft", "待签发"
    ISSUED = "issued", "已签发"
