"""Handling pages: the handling panel on an event's page (and, until the event pages arrive, a minimal
event page ``event_handling`` that shows it), the one-form actions of handling, the 舆情台账 and its
export, the daily patrol, and the handling deadlines."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.access import can
from ideowork.core.actions.reviews import is_locked, review_panel
from ideowork.core.audit import record_read
from ideowork.core.outcomes import form_outcome, report_outcome
from ideowork.core.permissions import capability_required
from ideowork.core.uploads import attachment_response
from ideowork.risks.actions.incidents import do_open_incident
from ideowork.risks.actions.matrix import current_matrix, organ_of
from ideowork.risks.models import Incident
from ideowork.risks.response_forms import SourcedIncidentForm
from ideowork.risks.sources import source_fields

from ..access import access_event, access_step_attachment
from ..actions import handling as act
from ..actions.deadlines import do_set_deadlines, policy_for
from ..actions.patrol import QUEUE_SHOWN, do_record_patrol, patrol_queue
from ..choices import OPEN_EVENT_STATUSES, EventStatus
from ..event_ledger import filtered_events, ledger_response, measures_of
from ..forms.handling import (AssignForm, CloseoutForm, DeadlineForm, DismissForm, EscalateForm, JointForm,
                              JudgeForm, LedgerFilterForm, ReportForm, RespondForm)
from ..models import HandlingStep, ItemMatch

__all__ = ["handling_panel", "event_handling", "event_act", "ACTIONS", "step_attachment", "event_ledger",
           "event_ledger_export", "patrol", "patrol_record", "handling_deadlines"]

PAGE_SIZE = 30
STAGES = ("研判", "处置", "回应", "销号")
# The stage each state is at (all four done once closed; a dismissed event ended at its judgement).
STAGE_AT = {EventStatus.JUDGING: 0, EventStatus.HANDLING: 1, EventStatus.RESPONDING: 2, EventStatus.CLOSING: 3,
            EventStatus.CLOSED: 4, EventStatus.DISMISSED: 1}


def _escalate_form(event, data=None):
    return EscalateForm(data, matrix=current_matrix(organ_of(event.org_unit)))


def _incident_form(event, data=None, *, user):
    return SourcedIncidentForm(data, user=user, organ=organ_of(event.org_unit))


def _open_incident(user, event, *, plan, level, lead):
    """启动应急响应 from the event: risks' own service, the incident linked back to the event."""
    return do_open_incident(user, plan, title=event.title[:200], level=level, lead=lead, source=event,
                            occurred_at=min(event.first_seen_at, timezone.now()),
                            description=f"由舆情事件“{event.title}”启动（首发：{event.first_source_name or '—'}，"
                                        f"相关信息{event.item_count}条）。")


# act: (the event's action it needs, the form, the service given (user, event, cleaned data), success text)
ACTIONS = {
    "judge": ("change", JudgeForm, act.do_judge_event, "已完成研判，事件转入处置。"),
    "dismiss": ("change", DismissForm, act.do_dismiss_event, "已研判为无需处置。"),
    "assign": ("change", AssignForm, act.do_assign_event, "已交办处置。"),
    "report": ("change", ReportForm, act.do_report_event, "已上报上级单位。"),
    "respond": ("handle", RespondForm, act.do_respond_event, "已登记回应。"),
    "joint": ("handle", JointForm, act.do_record_joint, "已登记联合处置情况。"),
    "closeout": ("handle", CloseoutForm, act.do_request_closeout, "已提交销号申请，等待审核。"),
    "escalate": ("change", _escalate_form, act.do_escalate_event, "已转为风险隐患。"),
    "incident": ("change", _incident_form, _open_incident, "已启动应急响应，已通知牵头领导。"),
}


def _form(name: str, user, event, data=None, files=None):
    factory = ACTIONS[name][1]
    if name == "assign":
        return factory(data, user=user, initial={"unit": event.assigned_unit_id or event.org_unit_id})
    if name == "judge":
        return factory(data, initial={"grade": event.grade})
    if name == "escalate":
        return factory(event, data)
    if name == "incident":
        return factory(event, data, user=user)
    return factory(data, files) if files is not None else factory(data)


