"""Quarterly screening that opens by itself: an organ's schedule, set by its risk staff, and the daily
queue task's work — open each quarter's campaign once, and remind units before a deadline."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from ideowork.core.audit import record
from ideowork.core.models import OrgUnit, User
from ideowork.core.permissions import require
from ideowork.core.system import system_actor

from ..choices import CampaignStatus
from ..models import CampaignSchedule, ScreeningCampaign
from .campaigns import (can_run_campaigns, check_focus_and_units, default_title, do_open_campaign, quarter_of,
                        send_campaign_reminders)

__all__ = ["do_save_schedule", "next_opening", "open_due_campaigns", "remind_before_deadlines", "REMIND_DAYS"]

# Units that have not reported are reminded every day from this many days before the deadline.
REMIND_DAYS = 3


def do_save_schedule(actor: User, organ: OrgUnit, *, is_active: bool, focus_areas, units, open_day: int,
                     days_given: int, instructions: str = "") -> CampaignSchedule:
    require(can_run_campaigns(actor, organ), "只有本单位风险防控工作人员可以设置定期排查。")
    errors = {}
    if not isinstance(open_day, int) or not 1 <= open_day <= 28:
        errors["open_day"] = "开始日须在每季度首月的1至28日之间。"
    if not isinstance(days_given, int) or not 5 <= days_given <= 60:
        errors["days_given"] = "报送期限须在5至60天之间。"
    focus_areas, units = check_focus_and_units(organ, focus_areas, units, errors)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        schedule = CampaignSchedule.objects.select_for_update().filter(org_unit=organ).first()
        old = _state(schedule) if schedule else None
        schedule = schedule or CampaignSchedule(org_unit=organ)
        schedule.is_active, schedule.focus_areas, schedule.open_day = is_active, focus_areas, open_day
        schedule.days_given, schedule.instructions, schedule.updated_by = days_given, (instructions or "").strip(), actor
        schedule.save()
        schedule.units.set(units)
        record("risks.schedule.save", schedule, actor=actor, old=old, new=_state(schedule))
    return schedule


def _state(schedule: CampaignSchedule) -> dict:
    return {"is_active": schedule.is_active, "focus_areas": schedule.focus_areas, "open_day": schedule.open_day,
            "days_given": schedule.days_given, "units": [u.display_name for u in schedule.units.order_by("path")]}


def next_opening(schedule: CampaignSchedule, today: date) -> date:
    """The day the schedule opens its next campaign (today's quarter's, if not yet past)."""
    quarter = quarter_of(today)
    this = date(today.year, quarter * 3 - 2, schedule.open_day)
    if this >= today and not schedule.campaigns.filter(year=today.year, quarter=quarter).exists():
        return this
    if quarter == 4:
        return date(today.year + 1, 1, schedule.open_day)
    return date(today.year, quarter * 3 + 1, schedule.open_day)


def open_due_campaigns(today: date | None = None) -> list[ScreeningCampaign]:
    """Open this quarter's campaign of every active schedule whose day has come, once per quarter (the
    schedule, year and quarter are unique, so two workers cannot open it twice)."""
    today = today or timezone.localdate()
    quarter = quarter_of(today)
    opened = []
    due = CampaignSchedule.objects.filter(is_active=True, open_day__lte=_day_in_quarter(today)).select_related("org_unit")
    held = set(ScreeningCampaign.objects.filter(year=today.year, quarter=quarter).values_list("org_unit_id", flat=True))
    actor = system_actor()
    for schedule in due:
        units = list(schedule.units.filter(is_active=True).order_by("path"))
        if schedule.org_unit_id in held or not units:  # the organ screened this quarter already
            continue
        try:
            with transaction.atomic():
                opened.append(do_open_campaign(
                    actor, organ=schedule.org_unit, title=default_title(today.year, quarter), year=today.year,
                    quarter=quarter, focus_areas=schedule.focus_areas, units=units,
                    deadline=today + timedelta(days=schedule.days_given), instructions=schedule.instructions,
                    schedule=schedule))
        except IntegrityError:  # opened meanwhile by another worker
            continue
    return opened


def _day_in_quarter(today: date) -> int:
    """The day of the quarter's first month that ``today`` has reached (28 once past that month)."""
    return today.day if today.month % 3 == 1 else 28


def remind_before_deadlines(today: date | None = None) -> int:
    today = today or timezone.localdate()
    campaigns = ScreeningCampaign.objects.filter(status=CampaignStatus.OPEN,
                                                 deadline__lte=today + timedelta(days=REMIND_DAYS),
                                                 deadline__gte=today - timedelta(days=REMIND_DAYS))
    return sum(send_campaign_reminders(campaign, today) for campaign in campaigns)
