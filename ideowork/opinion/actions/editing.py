"""What the services that edit opinion's set-up records (sources, schemes, warning rules) share: a
change of named fields, checked and snapshotted for the audit event the service writes."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ideowork.core.audit import snapshot

__all__ = ["check_field_names", "apply_changes"]


def check_field_names(service: str, changes: dict, fields: Iterable[str]) -> None:
    """A programming error, not the user's: ``service`` was asked to change a field it does not edit."""
    unknown = set(changes) - set(fields)
    if unknown:
        raise TypeError(f"{service}: not an editable field: {', '.join(sorted(unknown))}")


def apply_changes(obj, changes: dict, audited: Iterable[str], check: Callable[[object], None]) -> tuple[dict, dict]:
    """Set ``changes`` on ``obj`` (locked by the caller) and ``check`` it (raising ``ValidationError``);
    the ``audited`` fields before and after."""
    old = snapshot(obj, audited)
    for name, value in changes.items():
        setattr(obj, name, value)
    check(obj)
    return old, snapshot(obj, audited)
