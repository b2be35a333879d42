"""Reminders about targets: before a period ends while still short, and for every period missed.

Run daily by ``ledger.tasks.target_reminders`` on the task queue. Each reminder carries a dedup key
(target, period, kind), so running the task again — or on several workers — never repeats one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.urls import reverse

from ideowork.core.choices import Role
from ideowork.core.models import User
from ideowork.core.notify import notify
from ideowork.plans.choices import PlanStatus
from ideowork.plans.models import Assignment, Target

from .progress import Status, compute_progress

__all__ = ["send_target_reminders", "DUE_SOON_DAYS"]

# How many days before a period ends a shortfall is worth a reminder.
DUE_SOON_DAYS = {"week": 2, "month": 7, "quarter": 14, "halfyear": 21, "year": 30}


@dataclass
class Sent:
    due_soon: int = 0
    overdue: int = 0
    deadlines: int = 0

    @property
    def total(self) -> int:
        return self.due_soon + self.overdue + self.deadlines


def _recipients(targets) -> tuple[dict[int, list[User]], dict[int, list[User]]]:
    """Who hears about an item's targets: its direct and specific responsible persons, else the
    organ's full-time staff."""
    items = {t.item_id for t in targets}
    assignments = {a.item_id: a for a in Assignment.objects.filter(item_id__in=items)
                   .select_related("direct_responsible", "specific_responsible")}
    organs = {t.item.plan.org_unit_id for t in targets}
    staff_of = defaultdict(list)
    for user in User.objects.filter(org_unit__organ_id__in=organs, role=Role.STAFF, is_active=True).select_related(
            "org_unit"):
        staff_of[user.org_unit.organ_id].append(user)
    recipients = {}
    for item_id in items:
        a = assignments.get(item_id)
        people = [p for p in (a.specific_responsible, a.direct_responsible) if p is not None and p.is_active] if a else []
        recipients[item_id] = people
    return recipients, staff_of


def send_target_reminders(today: date) -> Sent:
    sent = Sent()
    # In January last year's plans are still reminded about: their last week, month, quarter and
    # the year itself ended on 31 December and only become overdue on 1 January.
    years = [today.year - 1, today.year] if today.month == 1 else [today.year]
    targets = list(Target.objects.filter(item__plan__status=PlanStatus.ACTIVE, item__plan__year__in=years)
                   .select_related("item__plan"))
    if not targets:
        return sent
    progress = {}
    for year in years:
        progress.update(compute_progress([t for t in targets if t.item.plan.year == year], year=year, today=today))
    recipients, staff_of = _recipients(targets)
    for target in targets:
        people = recipients.get(target.item_id) or staff_of.get(target.item.plan.org_unit_id, [])
        if not people:
            continue
        p = progress[target.pk]
        url = reverse("plans:item", args=[target.item_id])
        label = f"{target.item.number}. {target.item.title}"
        current = p.current
        lead = DUE_SOON_DAYS.get(target.period)
        if (lead is not None and current.period.contains(today) and current.status in (Status.ONTRACK, Status.BEHIND)
                and (current.period.end - today).days <= lead):
            short = current.required - current.done
            for person in people:
                if notify(person, f"指标即将到期：{target.text}",
                          body=f"{label}：{current.period.label}还差{short}{target.unit}，"
                               f"将于{current.period.end:%m月%d日}截止。",
                          url=url, kind="due", dedup_key=f"target-due:{target.pk}:{current.period.key}"):
                    sent.due_soon += 1
        missed = [pp for pp in p.periods if pp.status == Status.OVERDUE]
        if target.period == "day":
            # One reminder a week for a daily duty, not one a day.
            by_week = defaultdict(list)
            for pp in missed:
                monday = pp.period.start - timedelta(days=pp.period.start.weekday())
                by_week[monday].append(pp)
            groups = [(f"week:{monday.isoformat()}", f"{monday:%m月%d日}当周有{len(pps)}天未完成")
                      for monday, pps in by_week.items()]
        else:
            groups = [(pp.period.key, f"{pp.period.label}未完成（完成{pp.done}/要求{pp.required}）") for pp in missed]
        for key, text in groups:
            for person in people:
                if notify(person, f"指标逾期：{target.text}", body=f"{label}：{text}。", url=url, kind="overdue",
                          dedup_key=f"target-overdue:{target.pk}:{key}"):
                    sent.overdue += 1
    sent.deadlines = _deadline_reminders(today, progress)
    return sent


def _deadline_reminders(today: date, progress) -> int:
    sent = 0
    soon = today + timedelta(days=7)
    assignments = (Assignment.objects.filter(item__plan__status=PlanStatus.ACTIVE, deadline__isnull=False,
                                             deadline__lte=soon, specific_responsible__isnull=False)
                   .select_related("item", "specific_responsible").prefetch_related("item__targets"))
    for a in assignments:
        statuses = [progress[t.pk].status for t in a.item.targets.all() if t.pk in progress]
        if statuses and all(s == Status.DONE for s in statuses):
            continue
        overdue = a.deadline < today
        title = f"{'任务已逾期' if overdue else '任务即将到期'}：{a.item.title}"
        body = f"完成时限为{a.deadline:%Y年%m月%d日}。" + ("请尽快完成并登记台账。" if overdue else "")
        if notify(a.specific_responsible, title, body=body, url=reverse("plans:item", args=[a.item_id]),
                  kind="overdue" if overdue else "due",
                  dedup_key=f"deadline{'-overdue' if overdue else ''}:{a.pk}:{a.deadline.isoformat()}"):
            sent += 1
    return sent
