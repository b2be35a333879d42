"""Checks the response services share: who may record in a unit, who may be named in its records,
and the plain input rules (required text, a date not in the future)."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from ideowork.core.models import OrgUnit, User
from ideowork.core.permissions import require
from ideowork.core.scoping import can_act_in

from .matrix import organ_of

__all__ = ["require_can_record_in", "check_member", "required_text", "check_not_future"]


def require_can_record_in(actor: User, unit: OrgUnit, what: str) -> None:
    require(can_act_in(actor, unit, "risks.manage"), f"您无权在该单位{what}。")


def check_member(unit: OrgUnit, person: User | None, field: str, label: str, *, leader: bool = False) -> None:
    """``person`` works in ``unit``'s organ (and is one of its leaders when ``leader``), else a
    ValidationError on ``field``."""
    if person is None:
        return
    organ = organ_of(unit)
    if not (person.is_active and person.is_business and person.org_unit.organ_id == organ.pk):
        raise ValidationError({field: f"{label}“{person.name}”不是{organ.display_name}的在职人员。"})
    if leader and not person.is_leader:
        raise ValidationError({field: f"{label}须由{organ.display_name}的第一责任人或直接责任人担任。"})


def required_text(value: str, field: str, message: str, *, limit: int | None = None) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    if limit is not None and len(value) > limit:
        raise ValidationError({field: f"不超过{limit}字。"})
    return value


def check_not_future(value: date | datetime | None, field: str, label: str):
    """A date not after today, or a moment not after now; else a ValidationError on ``field``."""
    if value is None:
        raise ValidationError({field: f"请填写{label}。"})
    moment = isinstance(value, datetime)
    if value > (timezone.now() if moment else timezone.localdate()):
        raise ValidationError({field: f"{label}不能晚于{'现在' if moment else '今天'}。"})
    return value
