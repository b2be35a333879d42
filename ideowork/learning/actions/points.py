"""Awarding learning points: once per action and source, within the daily and weekly caps.

Every area of learning calls ``do_award_points(user, action, ref=…)`` when something worth points
happened; it returns the entry written, or None when nothing was earned (already awarded for this
``ref``, rule switched off, or the cap reached). The running totals behind the rankings are kept in
the same transaction. Awards are consequences of actions that are themselves audited, and the
append-only points ledger is their record; rule changes and manual adjustments are audited here.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from ideowork.core import audit
from ideowork.core.models import User
from ideowork.core.periods import period_of
from ideowork.core.permissions import require
from ideowork.core.versions import bump_versions

from ..choices import PointsAction, RankingPeriod
from ..models import PointsEntry, PointsRule, PointsTotal, UnitPointsTotal

__all__ = ["DEFAULT_RULES", "rule_for", "active_rules", "do_award_points", "do_adjust_points", "do_save_points_rule",
           "ensure_default_rules", "period_key", "can_set_rules"]

# (points, daily cap, weekly cap) — what a new installation starts with; administrators change them.
DEFAULT_RULES = {
    PointsAction.LOGIN: (1, 1, None),
    PointsAction.READ: (1, 6, None),
    PointsAction.VIEW: (1, 6, None),
    PointsAction.COURSE: (5, 10, None),
    PointsAction.QUIZ: (5, 5, None),
    PointsAction.WEEKLY_QUIZ: (5, None, 5),
    PointsAction.SPECIAL_QUIZ: (10, 10, None),
    PointsAction.CHALLENGE: (3, 6, None),
    PointsAction.MATCH: (2, 6, None),
    PointsAction.COMPETITION: (10, 10, None),
    PointsAction.EXAM: (10, None, None),
    PointsAction.SESSION: (5, None, None),
    PointsAction.MAKEUP: (3, None, None),
    PointsAction.REFLECTION: (5, None, 10),
}


def ensure_default_rules() -> None:
    for action, (points, daily, weekly) in DEFAULT_RULES.items():
        PointsRule.objects.get_or_create(action=action, defaults={
            "points": points, "daily_cap": daily, "weekly_cap": weekly})


def _default_rule(action: str) -> PointsRule | None:
    if action not in DEFAULT_RULES:
        return None
    points, daily, weekly = DEFAULT_RULES[action]
    return PointsRule(action=action, points=points, daily_cap=daily, weekly_cap=weekly)


def rule_for(action: str) -> PointsRule | None:
    """The rule in force for ``action``: the saved one, else the default; None when switched off."""
    rule = PointsRule.objects.filter(action=action).first() or _default_rule(action)
    return rule if rule is not None and rule.is_active else None


def active_rules() -> dict[str, PointsRule]:
    """Every rule in force, by action, in one query."""
    rules = {action: _default_rule(action) for action in DEFAULT_RULES}
    rules.update({rule.action: rule for rule in PointsRule.objects.all()})
    return {action: rule for action, rule in rules.items() if rule.is_active}


def period_key(period: str, day: date) -> str:
    return period_of(period, day).start.isoformat()


@transaction.atomic
def do_award_points(user, action: str, *, ref: str, when: date | None = None, points: int | None = None):
    """Award ``action`` to ``user`` for source ``ref`` (e.g. ``"session:12"``); None if nothing earned.

    ``points`` overrides the rule's points per action (a quiz paying per correct answer), still
    within the caps.
    """
    if user is None or not user.is_business or user.org_unit_id is None:
        return None
    rule = rule_for(action)
    if rule is None:
        return None
    day = when or timezone.localdate()
    # One award at a time per person, so two requests can't both fit under the same cap.
    User.objects.select_for_update().filter(pk=user.pk).exists()
    if PointsEntry.objects.filter(user=user, action=action, ref=ref).exists():
        return None
    amount = rule.points if points is None else max(0, int(points))
    mine = PointsEntry.objects.filter(user=user, action=action)
    if rule.daily_cap is not None:
        today = mine.filter(date=day).aggregate(n=Sum("points"))["n"] or 0
        amount = min(amount, rule.daily_cap - today)
    if rule.weekly_cap is not None:
        week = period_of("week", day)
        so_far = mine.filter(date__range=(week.start, week.end)).aggregate(n=Sum("points"))["n"] or 0
        amount = min(amount, rule.weekly_cap - so_far)
    if amount <= 0:
        return None
    try:
        with transaction.atomic():
            entry = PointsEntry.objects.create(user=user, org_unit_id=user.org_unit_id, action=action, ref=ref,
                                               points=amount, date=day)
    except IntegrityError:  # the same award arrived twice at once
        return None
    _add_to_totals(user, day, amount)
    return entry


def _add_to_totals(user, day: date, amount: int) -> None:
    unit = user.org_unit
    bump_versions("points", [unit.organ_id or unit.pk])  # the participation card's figures (participation.py)
    for period in RankingPeriod.values:
        key = period_key(period, day)
        updated = PointsTotal.objects.filter(user=user, period=period, key=key).update(points=F("points") + amount)
        new_learner = 0
        if not updated:
            PointsTotal.objects.create(user=user, org_unit_id=unit.pk, organ_id=unit.organ_id or unit.pk,
                                       root_id=int(unit.path.split(".")[0]), period=period, key=key, points=amount)
            new_learner = 1
        unit_total = UnitPointsTotal.objects.filter(org_unit_id=user.org_unit_id, period=period, key=key)
        if not unit_total.update(points=F("points") + amount, learners=F("learners") + new_learner):
            try:
                with transaction.atomic():
                    UnitPointsTotal.objects.create(org_unit_id=user.org_unit_id, period=period, key=key,
                                                   points=amount, learners=new_learner)
            except IntegrityError:
                # Two people of the unit earned their first points of the period at the same moment
                # (an exam morning's logins, bench/exam_spike.py): the other one created the row.
                unit_total.update(points=F("points") + amount, learners=F("learners") + new_learner)


@transaction.atomic
def do_adjust_points(actor, user, points: int, *, note: str):
    """A manual correction by a learning administrator: a new entry, never an edit."""
    require(actor.has_capability("learning.manage") and User.objects.visible_to(actor).filter(pk=user.pk).exists(),
            "您无权调整该人员的积分。")
    if not note.strip():
        raise ValidationError({"note": "请填写调整原因。"})
    if points == 0 or abs(points) > 1000:
        raise ValidationError({"points": "调整分值须在-1000至1000之间且不为0。"})
    day = timezone.localdate()
    ref = f"adjust:{timezone.now().timestamp():.6f}"
    entry = PointsEntry.objects.create(user=user, org_unit_id=user.org_unit_id, action=PointsAction.ADJUST, ref=ref,
                                       points=points, date=day, note=note.strip(), created_by=actor)
    _add_to_totals(user, day, points)
    audit.record("learning.points.adjust", entry, actor=actor, new=audit.snapshot(entry), unit=user.org_unit)
    return entry


def can_set_rules(user) -> bool:
    """Rules are one set for the whole tree, kept by the learning administrators of its top organ."""
    return user.has_capability("learning.manage") and user.scope_root is not None and user.scope_root.parent_id is None


@transaction.atomic
def do_save_points_rule(actor, action: str, *, points: int, daily_cap: int | None, weekly_cap: int | None,
                        is_active: bool = True, note: str = "") -> PointsRule:
    require(can_set_rules(actor), "积分规则由市级机关的学习管理员设置。")
    if action not in PointsAction.values or action == PointsAction.ADJUST:
        raise ValidationError({"action": "未知的积分行为。"})
    for name, value in (("daily_cap", daily_cap), ("weekly_cap", weekly_cap)):
        if value is not None and value < points:
            raise ValidationError({name: "上限不能小于每次积分。"})
    rule = PointsRule.objects.select_for_update().filter(action=action).first() or PointsRule(action=action)
    old = audit.snapshot(rule) if rule.pk else None
    rule.points, rule.daily_cap, rule.weekly_cap, rule.is_active, rule.note = (
        points, daily_cap, weekly_cap, is_active, note)
    rule.full_clean()
    rule.save()
    audit.record("learning.points_rule.save", rule, actor=actor, old=old, new=audit.snapshot(rule))
    return rule
