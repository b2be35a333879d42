"""Study groups and sessions: scheduling, signing in, leave, closing (归档) and make-up study.

A closed session is recorded once in the ledger (``ledger.actions.do_sync_activity``): its participants
are the members who signed in or whose make-up study was confirmed, and every later change to the
session updates that same activity. Who may run a group: the learning administrators of its organ
and the group's secretary (who must be able to record in the ledger, see ``do_save_group``).
"""

import secrets
from collections.abc import Iterable
from datetime import date, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ideowork.core.access import people_who_may, require_can
from ideowork.core.actions.reviews import do_decide_current, do_submit_for_review, with_review_state
from ideowork.core.audit import record, snapshot
from ideowork.core.models import OrgUnit, User
from ideowork.core.models.reviews import Decision
from ideowork.core.notify import notify
from ideowork.core.permissions import require
from ideowork.core.uploads import EVIDENCE_KINDS, check_upload, store_attachment
from ideowork.core.scoping import can_act_in
from ideowork.ledger.actions import do_sync_activity
from ideowork.ledger.choices import ActivityKind
from ideowork.ledger.models import Activity

from ..choices import PointsAction
from ..models import (AgendaItem, Attendance, AttendanceStatus, GroupKind, LeaveRequest, LeaveStatus, MakeupStudy,
                      SessionKind, SessionMaterial, SessionStatus, Speech, StudyGroup, StudySession)
from .points import do_award_points

__all__ = ["is_member", "do_save_group", "do_schedule_session",
           "do_update_session", "do_add_material", "do_new_sign_in_code", "do_sign_in", "do_mark_signed_in",
           "do_request_leave", "do_decide_leave", "group_managers", "session_managers", "apply_leave_decision", "do_close_session", "do_submit_makeup", "do_confirm_makeup",
           "do_record_speech", "find_session_by_code", "MATERIAL_KINDS"]

MATERIAL_KINDS = EVIDENCE_KINDS
GROUP_FIELDS = ["name", "kind", "org_unit", "secretary", "description", "is_active"]
SESSION_FIELDS = ["group", "kind", "title", "date", "start_time", "end_time", "place", "host", "status", "minutes"]
EDITABLE_SESSION_FIELDS = frozenset({"kind", "title", "date", "start_time", "end_time", "place", "host", "minutes"})
ACTIVITY_KINDS = {SessionKind.STUDY: ActivityKind.STUDY, SessionKind.MICRO: ActivityKind.MICRO_STUDY}
COUNTED = (AttendanceStatus.SIGNED_IN, AttendanceStatus.MADE_UP)


# --- who may do what -------------------------------------------------------------------------------
# Who runs a group and its sessions is declared on their querysets (``RUN_GROUP``/``RUN_SESSION`` in
# ``learning/models/groups.py``): "change" the group or session, "decide" a member's leave request or
# make-up study; every service below asks it with ``require_can``.


def is_member(user: User, group: StudyGroup) -> bool:
    return group.members.filter(pk=user.pk).exists()


def _group_snapshot(group: StudyGroup) -> dict:
    data = snapshot(group, GROUP_FIELDS)
    data["members"] = sorted(group.members.values_list("display_name", flat=True))
    return data


def _session_snapshot(session: StudySession) -> dict:
    data = snapshot(session, SESSION_FIELDS)
    data["agenda"] = [("【第一议题】" if a.is_first_topic else "") + a.title for a in session.agenda.all()]
    return data


# --- groups ----------------------------------------------------------------------------------------
def do_save_group(user: User, group: StudyGroup | None = None, *, name: str, kind: str, org_unit: OrgUnit,
                  secretary: User | None, members: Iterable[User], description: str = "",
                  is_active: bool = True) -> StudyGroup:
    """Create (``group`` None) or change a study group and its members."""
    require(user.is_active and user.has_capability("learning.manage"), "您没有管理学习小组的权限。")
    require(can_act_in(user, org_unit), f"您无权为“{org_unit.name}”设立学习小组。")
    if group is not None:
        require_can(user, "change", group, "您无权修改该学习小组。")
    members = list(members)
    visible = set(User.objects.visible_to(user).business().values_list("pk", flat=True))
    require({m.pk for m in members} <= visible, "成员中有您无权选择的人员。")
    errors = {}
    if not name.strip():
        errors["name"] = "请填写小组名称。"
    if kind not in GroupKind.values:
        errors["kind"] = "小组类型无效。"
    if secretary is not None:
        if secretary.pk not in visible:
            errors["secretary"] = "您无权选择该人员为学习秘书。"
        elif not secretary.has_capability("ledger.record"):
            errors["secretary"] = (f"“{secretary.name}”没有登记工作台账的权限，不能担任学习秘书"
                                   "（学习秘书负责将学习情况和心得体会登记入台账）。")
    if not members:
        errors["members"] = "请至少选择一名成员。"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        old = _group_snapshot(group) if group is not None else None
        group = group or StudyGroup(created_by=user)
        group.name, group.kind, group.org_unit = name.strip(), kind, org_unit
        group.secretary, group.description, group.is_active = secretary, description.strip(), is_active
        group.full_clean()
        group.save()
        group.members.set(members)
        new = _group_snapshot(group)
        if old is None:
            record("learning.group.create", group, actor=user, new=new)
        elif old != new:
            record("learning.group.update", group, actor=user, old=old, new=new)
    return group


