"""Screening campaigns (排查活动): opening one (by hand, or by the quarterly schedule through the task
queue), the target units' returns — their risks, or a nil return —, reminding those who have not
reported, and closing it. A campaign is one ledger activity of kind 排查 (``do_sync_activity``),
brought up to date when it closes.
"""

from datetime import date, datetime, time

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ideowork.core.access import require_can
from ideowork.core.audit import record
from ideowork.core.choices import OrgKind
from ideowork.core.models import OrgUnit, User
from ideowork.core.notify import notify
from ideowork.core.permissions import require
from ideowork.core.system import is_system_actor
from ideowork.ledger.actions.sync import do_sync_activity
from ideowork.ledger.choices import ActivityKind
from ideowork.plans.models import PlanItem

from ..choices import CampaignStatus, ReturnStatus, RiskSource
from ..models import CampaignReturn, Risk, ScreeningCampaign
from ..models.campaigns import quarter_label
from ..models.scoping import MANAGE
from .matrix import organ_of, snapshot_for
from .risks import do_create_risk

__all__ = ["campaign_units", "can_run_campaigns", "check_focus_areas", "check_campaign_units", "check_focus_and_units",
           "do_open_campaign",
           "do_report_risk", "do_submit_nil_return", "do_remind_campaign", "send_campaign_reminders",
           "do_close_campaign", "return_staff", "quarter_of", "reported_risks", "return_of", "default_title",
           "MAX_FOCUS_AREAS"]

MAX_FOCUS_AREAS = 10


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def campaign_units(organ: OrgUnit):
    """The units a campaign of ``organ`` may go to: its sections, and the county bureaus under it."""
    return (OrgUnit.objects.filter(is_active=True)
            .filter(Q(kind=OrgKind.SECTION, organ=organ) | Q(kind=OrgKind.COUNTY, path__startswith=organ.path))
            .exclude(pk=organ.pk).order_by("path"))


def can_run_campaigns(user: User, organ: OrgUnit | None = None) -> bool:
    """The user holds ``risks.manage`` in ``organ`` (their own organ by default), which is theirs."""
    if user.scope_root is None:
        return False
    own = organ_of(user.scope_root)
    return (organ is None or organ.pk == own.pk) and user.has_capability(MANAGE)


def check_focus_areas(areas) -> list[str]:
    clean = list(dict.fromkeys(str(area).strip() for area in areas or () if str(area).strip()))
    if not clean:
        raise ValidationError({"focus_areas": "请至少填写一个排查重点领域。"})
    if len(clean) > MAX_FOCUS_AREAS:
        raise ValidationError({"focus_areas": f"排查重点领域不超过{MAX_FOCUS_AREAS}个。"})
    long = next((area for area in clean if len(area) > 20), None)
    if long:
        raise ValidationError({"focus_areas": f"重点领域“{long[:20]}…”超过20个字，请精简。"})
    return clean


def check_campaign_units(organ: OrgUnit, units) -> list[OrgUnit]:
    units = list(dict.fromkeys(units or ()))
    if not units:
        raise ValidationError({"units": "请至少选择一个报送单位。"})
    allowed = set(campaign_units(organ).values_list("pk", flat=True))
    outside = next((unit for unit in units if unit.pk not in allowed), None)
    if outside is not None:
        raise ValidationError({"units": f"“{outside.display_name}”不是{organ.display_name}的科室或下属县区单位。"})
    return units


def check_focus_and_units(organ: OrgUnit, focus_areas, units, errors: dict) -> tuple[list[str], list[OrgUnit]]:
    """Both checks of a campaign's (or a schedule's) focus areas and units; refusals join ``errors``."""
    clean = {}
    for field, check, value in (("focus_areas", check_focus_areas, focus_areas),
                                ("units", lambda v: check_campaign_units(organ, v), units)):
        try:
            clean[field] = check(value)
        except ValidationError as exc:
            errors.update(exc.message_dict)
    return clean.get("focus_areas", []), clean.get("units", [])


def campaign_state(campaign: ScreeningCampaign) -> dict:
    return {"title": campaign.title, "quarter": campaign.quarter_label, "focus_areas": campaign.focus_areas,
            "deadline": campaign.deadline.isoformat(), "status": campaign.status,
            "units": [r.org_unit.display_name for r in campaign.returns.select_related("org_unit")]}


