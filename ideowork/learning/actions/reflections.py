"""Reflections and research reports: submit, return with a comment, resubmit, accept.

Accepting one records it in the ledger (kind reflection, the author as its only participant,
``source_ref = "reflection:<pk>"``) so that per-person targets count it, and awards the points.
The reviewer is the group's secretary or a learning administrator of the group's organ.
"""

import re
from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from ideowork.core.audit import record, snapshot
from ideowork.core.models import User
from ideowork.core.notify import notify
from ideowork.core.permissions import require
from ideowork.core.uploads import KIND_GROUPS, check_upload, store_attachment
from ideowork.ledger.actions import do_record_activity
from ideowork.ledger.choices import ActivityKind, ActivitySource
from ideowork.ledger.suggestions import suggest_targets

from ..choices import PointsAction
from ..models import (Reflection, ReflectionKind, ReflectionReview, ReflectionStatus, StudyGroup, StudySession)
from .points import do_award_points

__all__ = ["REFLECTION_FILE_KINDS", "may_review", "clean_body", "do_submit_reflection", "do_resubmit_reflection",
           "do_review_reflection", "counts_by_author"]

REFLECTION_FILE_KINDS = KIND_GROUPS["word"] | KIND_GROUPS["pdf"]
AUDITED = ["kind", "title", "body", "status", "group", "session", "attachment", "review_comment"]
MAX_BODY = 50_000
# Control characters other than tab and newline never belong in a text someone typed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def may_review(user: User, reflection: Reflection) -> bool:
    group = reflection.group
    if not (user.is_authenticated and user.is_active and user.is_business) or user.pk == reflection.author_id:
        return False
    root = user.scope_root
    if user.has_capability("learning.manage") and root is not None and group.org_unit.is_within(root):
        return True
    return group.secretary_id == user.pk and user.has_capability("ledger.record")


