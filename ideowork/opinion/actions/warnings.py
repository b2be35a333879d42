"""Warnings (预警): raised by the rules on arriving matches, by the hourly spike check, or by hand;
merged so that nothing floods; acknowledged and closed by the people who handle opinion.

``do_evaluate_warnings(items)`` runs inside the ingestion's transaction, after matching (and after
the events service has put the matches into events): it reads the active rules once, then the new
matches of ``items``, and gathers the hits by scheme, rule and topic — the match's event, or the
whole scheme when the match has none. Each gathering raises one warning or grows the one already
raised in its window (``_raise_or_merge``: the pair ``merge_key`` + ``window_start`` is unique, so
two batches racing meet the constraint and the second merges). A rule raises at most
``TOPICS_PER_WINDOW`` warnings of distinct topics in one window; further topics go into one
"多起" warning, so a burst of a thousand different stories is still a handful of warnings.

The spike rule compares this hour's matches of a scheme with the same hour of the previous
``spike_days`` days (their mean); it is checked on arrival for the schemes that matched, and for
every scheme by ``tasks.check_spikes`` each hour, for the hour just ended.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from ideowork.core.access import require_can
from ideowork.core.audit import record
from ideowork.core.system import is_system_actor, system_actor

from ..choices import Channel, Grade, Sentiment, WarningKind, WarningStatus
from ..models import Event, Item, ItemMatch, Scheme, Source, Warning, WarningItem, WarningRule
from .deliveries import create_deliveries, queue_sending, release_held
from .warning_rules import describe_rule

__all__ = ["TOPICS_PER_WINDOW", "LISTED_ITEMS", "do_evaluate_warnings", "do_check_spikes", "spike_figures",
           "do_raise_warning", "do_acknowledge_warning", "do_close_warning", "MANUAL_WINDOW_MINUTES"]

TOPICS_PER_WINDOW = 3
LISTED_ITEMS = 200           # items kept on one warning's list; item_count counts them all
MANUAL_WINDOW_MINUTES = 60   # the same item or event raised twice by hand within it is one warning
LOOKUP_CHUNK = 500
ALL_CHANNELS = [c.value for c in Channel]


@dataclass
class _Hit:
    rule: WarningRule
    scheme: Scheme
    topic: str
    event: Event | None = None
    items: list[Item] = field(default_factory=list)


def _window_start(moment: datetime, minutes: int) -> datetime:
    """The start of the fixed window of ``minutes`` holding ``moment`` (windows start at local midnight)."""
    local = timezone.localtime(moment)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    span = timedelta(minutes=max(1, minutes))
    return midnight + ((local - midnight) // span) * span


def _hour_start(moment: datetime) -> datetime:
    return timezone.localtime(moment).replace(minute=0, second=0, microsecond=0)


def _max_grade(items) -> str:
    return max((item.grade for item in items if item.grade), default=Grade.GENERAL)


def _rule_hits(rule: WarningRule, item: Item) -> bool:
    if rule.kind == WarningKind.GRADE:
        return bool(item.grade) and item.grade >= (rule.min_grade or Grade.GENERAL)
    if rule.kind == WarningKind.NEGATIVE:
        return item.sentiment == Sentiment.NEGATIVE and (not rule.source_levels
                                                         or item.source.level in rule.source_levels)
    return False


def _reason(rule: WarningRule, items: list[Item]) -> str:
    reason = f"规则“{rule.name}”：{describe_rule(rule)}"
    if rule.kind == WarningKind.GRADE:
        reason += f"（本批最高{Grade(_max_grade(items)).label}）"
    return reason + "。"


def _matches_of(items: list[Item]) -> list[ItemMatch]:
    """The matches of ``items``, joined in memory to the items the caller holds (their text is not
    read again) and to their sources, schemes and events (one query each)."""
    by_id = {item.pk: item for item in items}
    ids = list(by_id)
    found: list[ItemMatch] = []
    for start in range(0, len(ids), LOOKUP_CHUNK):
        found += ItemMatch.objects.filter(item_id__in=ids[start:start + LOOKUP_CHUNK]).only(
            "item_id", "scheme_id", "org_unit_id", "event_id", "arrived_at")
    sources = Source.objects.in_bulk({item.source_id for item in items})
    schemes = Scheme.objects.in_bulk({m.scheme_id for m in found})
    events = Event.objects.in_bulk({m.event_id for m in found if m.event_id})
    for match in found:
        match.item = by_id[match.item_id]
        match.item.source = sources[match.item.source_id]
        match.scheme = schemes[match.scheme_id]
        match.event = events.get(match.event_id)
    return found


def _rules_for(rules: list[WarningRule], match: ItemMatch) -> list[WarningRule]:
    return [rule for rule in rules
            if rule.scheme_id == match.scheme_id or (rule.scheme_id is None and rule.org_unit_id == match.org_unit_id)]


def do_evaluate_warnings(items) -> int:
    """Evaluate the active rules on the matches of ``items`` (just stored and matched); the caller
    holds the transaction. Returns how many warnings were raised or grown."""
    items = list(items)
    rules = list(WarningRule.objects.filter(active=True)) if items else []
    if not rules:
        return 0
    hits: dict[tuple, _Hit] = {}
    spikes: dict[tuple, tuple[WarningRule, Scheme, list[Item]]] = {}
    for match in _matches_of(items):
        for rule in _rules_for(rules, match):
            if rule.kind == WarningKind.SPIKE:
                spikes.setdefault((rule.pk, match.scheme_id), (rule, match.scheme, []))[2].append(match.item)
            elif _rule_hits(rule, match.item):
                topic = f"e{match.event_id}" if match.event_id else "all"
                hit = hits.setdefault((rule.pk, match.scheme_id, topic), _Hit(rule, match.scheme, topic, match.event))
                hit.items.append(match.item)
    now, actor = timezone.now(), system_actor()
    touched = 0
    for hit in hits.values():
        _raise_or_merge(hit, now, kind=hit.rule.kind, reason=_reason(hit.rule, hit.items), actor=actor)
        touched += 1
    for rule, scheme, new_items in spikes.values():
        touched += bool(_check_spike(rule, scheme, _hour_start(now), now, new_items))
    return touched


def _topic_key(hit: _Hit, start: datetime) -> str:
    """The hit's topic, or "more" once the rule has its share of distinct topics in this window."""
    prefix = f"{hit.scheme.pk}:{hit.rule.pk}:"
    if hit.topic.startswith("h"):
        return hit.topic
    taken = set(Warning.objects.filter(merge_key__startswith=prefix, window_start=start)
                .values_list("merge_key", flat=True))
    key = prefix + hit.topic
    if key in taken or len(taken - {prefix + "more"}) < TOPICS_PER_WINDOW:
        return hit.topic
    return "more"


