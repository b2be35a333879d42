"""The room screen with its QR code, signing in, and the organiser's and members' actions on a session."""

import segno
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.forms.errors import add_service_errors, require_valid
from ideowork.core.permissions import is_business
from ideowork.core.outcomes import form_outcome, report_outcome

from ...access import access_session
from ...actions.sessions import (do_add_material, do_close_session, do_confirm_makeup, do_decide_leave,
                                 do_mark_signed_in, do_new_sign_in_code, do_record_speech, do_request_leave,
                                 do_sign_in, do_submit_makeup, do_update_session, find_session_by_code)
from ...forms.sessions import LeaveForm, MakeupForm, MaterialForm, MinutesForm, SignInForm, SpeechForm
from ...models import AttendanceStatus, StudySession
from .pages import managed_or_403

__all__ = ["session_screen", "session_screen_count", "sign_in", "session_leave", "session_leave_decide",
           "session_close", "session_new_code", "session_mark", "session_minutes", "session_material",
           "session_speech", "session_makeup_confirm", "session_makeup"]


def _sign_in_url(request, session) -> str:
    return request.build_absolute_uri(reverse("learning:sign_in")) + f"?code={session.sign_in_code}"


@is_business
def session_screen(request, pk):
    """The room screen: the sign-in code, large, and a QR code of the sign-in link, for the projector."""
    session = managed_or_403(request, pk)
    url = _sign_in_url(request, session)
    qr = segno.make(url, error="m").svg_inline(scale=10, border=2, dark="#1f2933")
    return render(request, "learning/sessions/session_screen.html", {
        "session": session, "qr": qr, "url": url, "agenda": session.agenda.all(),
        "sign_in_open": session.sign_in_open_at(timezone.now()), **_screen_counts(session)})


def _screen_counts(session) -> dict:
    signed = (session.attendances.filter(status=AttendanceStatus.SIGNED_IN).select_related("user")
              .order_by("-signed_in_at"))
    return {"signed_count": signed.count(), "member_count": session.group.members.count(),
            "latest": [a.user.name for a in signed[:12]]}


@is_business
def session_screen_count(request, pk):
    """The signed-in tally on the room screen, polled by htmx."""
    session = managed_or_403(request, pk)
    return render(request, "learning/sessions/_screen_count.html", _screen_counts(session))


@is_business
@require_http_methods(["GET", "POST"])
def sign_in(request):
    """签到: type the code, or arrive from the QR code with it filled in, then confirm."""
    session = None
    if request.method == "POST":
        form = SignInForm(request.POST)
        if form.is_valid():
            try:
                session, new = do_sign_in(request.user, form.cleaned_data["code"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, f"签到成功：{session.title}。" if new else f"您已签到过“{session.title}”，无需重复签到。")
                return redirect("learning:session_detail", pk=session.pk)
    else:
        form = SignInForm(initial={"code": request.GET.get("code", "")})
        if request.GET.get("code"):
            try:
                found = find_session_by_code(request.GET["code"])
            except ValidationError:
                found = None
            # Only a session the reader may see is named on the page.
            if found is not None and StudySession.objects.visible_to(request.user).filter(pk=found.pk).exists():
                session = found
    return render(request, "learning/sessions/sign_in.html", {"form": form, "session": session})


def _post_action(request, pk, action, success: str, needs: str = "change"):
    """Run ``action`` on the session; the organisers' actions need "change", a member's own "view"."""
    session = access_session(request.user, pk, needs)
    report_outcome(request, lambda: action(session), success)
    return redirect("learning:session_detail", pk=session.pk)


@is_business
@require_POST
def session_leave(request, pk):
    form = LeaveForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _post_action(request, pk, lambda s: do_request_leave(request.user, s, reason), "请假申请已提交，等待组织者审批。",
                        needs="view")


@is_business
@require_POST
def session_leave_decide(request, pk):
    approve = request.POST.get("decision") == "approve"

    def decide(session):
        leave = session.leave_requests.filter(pk=request.POST.get("leave", "0") or 0).first()
        if leave is None:
            raise ValidationError("请假申请不存在。")
        do_decide_leave(request.user, leave, approve=approve)

    return _post_action(request, pk, decide, "已批准请假。" if approve else "已不予批准。")


@is_business
@require_POST
def session_close(request, pk):
    return _post_action(request, pk, lambda s: do_close_session(request.user, s),
                        "学习活动已归档，已登记到工作台账。")


@is_business
@require_POST
def session_new_code(request, pk):
    return _post_action(request, pk, lambda s: do_new_sign_in_code(request.user, s), "已更换签到码，旧签到码作废。")


@is_business
@require_POST
def session_mark(request, pk):
    def mark(session):
        member = session.group.members.filter(pk=request.POST.get("member", "0") or 0).first()
        if member is None:
            raise ValidationError("该人员不是小组成员。")
        do_mark_signed_in(request.user, session, member)

    return _post_action(request, pk, mark, "已代为签到。")


@is_business
@require_POST
def session_minutes(request, pk):
    form = MinutesForm(request.POST)
    minutes = form.cleaned_data["minutes"] if form.is_valid() else ""
    return _post_action(request, pk, lambda s: do_update_session(request.user, s, minutes=minutes), "会议记录已保存。")


@is_business
@require_POST
def session_material(request, pk):
    form = MaterialForm(request.POST, request.FILES)

    def add(session):
        require_valid(form)
        do_add_material(request.user, session, **form.cleaned_data)

    return _post_action(request, pk, add, "已添加学习材料。")


@is_business
@require_POST
def session_speech(request, pk):
    def add(session):
        form = SpeechForm(request.POST, session=session)
        require_valid(form)
        do_record_speech(request.user, session, **form.cleaned_data)

    return _post_action(request, pk, add, "已记录发言。")


@is_business
@require_POST
def session_makeup_confirm(request, pk):
    def confirm(session):
        makeup = session.makeups.filter(pk=request.POST.get("makeup", "0") or 0).first()
        if makeup is None:
            raise ValidationError("补学记录不存在。")
        do_confirm_makeup(request.user, makeup)

    return _post_action(request, pk, confirm, "已确认补学，计入参学人次。")


@is_business
@require_http_methods(["GET", "POST"])
def session_makeup(request, pk):
    session = access_session(request.user, pk)
    if request.method == "POST":
        form = MakeupForm(request.POST, request.FILES)
        if form.is_valid():
            saved = form_outcome(request, form, lambda: do_submit_makeup(request.user, session, **form.cleaned_data),
                                 "补学记录已提交，组织者确认后计入。")
            if saved:
                return redirect("learning:session_detail", pk=session.pk)
    else:
        form = MakeupForm()
    return render(request, "learning/sessions/makeup_form.html", {"form": form, "session": session})
