"""Changes to the organisation tree (系统管理员 only)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from ..audit import record, snapshot
from ..models import OrgUnit
from ..organ_setup import do_setup_organ
from ..permissions import require

__all__ = ["ORG_AUDIT_FIELDS", "do_create_org_unit", "do_update_org_unit", "do_deactivate_org_unit",
           "do_reactivate_org_unit"]

ORG_AUDIT_FIELDS = ["name", "short_name", "kind", "parent", "code", "sort_order", "is_active"]
EDITABLE_FIELDS = ["name", "short_name", "kind", "parent", "code", "sort_order"]
NOT_SYSADMIN = "只有系统管理员可以维护组织机构。"


def _check_parent(unit: OrgUnit | None, parent: OrgUnit | None) -> None:
    """Refuse a new parent that would make the tree a cycle or hang a unit under a disabled one."""
    if parent is None:
        return
    if unit is not None and unit.pk is not None:
        if parent.pk == unit.pk:
            raise ValidationError({"parent": "上级单位不能是本单位。"})
        if parent.is_within(unit):
            raise ValidationError({"parent": f"不能将“{unit.name}”移动到其下级单位“{parent.name}”之下。"})
    if not parent.is_active:
        raise ValidationError({"parent": f"上级单位“{parent.name}”已停用。"})


def _check_unique(unit: OrgUnit, fields: dict) -> None:
    siblings = OrgUnit.objects.filter(parent=fields["parent"], name=fields["name"]).exclude(pk=unit.pk)
    if siblings.exists():
        raise ValidationError({"name": "同一上级单位下已有同名单位。"})
    code = fields.get("code") or ""
    if code and OrgUnit.objects.filter(code=code).exclude(pk=unit.pk).exists():
        raise ValidationError({"code": f"单位代码“{code}”已被其他单位使用。"})


def _refresh_subtree(unit: OrgUnit) -> None:
    """Recompute ``organ`` below ``unit`` after its kind changed (the path did not, so save() won't)."""
    for child in OrgUnit.objects.subtree(unit).exclude(pk=unit.pk).order_by("depth", "pk"):
        child.save()


def do_create_org_unit(actor, **fields) -> OrgUnit:
    """Create a unit; a new organ or county bureau gets every area's working defaults (``organ_setup``)."""
    require(actor.is_sysadmin, NOT_SYSADMIN)
    unit = OrgUnit(**{k: fields.get(k) for k in EDITABLE_FIELDS if k in fields})
    unit.code = unit.code or ""
    unit.short_name = unit.short_name or ""
    _check_parent(None, unit.parent)
    with transaction.atomic():
        _check_unique(unit, {"parent": unit.parent, "name": unit.name, "code": unit.code})
        unit.save()
        record("core.org.create", unit, actor=actor, new=snapshot(unit, ORG_AUDIT_FIELDS))
        if unit.is_organ:
            do_setup_organ(actor, unit)
    return unit


def do_update_org_unit(actor, unit: OrgUnit, **fields) -> OrgUnit:
    """Change a unit's attributes or move it; moving it under its own subtree is refused."""
    require(actor.is_sysadmin, NOT_SYSADMIN)
    with transaction.atomic():
        unit = OrgUnit.objects.select_for_update().get(pk=unit.pk)
        old = snapshot(unit, ORG_AUDIT_FIELDS)
        new_fields = {k: fields.get(k, getattr(unit, k)) for k in EDITABLE_FIELDS}
        new_fields["code"] = new_fields["code"] or ""
        new_fields["short_name"] = new_fields["short_name"] or ""
        parent = new_fields["parent"]
        if parent is not None and parent.pk != unit.parent_id:
            _check_parent(unit, parent)
        _check_unique(unit, new_fields)
        kind_changed = new_fields["kind"] != unit.kind
        for name, value in new_fields.items():
            setattr(unit, name, value)
        unit.save()
        if kind_changed:
            _refresh_subtree(unit)
        new = snapshot(unit, ORG_AUDIT_FIELDS)
        if new != old:
            event = "core.org.move" if old["parent"] != new["parent"] else "core.org.update"
            record(event, unit, actor=actor, old=old, new=new)
        if kind_changed and unit.is_organ and unit.is_active:
            do_setup_organ(actor, unit)  # a section made an organ works like a new one
    return unit


def do_deactivate_org_unit(actor, unit: OrgUnit) -> OrgUnit:
    """Disable a unit; refused while it has active members or active sub-units."""
    require(actor.is_sysadmin, NOT_SYSADMIN)
    with transaction.atomic():
        unit = OrgUnit.objects.select_for_update().get(pk=unit.pk)
        if not unit.is_active:
            return unit
        members = unit.members.filter(is_active=True).count()
        if members:
            raise ValidationError(f"“{unit.name}”还有{members}名启用的用户，请先调整或停用这些用户后再停用该单位。")
        children = unit.children.filter(is_active=True).count()
        if children:
            raise ValidationError(f"“{unit.name}”还有{children}个启用的下级单位，请先停用下级单位。")
        unit.is_active = False
        unit.save(update_fields=["is_active"])
        record("core.org.deactivate", unit, actor=actor, old={"is_active": True}, new={"is_active": False})
    return unit


def do_reactivate_org_unit(actor, unit: OrgUnit) -> OrgUnit:
    require(actor.is_sysadmin, NOT_SYSADMIN)
    with transaction.atomic():
        unit = OrgUnit.objects.select_for_update().get(pk=unit.pk)
        if unit.is_active:
            return unit
        if unit.parent_id and not unit.parent.is_active:
            raise ValidationError(f"上级单位“{unit.parent.name}”已停用，请先启用上级单位。")
        unit.is_active = True
        unit.save(update_fields=["is_active"])
        record("core.org.reactivate", unit, actor=actor, old={"is_active": False}, new={"is_active": True})
    return unit