def _summary(campaign: ScreeningCampaign) -> str:
    returns = list(campaign.returns.all())
    reported = sum(r.status == ReturnStatus.REPORTED for r in returns)
    nil = sum(r.status == ReturnStatus.NIL for r in returns)
    risks = reported_risks(returns).count()
    text = (f"排查重点：{'、'.join(campaign.focus_areas)}。共{len(returns)}个单位，已报送风险{reported}个单位"
            f"（{risks}项风险），无风险报告{nil}个，未报送{len(returns) - reported - nil}个。")
    return f"{text}\n{campaign.summary}" if campaign.summary else text


def reported_risks(returns):
    """The risks reported through ``returns`` (a list or queryset of ``CampaignReturn``)."""
    ids = [r.pk for r in returns] if isinstance(returns, list) else returns.values("pk")
    return Risk.objects.filter(source_type=ContentType.objects.get_for_model(CampaignReturn), source_id__in=ids)


def return_of(user: User, risk: Risk) -> CampaignReturn | None:
    """The campaign return ``risk`` was reported through, if ``user`` may see it."""
    if risk.source_type_id != ContentType.objects.get_for_model(CampaignReturn).pk:
        return None
    return CampaignReturn.objects.visible_to(user).select_related("campaign").filter(pk=risk.source_id).first()


def _sync(actor: User, campaign: ScreeningCampaign) -> None:
    """The campaign's one ledger activity (排查), dated the day it opened, in the organiser's organ."""
    campaign.activity = do_sync_activity(
        actor, source=campaign, kind=ActivityKind.SCREENING, title=campaign.title,
        date=timezone.localdate(campaign.opened_at), org_unit=campaign.org_unit, item=campaign.item,
        summary=_summary(campaign))


def return_staff(campaign_return: CampaignReturn) -> list[User]:
    """Who fills in a unit's return: the active holders of ``risks.manage`` in the unit's subtree."""
    people = User.objects.business().filter(org_unit__path__startswith=campaign_return.org_unit.path)
    return [person for person in people if person.has_capability(MANAGE)]


def _tell_unit(campaign_return: CampaignReturn, title: str, body: str, dedup_key: str) -> int:
    sent = 0
    for person in return_staff(campaign_return):
        sent += notify(person, title, body=body, url=campaign_return.get_absolute_url(), kind="warning",
                       dedup_key=f"{dedup_key}:{person.pk}") is not None
    return sent


def do_open_campaign(actor: User, *, organ: OrgUnit, title: str, year: int, quarter: int, focus_areas, units,
                     deadline: date | None, instructions: str = "", item: PlanItem | None = None,
                     schedule=None, opened_on: date | None = None) -> ScreeningCampaign:
    """Open a campaign of ``organ`` to ``units``: the organ's matrix copy and each unit's organ's copy
    are fixed now, every unit gets a pending return and its risk staff a notification, and the
    campaign enters the ledger as 排查. ``actor`` is the organ's risk staff, or the system actor for a
    scheduled campaign. ``opened_on`` (a past day of this year) records a campaign held before the
    platform was used (补录): its returns and its close then carry the days they happened on."""
    require(is_system_actor(actor) or can_run_campaigns(actor, organ), "只有本单位风险防控工作人员可以发起排查。")
    errors = {}
    title = (title or "").strip()
    if not title:
        errors["title"] = "请填写排查活动名称。"
    elif len(title) > 120:
        errors["title"] = "排查活动名称不超过120字。"
    if quarter not in (1, 2, 3, 4):
        errors["quarter"] = "请选择第一至第四季度。"
    today = timezone.localdate()
    if not isinstance(year, int) or not today.year - 1 <= year <= today.year + 1:
        errors["year"] = f"年度须在{today.year - 1}至{today.year + 1}年之间。"
    recorded = opened_on is not None and opened_on < today
    if opened_on is not None and not (date(today.year, 1, 1) <= opened_on <= today):
        errors["opened_on"] = "补录的排查须在本年内、且不晚于今天开展。"
    if deadline is None:
        errors["deadline"] = "请填写报送截止日期。"
    elif deadline < (opened_on if recorded else today):
        errors["deadline"] = "报送截止日期不能早于开展日期。" if recorded else "报送截止日期不能早于今天。"
    if item is not None and not (is_system_actor(actor) or PlanItem.objects.visible_to(actor).filter(pk=item.pk).exists()):
        errors["item"] = "您无权使用该要点条目。"
    focus_areas, units = check_focus_and_units(organ, focus_areas, units, errors)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        campaign = ScreeningCampaign.objects.create(
            org_unit=organ, title=title, year=year, quarter=quarter, focus_areas=focus_areas,
            instructions=(instructions or "").strip(), deadline=deadline, matrix=snapshot_for(organ), item=item,
            schedule=schedule, opened_by=None if is_system_actor(actor) else actor, recorded_later=recorded,
            opened_at=_moment(opened_on) if recorded else timezone.now())
        returns = CampaignReturn.objects.bulk_create(
            CampaignReturn(campaign=campaign, org_unit=unit, matrix=snapshot_for(organ_of(unit))) for unit in units)
        _sync(actor, campaign)
        record("risks.campaign.open", campaign, actor=actor, new=campaign_state(campaign))
        for campaign_return in returns if not recorded else ():
            campaign_return.campaign = campaign
            _tell_unit(campaign_return, f"请报送：{title}",
                       f"{organ.display_name}开展{title}，排查重点：{'、'.join(focus_areas)}。"
                       f"请于{deadline:%Y年%m月%d日}前报送排查发现的风险，或无风险报告。", f"risks.campaign:{campaign.pk}:open")
    return campaign


