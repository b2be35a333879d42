"""The 舆情台账: the events a user sees with their handling, filtered, and as the Excel workbook offices
keep (日期, 事件, 首发来源, 等级, 倾向, 处置单位, 处置措施, 处置结果, 销号日期) through core's export."""

from datetime import datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from ideowork.core.exports.excel import excel_response

from .choices import OPEN_EVENT_STATUSES, HandlingStepKind
from .forms.handling import OPEN, OVERDUE
from .models import Event, Handling, HandlingStep

__all__ = ["filtered_events", "LEDGER_HEADERS", "ledger_rows", "ledger_response", "measures_of"]

LEDGER_HEADERS = ["序号", "发现日期", "事件名称", "首发来源", "等级", "倾向", "处置单位", "处置措施", "处置结果",
                  "处置状态", "销号日期"]
WIDTHS = [6, 12, 36, 16, 8, 6, 16, 40, 40, 10, 12]


def _local_start(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def filtered_events(user, data: dict, now: datetime):
    """The live events ``user`` sees, narrowed by the 台账's filter form's cleaned ``data``."""
    events = Event.objects.visible_to(user).live().select_related("org_unit", "assigned_unit", "handling")
    status = data.get("status")
    if status == OPEN:
        events = events.filter(status__in=OPEN_EVENT_STATUSES)
    elif status == OVERDUE:
        events = events.filter(status__in=OPEN_EVENT_STATUSES, deadline__lt=now)
    elif status:
        events = events.filter(status=status)
    for name in ("grade", "sentiment"):
        if data.get(name):
            events = events.filter(**{name: data[name]})
    if data.get("unit") is not None:
        path = data["unit"].path
        events = events.filter(Q(org_unit__path__startswith=path) | Q(assigned_unit__path__startswith=path))
    if data.get("reported"):
        events = events.filter(reported_at__isnull=False)
    if data.get("start"):
        events = events.filter(first_seen_at__gte=_local_start(data["start"]))
    if data.get("end"):
        events = events.filter(first_seen_at__lt=_local_start(data["end"]) + timedelta(days=1))
    if data.get("q"):
        events = events.filter(title__icontains=data["q"])
    return events.order_by("-first_seen_at", "-id")


def measures_of(events) -> dict[int, str]:
    """Each event's measures in words: the assignment's requirements, the responses and the joint
    handling, read in one query per 500 events."""
    ids = [event.pk for event in events]
    found: dict[int, list[str]] = {}
    kinds = (HandlingStepKind.ASSIGN, HandlingStepKind.RESPOND, HandlingStepKind.JOINT)
    for start in range(0, len(ids), 500):
        steps = (HandlingStep.objects.filter(event_id__in=ids[start:start + 500], kind__in=kinds)
                 .select_related("unit").order_by("event_id", "at", "id"))
        for step in steps:
            if step.kind == HandlingStepKind.JOINT:
                line = f"{step.happened_on:%m月%d日}{step.department}：{step.text}"
            elif step.kind == HandlingStepKind.ASSIGN:
                line = f"交{step.unit.display_name}处置" + (f"：{step.text}" if step.text else "")
            else:
                line = f"回应：{step.text}"
            found.setdefault(step.event_id, []).append(line)
    return {pk: "；".join(lines) for pk, lines in found.items()}


def _handling(event) -> Handling | None:
    try:
        return event.handling
    except Handling.DoesNotExist:
        return None


def ledger_rows(events):
    events = list(events)
    measures = measures_of(events)
    for number, event in enumerate(events, 1):
        handling = _handling(event)
        closed = handling.closed_at if handling is not None and handling.closed_at else None
        unit = event.assigned_unit or event.org_unit
        yield [number, timezone.localtime(event.first_seen_at).date(), event.title, event.first_source_name,
               event.get_grade_display(), event.get_sentiment_display(), unit.display_name,
               measures.get(event.pk, ""), handling.result if handling is not None else "",
               event.get_status_display(), timezone.localtime(closed).date() if closed else ""]


def ledger_response(events, today):
    return excel_response("舆情台账", LEDGER_HEADERS, ledger_rows(events), widths=WIDTHS,
                          title=f"网络舆情台账（{today:%Y年%m月%d日}）", filename=f"舆情台账-{today:%Y%m%d}.xlsx")
