"""Monitoring schemes (监测方案): creating, changing, switching on and off, deleting, and running back.

Who may write: the holders of ``opinion.monitor`` whose scope holds the scheme's unit (the policy's
``change`` on ``Scheme``). A scheme is saved only when its expression compiles: each word group and
the advanced expression are checked on their own, so the Chinese message (with its line or character
position) lands on the field it is about, and nothing is saved. Every change is audited and raises
the ``opinion.schemes`` data version of the scheme's organ in the same transaction, so each worker's
matcher is rebuilt on its next item (``matching.current_matcher``). A scheme holds no person fields.

A back-run (回溯) matches a scheme against the stored items of a date range through the task queue
(``opinion.tasks.backrun_scheme``), in batches; the one who asked is told when it is done.
"""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from ideowork.core.access import require_can
from ideowork.core.audit import record, snapshot
from ideowork.core.models import OrgUnit, User
from ideowork.core.permissions import require
from ideowork.core.scoping import can_act_in
from ideowork.core.versions import bump_versions

from ..matching import ExpressionError, parse
from ..models import Scheme
from ..models.schemes import WORD_GROUPS, group_words
from .editing import apply_changes, check_field_names
from .matching import SCHEMES_TOPIC

__all__ = ["SCHEME_FIELDS", "BACKRUN_DAYS", "BACKRUN_MAX_DAYS", "can_create_schemes", "check_scheme",
           "do_create_scheme", "do_update_scheme", "do_set_scheme_active", "do_delete_scheme",
           "do_backrun_scheme", "backrun_window", "scheme_url"]

SCHEME_FIELDS = ["name", "region_words", "subject_words", "event_words", "exclude_words", "expression", "description"]
AUDITED_FIELDS = ["org_unit", *SCHEME_FIELDS, "active"]
NAME_MAX, DESCRIPTION_MAX = 100, 300
WORDS_MAX = 500          # words of one group
EXPRESSION_MAX = 5000    # characters of the advanced expression
BACKRUN_DAYS = 30        # the default range of a back-run
BACKRUN_MAX_DAYS = 366


def scheme_url(scheme: Scheme) -> str:
    return reverse("opinion:scheme_detail", args=[scheme.pk])


def can_create_schemes(user: User, unit: OrgUnit | None = None) -> bool:
    return can_act_in(user, unit if unit is not None else user.scope_root, "opinion.monitor")


def check_scheme(scheme: Scheme) -> None:
    """Check an unsaved state of ``scheme``; raise ValidationError with every problem, on its field."""
    errors: dict[str, str] = {}
    scheme.name = (scheme.name or "").strip()
    scheme.description = (scheme.description or "").strip()
    scheme.expression = (scheme.expression or "").strip()
    if not scheme.name:
        errors["name"] = "请填写方案名称。"
    elif len(scheme.name) > NAME_MAX:
        errors["name"] = f"方案名称不能超过{NAME_MAX}个字（现有{len(scheme.name)}个字）。"
    elif Scheme.objects.filter(org_unit=scheme.org_unit, name=scheme.name).exclude(pk=scheme.pk).exists():
        errors["name"] = f"“{scheme.org_unit.display_name}”已有名为“{scheme.name}”的监测方案。"
    if len(scheme.description) > DESCRIPTION_MAX:
        errors["description"] = f"说明不能超过{DESCRIPTION_MAX}个字。"
    for _, field, label in WORD_GROUPS:
        text = (getattr(scheme, field) or "").replace("\r\n", "\n").replace("\r", "\n")
        setattr(scheme, field, "\n".join(line.strip() for line in text.split("\n") if line.strip()))
        try:
            words = group_words(getattr(scheme, field), label)
        except ExpressionError as exc:
            errors[field] = exc.message
            continue
        if len(words) > WORDS_MAX:
            errors[field] = f"{label}最多{WORDS_MAX}个（现有{len(words)}个）。"
    if len(scheme.expression) > EXPRESSION_MAX:
        errors["expression"] = f"高级表达式不能超过{EXPRESSION_MAX}个字符。"
    elif scheme.expression:
        try:
            parse(scheme.expression)
        except ExpressionError as exc:
            errors["expression"] = exc.message
    if not errors:
        try:
            scheme.as_expression()
        except ExpressionError as exc:  # no word at all, or a control character in a group
            errors["__all__"] = exc.message
    if errors:
        raise ValidationError(errors)


def _changed(scheme: Scheme) -> None:
    """Inside the transaction of a change: every worker's matcher is rebuilt on its next item."""
    bump_versions(SCHEMES_TOPIC, [scheme.org_unit.organ_id])


