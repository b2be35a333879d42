"""Linking a record of the risks area to the record it came from, and finding that record back for a
reader — through the source's own scoping (``visible_to``), so a link never shows what the reader may
not see. Risks names no model of the areas that call it: the link is a content type and an id."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from ideowork.core.access import require_can

__all__ = ["source_fields", "check_source", "source_of", "SourceLink"]


@dataclass(frozen=True)
class SourceLink:
    kind: str  # the source model's verbose name: 舆情事件, 排查报送 …
    text: str
    url: str


def source_fields(record) -> dict:
    """The ``source_type``/``source_id`` values that point at ``record`` (none for no record)."""
    if record is None:
        return {"source_type": None, "source_id": None}
    return {"source_type": ContentType.objects.get_for_model(record), "source_id": record.pk}


def check_source(actor, record) -> None:
    """Refuse a source record ``actor`` may not view (nothing to check for none)."""
    if record is not None:
        require_can(actor, "view", record, "您无权查看该来源记录，不能据此登记。")


def source_of(user, obj) -> SourceLink | None:
    """A link to the record ``obj`` came from, when ``user`` may see it; else None (no link shown)."""
    if obj.source_type_id is None:
        return None
    model = ContentType.objects.get_for_id(obj.source_type_id).model_class()
    if model is None or not hasattr(model._default_manager, "visible_to"):
        return None
    record = model._default_manager.visible_to(user).filter(pk=obj.source_id).first()
    if record is None:
        return None
    return SourceLink(str(model._meta.verbose_name), str(record), record.get_absolute_url())