def _moment(day: date):
    """A stated day of a recorded campaign, as a moment (its working day's noon)."""
    return timezone.make_aware(datetime.combine(day, time(12)))


def _reported_at(campaign: ScreeningCampaign, reported_on: date | None):
    """When a return was made: now, or the stated day of a recorded campaign's return."""
    if reported_on is None:
        return timezone.now()
    if not campaign.recorded_later:
        raise ValidationError({"reported_on": "只有补录的排查可以填写报送日期。"})
    if not timezone.localdate(campaign.opened_at) <= reported_on <= timezone.localdate():
        raise ValidationError({"reported_on": "报送日期须在排查开展之后、且不晚于今天。"})
    return _moment(reported_on)


def _locked_return(campaign_return: CampaignReturn) -> CampaignReturn:
    locked = (CampaignReturn.objects.select_for_update(of=("self",)).select_related("campaign", "org_unit", "matrix")
              .get(pk=campaign_return.pk))
    if not locked.campaign.is_open:
        raise ValidationError("该排查活动已结束，不能再报送。")
    return locked


def do_report_risk(actor: User, campaign_return: CampaignReturn, *, org_unit: OrgUnit | None = None,
                   reported_on: date | None = None, **risk) -> Risk:
    """Report one risk found in the screening: it is registered in the unit's register (source 风险排查,
    linked to this return) on the matrix copy fixed when the campaign opened, and the return counts
    as reported. ``risk`` are ``do_create_risk``'s fields (area, title, likelihood, impact …)."""
    require_can(actor, "change", campaign_return, "只有本单位风险防控工作人员可以报送排查结果。")
    unit = org_unit or campaign_return.org_unit
    if not unit.is_within(campaign_return.org_unit):
        raise ValidationError({"org_unit": f"“{unit.display_name}”不在本次报送单位“{campaign_return.org_unit.display_name}”内。"})
    with transaction.atomic():
        locked = _locked_return(campaign_return)
        if locked.status == ReturnStatus.NIL:
            raise ValidationError("本单位已报送无风险报告，不能再登记风险。")
        created = do_create_risk(actor, org_unit=unit, source=RiskSource.SCREENING, source_record=locked,
                                 matrix=locked.matrix, **risk)
        old = locked.status
        reported_at = _reported_at(locked.campaign, reported_on)
        if locked.status == ReturnStatus.PENDING:
            locked.status, locked.reported_at, locked.reported_by = ReturnStatus.REPORTED, reported_at, actor
            locked.save()
        record("risks.return.submit", locked, actor=actor, old={"status": old},
               new={"status": locked.status, "risk": created.title, "level": created.level["name"]})
    return created


