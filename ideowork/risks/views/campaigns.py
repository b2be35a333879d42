"""Screening campaigns' pages: the list (what the organ organised, and the returns it owes), opening
one, its page (who has reported, reminding, closing), a unit's return (its risks or a nil return),
and the quarterly schedule."""

from datetime import timedelta

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.access import can
from ideowork.core.forms.filters import filter_by
from ideowork.core.idempotency import idempotent
from ideowork.core.outcomes import form_outcome
from ideowork.core.permissions import capability_required, require

from ..access import access_campaign, access_return
from ..actions import (do_close_campaign, do_open_campaign, do_remind_campaign, do_report_risk, do_save_schedule,
                       do_submit_nil_return)
from ..actions.campaigns import campaign_units, can_run_campaigns, default_title, quarter_of, reported_risks
from ..actions.matrix import organ_of
from ..actions.schedules import next_opening
from ..campaign_forms import CampaignFilterForm, CampaignForm, CloseCampaignForm, NilReturnForm, ScheduleForm
from ..choices import DEFAULT_FOCUS_AREAS, CampaignStatus, ReturnStatus
from ..forms import RiskForm
from ..models import CampaignReturn, CampaignSchedule, ScreeningCampaign
from ..register import in_force
from .pages import PAGE_SIZE, posted
from .register import manager_required


def _organ(request):
    return organ_of(request.user.scope_root)


@manager_required
def campaign_list(request):
    organ = _organ(request)
    campaigns = ScreeningCampaign.objects.visible_to(request.user).filter(org_unit=organ)
    years = sorted(set(campaigns.values_list("year", flat=True)), reverse=True)
    form = CampaignFilterForm(request.GET or None, years=years)
    data = form.cleaned_data if form.is_valid() else {}
    page = Paginator(filter_by(campaigns, data, {"year": "year", "status": "status"}), PAGE_SIZE) \
        .get_page(request.GET.get("page"))
    tallies = {}
    for campaign_id, status in (CampaignReturn.objects.visible_to(request.user)
                                .filter(campaign__in=[c.pk for c in page]).values_list("campaign_id", "status")):
        tally = tallies.setdefault(campaign_id, {"total": 0, "pending": 0})
        tally["total"] += 1
        tally["pending"] += status == ReturnStatus.PENDING
    for campaign in page:
        campaign.tally = tallies.get(campaign.pk, {"total": 0, "pending": 0})
        campaign.tally["reported"] = campaign.tally["total"] - campaign.tally["pending"]
    # The returns this person fills in, in campaigns still open (a county's: those the city sent down).
    owed = (CampaignReturn.objects.visible_to(request.user, "change").filter(campaign__status=CampaignStatus.OPEN)
            .select_related("campaign__org_unit", "org_unit").order_by("campaign__deadline", "org_unit__path"))
    return render(request, "risks/campaign_list.html", {
        "page": page, "filter_form": form, "owed": owed, "today": timezone.localdate(),
        "can_run": can_run_campaigns(request.user, organ),
    })