def _title(hit: _Hit, topic: str, kind: str, count: int) -> str:
    scheme = hit.scheme.name
    if kind == WarningKind.SPIKE:
        return f"{scheme}：信息量激增（本小时{count}条）"
    if topic == "more":
        return f"{scheme}：{hit.rule.name}（多起）"
    story = hit.event.title if hit.event else hit.items[0].title
    # The grade is not in the title: it is shown beside it and may rise as items merge in.
    return f"{scheme}：{'负面信息' if kind == WarningKind.NEGATIVE else '舆情'}“{story[:80]}”"


def _add_items(warning: Warning, items: list[Item]) -> int:
    """Put ``items`` on the warning's list (up to ``LISTED_ITEMS``); returns how many were new to it."""
    ids = list(dict.fromkeys(item.pk for item in items))
    known = set(WarningItem.objects.filter(warning=warning, item_id__in=ids).values_list("item_id", flat=True))
    new = [pk for pk in ids if pk not in known]
    room = max(0, LISTED_ITEMS - warning.warning_items.count()) if new else 0
    WarningItem.objects.bulk_create([WarningItem(warning=warning, item_id=pk) for pk in new[:room]],
                                    ignore_conflicts=True)
    return len(new)


def _raise_or_merge(hit: _Hit, now: datetime, *, kind: str, reason: str, count: int | None = None,
                    window_start: datetime | None = None, actor=None, channels=None, grade: str = "",
                    title: str = "") -> Warning:
    """Raise the warning of ``hit`` in its window, or grow the one raised already; the caller holds
    the transaction. ``count`` sets the item count (a spike's hour total) instead of adding the new
    items; ``grade`` and ``title`` (a warning raised by hand) replace what the items say."""
    rule = hit.rule
    minutes = rule.window_minutes if rule else MANUAL_WINDOW_MINUTES
    start = window_start or _window_start(now, minutes)
    topic = _topic_key(hit, start) if rule else hit.topic
    merge_key = f"{hit.scheme.pk}:{rule.pk if rule else 'm'}:{topic}"
    grade = grade or _max_grade(hit.items)
    warning = Warning.objects.select_for_update().filter(merge_key=merge_key, window_start=start).first()
    if warning is None:
        warning = Warning(org_unit_id=hit.scheme.org_unit_id, scheme=hit.scheme, scheme_name=hit.scheme.name,
                          rule=rule, kind=kind, grade=grade, reason=reason, merge_key=merge_key,
                          event=hit.event if topic != "more" else None, window_start=start,
                          window_end=start + timedelta(minutes=minutes),
                          title=(title or _title(hit, topic, kind, count or len(hit.items)))[:300],
                          first_at=now, last_at=now, raised_by=None if is_system_actor(actor) else actor)
        try:
            with transaction.atomic():
                warning.save()
        except IntegrityError:  # a batch racing with this one raised it first: merge into it below
            warning = Warning.objects.select_for_update().get(merge_key=merge_key, window_start=start)
        else:
            added = _add_items(warning, hit.items)
            warning.item_count = count if count is not None else added
            warning.save(update_fields=["item_count"])
            record("opinion.warning.raise", warning, actor=actor, unit=warning.org_unit,
                   new={"kind": kind, "grade": grade, "items": warning.item_count, "reason": reason})
            queue_sending(create_deliveries(warning, channels or (rule.channels if rule else ALL_CHANNELS), now))
            return warning
    added = _add_items(warning, hit.items)
    old = {"items": warning.item_count, "grade": warning.grade}
    warning.item_count = count if count is not None else warning.item_count + added
    escalated = grade > warning.grade
    warning.grade = max(grade, warning.grade)
    warning.last_at = now
    if count is not None:  # a spike: the hour's figures as they stand now
        warning.reason, warning.title = reason, (title or _title(hit, topic, kind, count))[:300]
    warning.save(update_fields=["item_count", "grade", "last_at", "reason", "title"])
    record("opinion.warning.merge", warning, actor=actor, unit=warning.org_unit, old=old,
           new={"items": warning.item_count, "grade": warning.grade})
    if escalated and warning.grade == Grade.GRAVE:
        queue_sending(release_held(warning, now))
    return warning


