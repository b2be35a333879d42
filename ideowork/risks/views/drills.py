"""Drills: the list, recording one, its page (the drill, its ledger entry, improvement items),
editing it, adding an improvement item."""

from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.access import can
from ideowork.core.idempotency import idempotent
from ideowork.core.permissions import capability_required

from ..access import access_drill
from ..actions import do_save_drill
from ..models import Drill
from ..response_forms import DrillForm
from .followups import add_task, task_panel
from .pages import list_page, record_form
from .register import manager_required

CRUMBS = [(reverse_lazy("risks:drills"), "应急演练")]
FIELDS = ("org_unit", "title", "scenario", "held_on", "plan", "other_participants", "evaluation", "item")


@manager_required
def drill_list(request):
    return list_page(request, Drill.objects.visible_to(request.user).select_related("org_unit", "plan_version__plan"),
                     "risks/drills.html")


@capability_required("risks.manage")
@require_http_methods(["GET", "POST"])
@idempotent
def drill_create(request):
    form = DrillForm(request.POST or None, user=request.user, initial={"org_unit": request.user.org_unit})
    return record_form(request, form, lambda data: do_save_drill(request.user, **data),
                       "已登记应急演练，并记入工作台账。", title="登记应急演练", crumbs=CRUMBS,
                       cancel_url=reverse("risks:drills"), idempotent=True, submit="登记")


@capability_required("risks.manage")
@require_http_methods(["GET", "POST"])
def drill_edit(request, pk):
    drill = access_drill(request.user, pk, "change")
    initial = {name: getattr(drill, name) for name in FIELDS} | {"participants": list(drill.participants.all())}
    form = DrillForm(request.POST or None, user=request.user, initial=initial)
    return record_form(request, form, lambda data: do_save_drill(request.user, drill, **data),
                       "已保存修改，台账同步更新。", title="修改演练记录",
                       crumbs=[*CRUMBS, (drill.get_absolute_url(), drill.title)], cancel_url=drill.get_absolute_url())


@manager_required
def drill_detail(request, pk):
    drill = access_drill(request.user, pk)
    return render(request, "risks/drill.html", {
        "drill": drill, "participants": drill.participants.select_related("org_unit"),
        "can_edit": can(request.user, "change", drill), **task_panel(request, drill)})


@capability_required("risks.manage")
@require_POST
def drill_task(request, pk):
    return add_task(request, access_drill(request.user, pk, "change"))
