"""Incidents: the list, opening one from a plan's current version, an incident's page (its timeline,
adding a response action, closing it with a summary)."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from ideowork.core.access import can
from ideowork.core.idempotency import idempotent
from ideowork.core.permissions import capability_required

from ..access import access_incident, access_plan
from ..actions import do_add_entry, do_close_incident, do_open_incident
from ..models import Incident, IncidentEntry
from ..response_forms import CloseIncidentForm, EntryForm, IncidentForm
from ..sources import source_of
from .pages import list_page, posted, record_form
from .register import manager_required



@manager_required
def incident_list(request):
    return list_page(request, Incident.objects.visible_to(request.user).select_related("org_unit", "plan", "lead"),
                     "risks/incidents.html")


@capability_required("risks.manage")
@require_http_methods(["GET", "POST"])
@idempotent
def incident_open(request, pk):
    plan = access_plan(request.user, pk, "change")
    form = IncidentForm(request.POST or None, plan=plan)
    version = plan.current_version
    intro = (f"据《{plan.title}》现行第{version.number}版启动应急响应；启动即记入处置时间线，并通知牵头领导。"
             if version else "该预案尚无经批准的版本，不能据此启动应急响应。")
    return record_form(request, form, lambda data: do_open_incident(request.user, plan, **data),
                       lambda incident: f"已启动{incident.level}，已通知牵头领导{incident.lead.name}。", title="启动应急响应",
                       crumbs=[(reverse("risks:plans"), "应急预案"), (plan.get_absolute_url(), plan.title)],
                       cancel_url=plan.get_absolute_url(), idempotent=True, submit="启动响应", intro=intro)


@manager_required
def incident_detail(request, pk):
    incident = access_incident(request.user, pk)
    timeline = IncidentEntry.objects.visible_to(request.user).filter(incident=incident).select_related("actor")
    may_change = incident.is_open and can(request.user, "change", incident)
    return render(request, "risks/incident.html", {
        "incident": incident, "timeline": timeline, "can_change": may_change,
        "source": source_of(request.user, incident),
        "entry_form": EntryForm(), "close_form": CloseIncidentForm(),
    })


incident_entry = posted(access_incident, do_add_entry, "已登记处置情况。", form=EntryForm)

incident_close = posted(access_incident, do_close_incident, "事件处置已结束，处置总结已记入时间线。",
                        form=CloseIncidentForm)