def spike_figures(scheme_id: int, hour: datetime, days: int) -> tuple[int, float]:
    """The matches of the scheme in the hour starting at ``hour``, and the mean of the same hour on
    each of the ``days`` days before (the ``ItemMatch(scheme, -arrived_at)`` index serves each count)."""
    matches = ItemMatch.objects.filter(scheme_id=scheme_id)
    now_count = matches.filter(arrived_at__gte=hour, arrived_at__lt=hour + timedelta(hours=1)).count()
    before = [matches.filter(arrived_at__gte=hour - timedelta(days=d),
                             arrived_at__lt=hour - timedelta(days=d) + timedelta(hours=1)).count()
              for d in range(1, days + 1)]
    return now_count, (sum(before) / len(before) if before else 0.0)


def _check_spike(rule: WarningRule, scheme: Scheme, hour: datetime, now: datetime, items: list[Item]) -> Warning | None:
    count, mean = spike_figures(scheme.pk, hour, rule.spike_days)
    if count < rule.spike_min_count or count < rule.spike_ratio * mean:
        return None
    reason = (f"规则“{rule.name}”：{timezone.localtime(hour):%m月%d日%H时}起一小时命中{count}条，"
              f"前{rule.spike_days}天同一时段平均{mean:.1f}条（阈值：不少于{rule.spike_min_count}条且达到平均的"
              f"{rule.spike_ratio:g}倍）。")
    hit = _Hit(rule, scheme, f"h{timezone.localtime(hour):%Y%m%d%H}", None, items)
    return _raise_or_merge(hit, now, kind=WarningKind.SPIKE, reason=reason, count=count, window_start=hour,
                           actor=system_actor())


