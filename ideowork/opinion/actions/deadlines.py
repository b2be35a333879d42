"""An organ's handling deadlines by grade (处置时限): set by its own handling staff; until then the
defaults (特别重大 2 hours, 重大 24 hours, 较大 3 days, 一般 7 days) apply."""

from django.core.exceptions import ValidationError
from django.db import transaction

from ideowork.core.audit import record
from ideowork.core.models import OrgUnit, User
from ideowork.core.permissions import require
from ideowork.core.scoping import can_act_in

from ..models import DeadlinePolicy

__all__ = ["policy_for", "do_set_deadlines", "MAX_HOURS"]

MAX_HOURS = 24 * 90


def policy_for(organ: OrgUnit) -> DeadlinePolicy:
    """The organ's policy, or an unsaved one holding the defaults."""
    return DeadlinePolicy.objects.filter(org_unit=organ).first() or DeadlinePolicy(org_unit=organ)


def do_set_deadlines(actor: User, organ: OrgUnit, **hours: int) -> DeadlinePolicy:
    """Set ``organ``'s deadlines (``grave_hours``, ``major_hours``, ``large_hours``, ``general_hours``):
    each from 1 hour to 90 days, a graver grade never given longer than a lighter one."""
    require(organ.is_organ and organ.pk == getattr(actor.scope_root, "pk", None)
            and can_act_in(actor, organ, "opinion.handle"), "只有本单位舆情处置人员可以设置处置时限。")
    fields = list(DeadlinePolicy.FIELDS.values())
    if set(hours) != set(fields):
        raise ValueError(f"do_set_deadlines: give exactly {fields}")
    errors = {name: f"请填写1至{MAX_HOURS}之间的小时数。" for name in fields
              if not isinstance(hours[name], int) or not 1 <= hours[name] <= MAX_HOURS}
    if errors:
        raise ValidationError(errors)
    for graver, lighter in zip(fields, fields[1:]):
        if hours[graver] > hours[lighter]:
            raise ValidationError({graver: "等级越高，处置时限应越短（不长于下一等级）。"})
    with transaction.atomic():
        policy = DeadlinePolicy.objects.select_for_update().filter(org_unit=organ).first()
        old = {name: getattr(policy, name) for name in fields} if policy else None
        policy = policy or DeadlinePolicy(org_unit=organ)
        for name in fields:
            setattr(policy, name, hours[name])
        policy.updated_by = actor
        policy.save()
        record("opinion.deadlines.update", policy, actor=actor, old=old, new=dict(hours))
    return policy
