"""Reflections and research reports: submit, return with a comment, resubmit, accept.

Submitting opens the reflection's 审阅 in the core workflow (``learning/reviews.py``): whoever runs
the group is asked to decide, with the workflow's due date and reminders; returning it and
accepting it are decisions of that review (``do_review_reflection`` is the one-click form of
``core``'s ``do_decide``). Accepting it records it in the ledger (kind reflection, the author as its
only participant, ``do_sync_activity``) so that per-person targets count it, and awards the points.
"""

import re
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from ideowork.core.access import require_can
from ideowork.core.actions.reviews import do_decide_current, do_submit_for_review, with_review_state
from ideowork.core.audit import record, snapshot
from ideowork.core.models import User
from ideowork.core.models.reviews import Decision, ReviewDecision
from ideowork.core.permissions import require
from ideowork.core.uploads import KIND_GROUPS, check_upload, store_attachment
from ideowork.ledger.actions import do_sync_activity
from ideowork.ledger.requirements import personal_requirements

from ..choices import LearningActivityKind, PointsAction
from ..models import (REFLECTION_YEARLY_TARGET, Reflection, ReflectionKind, ReflectionStatus, StudyGroup,
                      StudySession)
from .points import do_award_points

__all__ = ["reflection_figures", "REFLECTION_FILE_KINDS", "clean_body", "do_submit_reflection",
           "do_resubmit_reflection", "do_review_reflection", "accept_reflection", "counts_by_author",
           "return_comments"]

REFLECTION_FILE_KINDS = KIND_GROUPS["word"] | KIND_GROUPS["pdf"]
AUDITED = ["kind", "title", "body", "group", "session", "attachment", "version"]
MAX_BODY = 50_000
# Control characters other than tab and newline never belong in a text someone typed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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
        do_submit_for_review(user, reflection)
    return reflection


def do_resubmit_reflection(user: User, reflection: Reflection, *, kind: str, title: str, body: str = "",
                           file=None, session: StudySession | None = None) -> Reflection:
    """The author revises a returned (or withdrawn) reflection and submits it again, as its next
    version; a new file replaces the old. Its review continues at the step that returned it."""
    require_can(user, "resubmit", reflection, "只有作者本人可以修改。")
    with transaction.atomic():
        reflection = Reflection.objects.select_for_update().select_related("group").get(pk=reflection.pk)
        if not reflection.is_editable:
            raise ValidationError("只有已退回的文章可以修改后重新提交。")
        title, body, file_kind = _check(user, kind=kind, group=reflection.group, title=title, body=body, file=file,
                                        has_file=file is not None or reflection.attachment_id is not None,
                                        session=session)
        old = snapshot(reflection, AUDITED)
        if file is not None:
            reflection.attachment = store_attachment(file, kind=file_kind, unit=reflection.org_unit, user=user)
        reflection.kind, reflection.title, reflection.body, reflection.session = kind, title, body, session
        reflection.version, reflection.submitted_at = reflection.version + 1, timezone.now()
        reflection.save()
        record("learning.reflection.resubmit", reflection, actor=user, old=old, new=snapshot(reflection, AUDITED))
        do_submit_for_review(user, reflection)
    return reflection


def do_review_reflection(user: User, reflection: Reflection, *, accept: bool, comment: str = "") -> Reflection:
    """Accept or return (with a comment) the reflection's open 审阅 stage; the workflow checks who may
    decide, tells the author and, on acceptance, calls ``accept_reflection``."""
    do_decide_current(user, reflection, comment=comment, not_open="该文章不在待审阅状态。",
                      decision=Decision.APPROVE if accept else Decision.RETURN_AUTHOR)
    return reflection


def accept_reflection(reflection: Reflection, actor: User) -> None:
    """The workflow approved ``reflection``: record it in the ledger and award the points.

    Runs inside the workflow's transaction (``Reflection.on_review_approved``)."""
    reflection = Reflection.objects.select_for_update().select_related("author", "group__org_unit").get(
        pk=reflection.pk)
    reflection.activity = _record_activity(actor, reflection)
    reflection.save(update_fields=["activity"])
    do_award_points(reflection.author, PointsAction.REFLECTION, ref=f"reflection:{reflection.pk}")
    record("learning.reflection.accept", reflection, actor=actor, old={"状态": ReflectionStatus.SUBMITTED.label},
           new={"状态": ReflectionStatus.ACCEPTED.label, "审阅人": actor.name, "版本": reflection.version})


def _record_activity(user: User, reflection: Reflection):
    day = timezone.localdate()
    unit = reflection.group.org_unit
    summary = f"{reflection.author.name}提交{reflection.get_kind_display()}《{reflection.title}》，经{user.name}审阅通过。"
    return do_sync_activity(
        user, source=reflection, org_unit=unit, kind=LearningActivityKind.REFLECTION, date=day,
        title=f"{reflection.get_kind_display()}：{reflection.title}", summary=summary,
        participants=[reflection.author])


def counts_by_author(reflections, year: int, status: str = ReflectionStatus.ACCEPTED) -> Counter:
    """Reflections per author id in ``year`` whose review is in ``status`` (``reflections`` is an
    already scoped queryset)."""
    chosen = with_review_state(Reflection.objects.filter(year=year)).filter(review_status=status).values("pk")
    rows = (reflections.filter(year=year, pk__in=chosen).order_by()
            .values_list("author_id").annotate(n=Count("pk", distinct=True)))
    return Counter(dict(rows))


def return_comments(reflections) -> dict[int, str]:
    """The comment each of ``reflections`` was last returned with, by reflection id (one query)."""
    decisions = (ReviewDecision.objects.filter(review__subject_type=ContentType.objects.get_for_model(Reflection),
                                               review__subject_id__in=[r.pk for r in reflections],
                                               decision=Decision.RETURN_AUTHOR)
                 .order_by("created_at", "id").values_list("review__subject_id", "comment"))
    return dict(decisions)


def reflection_figures(persons, accepted: dict, year: int) -> dict[int, tuple[int, int]]:
    """(done, required) per person: the plan's per-person target of reflections, from the ledger,
    where there is one (the number 我的工作 and the item page show); else the accepted reflections
    against the default yearly count."""
    requirements = personal_requirements(persons, LearningActivityKind.REFLECTION, year=year,
                                         today=timezone.localdate())
    return {p.pk: ((requirements[p.pk].done, requirements[p.pk].required) if p.pk in requirements
                   else (accepted.get(p.pk, 0), REFLECTION_YEARLY_TARGET)) for p in persons}
