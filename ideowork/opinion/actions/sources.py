"""Sources (信息来源): created, edited, deactivated and reactivated by the unit's monitoring staff;
the feed state and the remembered import mapping are written by the feed poller and the import."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from ideowork.core.access import require_can
from ideowork.core.audit import record, snapshot
from ideowork.core.models import OrgUnit, User
from ideowork.core.permissions import require
from ideowork.core.scoping import can_act_in

from ..choices import SourceKind, SourceLevel
from ..models import Source
from .editing import apply_changes, check_field_names

__all__ = ["SOURCE_FIELDS", "do_create_source", "do_update_source", "do_set_source_active", "do_remember_mapping"]

SOURCE_FIELDS = ["name", "kind", "level", "description", "feed_url", "poll_minutes"]
MIN_POLL, MAX_POLL = 5, 1440


def _check_source(source: Source) -> None:
    errors = {}
    source.name = (source.name or "").strip()
    source.feed_url = (source.feed_url or "").strip()
    source.description = (source.description or "").strip()
    if not source.name:
        errors["name"] = "请填写来源名称。"
    if source.kind not in SourceKind.values:
        errors["kind"] = "请选择接入方式。"
    if source.level not in SourceLevel.values:
        errors["level"] = "请选择来源级别。"
    if source.kind == SourceKind.FEED:
        if not source.feed_url:
            errors["feed_url"] = "RSS/Atom订阅须填写订阅地址。"
        elif not source.feed_url.lower().startswith(("http://", "https://")):
            errors["feed_url"] = "订阅地址应以 http:// 或 https:// 开头。"
    if not MIN_POLL <= int(source.poll_minutes or 0) <= MAX_POLL:
        errors["poll_minutes"] = f"抓取间隔应在{MIN_POLL}到{MAX_POLL}分钟之间。"
    clash = Source.objects.filter(org_unit_id=source.org_unit_id, name=source.name).exclude(pk=source.pk)
    if source.name and clash.exists():
        errors["name"] = "本单位已有同名来源。"
    if errors:
        raise ValidationError(errors)


def do_create_source(user: User, *, org_unit: OrgUnit, name: str, kind: str, level: str, description: str = "",
                     feed_url: str = "", poll_minutes: int = 30) -> Source:
    require(user.is_active and user.has_capability("opinion.monitor"), "您没有管理舆情信息来源的权限。")
    require(can_act_in(user, org_unit), f"您无权为“{org_unit.name}”登记信息来源。")
    source = Source(org_unit=org_unit, name=name, kind=kind, level=level, description=description,
                    feed_url=feed_url, poll_minutes=poll_minutes, created_by=user)
    _check_source(source)
    with transaction.atomic():
        source.save()
        record("opinion.source.create", source, actor=user, new=snapshot(source, SOURCE_FIELDS))
    return source


def do_update_source(user: User, source: Source, **changes) -> Source:
    check_field_names("do_update_source", changes, SOURCE_FIELDS)
    require_can(user, "change", source, "您无权修改该信息来源。")
    with transaction.atomic():
        source = Source.objects.select_for_update(of=("self",)).get(pk=source.pk)
        old, new = apply_changes(source, changes, SOURCE_FIELDS, _check_source)
        if new["feed_url"] != old["feed_url"]:  # a new address starts a new conversation with its server
            source.etag = source.last_modified = source.last_error = ""
            source.failures = 0
        source.save()
        record("opinion.source.update", source, actor=user, old=old, new=new)
    return source


def do_set_source_active(user: User, source: Source, active: bool) -> Source:
    require_can(user, "change", source, "您无权修改该信息来源。")
    with transaction.atomic():
        source = Source.objects.select_for_update(of=("self",)).get(pk=source.pk)
        if source.active != active:
            source.active = active
            source.save(update_fields=["active"])
            record("opinion.source.activate" if active else "opinion.source.deactivate", source, actor=user)
    return source


def do_remember_mapping(user: User, source: Source, mapping: dict[str, str]) -> Source:
    """Keep the import's column mapping on the source, pre-selected for the next file."""
    require_can(user, "change", source, "您无权修改该信息来源。")
    with transaction.atomic():
        source = Source.objects.select_for_update(of=("self",)).get(pk=source.pk)
        if source.column_mapping != mapping:
            old = {"column_mapping": source.column_mapping}
            source.column_mapping = mapping
            source.save(update_fields=["column_mapping"])
            record("opinion.source.update", source, actor=user, old=old, new={"column_mapping": mapping})
    return source