# --- sessions --------------------------------------------------------------------------------------
def _new_code() -> str:
    while True:
        code = f"{secrets.randbelow(10 ** 6):06d}"
        if not StudySession.objects.filter(sign_in_code=code).exists():
            return code


def _check_agenda(group: StudyGroup, kind: str, agenda: list[tuple[str, bool, str]]) -> list[tuple[str, bool, str]]:
    agenda = [(title.strip(), bool(first), presenter.strip()) for title, first, presenter in agenda if title.strip()]
    if not agenda:
        raise ValidationError({"agenda": "请至少填写一项议程。"})
    firsts = sum(1 for _, first, _ in agenda if first)
    if firsts > 1:
        raise ValidationError({"agenda": "只能有一项议程标记为“第一议题”。"})
    if firsts == 0 and group.kind == GroupKind.CENTER and kind == SessionKind.STUDY:
        raise ValidationError({"agenda": "中心组集中学习须将一项议程标记为“第一议题”。"})
    return agenda


def _check_times(start_time: time, end_time: time | None) -> None:
    if end_time is not None and end_time <= start_time:
        raise ValidationError({"end_time": "结束时间须晚于开始时间。"})


def _set_agenda(session: StudySession, agenda: list[tuple[str, bool, str]]) -> None:
    session.agenda.all().delete()
    AgendaItem.objects.bulk_create(AgendaItem(session=session, order=i, title=title, is_first_topic=first,
                                              presenter=presenter)
                                   for i, (title, first, presenter) in enumerate(agenda, 1))


def _session_url(session: StudySession) -> str:
    return reverse("learning:session_detail", args=[session.pk])


def do_schedule_session(user: User, *, group: StudyGroup, kind: str, title: str, date: date, start_time: time,
                        host: str, end_time: time | None = None, place: str = "",
                        agenda: Iterable[tuple[str, bool, str]] = ()) -> StudySession:
    """Schedule a session of ``group`` with its agenda; the members are notified."""
    require_can(user, "change", group, "您无权为该学习小组安排学习。")
    if not group.is_active:
        raise ValidationError({"group": "该学习小组已停用。"})
    agenda = _check_agenda(group, kind, list(agenda))
    _check_times(start_time, end_time)
    session = StudySession(group=group, org_unit=group.org_unit, kind=kind, title=title.strip(), date=date,
                           start_time=start_time, end_time=end_time, place=place.strip(), host=host.strip(),
                           sign_in_code=_new_code(), created_by=user)
    session.full_clean()
    with transaction.atomic():
        session.save()
        _set_agenda(session, agenda)
        record("learning.session.create", session, actor=user, new=_session_snapshot(session))
        when = f"{date:%Y年%m月%d日} {start_time:%H:%M}"
        for member in group.members.all():
            notify(member, f"学习通知：{session.title}", url=_session_url(session),
                   body=f"{group.name}定于{when}在{session.place or '（地点另行通知）'}开展{session.get_kind_display()}，请准时参加。",
                   dedup_key=f"session:{session.pk}:scheduled")
    return session


def do_update_session(user: User, session: StudySession, *, agenda: Iterable | None = None,
                      **changes) -> StudySession:
    """Change a session (also after it is closed: its ledger activity follows)."""
    unknown = set(changes) - EDITABLE_SESSION_FIELDS
    if unknown:
        raise TypeError(f"do_update_session() cannot change {', '.join(sorted(unknown))}")
    require_can(user, "change", session, "您无权修改该学习活动。")
    with transaction.atomic():
        session = StudySession.objects.select_for_update().select_related("group").get(pk=session.pk)
        old = _session_snapshot(session)
        for name, value in changes.items():
            setattr(session, name, value.strip() if isinstance(value, str) else value)
        if agenda is not None:
            agenda = _check_agenda(session.group, session.kind, list(agenda))
        _check_times(session.start_time, session.end_time)
        session.full_clean()
        session.save()
        if agenda is not None:
            _set_agenda(session, agenda)
        new = _session_snapshot(session)
        if new != old:
            record("learning.session.update", session, actor=user, old=old, new=new)
        if session.is_closed:
            _sync_activity(user, session)
    return session