@capability_required("risks.manage")
@require_http_methods(["GET", "POST"])
@idempotent
def campaign_create(request):
    organ = _organ(request)
    require(can_run_campaigns(request.user, organ), "只有本单位风险防控工作人员可以发起排查。")
    today = timezone.localdate()
    units = campaign_units(organ)
    form = CampaignForm(request.POST or None, user=request.user, units=units, initial={
        "title": default_title(today.year, quarter_of(today)), "year": today.year, "quarter": quarter_of(today),
        "units": [u.pk for u in units], "focus_areas": "、".join(DEFAULT_FOCUS_AREAS),
        "deadline": today + timedelta(days=20)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        outcome = form_outcome(request, form, lambda: do_open_campaign(request.user, organ=organ, **data),
                               lambda c: f"已发起“{c.title}”，已通知{c.returns.count()}个单位报送。")
        if outcome:
            return redirect(outcome.result.get_absolute_url())
    return render(request, "risks/campaign_form.html", {"form": form, "organ": organ})


@manager_required
def campaign_detail(request, pk):
    campaign = access_campaign(request.user, pk)
    returns = list(CampaignReturn.objects.visible_to(request.user).filter(campaign=campaign)
                   .select_related("org_unit", "reported_by"))
    risks = list(reported_risks(returns).select_related("org_unit", "matrix").order_by("-inherent_level", "id"))
    # A closed campaign shows its risks as they stood when it closed (their history then), not as now.
    at_close = {row.risk_id: row for row in in_force(request.user, campaign.closed_at)
                .filter(risk__in=[r.pk for r in risks])} if campaign.closed_at else {}
    by_return = {}
    for risk in risks:
        row = at_close.get(risk.pk)
        risk.shown_level = {"name": row.level_name, "colour": row.level_colour} if row else risk.level
        risk.shown_status = row.get_status_display() if row else risk.get_status_display()
        by_return.setdefault(risk.source_id, []).append(risk)
    for campaign_return in returns:
        campaign_return.campaign = campaign
        campaign_return.risks = by_return.get(campaign_return.pk, [])
    may_run = campaign.is_open and can(request.user, "change", campaign)
    pending = [r for r in returns if r.is_pending]
    return render(request, "risks/campaign_detail.html", {
        "campaign": campaign, "returns": returns, "risks": risks, "pending": pending, "may_run": may_run,
        "reported": sum(not r.is_pending for r in returns), "close_form": CloseCampaignForm(),
        "today": timezone.localdate(),
    })


campaign_remind = posted(access_campaign, do_remind_campaign,
                         "已提醒未报送的单位，提醒将通过系统通知送达其风险防控工作人员。")

campaign_close = posted(access_campaign, do_close_campaign, "已结束本次排查，排查情况已记入工作台账。",
                        form=CloseCampaignForm)


def _return_page(request, campaign_return, risk_form=None, nil_form=None):
    campaign = campaign_return.campaign
    may_report = campaign.is_open and can(request.user, "change", campaign_return)
    risks = list(reported_risks([campaign_return]).select_related("org_unit", "owner", "matrix").order_by("id"))
    return render(request, "risks/return_detail.html", {
        "ret": campaign_return, "campaign": campaign, "risks": risks, "matrix": campaign_return.matrix,
        "may_report": may_report and campaign_return.status != ReturnStatus.NIL,
        "may_nil": may_report and campaign_return.is_pending and not campaign.is_past_deadline(),
        "past_deadline": campaign.is_past_deadline(),
        "may_see_campaign": can(request.user, "view", campaign),
        "risk_form": risk_form or RiskForm(user=request.user, matrix=campaign_return.matrix, editing=True,
                                           initial={"likelihood": 3, "impact": 3}),
        "nil_form": nil_form or NilReturnForm(),
    })


@manager_required
def return_detail(request, pk):
    return _return_page(request, access_return(request.user, pk))


@capability_required("risks.manage")
@require_POST
@idempotent
def return_risk(request, pk):
    campaign_return = access_return(request.user, pk, "change")
    form = RiskForm(request.POST, user=request.user, matrix=campaign_return.matrix, editing=True)
    if form.is_valid():
        outcome = form_outcome(request, form, lambda: do_report_risk(request.user, campaign_return, **form.cleaned_data),
                               lambda risk: f"已报送风险“{risk.title}”（{risk.level['name']}），已登记入风险台账。")
        if outcome:
            return redirect(campaign_return.get_absolute_url())
    return _return_page(request, campaign_return, risk_form=form)


@capability_required("risks.manage")
@require_POST
def return_nil(request, pk):
    campaign_return = access_return(request.user, pk, "change")
    form = NilReturnForm(request.POST)
    if form.is_valid():
        outcome = form_outcome(request, form, lambda: do_submit_nil_return(request.user, campaign_return,
                                                                           **form.cleaned_data),
                               "已报送无风险报告。")
        if outcome:
            return redirect(campaign_return.get_absolute_url())
    return _return_page(request, campaign_return, nil_form=form)


@capability_required("risks.manage")
@require_http_methods(["GET", "POST"])
def campaign_schedule(request):
    organ = _organ(request)
    require(can_run_campaigns(request.user, organ), "只有本单位风险防控工作人员可以设置定期排查。")
    schedule = CampaignSchedule.objects.visible_to(request.user).filter(org_unit=organ).first()
    units = campaign_units(organ)
    initial = {"is_active": True, "units": [u.pk for u in units], "focus_areas": "、".join(DEFAULT_FOCUS_AREAS)}
    if schedule is not None:
        initial = {"is_active": schedule.is_active, "open_day": schedule.open_day, "days_given": schedule.days_given,
                   "focus_areas": "、".join(schedule.focus_areas), "instructions": schedule.instructions,
                   "units": list(schedule.units.values_list("pk", flat=True))}
    form = ScheduleForm(request.POST or None, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        if form_outcome(request, form, lambda: do_save_schedule(request.user, organ, **form.cleaned_data),
                        "已保存定期排查安排。"):
            return redirect("risks:campaign_schedule")
    today = timezone.localdate()
    return render(request, "risks/campaign_schedule.html", {
        "form": form, "schedule": schedule, "organ": organ,
        "next_opening": next_opening(schedule, today) if schedule is not None and schedule.is_active else None,
    })
