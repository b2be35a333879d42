"""What a briefing says, computed from a unit's matched items and events (reads only).

A unit's briefing covers the items its schemes and the schemes of the units below it matched (each
item once, however many schemes matched it) and the events of those units. ``compile_figures``
returns one JSON-ready dict: the period, the day-by-day volume and sentiment, the sources' levels,
the key events with their sources, the handling state, and the ``statements`` the document makes,
each with the ``basis`` that selects the items behind it (``basis_items``), so that the web view links
every statement to its items and the figures stored with the briefing never move afterwards.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Count
from django.db.models.functions import TruncDate

from ideowork.core.models import OrgUnit

from .choices import BriefingKind, EventStatus, Grade, Sentiment, SourceLevel
from .models import Event, Item, ItemMatch

__all__ = ["compile_figures", "briefing_window", "basis_matches", "basis_item_ids", "items_in_order", "OPEN_STATUSES", "TOP_EVENTS", "SHANGHAI"]

SHANGHAI = ZoneInfo("Asia/Shanghai")
OPEN_STATUSES = (EventStatus.JUDGING, EventStatus.HANDLING, EventStatus.RESPONDING, EventStatus.CLOSING)
TOP_EVENTS = 5          # key events a briefing describes
SOURCES_PER_EVENT = 5   # sources listed under each
OPEN_ROWS = 10          # rows of the handling table
CHART_DAYS = 7          # a daily briefing's chart shows the week up to its day
SPECIAL_MAX_DAYS = 31
UNKNOWN = "unknown"     # items not analysed yet
SENTIMENTS = [Sentiment.NEGATIVE, Sentiment.NEUTRAL, Sentiment.POSITIVE]


def _start(day: date) -> datetime:
    return datetime.combine(day, time.min, SHANGHAI)


def briefing_window(kind: str, day: date, event: Event | None = None) -> tuple[date, date]:
    """The days (inclusive) a briefing of ``kind`` made for ``day`` covers: the day itself, the
    Monday-to-Sunday week holding it, or an event's days up to ``day`` (at most a month)."""
    if kind == BriefingKind.WEEKLY:
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if kind == BriefingKind.SPECIAL and event is not None:
        first = event.first_seen_at.astimezone(SHANGHAI).date()
        return max(min(first, day), day - timedelta(days=SPECIAL_MAX_DAYS - 1)), day
    return day, day


def _subtree_ids(unit: OrgUnit) -> list[int]:
    return list(OrgUnit.objects.filter(path__startswith=unit.path).values_list("pk", flat=True))


def basis_matches(unit: OrgUnit, basis: dict):
    """The matches behind a statement: the unit's subtree's matches in the basis's days, narrowed by
    its sentiment, source level or events. (Callers scope them again for the reader.)"""
    matches = ItemMatch.objects.filter(org_unit_id__in=_subtree_ids(unit),
                                       arrived_at__gte=_start(date.fromisoformat(basis["since"])),
                                       arrived_at__lt=_start(date.fromisoformat(basis["until"]) + timedelta(days=1)))
    sentiment = basis.get("sentiment")
    if sentiment == UNKNOWN:
        matches = matches.filter(item__sentiment="")
    elif sentiment:
        matches = matches.filter(item__sentiment=sentiment)
    if basis.get("level"):
        matches = matches.filter(item__source__level=basis["level"])
    if basis.get("events"):
        matches = matches.filter(event_id__in=basis["events"])
    return matches


def basis_item_ids(user, unit: OrgUnit, basis: dict):
    """The ids of the items behind a statement that ``user`` sees (through their own units' matches),
    newest first, each once."""
    visible = ItemMatch.objects.visible_to(user).values("pk")
    return (basis_matches(unit, basis).filter(pk__in=visible).order_by("-arrived_at", "-item_id")
            .values_list("item_id", flat=True).distinct())


