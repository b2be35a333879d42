"""Setting up warnings: a unit's rules (预警规则), each scheme's recipients (people of the unit and group
robots' webhooks), and the unit's quiet hours.

Who may write: the holders of ``opinion.monitor`` whose scope holds the unit (the policy's ``change``
on ``WarningRule`` and on the scheme). Each change is checked whole (``check_warning_rule``: every
problem in Chinese on its field, nothing saved) and audited.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ideowork.core.access import require_can
from ideowork.core.audit import record, snapshot
from ideowork.core.models import OrgUnit, User
from ideowork.core.permissions import require
from ideowork.core.scoping import can_act_in

from ..choices import Channel, Grade, SourceLevel, WarningKind, WebhookKind
from ..models import Scheme, WarningRecipient, WarningRule, WarningSettings
from ..webhooks import check_webhook_url, mask_webhook_url
from .editing import apply_changes, check_field_names

__all__ = ["RULE_FIELDS", "RULE_KINDS", "can_set_up_warnings", "check_warning_rule", "describe_rule", "do_create_warning_rule",
           "do_update_warning_rule", "do_set_warning_rule_active", "do_delete_warning_rule",
           "may_receive_warnings", "do_add_warning_recipient", "do_remove_warning_recipient",
           "do_update_warning_settings"]

RULE_FIELDS = ["scheme", "name", "kind", "min_grade", "source_levels", "spike_days", "spike_ratio",
               "spike_min_count", "channels", "window_minutes"]
AUDITED = ["org_unit", *RULE_FIELDS, "active"]
RULE_KINDS = [WarningKind.GRADE, WarningKind.NEGATIVE, WarningKind.SPIKE]
MONITOR = "opinion.monitor"


def can_set_up_warnings(user, unit: OrgUnit | None = None) -> bool:
    return can_act_in(user, unit if unit is not None else user.scope_root, MONITOR)


def check_warning_rule(rule: WarningRule) -> None:
    """Check an unsaved state of ``rule``; raise ValidationError with every problem, on its field."""
    errors: dict[str, str] = {}
    rule.name = (rule.name or "").strip()
    if not rule.name:
        errors["name"] = "请填写规则名称。"
    elif len(rule.name) > 100:
        errors["name"] = "规则名称不能超过100个字。"
    elif WarningRule.objects.filter(org_unit=rule.org_unit, name=rule.name).exclude(pk=rule.pk).exists():
        errors["name"] = f"“{rule.org_unit.display_name}”已有名为“{rule.name}”的预警规则。"
    if rule.scheme_id and rule.scheme.org_unit_id != rule.org_unit_id:
        errors["scheme"] = "只能为本单位的监测方案设置预警规则。"
    if rule.kind not in RULE_KINDS:
        errors["kind"] = "请选择预警条件。"
    elif rule.kind == WarningKind.GRADE and rule.min_grade not in Grade.values:
        errors["min_grade"] = "按等级预警须选择最低等级。"
    elif rule.kind == WarningKind.SPIKE:
        if not 1 <= (rule.spike_days or 0) <= 30:
            errors["spike_days"] = "对比天数应在1到30天之间。"
        if not 1 <= (rule.spike_ratio or 0) <= 100:
            errors["spike_ratio"] = "激增倍数应在1到100之间。"
        if not 1 <= (rule.spike_min_count or 0) <= 100000:
            errors["spike_min_count"] = "最少条数应在1到100000之间。"
    rule.source_levels = list(dict.fromkeys(rule.source_levels or []))
    if any(level not in SourceLevel.values for level in rule.source_levels):
        errors["source_levels"] = "来源级别有误。"
    rule.channels = [c for c in Channel.values if c in (rule.channels or [])]
    if not rule.channels:
        errors["channels"] = "请至少选择一个推送渠道。"
    if not 5 <= (rule.window_minutes or 0) <= 1440:
        errors["window_minutes"] = "合并时段应在5到1440分钟之间。"
    if errors:
        raise ValidationError(errors)
    if rule.kind != WarningKind.GRADE:
        rule.min_grade = ""
    if rule.kind != WarningKind.NEGATIVE:
        rule.source_levels = []


def describe_rule(rule: WarningRule) -> str:
    """The rule's condition in a line of Chinese, for the rules page."""
    if rule.kind == WarningKind.GRADE:
        return f"信息等级达到{Grade(rule.min_grade or Grade.GENERAL).label}及以上"
    if rule.kind == WarningKind.NEGATIVE:
        levels = "、".join(SourceLevel(level).label for level in rule.source_levels) or "任意级别"
        return f"{levels}来源的负面信息"
    return (f"一小时命中不少于{rule.spike_min_count}条，且达到前{rule.spike_days}天同一时段平均的"
            f"{rule.spike_ratio:g}倍")


def _duplicate_name(rule: WarningRule) -> ValidationError:
    return ValidationError({"name": f"“{rule.org_unit.display_name}”已有名为“{rule.name}”的预警规则。"})


def do_create_warning_rule(actor: User, *, org_unit: OrgUnit, **fields) -> WarningRule:
    """A rule of ``org_unit`` (a unit of the actor's scope), on one of its schemes or all of them."""
    require(can_set_up_warnings(actor, org_unit), f"您无权为“{org_unit.display_name}”设置预警规则。")
    rule = WarningRule(org_unit=org_unit, created_by=actor, **{k: v for k, v in fields.items() if k in RULE_FIELDS})
    check_warning_rule(rule)
    try:
        with transaction.atomic():
            rule.save()
            record("opinion.warning_rule.create", rule, actor=actor, new=snapshot(rule, AUDITED))
    except IntegrityError:
        raise _duplicate_name(rule) from None
    return rule