def clean_body(text: str) -> str:
    """Plain text as typed: line endings unified, control characters dropped, blank runs collapsed.

    It is stored as text and always rendered escaped, so markup is shown, never run.
    """
    text = _CONTROL.sub("", (text or "").replace("\r\n", "\n").replace("\r", "\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def _check(user: User, *, kind: str, group: StudyGroup, title: str, body: str, file, has_file: bool,
           session: StudySession | None) -> tuple[str, str, str | None]:
    errors = {}
    if kind not in ReflectionKind.values:
        errors["kind"] = "类型无效。"
    if not group.members.filter(pk=user.pk).exists():
        errors["group"] = f"您不是“{group.name}”的成员，不能向该小组提交。"
    if session is not None and session.group_id != group.pk:
        errors["session"] = "所选学习活动不属于该学习小组。"
    title, body = title.strip(), clean_body(body)
    if not title:
        errors["title"] = "请填写标题。"
    if len(body) > MAX_BODY:
        errors["body"] = f"正文不能超过{MAX_BODY}字，较长的报告请以Word或PDF文件上传。"
    elif not body and not has_file:
        errors["body"] = "请填写正文或上传Word/PDF文件。"
    file_kind = None
    if file is not None:
        try:
            file_kind = check_upload(file, allowed=REFLECTION_FILE_KINDS)
        except ValidationError as exc:
            errors["file"] = exc.messages
    if errors:
        raise ValidationError(errors)
    return title, body, file_kind


def _reviewers(reflection: Reflection) -> list[User]:
    group = reflection.group
    return [group.secretary] if group.secretary_id and group.secretary_id != reflection.author_id else []


def _notify_reviewers(reflection: Reflection, verb: str) -> None:
    for reviewer in _reviewers(reflection):
        notify(reviewer, f"{reflection.get_kind_display()}待审阅：{reflection.author.name}《{reflection.title}》",
               url=reverse("learning:reflection_detail", args=[reflection.pk]), body=f"{reflection.author.name}{verb}。")


def do_submit_reflection(user: User, *, kind: str, group: StudyGroup, title: str, body: str = "", file=None,
                         session: StudySession | None = None) -> Reflection:
    require(user.is_active and user.is_business, "您没有提交心得体会的权限。")
    title, body, file_kind = _check(user, kind=kind, group=group, title=title, body=body, file=file,
                                    has_file=file is not None, session=session)
    now = timezone.now()
    with transaction.atomic():
        attachment = store_attachment(file, kind=file_kind, unit=group.org_unit, user=user) if file else None
        reflection = Reflection.objects.create(kind=kind, author=user, group=group, org_unit=group.org_unit,
                                               session=session, title=title, body=body, attachment=attachment,
                                               year=timezone.localdate().year, submitted_at=now)
        record("learning.reflection.submit", reflection, actor=user, new=snapshot(reflection, AUDITED))
        _notify_reviewers(reflection, "提交了新的" + reflection.get_kind_display())
    return reflection


def do_resubmit_reflection(user: User, reflection: Reflection, *, kind: str, title: str, body: str = "",
                           file=None, session: StudySession | None = None) -> Reflection:
    """The author revises a returned reflection and submits it again; a new file replaces the old."""
    require(reflection.author_id == user.pk, "只有作者本人可以修改。")
    with transaction.atomic():
        reflection = Reflection.objects.select_for_update().select_related("group").get(pk=reflection.pk)
        if reflection.status != ReflectionStatus.RETURNED:
            raise ValidationError("只有已退回的文章可以修改后重新提交。")
        title, body, file_kind = _check(user, kind=kind, group=reflection.group, title=title, body=body, file=file,
                                        has_file=file is not None or reflection.attachment_id is not None,
                                        session=session)
        old = snapshot(reflection, AUDITED)
        if file is not None:
            reflection.attachment = store_attachment(file, kind=file_kind, unit=reflection.org_unit, user=user)
        reflection.kind, reflection.title, reflection.body, reflection.session = kind, title, body, session
        reflection.status, reflection.submitted_at = ReflectionStatus.SUBMITTED, timezone.now()
        reflection.save()
        record("learning.reflection.resubmit", reflection, actor=user, old=old, new=snapshot(reflection, AUDITED))
        _notify_reviewers(reflection, "修改后重新提交了" + reflection.get_kind_display())
    return reflection


def do_review_reflection(user: User, reflection: Reflection, *, accept: bool, comment: str = "") -> Reflection:
    """Accept (recorded in the ledger, points awarded) or return with a comment; the author is told."""
    require(may_review(user, reflection), "您无权审阅该文章。")
    comment = comment.strip()
    if not accept and not comment:
        raise ValidationError({"comment": "退回时请填写修改意见。"})
    with transaction.atomic():
        reflection = Reflection.objects.select_for_update().select_related("author", "group__org_unit").get(
            pk=reflection.pk)
        if reflection.status != ReflectionStatus.SUBMITTED:
            raise ValidationError("该文章不在待审阅状态。")
        old = snapshot(reflection, AUDITED)
        reflection.status = ReflectionStatus.ACCEPTED if accept else ReflectionStatus.RETURNED
        reflection.reviewer, reflection.review_comment, reflection.reviewed_at = user, comment, timezone.now()
        if accept:
            reflection.activity = _record_activity(user, reflection)
            do_award_points(reflection.author, PointsAction.REFLECTION, ref=f"reflection:{reflection.pk}")
        reflection.save()
        ReflectionReview.objects.create(reflection=reflection, reviewer=user, decision=reflection.status,
                                        comment=comment)
        record("learning.reflection.accept" if accept else "learning.reflection.return", reflection, actor=user,
               old=old, new=snapshot(reflection, AUDITED))
        verb = "已通过审阅" if accept else "被退回，请按意见修改后重新提交"
        notify(reflection.author, f"您的{reflection.get_kind_display()}《{reflection.title}》{verb}",
               body=comment, url=reverse("learning:reflection_detail", args=[reflection.pk]))
    return reflection


def _record_activity(user: User, reflection: Reflection):
    day = timezone.localdate()
    unit = reflection.group.org_unit
    summary = f"{reflection.author.name}提交{reflection.get_kind_display()}《{reflection.title}》，经{user.name}审阅通过。"
    return do_record_activity(
        user, org_unit=unit, kind=ActivityKind.REFLECTION, date=day,
        title=f"{reflection.get_kind_display()}：{reflection.title}"[:200], summary=summary,
        participants=[reflection.author],
        targets=suggest_targets(user, kind=ActivityKind.REFLECTION, day=day, unit=unit),
        source=ActivitySource.LEARNING, source_ref=f"reflection:{reflection.pk}")


def counts_by_author(reflections, year: int, status: str = ReflectionStatus.ACCEPTED) -> Counter:
    """Reflections per author id in ``year`` with ``status`` (``reflections`` is an already scoped queryset)."""
    rows = (reflections.filter(year=year, status=status).order_by()
            .values_list("author_id").annotate(n=Count("pk", distinct=True)))
    return Counter(dict(rows))