def handling_panel(user, event) -> dict:
    """Context for ``{% include "opinion/handling_panel.html" with handling=handling %}``: the timeline,
    which handling actions the user may take now, their forms, and the 销号 review panel."""
    may_change, may_handle = can(user, "change", event), can(user, "handle", event)
    status, locked = event.status, is_locked(event)
    organ = event.org_unit.organ or event.org_unit
    open_ = status in OPEN_EVENT_STATUSES and not event.merged_into_id
    working = open_ and status in act.WORKING and not locked
    allowed = {
        "judge": may_change and status == EventStatus.JUDGING,
        "dismiss": may_change and status in (EventStatus.JUDGING, EventStatus.HANDLING),
        "assign": may_change and working,
        "report": may_change and organ.parent_id is not None and event.reported_at is None
        and status in (EventStatus.JUDGING, EventStatus.HANDLING, EventStatus.RESPONDING),
        "respond": may_handle and working,
        "joint": may_handle and working,
        "closeout": may_handle and working and status != EventStatus.HANDLING,
        "escalate": may_change and act.escalated_risk(event) is None,
        "incident": may_change and user.has_capability("risks.manage") and not event.merged_into_id
        and status not in (EventStatus.CLOSED, EventStatus.DISMISSED),
    }
    steps = list(HandlingStep.objects.visible_to(user).filter(event=event).select_related("actor", "unit")
                 .prefetch_related("attachments").order_by("at", "id"))
    forms = {name: _form(name, user, event) for name, ok in allowed.items() if ok}
    if "incident" in forms and not forms["incident"].plans:
        del forms["incident"]  # no plan in force to activate
    now, at = timezone.now(), STAGE_AT.get(status, 0)
    return {
        "event": event, "steps": steps,
        "stages": [(label, "done" if n < at else "current" if n == at and status != EventStatus.DISMISSED else "")
                   for n, label in enumerate(STAGES)], "open": open_, "locked": locked,
        "overdue": open_ and event.deadline is not None and event.deadline < now,
        "forms": forms,
        "blockers": act.closeout_blockers(event) if allowed["closeout"] else [],
        "risk": act.escalated_risk(event), "review": review_panel(user, event),
        "incidents": Incident.objects.visible_to(user).filter(**source_fields(event)),
        "handling": getattr(event, "handling", None),
    }


@capability_required("opinion.handle")
def event_handling(request, pk):
    event = access_event(request.user, pk)
    matches = list(ItemMatch.objects.visible_to(request.user).filter(event=event)
                   .select_related("item__source").order_by("-arrived_at", "-id")[:20])
    return render(request, "opinion/handling_event.html", {
        "event": event, "matches": matches, "panel": handling_panel(request.user, event)})


@capability_required("opinion.handle")
@require_POST
def event_act(request, pk, name):
    action, _factory, service, success = ACTIONS[name]
    event = access_event(request.user, pk, action)
    form = _form(name, request.user, event, request.POST, request.FILES)
    if form.is_valid():
        data = dict(form.cleaned_data)
        if "files" in data:
            data["files"] = data["files"] or []
        report_outcome(request, lambda: service(request.user, event, **data), success)
    else:
        messages.error(request, "；".join(f"{form.fields[f].label if f in form.fields else ''}：{e}"
                                         for f, errors in form.errors.items() for e in errors))
    return redirect(event.get_absolute_url())


@capability_required("opinion.handle")
def step_attachment(request, pk):
    step, attachment = access_step_attachment(request.user, pk)
    record_read(request, "opinion.attachment.download", step, subject_repr=attachment.original_name)
    return attachment_response(attachment)


# --- 舆情台账 -----------------------------------------------------------------------------------------
def _ledger(request):
    form = LedgerFilterForm(request.GET or None, user=request.user)
    data = form.cleaned_data if form.is_valid() else {}
    now = timezone.now()
    return form, filtered_events(request.user, data, now), now


@capability_required("opinion.handle")
def event_ledger(request):
    form, events, now = _ledger(request)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    measures = measures_of(page.object_list)
    for event in page.object_list:
        event.measures_text = measures.get(event.pk, "")
        event.is_overdue = event.status in OPEN_EVENT_STATUSES and event.deadline is not None and event.deadline < now
    return render(request, "opinion/handling_ledger.html", {"filter_form": form, "page": page})


@capability_required("opinion.handle")
def event_ledger_export(request):
    _form, events, now = _ledger(request)
    record_read(request, "opinion.ledger.export", subject_repr="舆情台账")
    return ledger_response(events, timezone.localdate(now))


# --- 每日巡查 -----------------------------------------------------------------------------------------
@capability_required("opinion.monitor")
def patrol(request):
    return render(request, "opinion/handling_patrol.html", {"queue": patrol_queue(request.user),
                                                            "shown": QUEUE_SHOWN})


@capability_required("opinion.monitor")
@require_POST
def patrol_record(request):
    def done():
        saved = do_record_patrol(request.user)
        messages.success(request, f"已登记今日巡查：浏览信息{saved.items_seen}条，研判事件{saved.events_judged}件，"
                                  "已计入工作台账。")

    report_outcome(request, done, lambda: "")
    return redirect("opinion:patrol")


# --- 处置时限 -----------------------------------------------------------------------------------------
@capability_required("opinion.handle")
@require_http_methods(["GET", "POST"])
def handling_deadlines(request):
    organ = request.user.scope_root
    policy = policy_for(organ)
    form = DeadlineForm.for_policy(policy, request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form_outcome(request, form, lambda: do_set_deadlines(request.user, organ, **form.cleaned_data),
                        "已保存处置时限，此后研判和交办的事件按新时限计算。"):
            return redirect("opinion:handling_deadlines")
    return render(request, "opinion/handling_deadlines.html", {"form": form, "organ": organ, "saved": policy.pk})
