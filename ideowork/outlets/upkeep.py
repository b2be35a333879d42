"""What an outlet owes: its due date, how far it is overdue, when it counts as dormant, and the
daily reminders about overdue outlets and rectification deadlines.

Read by the register pages, the export, the dashboard panel and the daily tasks, so that all of
them agree on which outlet is overdue. An outlet that has never been updated is overdue from the day
it was registered. Each reminder carries a dedup key (outlet and due date, or inspection), so a
reminder is sent once however often the task runs.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from ideowork.core.choices import Role
from ideowork.core.models import User
from ideowork.core.notify import notify

from .choices import InspectionResult, OutletStatus
from .models import Outlet, OutletInspection

__all__ = ["DORMANT_MIN_DAYS", "due_on", "days_overdue", "dormant_after", "register_counts",
           "send_outlet_reminders", "Sent"]

# An outlet is dormant (长期未更新) when it is overdue by more than twice its update frequency, and
# never sooner than two weeks: the national rule for government new media counts an account not
# updated for two weeks as not updated at all, so a daily account is not flagged after two days.
DORMANT_MIN_DAYS = 14


def due_on(outlet: Outlet) -> date:
    """The day the next update is due (the registration day for an outlet never updated)."""
    due = outlet.next_due()
    if due is None:
        return timezone.localdate(outlet.created_at) if outlet.created_at else timezone.localdate()
    return due


def days_overdue(outlet: Outlet, today: date) -> int:
    """Days past the due date; 0 when not overdue or closed."""
    if outlet.status == OutletStatus.CLOSED:
        return 0
    return max(0, (today - due_on(outlet)).days)


def dormant_after(outlet: Outlet) -> timedelta:
    """How long past its due date an outlet may go before it is flagged dormant."""
    return timedelta(days=max(2 * outlet.frequency_days, DORMANT_MIN_DAYS))


def register_counts(outlets, today: date) -> dict:
    """The register's key figures for a list of outlets (closed ones excluded)."""
    running = [o for o in outlets if o.status != OutletStatus.CLOSED]
    return {
        "total": len(running),
        "overdue": sum(1 for o in running if o.is_overdue(today)),
        "rectifying": sum(1 for o in running if o.status == OutletStatus.RECTIFYING),
        "dormant": sum(1 for o in running if o.status == OutletStatus.DORMANT),
    }


@dataclass
class Sent:
    overdue: int = 0
    rectification: int = 0

    @property
    def total(self) -> int:
        return self.overdue + self.rectification


def _publicity_staff(organ_ids) -> dict[int, list[User]]:
    """The full-time publicity staff (专职工作人员) of each organ."""
    staff = defaultdict(list)
    for user in User.objects.filter(org_unit__organ_id__in=organ_ids, role=Role.STAFF, is_active=True).select_related(
            "org_unit"):
        staff[user.org_unit.organ_id].append(user)
    return staff


def _send(people, title: str, *, body: str, url: str, dedup_key: str) -> int:
    sent = 0
    for person in {p.pk: p for p in people if p.is_active}.values():
        if notify(person, title, body=body, url=url, kind="warning", dedup_key=dedup_key) is not None:
            sent += 1
    return sent


def send_outlet_reminders(today: date) -> Sent:
    """Remind the responsible person and the organ's publicity staff of every overdue outlet (once
    per due date), and the responsible person and inspector of every rectification past its deadline."""
    sent = Sent()
    outlets = [o for o in Outlet.objects.exclude(status=OutletStatus.CLOSED).select_related("responsible", "org_unit")
               if o.is_overdue(today)]
    staff = _publicity_staff({o.org_unit.organ_id for o in outlets})
    for outlet in outlets:
        due = outlet.next_due()
        when = f"应于{due:%Y年%m月%d日}前更新，已逾期{(today - due).days}天" if due else "登记后尚未登记过更新"
        sent.overdue += _send(
            [outlet.responsible, *staff.get(outlet.org_unit.organ_id, [])], f"阵地逾期未更新：{outlet.name}",
            body=f"{outlet.name}（{outlet.get_kind_display()}，{outlet.get_frequency_days_display()}更新）{when}。"
                 f"责任人：{outlet.responsible.name}。",
            url=reverse("outlets:outlet_detail", args=[outlet.pk]),
            dedup_key=f"outlet_overdue:{outlet.pk}:{due.isoformat() if due else 'never'}")
    late = (OutletInspection.objects.exclude(result=InspectionResult.PASSED)
            .filter(rectified_on__isnull=True, rectify_by__lt=today).exclude(outlet__status=OutletStatus.CLOSED)
            .select_related("outlet__responsible", "inspector"))
    for inspection in late:
        outlet = inspection.outlet
        sent.rectification += _send(
            [outlet.responsible, inspection.inspector], f"整改逾期：{outlet.name}",
            body=f"{inspection.date:%Y年%m月%d日}检查发现的问题应于{inspection.rectify_by:%Y年%m月%d日}前整改完成，"
                 f"至今未登记整改情况。问题：{inspection.findings}",
            url=reverse("outlets:outlet_detail", args=[outlet.pk]),
            dedup_key=f"outlet_rectify_late:{inspection.pk}")
    return sent
