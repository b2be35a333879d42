"""The audit event of a record saved by a form that both records and edits it (a drill, a meeting)."""

from ideowork.core.audit import record, snapshot
from ideowork.core.models import User

__all__ = ["record_saved"]


def record_saved(actor: User, obj, fields: list[str], event: str, before: dict | None) -> None:
    """``<event>.create`` for a new record (``before`` None), ``<event>.update`` when a field changed.
    Caller is in the transaction, after saving ``obj`` and its many-to-many fields."""
    new = snapshot(obj, fields)
    if before is None:
        record(f"{event}.create", obj, actor=actor, new=new)
    elif new != before:
        record(f"{event}.update", obj, actor=actor, old=before, new=new)
