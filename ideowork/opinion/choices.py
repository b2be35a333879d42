"""The fixed vocabularies of public-opinion monitoring."""

from django.db import models

__all__ = ["SourceKind", "SourceLevel", "Sentiment", "Grade", "EventStatus", "EventJoin", "WarningKind",
           "WarningStatus", "Channel", "DeliveryState", "WebhookKind", "OPEN_EVENT_STATUSES", "HandlingStepKind",
           "BriefingKind", "BriefingStatus"]


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


class EventJoin(models.TextChoices):
    # How an item joined its event (``analysis.events.Assignment.how``).
    NEW = "new", "首条信息"
    EXACT = "exact", "完全转载"
    NEAR = "near", "近似重复"
    EVENT = "event", "同一事件"
    MOVED = "moved", "人工调整"


# Warnings (预警, actions/warnings.py): what raised one, where it stands, and how it reaches people.
class WarningKind(models.TextChoices):
    GRADE = "grade", "按等级"
    NEGATIVE = "negative", "负面信息"
    SPIKE = "spike", "信息量激增"
    MANUAL = "manual", "人工预警"


class WarningStatus(models.TextChoices):
    OPEN = "open", "待确认"
    ACKNOWLEDGED = "acknowledged", "已确认"
    CLOSED = "closed", "已关闭"


class Channel(models.TextChoices):
    IN_APP = "inapp", "站内通知"
    EMAIL = "email", "电子邮件"
    WEBHOOK = "webhook", "群机器人"


class DeliveryState(models.TextChoices):
    PENDING = "pending", "待发送"
    HELD = "held", "静默时段暂缓"
    SENT = "sent", "已送达"
    RETRYING = "retrying", "发送失败，等待重试"
    FAILED = "failed", "发送失败"


class WebhookKind(models.TextChoices):
    DINGTALK = "dingtalk", "政务钉钉群机器人"
    WECOM = "wecom", "企业微信群机器人"


# Events still being handled (an overdue deadline is flagged and reminded only on these).
OPEN_EVENT_STATUSES = (EventStatus.HANDLING, EventStatus.RESPONDING, EventStatus.CLOSING)


class HandlingStepKind(models.TextChoices):
    # What a step of an event's handling timeline records (models/handling.py).
    JUDGE = "judge", "研判"
    DISMISS = "dismiss", "研判为无需处置"
    ASSIGN = "assign", "交办处置"
    REPORT = "report", "上报"
    RESPOND = "respond", "回应"
    JOINT = "joint", "联合处置"
    REQUEST_CLOSEOUT = "request_closeout", "申请销号"
    CLOSE = "close", "销号"
    CLOSEOUT_REFUSED = "closeout_refused", "销号未通过"
    ESCALATE = "escalate", "转为风险"


class BriefingKind(models.TextChoices):
    DAILY = "daily", "舆情日报"
    WEEKLY = "weekly", "舆情周报"
    SPECIAL = "special", "舆情专报"


class BriefingStatus(models.TextChoices):
    DRAFT = "draft", "待签发"
    ISSUED = "issued", "已签发"
