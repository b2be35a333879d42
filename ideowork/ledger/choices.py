from django.db import models

__all__ = ["ActivityKind", "ActivitySource"]


class ActivityKind(models.TextChoices):
    STUDY = "study", "学习研讨"
    MICRO_STUDY = "micro_study", "微学习"
    TRAINING = "training", "培训"
    LECTURE = "lecture", "宣讲"
    RESEARCH = "research", "调研"
    MEETING = "meeting", "会议"
    INSPECTION = "inspection", "检查"
    PATROL = "patrol", "巡查"
    SCREENING = "screening", "排查"
    DRILL = "drill", "演练"
    PUBLICATION = "publication", "刊发"
    BRIEFING = "briefing", "简报"
    BOARD_UPDATE = "board_update", "阵地更新"
    REFLECTION = "reflection", "心得体会"
    ASSESSMENT = "assessment", "考核"
    DEBRIEFING = "debriefing", "述职评议"
    PRESS_CONFERENCE = "press_conference", "新闻发布会"
    INTERPRETATION = "interpretation", "政策解读"
    PUBLIC_RESPONSE = "public_response", "回应关切"
    ANALYSIS = "analysis", "研判"
    OTHER = "other", "其他"


class ActivitySource(models.TextChoices):
    """Which area recorded the activity; the ledger counts them all the same."""

    LEDGER = "ledger", "台账录入"
    LEARNING = "learning", "理论学习"
    OUTLETS = "outlets", "宣传阵地"
    OPINION = "opinion", "舆情"
    RISKS = "risks", "风险防控"
    OVERSIGHT = "oversight", "督查考核"
    IMPORT = "import", "批量导入"