def do_create_scheme(actor: User, *, org_unit: OrgUnit, name: str, region_words: str = "", subject_words: str = "",
                     event_words: str = "", exclude_words: str = "", expression: str = "", description: str = "",
                     active: bool = True) -> Scheme:
    """A scheme of ``org_unit`` (a unit of the actor's scope)."""
    require(can_create_schemes(actor, org_unit), f"您无权为“{org_unit.display_name}”制定监测方案。")
    scheme = Scheme(org_unit=org_unit, name=name, region_words=region_words, subject_words=subject_words,
                    event_words=event_words, exclude_words=exclude_words, expression=expression,
                    description=description, active=bool(active), created_by=actor)
    check_scheme(scheme)
    try:
        with transaction.atomic():
            scheme.save()
            record("opinion.scheme.create", scheme, actor=actor, new=snapshot(scheme, AUDITED_FIELDS))
            _changed(scheme)
    except IntegrityError:  # the same name saved by someone else since the check
        raise ValidationError({"name": f"“{org_unit.display_name}”已有名为“{scheme.name}”的监测方案。"}) from None
    return scheme


def do_update_scheme(actor: User, scheme: Scheme, **changes) -> Scheme:
    """Change a scheme's fields (``SCHEME_FIELDS``)."""
    check_field_names("do_update_scheme", changes, SCHEME_FIELDS)
    require_can(actor, "change", scheme, "您无权修改该监测方案。")
    with transaction.atomic():
        scheme = Scheme.objects.select_for_update().select_related("org_unit").get(pk=scheme.pk)
        old, new = apply_changes(scheme, changes, AUDITED_FIELDS, check_scheme)
        if new == old:
            return scheme
        scheme.save()
        record("opinion.scheme.update", scheme, actor=actor, old=old, new=new)
        _changed(scheme)
    return scheme


def do_set_scheme_active(actor: User, scheme: Scheme, active: bool) -> Scheme:
    """Switch a scheme on (it matches arriving items) or off (it matches nothing; its matches stay)."""
    require_can(actor, "change", scheme, "您无权启用或停用该监测方案。")
    with transaction.atomic():
        scheme = Scheme.objects.select_for_update().select_related("org_unit").get(pk=scheme.pk)
        if scheme.active == bool(active):
            return scheme
        if active:
            check_scheme(scheme)  # a scheme saved before a rule changed must still compile
        scheme.active = bool(active)
        scheme.save(update_fields=["active", "updated_at"])
        record("opinion.scheme.enable" if active else "opinion.scheme.disable", scheme, actor=actor,
               old={"active": not scheme.active}, new={"active": scheme.active})
        _changed(scheme)
    return scheme


def do_delete_scheme(actor: User, scheme: Scheme) -> None:
    """Delete a scheme and the record of what it matched (the items themselves stay)."""
    require_can(actor, "change", scheme, "您无权删除该监测方案。")
    with transaction.atomic():
        scheme = Scheme.objects.select_for_update().select_related("org_unit").get(pk=scheme.pk)
        old = snapshot(scheme, AUDITED_FIELDS)
        matches = scheme.matches.count()
        record("opinion.scheme.delete", scheme, actor=actor, old={**old, "matches": matches})
        _changed(scheme)
        scheme.delete()


def backrun_window(start: date | None, end: date | None) -> tuple[date, date]:
    """The days a back-run covers: by default the last ``BACKRUN_DAYS`` days up to today."""
    today = timezone.localdate()
    end = end or today
    start = start or end - timedelta(days=BACKRUN_DAYS - 1)
    errors = {}
    if end > today:
        errors["end"] = f"结束日期不能晚于今天（{today:%Y年%m月%d日}）。"
    if start > end:
        errors["start"] = "开始日期不能晚于结束日期。"
    elif (end - start).days + 1 > BACKRUN_MAX_DAYS:
        errors["start"] = f"回溯范围最长{BACKRUN_MAX_DAYS}天。"
    if errors:
        raise ValidationError(errors)
    return start, end


def do_backrun_scheme(actor: User, scheme: Scheme, *, start: date | None = None, end: date | None = None) -> tuple[date, date]:
    """Queue the run of ``scheme`` over the items that arrived from ``start`` to ``end`` (inclusive)."""
    require_can(actor, "change", scheme, "您无权回溯该监测方案。")
    start, end = backrun_window(start, end)
    with transaction.atomic():
        record("opinion.scheme.backrun", scheme, actor=actor, new={"start": start.isoformat(), "end": end.isoformat()})
        from ..tasks import backrun_scheme

        transaction.on_commit(lambda: backrun_scheme(scheme.pk, start.isoformat(), end.isoformat(), actor.pk))
    return start, end