def do_add_material(user: User, session: StudySession, *, title: str = "", file=None,
                    link: str = "") -> SessionMaterial:
    """Add a study material: an uploaded file (checked by content) or a link."""
    require_can(user, "change", session, "您无权为该学习活动添加材料。")
    if file is None and not link.strip():
        raise ValidationError({"file": "请上传文件或填写链接。"})
    kind = check_upload(file, allowed=MATERIAL_KINDS) if file is not None else None
    title = title.strip() or (file.name if file is not None else link.strip())
    with transaction.atomic():
        attachment = store_attachment(file, kind=kind, unit=session.org_unit, user=user) if file else None
        material = SessionMaterial(session=session, title=title[:200], link=link.strip(), attachment=attachment)
        material.full_clean()
        material.save()
        record("learning.session.add_material", session, actor=user, new={"title": material.title,
                                                                       "link": material.link})
    return material


def do_record_speech(user: User, session: StudySession, *, speaker: User | None, speaker_name: str,
                     content: str) -> Speech:
    require_can(user, "change", session, "您无权记录该学习活动的发言。")
    name = (speaker.name if speaker is not None else speaker_name).strip()
    if not name:
        raise ValidationError({"speaker_name": "请选择或填写发言人。"})
    if not content.strip():
        raise ValidationError({"content": "请填写发言要点。"})
    with transaction.atomic():
        speech = Speech.objects.create(session=session, speaker=speaker, speaker_name=name[:50],
                                       content=content.strip())
        record("learning.session.add_speech", session, actor=user, new={"speaker": name, "content": speech.content})
        if session.is_closed:
            _sync_activity(user, session)
    return speech


def do_new_sign_in_code(user: User, session: StudySession) -> str:
    """Replace the sign-in code (e.g. when it was passed on to someone not in the room)."""
    require_can(user, "change", session, "您无权更换签到码。")
    with transaction.atomic():
        old = session.sign_in_code
        session.sign_in_code = _new_code()
        session.save(update_fields=["sign_in_code"])
        record("learning.session.renew_code", session, actor=user, old={"sign_in_code": old},
               new={"sign_in_code": session.sign_in_code})
    return session.sign_in_code


# --- attendance ------------------------------------------------------------------------------------
def find_session_by_code(code: str) -> StudySession:
    code = (code or "").strip()
    session = StudySession.objects.select_related("group").filter(sign_in_code=code).first() if code else None
    if session is None:
        raise ValidationError({"code": "签到码不正确，请核对大屏上的签到码。"})
    return session


def _signed_in(user: User, session: StudySession, *, actor: User) -> Attendance:
    attendance, created = Attendance.objects.get_or_create(
        session=session, user=user,
        defaults={"status": AttendanceStatus.SIGNED_IN, "signed_in_at": timezone.now()})
    if not created:
        return attendance
    record("learning.session.sign_in", session, actor=actor, new={"user": user.name})
    do_award_points(user, PointsAction.SESSION, ref=f"session:{session.pk}", when=session.date)
    return attendance


def do_sign_in(user: User, code: str) -> tuple[StudySession, bool]:
    """Sign ``user`` in with a code; returns the session and whether this was a new sign-in.

    Signing in again changes nothing. Only members may sign in, only while the window is open
    (from half an hour before the start to the end of the session's day).
    """
    session = find_session_by_code(code)
    if not StudySession.objects.visible_to(user).filter(pk=session.pk).exists():
        # A code of another organ's session says nothing about it.
        raise ValidationError({"code": "签到码不正确，请核对大屏上的签到码。"})
    if not is_member(user, session.group):
        raise ValidationError({"code": f"您不是“{session.group.name}”的成员，不能签到。如需参加，请联系组织者。"})
    with transaction.atomic():
        session = StudySession.objects.select_for_update().select_related("group").get(pk=session.pk)
        existing = Attendance.objects.filter(session=session, user=user).first()
        if existing is not None and existing.status == AttendanceStatus.SIGNED_IN:
            return session, False
        if session.is_closed:
            raise ValidationError({"code": "该学习活动已归档，不能再签到；如未参加，请提交补学记录。"})
        now = timezone.now()
        if now < session.sign_in_opens:
            raise ValidationError({"code": f"签到尚未开始，请于{timezone.localtime(session.sign_in_opens):%m月%d日 %H:%M}后签到。"})
        if now >= session.sign_in_closes:
            raise ValidationError({"code": "签到已结束。"})
        _signed_in(user, session, actor=user)
    return session, True


