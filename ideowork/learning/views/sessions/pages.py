"""Sessions: the list, scheduling and changing one, and the session page with its roster."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from ideowork.core.access import can
from ideowork.core.actions.reviews import with_review_state
from ideowork.core.outcomes import form_outcome
from ideowork.core.idempotency import idempotent
from ideowork.core.permissions import is_business

from ...access import access_session
from ...actions.sessions import do_schedule_session, do_update_session
from ...forms.sessions import LeaveForm, MaterialForm, MinutesForm, SessionForm, SpeechForm, agenda_initial
from ...models import Attendance, AttendanceStatus, LeaveStatus, SessionKind, SessionStatus, StudyGroup, StudySession

__all__ = ["session_list", "session_create", "session_edit", "session_detail", "managed_or_403"]

PAGE_SIZE = 30
# The service names the agenda; the form asks for it as the first topic.
AGENDA_ALIASES = {"agenda": "first_topic"}
# The badge colour of each attendance state on the session page ("pending": not signed in yet).
ROSTER_CSS = {AttendanceStatus.SIGNED_IN: "done", AttendanceStatus.MADE_UP: "ontrack",
              AttendanceStatus.ABSENT: "behind", AttendanceStatus.LEAVE: "future", "pending": "none"}


def _manageable_groups(user):
    return StudyGroup.objects.visible_to(user, "change").filter(is_active=True).select_related("org_unit")


@is_business
def session_list(request):
    qs = StudySession.objects.visible_to(request.user).select_related("group", "org_unit")
    group_id, status = request.GET.get("group", ""), request.GET.get("status", "")
    if group_id.isdigit():
        qs = qs.filter(group_id=int(group_id))
    if status in SessionStatus.values:
        qs = qs.filter(status=status)
    qs = qs.annotate(signed=Count("attendances", filter=Q(attendances__status__in=[
        AttendanceStatus.SIGNED_IN, AttendanceStatus.MADE_UP]), distinct=True),
        members=Count("group__members", distinct=True)).order_by("-date", "-start_time", "-id")
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    mine = dict(Attendance.objects.visible_to(request.user).filter(user=request.user, session__in=[s.pk for s in page])
                .values_list("session_id", "status"))
    for session in page:
        session.my_status = AttendanceStatus(mine[session.pk]).label if session.pk in mine else ""
    return render(request, "learning/sessions/session_list.html", {
        "page": page, "groups": StudyGroup.objects.visible_to(request.user).order_by("name"),
        "group_id": group_id, "status": status, "statuses": SessionStatus.choices,
        # 安排学习 leads to a form the user can use: with no group of theirs yet, to setting one up.
        "can_schedule": _manageable_groups(request.user).exists(),
        "can_create_group": request.user.has_capability("learning.manage"),
    })


def managed_or_403(request, pk) -> StudySession:
    return access_session(request.user, pk, "change")


@is_business
@require_http_methods(["GET", "POST"])
@idempotent
def session_create(request):
    groups = _manageable_groups(request.user)
    if not groups.exists():
        if request.user.has_capability("learning.manage"):
            messages.info(request, "安排学习前，请先建立学习小组。")
            return redirect("learning:group_create")
        raise PermissionDenied("您没有可以安排学习的学习小组。")
    if request.method == "POST":
        form = SessionForm(request.POST, groups=groups)
        if form.is_valid():
            saved = form_outcome(request, form,
                                 lambda: do_schedule_session(request.user, group=form.cleaned_data["group"],
                                                             **form.service_data()),
                                 lambda session: f"已安排“{session.title}”，并通知了小组成员。", aliases=AGENDA_ALIASES)
            if saved:
                return redirect("learning:session_detail", pk=saved.result.pk)
    else:
        initial = {"date": timezone.localdate(), "start_time": "09:00", "host": request.user.name,
                   "kind": request.GET.get("kind", SessionKind.STUDY)}
        if request.GET.get("group", "").isdigit():
            initial["group"] = int(request.GET["group"])
        form = SessionForm(groups=groups, initial=initial)
    return render(request, "learning/sessions/session_form.html", {"form": form, "session": None})


@is_business
@require_http_methods(["GET", "POST"])
def session_edit(request, pk):
    session = managed_or_403(request, pk)
    groups = StudyGroup.objects.visible_to(request.user).filter(pk=session.group_id)
    if request.method == "POST":
        form = SessionForm(request.POST, groups=groups)
        if form.is_valid():
            saved = form_outcome(request, form, lambda: do_update_session(request.user, session, **form.service_data()),
                                 lambda _: "学习活动已保存。" + ("台账已同步更新。" if session.is_closed else ""),
                                 aliases=AGENDA_ALIASES)
            if saved:
                return redirect("learning:session_detail", pk=session.pk)
    else:
        form = SessionForm(groups=groups, initial={
            "group": session.group_id, "kind": session.kind, "title": session.title, "date": session.date,
            "start_time": session.start_time, "end_time": session.end_time, "place": session.place,
            "host": session.host, **agenda_initial(session)})
    form.fields["group"].disabled = True
    return render(request, "learning/sessions/session_form.html", {"form": form, "session": session})


def _roster(session: StudySession) -> list[dict]:
    """Every member with their attendance, leave and make-up, for the organiser's table."""
    attendance = {a.user_id: a for a in session.attendances.all()}
    leaves = {lv.user_id: lv for lv in with_review_state(session.leave_requests.all())}
    makeups = {m.user_id: m for m in session.makeups.all()}
    rows = []
    for member in session.group.members.select_related("org_unit").order_by("org_unit__path", "display_name"):
        a, lv = attendance.get(member.pk), leaves.get(member.pk)
        if a is not None:
            status, label = a.status, a.get_status_display()
        elif lv is not None and lv.status == LeaveStatus.APPROVED:
            status, label = "leave", "请假"
        else:
            status, label = "pending", "未签到"
        rows.append({"member": member, "attendance": a, "status": status, "label": label, "css": ROSTER_CSS[status],
                     "leave": lv,
                     "makeup": makeups.get(member.pk)})
    return rows


@is_business
def session_detail(request, pk):
    session = access_session(request.user, pk)
    can_manage = can(request.user, "change", session)
    roster = _roster(session)
    me = next((r for r in roster if r["member"].pk == request.user.pk), None)
    counts = {"signed": sum(r["status"] == AttendanceStatus.SIGNED_IN for r in roster),
              "made_up": sum(r["status"] == AttendanceStatus.MADE_UP for r in roster),
              "leave": sum(r["status"] == AttendanceStatus.LEAVE for r in roster),
              "absent": sum(r["status"] == AttendanceStatus.ABSENT for r in roster), "total": len(roster)}
    return render(request, "learning/sessions/session_detail.html", {
        "session": session, "agenda": session.agenda.all(), "materials": session.materials.select_related("attachment"),
        "speeches": session.speeches.all(), "roster": roster, "me": me, "counts": counts, "can_manage": can_manage,
        "sign_in_open": session.sign_in_open_at(timezone.now()),
        "pending_leaves": [r["leave"] for r in roster if r["leave"] and r["leave"].status == LeaveStatus.PENDING],
        "pending_makeups": [r["makeup"] for r in roster if r["makeup"] and not r["makeup"].is_confirmed],
        "leave_form": LeaveForm(), "minutes_form": MinutesForm(initial={"minutes": session.minutes}),
        "material_form": MaterialForm(), "speech_form": SpeechForm(session=session),
    })
