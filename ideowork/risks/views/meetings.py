"""Joint meetings: the list, recording one, its page (units and people, conclusions, its ledger
entry, follow-up tasks), editing it, adding a follow-up task."""

from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.access import can
from ideowork.core.idempotency import idempotent
from ideowork.core.permissions import capability_required

from ..access import access_meeting
from ..actions import do_save_meeting
from ..models import JointMeeting
from ..response_forms import MeetingForm
from .followups import add_task, task_panel
from .pages import list_page, record_form
from .register import manager_required

CRUMBS = [(reverse_lazy("risks:meetings"), "联席会议")]
FIELDS = ("org_unit", "kind", "title", "held_on", "chair", "other_units", "situation", "conclusions", "item")


@manager_required
def meeting_list(request):
    return list_page(request, JointMeeting.objects.visible_to(request.user).select_related("org_unit", "chair"),
                     "risks/meetings.html")


@capability_required("risks.manage")
@require_http_methods(["GET", "POST"])
@idempotent
def meeting_create(request):
    form = MeetingForm(request.POST or None, user=request.user, initial={"org_unit": request.user.org_unit})
    return record_form(request, form, lambda data: do_save_meeting(request.user, **data),
                       "已登记会议，并记入工作台账。", title="登记联席会议", crumbs=CRUMBS,
                       cancel_url=reverse("risks:meetings"), idempotent=True, submit="登记")


@capability_required("risks.manage")
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk):
    meeting = access_meeting(request.user, pk, "change")
    initial = {name: getattr(meeting, name) for name in FIELDS} | {
        "units": list(meeting.units.all()), "participants": list(meeting.participants.all())}
    form = MeetingForm(request.POST or None, user=request.user, initial=initial)
    return record_form(request, form, lambda data: do_save_meeting(request.user, meeting, **data),
                       "已保存修改，台账同步更新。", title="修改会议记录",
                       crumbs=[*CRUMBS, (meeting.get_absolute_url(), meeting.title)],
                       cancel_url=meeting.get_absolute_url())


@manager_required
def meeting_detail(request, pk):
    meeting = access_meeting(request.user, pk)
    return render(request, "risks/meeting.html", {
        "meeting": meeting, "units": meeting.units.all(),
        "participants": meeting.participants.select_related("org_unit"),
        "can_edit": can(request.user, "change", meeting), **task_panel(request, meeting)})


@capability_required("risks.manage")
@require_POST
def meeting_task(request, pk):
    return add_task(request, access_meeting(request.user, pk, "change"))
