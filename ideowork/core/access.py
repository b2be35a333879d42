"""Fetch and authorise in one step: the one way a view (and later the API) gets a scoped record.

``access(queryset, user, pk, action)`` answers 404 when the user may not see the record (so its
existence does not leak) and a Chinese 403 when they see it but may not ``action`` it. Each area
wraps it as ``access_<thing>(user, pk, action="view")`` in its ``access.py``; services ask the same
policy again with ``can(user, action, record)`` / ``require_can``.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404

from .scoping import CHANGE, DECIDE, VIEW

__all__ = ["access", "accessor", "can", "require_can", "people_who_may", "DENIED"]

# The Chinese 403 for each action; an area may pass its own message.
DENIED = {CHANGE: "您无权修改此记录。", DECIDE: "您无权审批此记录。"}
DEFAULT_DENIED = "您无权执行此操作。"


def _queryset(queryset_or_model) -> models.QuerySet:
    if isinstance(queryset_or_model, models.QuerySet):
        return queryset_or_model
    return queryset_or_model._default_manager.all()


def access(queryset_or_model, user, pk, action: str = VIEW, message: str | None = None):
    """The record ``pk`` of ``queryset_or_model`` if ``user`` may ``action`` it; else 404 or 403."""
    qs = _queryset(queryset_or_model)
    try:
        record = qs.visible_to(user).get(pk=pk)
    except (qs.model.DoesNotExist, ValueError, TypeError):
        raise Http404("记录不存在或您无权查看。") from None
    if action != VIEW:
        require_can(user, action, record, message)
    return record


def accessor(model, *related: str, message: str | None = None):
    """An area's ``access_<thing>(user, pk, action="view")`` for ``model``, its ``related`` joined.

    For the common case where the helper only names what to join and its refusal::

        access_topic = accessor(Topic)
        access_group = accessor(StudyGroup, "org_unit", "secretary", message="您无权管理该学习小组。")
    """

    def access_record(user, pk, action: str = VIEW):
        queryset = model._default_manager.select_related(*related) if related else model
        return access(queryset, user, pk, action, message)

    access_record.__name__ = access_record.__qualname__ = f"access_{model._meta.model_name}"
    access_record.__doc__ = f"Fetch and authorise one {model.__name__} (404 when not visible, 403 when not allowed)."
    return access_record


def can(user, action: str, record) -> bool:
    """True when ``user`` may ``action`` ``record`` under its model's declared policy."""
    if record is None or record.pk is None or not user.is_authenticated:
        return False
    manager = type(record)._default_manager
    return manager.visible_to(user, action).filter(pk=record.pk).exists()


def require_can(user, action: str, record, message: str | None = None) -> None:
    """Raise a Chinese PermissionDenied unless ``user`` may ``action`` ``record``; for services."""
    if not can(user, action, record):
        raise PermissionDenied(message or DENIED.get(action, DEFAULT_DENIED))


def people_who_may(action: str, record, candidates) -> list:
    """Those of ``candidates`` (users) who may ``action`` ``record`` — who a workflow hands the record
    to (the people who decide a leave request). Each is asked through ``can``, after the queryset's
    ``might_act`` has set aside in memory those whom no part of the rule could let act."""
    queryset = type(record)._default_manager.get_queryset()
    return [person for person in candidates if queryset.might_act(person, action) and can(person, action, record)]
