from django.db import models

__all__ = ["ActivityKind", "ActivitySource", "source_label", "source_choices"]


class ActivityKind(models.TextChoices):
    """The ledger's own kinds (registered in ``ledger.kinds``); other areas register theirs."""

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
    ASSESSMENT = "assessment", "考核"
    DEBRIEFING = "debriefing", "述职评议"
    ANALYSIS = "analysis", "研判"
    OTHER = "other", "其他"


class ActivitySource(models.TextChoices):
    """How an activity entered the ledger by hand. One recorded by an area's own workflow has that
    area's app label as its source ("learning", "outlets" …), named by the app's verbose name."""

    LEDGER = "ledger", "台账录入"
    IMPORT = "import", "批量导入"


def source_label(source: str) -> str:
    from django.apps import apps

    if source in ActivitySource.values:
        return ActivitySource(source).label
    try:
        return str(apps.get_app_config(source).verbose_name)
    except LookupError:
        return source


def source_choices() -> list[tuple[str, str]]:
    from ideowork.core.activity_kinds import activity_areas

    areas = [area for area in activity_areas() if area not in ActivitySource.values]
    return [*ActivitySource.choices[:1], *((area, source_label(area)) for area in areas), *ActivitySource.choices[1:]]