def do_mark_signed_in(user: User, session: StudySession, member: User) -> Attendance:
    """The organiser signs a member in by hand (forgot their phone); only before the session is closed."""
    require_can(user, "change", session, "您无权代为签到。")
    if session.is_closed:
        raise ValidationError("该学习活动已归档，不能再签到。")
    if not is_member(member, session.group):
        raise ValidationError(f"“{member.name}”不是“{session.group.name}”的成员。")
    with transaction.atomic():
        return _signed_in(member, session, actor=user)


def group_managers(group: StudyGroup) -> list[User]:
    """The people who may run ``group`` (and so decide its leave requests and review its members'
    reflections), for the workflow."""
    organ = group.org_unit.organ_id or group.org_unit_id
    people = User.objects.business().filter(org_unit__organ_id=organ).select_related("org_unit")
    return people_who_may("change", group, people)


def session_managers(session: StudySession) -> list[User]:
    """The people who may run ``session`` (and so decide its leave requests), for the workflow."""
    return group_managers(session.group)


def do_request_leave(user: User, session: StudySession, reason: str) -> LeaveRequest:
    """Ask for leave: a one-step 审批 (the organ's approval flow) that the session's managers decide."""
    if not is_member(user, session.group):
        raise ValidationError(f"您不是“{session.group.name}”的成员，无需请假。")
    if session.is_closed:
        raise ValidationError("该学习活动已归档，不能再请假；如未参加，请提交补学记录。")
    if not reason.strip():
        raise ValidationError({"reason": "请填写请假事由。"})
    if Attendance.objects.filter(session=session, user=user, status=AttendanceStatus.SIGNED_IN).exists():
        raise ValidationError("您已签到，无需请假。")
    if LeaveRequest.objects.filter(session=session, user=user).exists():
        raise ValidationError("您已提交过请假申请。")
    with transaction.atomic():
        leave = LeaveRequest.objects.create(session=session, user=user, reason=reason.strip()[:300])
        record("learning.session.request_leave", session, actor=user, new={"user": user.name, "reason": leave.reason})
        do_submit_for_review(user, leave)
    return leave


def do_decide_leave(user: User, leave: LeaveRequest, *, approve: bool) -> LeaveRequest:
    """Approve or refuse the leave request's open 审批 stage (the workflow checks who may decide)."""
    require_can(user, "decide", leave, "您无权审批请假。")
    require(leave.user_id != user.pk, "不能审批本人的请假申请。")
    do_decide_current(user, leave, not_open="该请假申请已审批。", decision=Decision.APPROVE if approve else Decision.REJECT)
    leave.refresh_from_db()
    return leave


def apply_leave_decision(leave: LeaveRequest, actor: User, *, approved: bool) -> None:
    """The workflow's outcome on the attendance; runs inside the workflow's transaction.

    The request's state (and who decided it, when) is its review's: nothing is copied onto it."""
    session = leave.session
    outcome = LeaveStatus.APPROVED if approved else LeaveStatus.REFUSED
    record("learning.session.decide_leave", session, actor=actor,
           new={"user": leave.user.name, "status": outcome.label})
    if session.is_closed:
        Attendance.objects.filter(session=session, user=leave.user,
                                  status__in=[AttendanceStatus.ABSENT, AttendanceStatus.LEAVE]).update(
            status=AttendanceStatus.LEAVE if approved else AttendanceStatus.ABSENT)


def do_close_session(user: User, session: StudySession) -> StudySession:
    """Close (归档) the session: absentees are marked, and the session is recorded in the ledger."""
    require_can(user, "change", session, "您无权归档该学习活动。")
    with transaction.atomic():
        session = StudySession.objects.select_for_update().select_related("group").get(pk=session.pk)
        if session.is_closed:
            raise ValidationError("该学习活动已归档。")
        if session.date > timezone.localdate():
            raise ValidationError("学习活动尚未举行，不能归档。")
        if not Attendance.objects.filter(session=session, status=AttendanceStatus.SIGNED_IN).exists():
            raise ValidationError("还没有人签到，不能归档。")
        on_leave = set(with_review_state(session.leave_requests.all()).filter(review_status=LeaveStatus.APPROVED)
                       .values_list("user_id", flat=True))
        recorded = set(session.attendances.values_list("user_id", flat=True))
        Attendance.objects.bulk_create(
            Attendance(session=session, user_id=pk,
                       status=AttendanceStatus.LEAVE if pk in on_leave else AttendanceStatus.ABSENT)
            for pk in session.group.members.values_list("pk", flat=True) if pk not in recorded)
        old = _session_snapshot(session)
        session.status, session.closed_at = SessionStatus.CLOSED, timezone.now()
        session.save(update_fields=["status", "closed_at"])
        record("learning.session.close", session, actor=user, old=old, new=_session_snapshot(session))
        _sync_activity(user, session)
    return session