def do_update_warning_rule(actor: User, rule: WarningRule, **changes) -> WarningRule:
    check_field_names("do_update_warning_rule", changes, RULE_FIELDS)
    require_can(actor, "change", rule, "您无权修改该预警规则。")
    try:
        with transaction.atomic():
            rule = WarningRule.objects.select_for_update(of=("self",)).select_related("org_unit", "scheme").get(pk=rule.pk)
            old, new = apply_changes(rule, changes, AUDITED, check_warning_rule)
            if new != old:
                rule.save()
                record("opinion.warning_rule.update", rule, actor=actor, old=old, new=new)
    except IntegrityError:
        raise _duplicate_name(rule) from None
    return rule


def do_set_warning_rule_active(actor: User, rule: WarningRule, active: bool) -> WarningRule:
    require_can(actor, "change", rule, "您无权启用或停用该预警规则。")
    with transaction.atomic():
        rule = WarningRule.objects.select_for_update().get(pk=rule.pk)
        if rule.active != bool(active):
            rule.active = bool(active)
            rule.save(update_fields=["active", "updated_at"])
            record("opinion.warning_rule.enable" if active else "opinion.warning_rule.disable", rule, actor=actor,
                   old={"active": not rule.active}, new={"active": rule.active})
    return rule


def do_delete_warning_rule(actor: User, rule: WarningRule) -> None:
    """Delete a rule; the warnings it raised stay (without their rule)."""
    require_can(actor, "change", rule, "您无权删除该预警规则。")
    with transaction.atomic():
        rule = WarningRule.objects.select_for_update(of=("self",)).select_related("org_unit", "scheme").get(pk=rule.pk)
        record("opinion.warning_rule.delete", rule, actor=actor, old=snapshot(rule, AUDITED))
        rule.delete()


def may_receive_warnings(scheme: Scheme):
    """The people who may be named for a scheme's warnings: active people of its unit's subtree who
    monitor or handle opinion there (so that they may open the warning)."""
    people = User.objects.filter(is_active=True, org_unit__path__startswith=scheme.org_unit.path).order_by(
        "org_unit__path", "display_name")
    return [person for person in people
            if any(can_act_in(person, scheme.org_unit, code) for code in ("opinion.handle", MONITOR))]


def do_add_warning_recipient(actor: User, scheme: Scheme, *, user: User | None = None, webhook_kind: str = "",
                             webhook_url: str = "", webhook_secret: str = "", label: str = "") -> WarningRecipient:
    """Name a person, or a group robot's webhook, to receive the scheme's warnings."""
    require_can(actor, "change", scheme, "您无权设置该方案的预警接收人。")
    label, webhook_secret = (label or "").strip(), (webhook_secret or "").strip()
    if user is not None:
        if user not in may_receive_warnings(scheme):
            raise ValidationError({"user": f"{user.display_name}不是本单位负责舆情工作的人员，不能接收该方案的预警。"})
        recipient = WarningRecipient(scheme=scheme, user=user, label=label or user.display_name)
    else:
        errors = {}
        if webhook_kind not in WebhookKind.values:
            errors["webhook_kind"] = "请选择机器人类型。"
        try:
            webhook_url = check_webhook_url(webhook_url)
        except ValueError as exc:
            errors["webhook_url"] = str(exc)
        if len(label) > 100:
            errors["label"] = "名称不能超过100个字。"
        if len(webhook_secret) > 200:
            errors["webhook_secret"] = "加签密钥不能超过200个字符。"
        if errors:
            raise ValidationError(errors)
        recipient = WarningRecipient(scheme=scheme, webhook_kind=webhook_kind, webhook_url=webhook_url,
                                     webhook_secret=webhook_secret, label=label)
    try:
        with transaction.atomic():
            recipient.save()
            record("opinion.warning_recipient.add", scheme, actor=actor, new=_shown(recipient))
    except IntegrityError:
        raise ValidationError({"user": "此人已是该方案的预警接收人。"}) from None
    return recipient


def _shown(recipient: WarningRecipient) -> dict:
    """What the audit keeps of a recipient: never a webhook's token or secret."""
    if recipient.user_id:
        return {"user": recipient.user.display_name}
    return {"webhook": recipient.get_webhook_kind_display(), "url": mask_webhook_url(recipient.webhook_url),
            "label": recipient.label, "signed": bool(recipient.webhook_secret)}


def do_remove_warning_recipient(actor: User, recipient: WarningRecipient) -> None:
    scheme = recipient.scheme
    require_can(actor, "change", scheme, "您无权设置该方案的预警接收人。")
    with transaction.atomic():
        record("opinion.warning_recipient.remove", scheme, actor=actor, old=_shown(recipient))
        recipient.delete()


def do_update_warning_settings(actor: User, unit: OrgUnit, *, quiet_enabled: bool, quiet_start, quiet_end) -> WarningSettings:
    """Set ``unit``'s quiet hours (from ``quiet_start`` to ``quiet_end``, across midnight when the end
    is earlier)."""
    require(can_set_up_warnings(actor, unit), f"您无权设置“{unit.display_name}”的预警静默时段。")
    if quiet_enabled and quiet_start == quiet_end:
        raise ValidationError({"quiet_end": "静默结束时间不能与开始时间相同。"})
    with transaction.atomic():
        current, _ = WarningSettings.objects.select_for_update().get_or_create(org_unit=unit)
        old = snapshot(current, ["quiet_enabled", "quiet_start", "quiet_end"])
        current.quiet_enabled, current.quiet_start, current.quiet_end = bool(quiet_enabled), quiet_start, quiet_end
        current.updated_by = actor
        current.save()
        new = snapshot(current, ["quiet_enabled", "quiet_start", "quiet_end"])
        if new != old:
            record("opinion.warning_settings.update", current, actor=actor, old=old, new=new)
    return current
