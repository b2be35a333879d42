"""Choices of the outlets area, with their Chinese labels."""

from django.db import models

from ideowork.plans.choices import MediaLevel  # a target names the level it asks for, so plans holds the levels

__all__ = ["OutletKind", "UpdateFrequency", "OutletStatus", "InspectionResult", "ContentKind", "ContentStatus",
           "MediaLevel", "OutletActivityKind", "RuleCategory", "Severity"]


class OutletKind(models.TextChoices):
    WECHAT = "wechat", "微信公众号"
    WEBSITE = "website", "门户网站"
    VIDEO = "video", "视频号"
    WEIBO = "weibo", "微博"
    WORK_GROUP = "work_group", "工作群"
    BOARD = "board", "宣传栏"
    HONOUR_ROOM = "honour_room", "荣誉室"
    BRIEFING = "briefing", "工作简报"
    OTHER = "other", "其他"


class UpdateFrequency(models.IntegerChoices):
    """The longest an outlet may go without an update, in days."""

    DAILY = 1, "每日"
    WEEKLY = 7, "每周"
    FORTNIGHTLY = 14, "每两周"
    MONTHLY = 31, "每月"
    QUARTERLY = 92, "每季度"
    HALF_YEARLY = 183, "每半年"
    YEARLY = 366, "每年"


class OutletStatus(models.TextChoices):
    NORMAL = "normal", "正常运行"
    DORMANT = "dormant", "长期未更新"
    RECTIFYING = "rectifying", "整改中"
    CLOSED = "closed", "已关停"


class InspectionResult(models.TextChoices):
    PASSED = "passed", "合格"
    ISSUES = "issues", "存在问题"
    SERIOUS = "serious", "严重问题"


class ContentKind(models.TextChoices):
    ARTICLE = "article", "稿件"
    BRIEFING = "briefing", "工作简报"
    PRESS_RELEASE = "press_release", "新闻通稿"
    INTERVIEW = "interview", "采访申请"
    EXTERNAL = "external", "对外宣传材料"


class ContentStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    IN_REVIEW = "in_review", "审核中"
    RETURNED = "returned", "退回修改"
    APPROVED = "approved", "待发布"
    PUBLISHED = "published", "已发布"
    WITHDRAWN = "withdrawn", "已撤稿"


class OutletActivityKind(models.TextChoices):
    """The ledger activity kinds that outlets records (registered in ``outlets.kinds``)."""

    PUBLICATION = "publication", "刊发"
    BRIEFING = "briefing", "简报"
    BOARD_UPDATE = "board_update", "阵地更新"
    PRESS_CONFERENCE = "press_conference", "新闻发布会"
    INTERPRETATION = "interpretation", "政策解读"
    PUBLIC_RESPONSE = "public_response", "回应关切"


class RuleCategory(models.TextChoices):
    FORMULATION = "formulation", "政治表述"
    FORBIDDEN = "forbidden", "禁用词"
    CAUTIOUS = "cautious", "慎用词"
    CONFUSABLE = "confusable", "易混词"
    OUTDATED = "outdated", "过时表述"
    NUMBERING = "numbering", "层次序号"
    PUNCTUATION = "punctuation", "标点符号"
    NUMBER = "number", "数字用法"
    PAIRING = "pairing", "引号括号"
    DOUBLED = "doubled", "重复字词"
    WIDTH = "width", "全半角"
    CUSTOM = "custom", "自定义"


class Severity(models.TextChoices):
    ERROR = "error", "错误"
    WARNING = "warning", "提示"