# --- make-up study ---------------------------------------------------------------------------------
def do_submit_makeup(user: User, session: StudySession, *, content: str, studied_on: date,
                     file=None) -> MakeupStudy:
    """An absentee (or member on leave) records what they studied afterwards; the organiser confirms it."""
    session.refresh_from_db(fields=["status"])
    attendance = Attendance.objects.filter(session=session, user=user).first()
    if not session.is_closed or attendance is None or attendance.status not in (
            AttendanceStatus.ABSENT, AttendanceStatus.LEAVE):
        raise ValidationError("只有未参加已归档学习活动的成员才需补学。")
    if not content.strip():
        raise ValidationError({"content": "请填写补学内容。"})
    if not session.date <= studied_on <= timezone.localdate():
        raise ValidationError({"studied_on": "补学日期须在学习活动之后、不晚于今天。"})
    if MakeupStudy.objects.filter(session=session, user=user).exists():
        raise ValidationError("您已提交过补学记录。")
    kind = check_upload(file, allowed=MATERIAL_KINDS) if file is not None else None
    with transaction.atomic():
        attachment = store_attachment(file, kind=kind, unit=session.org_unit, user=user) if file else None
        makeup = MakeupStudy.objects.create(session=session, user=user, content=content.strip(),
                                            studied_on=studied_on, attachment=attachment)
        record("learning.session.submit_makeup", session, actor=user,
               new={"user": user.name, "content": makeup.content, "studied_on": studied_on.isoformat()})
        if session.created_by_id:
            notify(session.created_by, f"补学待确认：{user.name}（{session.title}）", url=_session_url(session))
    return makeup


def do_confirm_makeup(user: User, makeup: MakeupStudy) -> MakeupStudy:
    """Confirm a make-up study: the member now counts as having taken part."""
    session = makeup.session
    require_can(user, "decide", makeup, "您无权确认补学。")
    require(makeup.user_id != user.pk, "不能确认本人的补学记录。")
    with transaction.atomic():
        makeup = MakeupStudy.objects.select_for_update().select_related("user").get(pk=makeup.pk)
        if makeup.is_confirmed:
            raise ValidationError("该补学记录已确认。")
        makeup.confirmed_by, makeup.confirmed_at = user, timezone.now()
        makeup.save(update_fields=["confirmed_by", "confirmed_at"])
        Attendance.objects.filter(session=session, user=makeup.user).update(status=AttendanceStatus.MADE_UP)
        record("learning.session.confirm_makeup", session, actor=user, new={"user": makeup.user.name})
        do_award_points(makeup.user, PointsAction.MAKEUP, ref=f"session:{session.pk}", when=makeup.studied_on)
        _sync_activity(user, session)
        notify(makeup.user, f"补学已确认：{session.title}", url=_session_url(session))
    return makeup


# --- the ledger activity ---------------------------------------------------------------------------
def activity_summary(session: StudySession) -> str:
    lines = [("第一议题：" if a.is_first_topic else "议题：") + a.title
             + (f"（{a.presenter}）" if a.presenter else "") for a in session.agenda.all()]
    if session.minutes:
        lines += ["", "会议记录：", session.minutes]
    speeches = list(session.speeches.all())
    if speeches:
        lines += ["", "交流发言："] + [f"{s.speaker_name}：{s.content}" for s in speeches]
    return "\n".join(lines)


def _sync_activity(user: User, session: StudySession) -> Activity:
    """Make the session's ledger activity match it; create it the first time. Caller is in a transaction.

    The session is re-read first, so a caller holding an older copy cannot write stale values.
    """
    session.refresh_from_db()
    participants = list(User.objects.filter(study_attendances__session=session,
                                            study_attendances__status__in=COUNTED))
    kind = ACTIVITY_KINDS[session.kind]
    fields = {"kind": kind, "title": f"{session.group.name}：{session.title}",
              "date": session.date, "place": session.place, "host": session.host,
              "summary": activity_summary(session)}
    return do_sync_activity(user, source=session, participants=participants, **fields)
