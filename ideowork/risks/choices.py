"""Choices of the risks area, with their Chinese labels."""

from django.db import models


class RiskArea(models.TextChoices):
    REFORM = "reform", "机构改革"
    STAFFING = "staffing", "编制调整"
    POLICY = "policy", "政策解读"
    ONLINE = "online", "网络舆情"
    POSITIONS = "positions", "意识形态阵地"
    OTHER = "other", "其他"


class RiskSource(models.TextChoices):
    SCREENING = "screening", "风险排查"
    OPINION = "opinion", "舆情事件"
    INSPECTION = "inspection", "检查发现"
    ASSESSMENT = "assessment", "措施风险评估"
    COUNTY = "county", "县区报告"
    OTHER = "other", "其他"


class RiskStatus(models.TextChoices):
    OPEN = "open", "待处置"
    RECTIFYING = "rectifying", "整改中"
    CLOSING = "closing", "待销号"
    CLOSED = "closed", "已销号"
    ACCEPTED = "accepted", "已接受"


# Statuses in which a risk is still being handled (counted as open, may be overdue).
OPEN_STATUSES = (RiskStatus.OPEN, RiskStatus.RECTIFYING, RiskStatus.CLOSING)
# Statuses that end the handling; a risk leaves them only by do_reopen_risk.
ENDED_STATUSES = (RiskStatus.CLOSED, RiskStatus.ACCEPTED)


# --- response: assessments of proposed measures, emergency plans, incidents, drills, joint meetings ---
class MeasureKind(models.TextChoices):
    REFORM = "reform", "改革方案"
    STAFFING = "staffing", "编制调整"
    INNOVATION = "innovation", "制度创新"
    OTHER = "other", "其他"


class Conclusion(models.TextChoices):
    PROCEED = "proceed", "可以实施"
    ADJUST = "adjust", "调整后实施"
    DEFER = "defer", "暂缓"


class ChecklistAnswer(models.TextChoices):
    YES = "yes", "是"
    NO = "no", "否"
    NA = "na", "不适用"


class IncidentStatus(models.TextChoices):
    OPEN = "open", "处置中"
    CLOSED = "closed", "已结束"


class TimelineKind(models.TextChoices):
    ACTIVATION = "activation", "启动响应"
    ACTION = "action", "处置措施"
    REPORT = "report", "信息报送"
    LEVEL = "level", "调整响应级别"
    SUMMARY = "summary", "处置总结"


class MeetingKind(models.TextChoices):
    JOINT = "joint", "联席会议"
    ANALYSIS = "analysis", "形势研判会"
# --- screening campaigns (排查活动) -----------------------------------------------------------------
# The focus areas a new campaign names unless the organiser edits them (seed 000, item 21).
DEFAULT_FOCUS_AREAS = ("机构改革", "编制调整", "政策解读", "网络舆情")


class CampaignStatus(models.TextChoices):
    OPEN = "open", "开展中"
    CLOSED = "closed", "已结束"


class ReturnStatus(models.TextChoices):
    PENDING = "pending", "未报送"
    REPORTED = "reported", "已报送风险"
    NIL = "nil", "无风险报告"


# --- reporting up (向上报告) -------------------------------------------------------------------------
class UpwardKind(models.TextChoices):
    EARLY_SIGN = "early_sign", "苗头性、倾向性问题"
    URGENT = "urgent", "重要情况报送"


class UpwardStatus(models.TextChoices):
    REPORTED = "reported", "待确认"
    ACKNOWLEDGED = "acknowledged", "已确认"
