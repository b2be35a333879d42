"""Writing the audit trail. Every service that changes data calls ``record``.

Example::

    old = snapshot(item, ["title", "text"])
    item.title = title
    item.save()
    record("plans.item.update", item, old=old, new=snapshot(item, ["title", "text"]))

Event types are registered, with a Chinese label, by the app they belong to (its
``audit_events.py``, imported in ``AppConfig.ready``)::

    register_audit_events({"plans.item.update": "修改要点条目"})

A name reads ``<area>.<thing>.<verb>``: the app label, the thing changed, and a verb in the
present tense, possibly with its object (``learning.exam.add_question``). ``record`` refuses a
name that is not registered, so the auditor never sees a name without its label.
"""

import datetime
import decimal
import re
import sys
from typing import Any

from django.apps import apps
from django.db import models

from .context import client_ip, current_request
from .models import AuditEvent

__all__ = ["record", "record_read", "snapshot", "register_audit_events", "audit_event_label", "audit_event_groups",
           "is_registered_event", "EVENT_NAME"]

EVENT_NAME = re.compile(r"^[a-z]+\.[a-z][a-z_]*\.[a-z][a-z_]*$")

_event_types: dict[str, str] = {}


def register_audit_events(events: dict[str, str]) -> None:
    """Register event types ``{name: Chinese label}``. The name's area is an installed app, and the
    app that registers it (code outside the apps, such as a test, may register any area's)."""
    caller = apps.get_containing_app_config(sys._getframe(1).f_globals.get("__name__", ""))
    for name, label in events.items():
        if not EVENT_NAME.match(name):
            raise ValueError(f"audit event {name!r} does not read <area>.<thing>.<verb>")
        area = apps.get_app_config(name.split(".", 1)[0]).label  # LookupError for an area that is not an app
        if caller is not None and caller.label != area:
            raise ValueError(f"audit event {name!r} registered by {caller.label}: an app registers its own events")
        if _event_types.get(name, label) != label:
            raise ValueError(f"audit event {name!r} is registered twice with different labels")
        _event_types[name] = label


def is_registered_event(name: str) -> bool:
    return name in _event_types


def audit_event_label(name: str) -> str:
    """The Chinese label of an event type; an unknown (retired) name is shown as it is."""
    return _event_types.get(name, name)


def audit_event_groups() -> list[tuple[str, list[tuple[str, str]]]]:
    """Registered event types grouped by area, areas in the order of INSTALLED_APPS:
    ``[(area verbose name, [(name, label), …]), …]``."""
    by_area: dict[str, list[tuple[str, str]]] = {}
    for name, label in _event_types.items():
        by_area.setdefault(name.split(".", 1)[0], []).append((name, label))
    return [(config.verbose_name, sorted(by_area[config.label]))
            for config in apps.get_app_configs() if config.label in by_area]


def _jsonable(value: Any) -> Any:
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return {"id": value.pk, "repr": str(value)}
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if hasattr(value, "name") and hasattr(value, "url"):  # FieldFile
        return value.name or None
    return value


def snapshot(obj: models.Model, fields: list[str] | None = None) -> dict:
    """The audit-relevant values of ``obj``: the named fields, or all concrete non-m2m fields."""
    if fields is None:
        fields = [f.name for f in obj._meta.concrete_fields if f.name not in ("password",)]
    out = {}
    for name in fields:
        value = getattr(obj, name)
        if hasattr(value, "all") and callable(value.all):  # many-to-many manager
            value = [str(v) for v in value.all()]
        out[name] = _jsonable(value)
    return out


def record(event_type: str, subject: models.Model | None = None, *, actor=None, old: dict | None = None,
           new: dict | None = None, unit=None, subject_repr: str | None = None) -> AuditEvent:
    """Append an audit event. Actor and source address default to the current request's.

    ``event_type`` must be registered (``register_audit_events``); else ``LookupError``.
    """
    if event_type not in _event_types:
        raise LookupError(f"audit event {event_type!r} is not registered: add it to its app's audit_events.py")
    request = current_request.get()
    if actor is None and request is not None and getattr(request, "user", None) is not None:
        if request.user.is_authenticated:
            actor = request.user
    if unit is None and subject is not None:
        unit = getattr(subject, "org_unit", None)
        if unit is None and subject.__class__.__name__ == "OrgUnit":
            unit = subject
    return AuditEvent.objects.create(
        actor=actor if actor is not None and getattr(actor, "pk", None) else None,
        actor_name=getattr(actor, "username", "") or "",
        event_type=event_type,
        subject_type=subject._meta.label_lower if subject is not None else "",
        subject_id=str(subject.pk) if subject is not None and subject.pk is not None else "",
        subject_repr=(subject_repr or (str(subject) if subject is not None else ""))[:255],
        org_unit=unit if getattr(unit, "pk", None) else None,
        old=_jsonable(old) if old is not None else None,
        new=_jsonable(new) if new is not None else None,
        ip=client_ip(request),
    )


def record_read(request, event_type: str, subject: models.Model | None = None, *, subject_repr: str | None = None,
                **details) -> AuditEvent:
    """Record that the signed-in user read something that matters (an export, a download, the audit
    trail): one call in the view, with what was asked for (the query string) and ``details``."""
    query = {key: values if len(values) > 1 else values[0] for key, values in request.GET.lists()}
    return record(event_type, subject, actor=request.user, subject_repr=subject_repr,
                  new={**({"query": query} if query else {}), **details} or None)