def items_in_order(ids) -> list[Item]:
    """The items of ``ids`` (which came from a scoped query) in that order, without their text."""
    by_id = Item.objects.select_related("source").defer("text", "analysis").in_bulk(list(ids))
    return [by_id[pk] for pk in ids if pk in by_id]


def _share(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "0%"


def _change(now: int, before: int) -> str:
    if before == 0:
        return "上期无相关信息" if now else "与上期持平"
    if now == before:
        return "与上期持平"
    word = "增加" if now > before else "减少"
    return f"较上期{word}{abs(now - before)}条（{word}{abs(now - before) * 100 / before:.0f}%）"


def _day_label(day: date) -> str:
    return f"{day.month}月{day.day}日"


def _period_label(start: date, end: date) -> str:
    if start == end:
        return f"{start.year}年{_day_label(start)}"
    return f"{start.year}年{_day_label(start)}至{_day_label(end)}"


def _days(matches, chart_start: date, end: date) -> list[dict]:
    rows = (matches.filter(arrived_at__gte=_start(chart_start), arrived_at__lt=_start(end + timedelta(days=1)))
            .annotate(day=TruncDate("arrived_at", tzinfo=SHANGHAI)).values("day", "item__sentiment")
            .annotate(n=Count("item_id", distinct=True)).order_by())
    days = {chart_start + timedelta(days=n): {s: 0 for s in [*SENTIMENTS, UNKNOWN]}
            for n in range((end - chart_start).days + 1)}
    for row in rows:
        if row["day"] in days:
            days[row["day"]][row["item__sentiment"] or UNKNOWN] += row["n"]
    return [{"day": day.isoformat(), "label": f"{day.month:02d}-{day.day:02d}", **counts,
             "total": sum(counts.values())} for day, counts in days.items()]


def _event_sources(event: Event, start: date, end: date) -> list[dict]:
    """The event's first item and then one item per further outlet, in order of arrival."""
    seen, sources = set(), []
    matches = (ItemMatch.objects.filter(event=event).select_related("item__source").order_by("arrived_at", "id"))
    first = event.first_item_id
    for match in matches[:200]:
        item = match.item
        outlet = item.outlet_name or item.source.name
        if outlet in seen and item.pk != first:
            continue
        seen.add(outlet)
        sources.append({"item": item.pk, "outlet": outlet, "title": item.title, "url": item.url,
                        "level": item.source.get_level_display(),
                        "published": (item.published_at or item.arrived_at).astimezone(SHANGHAI).strftime("%m-%d %H:%M")})
        if len(sources) >= SOURCES_PER_EVENT:
            break
    return sources


def _event_row(event: Event, in_period: int, start: date, end: date) -> dict:
    return {"id": event.pk, "title": event.title, "grade": event.grade, "grade_label": event.get_grade_display() or "未定级",
            "sentiment_label": event.get_sentiment_display() or "未研判", "status": event.status,
            "status_label": event.get_status_display(), "items": in_period, "item_count": event.item_count,
            "outlets": event.outlet_count, "reprints": event.reprint_count, "first_source": event.first_source_name,
            "first_seen": event.first_seen_at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M"),
            "assigned": event.assigned_unit.display_name if event.assigned_unit_id else "",
            "deadline": event.deadline.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M") if event.deadline else "",
            "sources": _event_sources(event, start, end)}


def _event_text(row: dict) -> str:
    text = (f"该事件首发于{row['first_source'] or '监测来源'}（{row['first_seen']}），累计相关信息{row['item_count']}条，"
            f"本期{row['items']}条，涉及媒体{row['outlets']}家、转载{row['reprints']}次；研判等级{row['grade_label']}，"
            f"倾向{row['sentiment_label']}，目前{row['status_label']}")
    if row["assigned"]:
        text += f"，由{row['assigned']}负责处置"
    if row["deadline"] and row["status"] in OPEN_STATUSES:
        text += f"，处置时限{row['deadline']}"
    return text + "。"


def compile_figures(unit: OrgUnit, kind: str, start: date, end: date, *, event: Event | None = None,
                    now: datetime) -> dict:
    """Everything a briefing of ``unit`` for the days ``start``–``end`` says (see the module)."""
    units = _subtree_ids(unit)
    all_matches = ItemMatch.objects.filter(org_unit_id__in=units)
    if event is not None:
        all_matches = all_matches.filter(event=event)
    since, until = _start(start), _start(end + timedelta(days=1))
    matches = all_matches.filter(arrived_at__gte=since, arrived_at__lt=until)
    chart_start = end - timedelta(days=CHART_DAYS - 1) if kind == BriefingKind.DAILY else start
    days = _days(all_matches, chart_start, end)
    period = [d for d in days if start.isoformat() <= d["day"] <= end.isoformat()]
    totals = {key: sum(d[key] for d in period) for key in [*SENTIMENTS, UNKNOWN, "total"]}
    length = (end - start).days + 1
    previous = (all_matches.filter(arrived_at__gte=_start(start - timedelta(days=length)), arrived_at__lt=since)
                .values("item_id").distinct().count())
    levels = dict(matches.values("item__source__level").annotate(n=Count("item_id", distinct=True))
                  .order_by().values_list("item__source__level", "n"))
    by_level = [{"level": code, "label": label, "count": levels.get(code, 0)}
                for code, label in SourceLevel.choices if levels.get(code)]
    basis = {"since": start.isoformat(), "until": end.isoformat()}
    if event is not None:
        basis["events"] = [event.pk]
    statements: list[dict] = []

    def say(section: str, text: str, count: int | None = None, **narrow) -> None:
        statements.append({"section": section, "text": text, "count": count,
                           "basis": {**basis, **narrow} if count is not None else None})

    total = totals["total"]
    subject = f"事件“{event.title}”" if event is not None else f"涉及{unit.display_name}（含下级单位）工作"
    say("overall", f"{_period_label(start, end)}，共监测到{subject}的舆情信息{total}条，{_change(total, previous)}。",
        total)
    if total:
        parts = [f"{Sentiment(s).label}信息{totals[s]}条，占{_share(totals[s], total)}" for s in SENTIMENTS if totals[s]]
        if totals[UNKNOWN]:
            parts.append(f"尚未研判{totals[UNKNOWN]}条")
        say("overall", "其中" + "；".join(parts) + "。", total)
        if totals[Sentiment.NEGATIVE]:
            say("overall", f"负面信息{totals[Sentiment.NEGATIVE]}条，需逐条核实、跟踪。", totals[Sentiment.NEGATIVE],
                sentiment=Sentiment.NEGATIVE)
        if by_level:
            say("overall", "从来源看，" + "，".join(f"{row['label']}{row['count']}条" for row in by_level) + "。", total)
        if len(by_level) > 1:
            top_level = max(by_level, key=lambda row: row["count"])
            say("overall", f"{top_level['label']}来源信息最多，共{top_level['count']}条。", top_level["count"],
                level=top_level["level"])
        peak = max(period, key=lambda d: d["total"])
        if len(period) > 1 and peak["total"]:
            day = date.fromisoformat(peak["day"])
            say("overall", f"{_day_label(day)}信息量最高，达{peak['total']}条。", peak["total"],
                since=peak["day"], until=peak["day"])

    # 二、重点事件
    in_period = dict(matches.filter(event__isnull=False).values("event_id")
                     .annotate(n=Count("item_id", distinct=True)).order_by().values_list("event_id", "n"))
    if event is not None:
        chosen = [event]
    else:
        candidates = list(Event.objects.live().filter(pk__in=in_period).select_related("assigned_unit"))
        candidates.sort(key=lambda e: (-(int(e.grade or 0)), -in_period.get(e.pk, 0), e.pk))
        chosen = candidates[:TOP_EVENTS]
    events = [_event_row(e, in_period.get(e.pk, 0), start, end) for e in chosen]
    for row in events:
        say("events", _event_text(row), row["items"], events=[row["id"]])
    if not events:
        say("events", "本期未发现需要重点关注的舆情事件。")

    # 三、处置情况
    scoped_events = Event.objects.live().filter(org_unit_id__in=units)
    if event is not None:
        scoped_events = scoped_events.filter(pk=event.pk)
    status_counts = dict(scoped_events.values("status").annotate(n=Count("id")).order_by().values_list("status", "n"))
    open_events = list(scoped_events.filter(status__in=OPEN_STATUSES).select_related("assigned_unit")
                       .order_by("deadline", "-grade", "id"))
    overdue = [e for e in open_events if e.deadline and e.deadline < min(now, until)]
    new_events = scoped_events.filter(first_seen_at__gte=since, first_seen_at__lt=until).count()
    open_rows = [_event_row(e, in_period.get(e.pk, 0), start, end) for e in
                 sorted(open_events, key=lambda e: (e not in overdue, -int(e.grade or 0), e.pk))[:OPEN_ROWS]]
    handling = {"counts": {code: status_counts.get(code, 0) for code, _ in EventStatus.choices},
                "open": len(open_events), "overdue": [e.pk for e in overdue], "new": new_events, "rows": open_rows}
    open_ids = [e.pk for e in open_events]
    if open_events:
        parts = "、".join(f"{EventStatus(code).label}{status_counts[code]}件" for code in OPEN_STATUSES
                         if status_counts.get(code))
        say("handling", f"截至{_day_label(end)}，在办舆情事件{len(open_events)}件（{parts}）。",
            basis_matches(unit, {**basis, "events": open_ids}).values("item_id").distinct().count(), events=open_ids)
    else:
        say("handling", f"截至{_day_label(end)}，无在办舆情事件。")
    if status_counts.get(EventStatus.CLOSED):
        closed = list(scoped_events.filter(status=EventStatus.CLOSED).values_list("pk", flat=True))
        say("handling", f"累计已销号事件{status_counts[EventStatus.CLOSED]}件。",
            basis_matches(unit, {**basis, "events": closed}).values("item_id").distinct().count(), events=closed)
    if overdue:
        names = "、".join(f"“{e.title}”" for e in overdue[:3]) + ("等" if len(overdue) > 3 else "")
        ids = [e.pk for e in overdue]
        say("handling", f"逾期未办结{len(overdue)}件：{names}。",
            basis_matches(unit, {**basis, "events": ids}).values("item_id").distinct().count(), events=ids)

    # 四、工作建议 (rules over the figures; the editor signs off the whole)
    negative = totals[Sentiment.NEGATIVE]
    if total and negative * 100 >= 30 * total:
        say("advice", f"本期负面信息占比{_share(negative, total)}，建议对相关诉求逐条梳理，及时回应社会关切。", negative,
            sentiment=Sentiment.NEGATIVE)
    grave = [row for row in events if row["grade"] in (Grade.MAJOR, Grade.GRAVE) and row["status"] in OPEN_STATUSES]
    if grave:
        ids = [row["id"] for row in grave]
        say("advice", f"对{len(grave)}件重大以上事件，建议主要负责同志牵头研判，必要时会同相关部门联动处置并适时发布权威信息。",
            sum(row["items"] for row in grave), events=ids)
    if overdue:
        ids = [e.pk for e in overdue]
        say("advice", "对逾期未办结的事件，建议督促承办单位说明情况、限期办结。",
            basis_matches(unit, {**basis, "events": ids}).values("item_id").distinct().count(), events=ids)
    say("advice", "持续做好每日巡查和舆情台账登记，发现苗头性、倾向性问题及时报告。")

    return {"period": {"start": start.isoformat(), "end": end.isoformat(), "label": _period_label(start, end)},
            "unit": unit.display_name, "kind": kind, "days": days, "totals": totals, "previous": previous,
            "by_level": by_level, "events": events, "handling": handling, "statements": statements,
            "computed_at": now.isoformat()}