def do_submit_nil_return(actor: User, campaign_return: CampaignReturn, *, checked_by: str, method: str,
                         note: str = "", reported_on: date | None = None) -> CampaignReturn:
    """The unit found no risk (无风险报告): who checked and how are required; refused after the deadline
    and once the unit has reported a risk."""
    require_can(actor, "change", campaign_return, "只有本单位风险防控工作人员可以报送排查结果。")
    checked_by, method = (checked_by or "").strip(), (method or "").strip()
    errors = {}
    if not checked_by:
        errors["checked_by"] = "请填写参与排查的人员。"
    elif len(checked_by) > 200:
        errors["checked_by"] = "排查人员不超过200字。"
    if not method:
        errors["method"] = "请说明如何开展排查（方式、范围）。"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = _locked_return(campaign_return)
        if locked.status == ReturnStatus.REPORTED:
            raise ValidationError("本单位已报送排查发现的风险，不能再报无风险报告。")
        if locked.status == ReturnStatus.NIL:
            raise ValidationError("本单位已报送无风险报告。")
        reported_at = _reported_at(locked.campaign, reported_on)
        if locked.campaign.is_past_deadline(reported_at):
            raise ValidationError(f"报送截止日期（{locked.campaign.deadline:%Y年%m月%d日}）已过，不能再报无风险报告；"
                                  f"发现风险的，仍可登记报送。")
        locked.status, locked.reported_at, locked.reported_by = ReturnStatus.NIL, reported_at, actor
        locked.checked_by, locked.method, locked.note = checked_by, method, (note or "").strip()
        locked.save()
        record("risks.return.submit_nil", locked, actor=actor, old={"status": ReturnStatus.PENDING},
               new={"status": locked.status, "checked_by": checked_by, "method": method})
    return locked


def _running(actor: User, campaign: ScreeningCampaign, message: str) -> ScreeningCampaign:
    require_can(actor, "change", campaign, message)
    locked = ScreeningCampaign.objects.select_for_update(of=("self",)).select_related("org_unit").get(pk=campaign.pk)
    if not locked.is_open:
        raise ValidationError("该排查活动已结束。")
    return locked


def do_remind_campaign(actor: User, campaign: ScreeningCampaign) -> int:
    """Remind the units that have not reported: the reminders go out through the task queue once the
    request is committed. Returns how many units are reminded."""
    from ..tasks import remind_campaign

    with transaction.atomic():
        locked = _running(actor, campaign, "只有组织单位的风险防控工作人员可以提醒报送。")
        pending = list(locked.returns.pending().select_related("org_unit"))
        if not pending:
            raise ValidationError("各单位均已报送，无需提醒。")
        record("risks.campaign.remind", locked, actor=actor, new={"units": [r.org_unit.display_name for r in pending]})
        transaction.on_commit(lambda: remind_campaign(locked.pk))
    return len(pending)


def send_campaign_reminders(campaign: ScreeningCampaign, today: date | None = None) -> int:
    """Notify the risk staff of every unit that has not reported (once a day per person): the body of
    the queued reminder and of the daily reminder before the deadline."""
    today = today or timezone.localdate()
    if not campaign.is_open:
        return 0
    sent = 0
    pending = list(campaign.returns.pending().select_related("org_unit", "campaign"))
    days = (campaign.deadline - today).days
    when = f"还有{days}天截止" if days > 0 else "今天截止" if days == 0 else f"已逾期{-days}天"
    for campaign_return in pending:
        sent += _tell_unit(campaign_return, f"催报：{campaign.title}（{when}）",
                           f"本单位尚未报送{campaign.title}的排查结果，截止日期{campaign.deadline:%Y年%m月%d日}。"
                           f"请报送排查发现的风险，或无风险报告。", f"risks.campaign:{campaign.pk}:remind:{today}")
    CampaignReturn.objects.filter(pk__in=[r.pk for r in pending]).update(reminded_at=timezone.now())
    return sent


def do_close_campaign(actor: User, campaign: ScreeningCampaign, *, summary: str = "",
                      closed_on: date | None = None) -> ScreeningCampaign:
    """End the campaign: returns still pending stay 未报送 in its record; the ledger activity is brought
    up to date with the figures. ``closed_on``: the day a recorded campaign ended."""
    with transaction.atomic():
        locked = _running(actor, campaign, "只有组织单位的风险防控工作人员可以结束排查。")
        old = campaign_state(locked)
        closed_at = _reported_at(locked, closed_on) if closed_on else timezone.now()
        locked.status, locked.closed_at, locked.closed_by = CampaignStatus.CLOSED, closed_at, actor
        locked.summary = (summary or "").strip()
        locked.save()
        _sync(actor, locked)
        record("risks.campaign.close", locked, actor=actor, old=old, new={**campaign_state(locked),
                                                                          "summary": locked.summary})
    return locked


def default_title(year: int, quarter: int) -> str:
    return f"{quarter_label(year, quarter)}意识形态风险隐患排查"
