"""Writing the audit trail. Every service that changes data calls ``record``.

Example::

    old = snapshot(item, ["title", "text"])
    item.title = title
    item.save()
    record("plans.item.update", item, old=old, new=snapshot(item, ["title", "text"]))
"""

import datetime
import decimal
from typing import Any

from django.db import models

from .context import client_ip, current_request
from .models import AuditEvent

__all__ = ["record", "snapshot"]


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
    """Append an audit event. Actor and source address default to the current request's."""
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