def do_check_spikes(hour: datetime | None = None) -> int:
    """The hourly check (``tasks.check_spikes``): every active spike rule on each scheme it watches,
    for the hour starting at ``hour`` (default: the hour just ended). Returns the warnings touched."""
    hour = _hour_start(hour or timezone.now() - timedelta(hours=1))
    now = timezone.now()
    touched = 0
    for rule in WarningRule.objects.filter(active=True, kind=WarningKind.SPIKE).select_related("scheme"):
        schemes = [rule.scheme] if rule.scheme_id else Scheme.objects.filter(org_unit_id=rule.org_unit_id, active=True)
        for scheme in schemes:
            with transaction.atomic():
                touched += bool(_check_spike(rule, scheme, hour, now, []))
    return touched


def do_raise_warning(actor, *, scheme: Scheme, item: Item | None = None, event: Event | None = None,
                     grade: str = Grade.GENERAL, note: str = "") -> Warning:
    """A warning raised by hand on an item or an event, sent on every channel to the scheme's
    recipients. The actor handles opinion in the scheme's unit and sees the item or event."""
    _require_may_raise(actor, scheme)
    if (item is None) == (event is None):
        raise ValidationError("请指定一条信息或一个事件。")
    note = (note or "").strip()
    errors = {}
    if grade not in Grade.values:
        errors["grade"] = "请选择预警等级。"
    if not note:
        errors["note"] = "请写明预警理由。"
    elif len(note) > 500:
        errors["note"] = "预警理由不能超过500个字。"
    if errors:
        raise ValidationError(errors)
    subject = event or item
    items = [item] if item else list(Item.objects.filter(matches__event=event).distinct()[:LISTED_ITEMS])
    hit = _Hit(None, scheme, f"{'e' if event else 'i'}{subject.pk}", event, items)
    with transaction.atomic():
        return _raise_or_merge(hit, timezone.now(), kind=WarningKind.MANUAL, actor=actor, grade=grade,
                               title=f"人工预警：{subject.title}", reason=f"{actor.display_name}人工预警：{note}",
                               channels=ALL_CHANNELS)


def _require_may_raise(actor, scheme: Scheme) -> None:
    from ideowork.core.scoping import can_act_in

    if not (Scheme.objects.visible_to(actor).filter(pk=scheme.pk).exists()
            and can_act_in(actor, scheme.org_unit, "opinion.handle")):
        raise PermissionDenied("您无权为该方案发布预警。")


def do_acknowledge_warning(actor, warning: Warning) -> Warning:
    """确认: someone who handles opinion has seen the warning and takes it on."""
    require_can(actor, "change", warning, "您无权处理该预警。")
    with transaction.atomic():
        warning = Warning.objects.select_for_update().get(pk=warning.pk)
        if warning.status != WarningStatus.OPEN:
            raise ValidationError("该预警已确认或已关闭。")
        warning.status, warning.acknowledged_by, warning.acknowledged_at = WarningStatus.ACKNOWLEDGED, actor, timezone.now()
        warning.save(update_fields=["status", "acknowledged_by", "acknowledged_at"])
        record("opinion.warning.acknowledge", warning, actor=actor, old={"status": WarningStatus.OPEN},
               new={"status": warning.status})
    return warning


def do_close_warning(actor, warning: Warning, note: str = "") -> Warning:
    """关闭: the warning needs nothing more (handled through its event, or a false alarm)."""
    require_can(actor, "change", warning, "您无权处理该预警。")
    note = (note or "").strip()
    if len(note) > 300:
        raise ValidationError({"note": "关闭说明不能超过300个字。"})
    with transaction.atomic():
        warning = Warning.objects.select_for_update().get(pk=warning.pk)
        if warning.status == WarningStatus.CLOSED:
            raise ValidationError("该预警已关闭。")
        old = {"status": warning.status}
        warning.status, warning.closed_by, warning.closed_at, warning.close_note = (
            WarningStatus.CLOSED, actor, timezone.now(), note)
        warning.save(update_fields=["status", "closed_by", "closed_at", "close_note"])
        record("opinion.warning.close", warning, actor=actor, old=old, new={"status": warning.status, "note": note})
    return warning
