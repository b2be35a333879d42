"""The outlet register: outlets, their updates and flags (inspections: ``outlet_inspections``).

Who may write: the publicity staff (``user.has_capability("outlets.publish")``) of the outlet's organ or of an organ
above it. An update moves ``last_updated_on`` forward: a published content item through
``note_outlet_update``, a refreshed board or honour room through ``do_record_outlet_update``, which
also records it in the ledger (one activity per update, its source the outlet). An inspection is a ledger
activity too ("outlet_inspection:<inspection pk>"); one that finds problems puts the outlet under
rectification (整改中) until every problem found is rectified.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ideowork.core.access import require_can
from ideowork.core.audit import record, snapshot
from ideowork.core.models import OrgUnit, ReviewFlow, User
from ideowork.core.notify import notify
from ideowork.core.permissions import require
from ideowork.core.scoping import can_act_in
from ideowork.ledger.actions import do_record_source_activity
from ideowork.ledger.actions.checks import EARLIEST_DATE
from ideowork.ledger.models import Activity
from ideowork.plans.models import PlanItem

from ..choices import InspectionResult, OutletActivityKind, OutletKind, OutletStatus, UpdateFrequency
from ..models import Outlet
from ..upkeep import dormant_after, due_on

__all__ = ["do_create_outlet", "do_update_outlet", "do_close_outlet", "do_reopen_outlet",
           "note_outlet_update",
           "do_record_outlet_update", "update_kind", "do_flag_outlet", "do_unflag_outlet",
           "do_flag_dormant_outlets", "open_rectifications", "outlet_url", "outlet_state", "set_outlet_status",
           "check_day",
           "OUTLET_FIELDS", "FLAG_STATUSES", "AUTO_DORMANT_REASON"]

OUTLET_FIELDS = ["org_unit", "name", "kind", "account", "responsible", "frequency_days", "last_updated_on",
                 "review_flow", "item", "description"]
AUDITED_FIELDS = [*OUTLET_FIELDS, "status", "flag_reason"]
# Outlets that are refreshed rather than posted to; their update counts as 阵地更新.
REFRESHED_KINDS = {OutletKind.BOARD, OutletKind.HONOUR_ROOM}
FLAG_STATUSES = {OutletStatus.DORMANT, OutletStatus.RECTIFYING}
AUTO_DORMANT_REASON = "长期未更新"


# --- who may do what -------------------------------------------------------------------------------
def outlet_url(outlet: Outlet) -> str:
    return reverse("outlets:outlet_detail", args=[outlet.pk])


def check_day(day: date | None, field: str, label: str) -> None:
    if day is None:
        raise ValidationError({field: f"请填写{label}。"})
    today = timezone.localdate()
    if not EARLIEST_DATE <= day <= today:
        raise ValidationError({field: f"{label}须在{EARLIEST_DATE:%Y年%m月%d日}至今天（{today:%Y年%m月%d日}）之间。"})


def open_rectifications(outlet: Outlet):
    return outlet.inspections.exclude(result=InspectionResult.PASSED).filter(rectified_on__isnull=True)


# --- the register ----------------------------------------------------------------------------------
def _check_outlet(user: User, outlet: Outlet) -> None:
    """Check an unsaved state of ``outlet``; raise ValidationError with every problem found."""
    unit = outlet.org_unit
    errors = {}
    outlet.name = outlet.name.strip()
    if not outlet.name:
        errors["name"] = "请填写阵地名称。"
    elif Outlet.objects.filter(org_unit=unit, name=outlet.name).exclude(pk=outlet.pk).exists():
        errors["name"] = f"“{unit.display_name}”已有名为“{outlet.name}”的阵地。"
    if outlet.kind not in OutletKind.values:
        errors["kind"] = "请选择阵地类型。"
    if outlet.frequency_days not in UpdateFrequency.values:
        errors["frequency_days"] = "请选择更新频次要求。"
    person = outlet.responsible
    if person is None:
        errors["responsible"] = "请指定责任人。"
    elif not (person.is_active and person.is_business and person.org_unit_id
              and person.org_unit.organ_id == unit.organ_id):
        errors["responsible"] = f"责任人须为“{unit.organ.display_name}”的在职业务人员，“{person.name}”不符合。"
    if outlet.review_flow is not None and outlet.review_flow.org_unit.organ_id != unit.organ_id:
        errors["review_flow"] = f"审核流程须为“{unit.organ.display_name}”的流程。"
    if outlet.item is not None:
        if not PlanItem.objects.visible_to(user).filter(pk=outlet.item_id).exists():
            errors["item"] = "您无权使用该工作要点条目。"
        elif not unit.is_within(outlet.item.plan.org_unit):
            errors["item"] = f"该要点不属于“{unit.display_name}”的工作要点。"
    if outlet.last_updated_on is not None and outlet.last_updated_on > timezone.localdate():
        errors["last_updated_on"] = "最近更新日期不能晚于今天。"
    if errors:
        raise ValidationError(errors)


def do_create_outlet(user: User, *, org_unit: OrgUnit, name: str, kind: str, responsible: User | None,
                     frequency_days: int = UpdateFrequency.MONTHLY, account: str = "",
                     last_updated_on: date | None = None, review_flow: ReviewFlow | None = None,
                     item: PlanItem | None = None, description: str = "") -> Outlet:
    """Register an outlet of ``org_unit`` (a unit within the user's scope)."""
    require(user.is_active and user.has_capability("outlets.publish"), "您没有管理宣传阵地的权限。")
    require(can_act_in(user, org_unit), f"您无权为“{org_unit.name}”登记宣传阵地。")
    outlet = Outlet(org_unit=org_unit, name=name, kind=kind, responsible=responsible,
                    frequency_days=int(frequency_days or 0), account=account.strip(),
                    last_updated_on=last_updated_on, review_flow=review_flow, item=item,
                    description=description.strip())
    _check_outlet(user, outlet)
    with transaction.atomic():
        outlet.save()
        record("outlets.outlet.create", outlet, actor=user, new=snapshot(outlet, AUDITED_FIELDS))
        if responsible.pk != user.pk:
            notify(responsible, f"您已被指定为“{outlet.name}”的责任人", url=outlet_url(outlet),
                   body=f"{outlet.get_kind_display()}，更新频次要求：{outlet.get_frequency_days_display()}。")
    return outlet


def do_update_outlet(user: User, outlet: Outlet, **changes) -> Outlet:
    """Change an outlet's register entry; ``changes`` are fields of ``OUTLET_FIELDS``.

    ``last_updated_on`` set here corrects the register (e.g. an update made before the outlet was
    registered); it never clears a flag, which only an update, rectification or unflagging does.
    """
    unknown = set(changes) - set(OUTLET_FIELDS)
    if unknown:
        raise TypeError(f"do_update_outlet() cannot change {', '.join(sorted(unknown))}")
    require_can(user, "change", outlet, "您无权修改该宣传阵地。")
    with transaction.atomic():
        outlet = Outlet.objects.select_for_update().get(pk=outlet.pk)
        if outlet.status == OutletStatus.CLOSED:
            raise ValidationError("该阵地已关停，不能修改。")
        old = snapshot(outlet, AUDITED_FIELDS)
        old_responsible = outlet.responsible_id
        for name, value in changes.items():
            setattr(outlet, name, value.strip() if isinstance(value, str) else value)
        if "org_unit" in changes:
            require(can_act_in(user, outlet.org_unit), f"您无权将阵地划归“{outlet.org_unit.name}”。")
        outlet.frequency_days = int(outlet.frequency_days or 0)
        _check_outlet(user, outlet)
        outlet.save()
        new = snapshot(outlet, AUDITED_FIELDS)
        if new != old:
            record("outlets.outlet.update", outlet, actor=user, old=old, new=new)
        if outlet.responsible_id != old_responsible and outlet.responsible_id != user.pk:
            notify(outlet.responsible, f"您已被指定为“{outlet.name}”的责任人", url=outlet_url(outlet),
                   body=f"{outlet.get_kind_display()}，更新频次要求：{outlet.get_frequency_days_display()}。")
    return outlet


def do_close_outlet(user: User, outlet: Outlet, *, reason: str) -> Outlet:
    """Close (关停) an outlet: it leaves the reminders and the register's figures; its history stays."""
    require_can(user, "change", outlet, "您无权关停该宣传阵地。")
    if not reason.strip():
        raise ValidationError({"reason": "请填写关停原因。"})
    with transaction.atomic():
        outlet = Outlet.objects.select_for_update().get(pk=outlet.pk)
        if outlet.status == OutletStatus.CLOSED:
            raise ValidationError("该阵地已关停。")
        set_outlet_status(outlet, OutletStatus.CLOSED, reason.strip(), "close", actor=user)
    return outlet


def do_reopen_outlet(user: User, outlet: Outlet, *, reason: str) -> Outlet:
    """Reopen (恢复运行) a closed outlet, e.g. an account closed by mistake or restored.

    It runs normally again: the reminders count from its last recorded update, so one not updated
    for long is flagged 长期未更新 by the next daily check. The responsible person is told.
    """
    require_can(user, "change", outlet, "您无权恢复该宣传阵地。")
    if not reason.strip():
        raise ValidationError({"reason": "请填写恢复运行的原因。"})
    with transaction.atomic():
        outlet = Outlet.objects.select_for_update().select_related("responsible").get(pk=outlet.pk)
        if outlet.status != OutletStatus.CLOSED:
            raise ValidationError("该阵地未关停，无需恢复。")
        set_outlet_status(outlet, OutletStatus.NORMAL, "", "reopen", actor=user,
                          reason=reason.strip()[:300])
        if outlet.responsible_id and outlet.responsible_id != user.pk:
            notify(outlet.responsible, f"阵地已恢复运行：{outlet.name}", url=outlet_url(outlet),
                   body=f"原因：{reason.strip()[:300]}。请按更新频次（{outlet.get_frequency_days_display()}）及时更新。")
    return outlet


# --- updates ---------------------------------------------------------------------------------------
def outlet_state(outlet: Outlet) -> dict:
    return {"last_updated_on": outlet.last_updated_on, "status": outlet.status, "flag_reason": outlet.flag_reason}


def set_outlet_status(outlet: Outlet, status: str, flag_reason: str, action: str, /, *, actor: User | None,
                      **noted) -> None:
    """Set the outlet's status and flag reason (cut to 300 characters) and audit the change as
    ``outlets.outlet.<action>``,
    with ``noted`` beside the new state. The caller holds the outlet's row lock."""
    old = outlet_state(outlet)
    outlet.status, outlet.flag_reason = status, flag_reason[:300]
    outlet.save(update_fields=["status", "flag_reason"])
    record(f"outlets.outlet.{action}", outlet, actor=actor, old=old, new={**outlet_state(outlet), **noted})


def note_outlet_update(outlet: Outlet, day: date, *, actor: User | None = None) -> None:
    """The outlet was updated on ``day``: move its last update forward (never back).

    A dormant flag (长期未更新) is cleared, an update being what the outlet lacked; a rectification
    after an inspection stays until it is completed. Called by the services that publish to an
    outlet, inside their transaction, after they checked the permission; the audit event names
    ``actor``, else the user of the current request.
    """
    with transaction.atomic():
        locked = Outlet.objects.select_for_update().get(pk=outlet.pk)
        old = outlet_state(locked)
        if locked.last_updated_on is None or day > locked.last_updated_on:
            locked.last_updated_on = day
        if locked.status == OutletStatus.DORMANT:
            locked.status, locked.flag_reason = OutletStatus.NORMAL, ""
        new = outlet_state(locked)
        if new != old:
            locked.save(update_fields=["last_updated_on", "status", "flag_reason"])
            record("outlets.outlet.mark_updated", locked, actor=actor, old=old, new=new)
    outlet.last_updated_on, outlet.status, outlet.flag_reason = (locked.last_updated_on, locked.status,
                                                                 locked.flag_reason)


def update_kind(outlet: Outlet) -> str:
    """The ledger kind of a recorded update of ``outlet``."""
    if outlet.kind in REFRESHED_KINDS:
        return OutletActivityKind.BOARD_UPDATE
    if outlet.kind == OutletKind.BRIEFING:
        return OutletActivityKind.BRIEFING
    return OutletActivityKind.PUBLICATION


def do_record_outlet_update(user: User, outlet: Outlet, *, date: date, summary: str,
                            evidence_files=()) -> Activity:
    """Record that an outlet was refreshed (a board's new display, a notice in the work group).

    The update is a ledger activity counting toward the targets the ledger suggests for it, with the
    photos as evidence; the outlet's last update moves forward and a dormant flag is cleared.
    """
    require_can(user, "change", outlet, "您无权为该宣传阵地登记更新。")
    if outlet.status == OutletStatus.CLOSED:
        raise ValidationError("该阵地已关停，不能登记更新。")
    check_day(date, "date", "更新日期")
    if not summary.strip():
        raise ValidationError({"summary": "请填写更新内容。"})
    kind = update_kind(outlet)
    with transaction.atomic():
        activity = do_record_source_activity(
            user, source=outlet, kind=kind, title=f"{outlet.name}内容更新", date=date,
            place=outlet.account, summary=summary, item=outlet.item, evidence_files=evidence_files)
        record("outlets.outlet.record_update", outlet, actor=user,
               new={"date": date, "summary": summary.strip(), "activity": activity.pk})
        note_outlet_update(outlet, date, actor=user)
    return activity


# --- flags -----------------------------------------------------------------------------------------
def do_flag_outlet(user: User, outlet: Outlet, *, reason: str, status: str = OutletStatus.RECTIFYING) -> Outlet:
    """Flag an outlet for rectification by hand (政务新媒体专项整治: a dormant or non-compliant account)."""
    require_can(user, "change", outlet, "您无权标记该宣传阵地。")
    if status not in FLAG_STATUSES:
        raise ValidationError({"status": "请选择“长期未更新”或“整改中”。"})
    if not reason.strip():
        raise ValidationError({"reason": "请填写标记原因。"})
    with transaction.atomic():
        locked = Outlet.objects.select_for_update().get(pk=outlet.pk)
        if locked.status == OutletStatus.CLOSED:
            raise ValidationError("该阵地已关停，无需标记。")
        set_outlet_status(locked, status, reason.strip(), "flag", actor=user)
        notify(locked.responsible, f"阵地已标记为{locked.get_status_display()}：{locked.name}", kind="warning",
               url=outlet_url(locked), body=f"原因：{locked.flag_reason}。请及时整改。")
    return locked


def do_unflag_outlet(user: User, outlet: Outlet, *, note: str = "") -> Outlet:
    """Lift a flag; refused while an inspection's problems are not rectified."""
    require_can(user, "change", outlet, "您无权解除该宣传阵地的标记。")
    with transaction.atomic():
        locked = Outlet.objects.select_for_update().get(pk=outlet.pk)
        if locked.status not in FLAG_STATUSES:
            raise ValidationError("该阵地未被标记，无需解除。")
        if open_rectifications(locked).exists():
            raise ValidationError("该阵地尚有检查发现的问题未整改完成，请先登记整改情况。")
        set_outlet_status(locked, OutletStatus.NORMAL, "", "unflag", actor=user, note=note.strip())
    return locked


def do_flag_dormant_outlets(today: date) -> list[Outlet]:
    """The daily job: flag 长期未更新 every running outlet overdue by more than ``dormant_after``.

    Run by the task queue, not by a person: the audit events carry no actor. Outlets under
    rectification keep that flag.
    """
    flagged = []
    for outlet in Outlet.objects.filter(status=OutletStatus.NORMAL).select_related("responsible"):
        due = due_on(outlet)
        if today - due <= dormant_after(outlet):
            continue
        with transaction.atomic():
            locked = Outlet.objects.select_for_update().get(pk=outlet.pk)
            if locked.status != OutletStatus.NORMAL or locked.last_updated_on != outlet.last_updated_on:
                continue  # changed meanwhile
            since = (f"自{locked.last_updated_on:%Y年%m月%d日}起未更新" if locked.last_updated_on
                     else "登记后从未更新")
            reason = f"{AUTO_DORMANT_REASON}：{since}，已超过更新频次（{locked.get_frequency_days_display()}）两倍以上"
            set_outlet_status(locked, OutletStatus.DORMANT, reason, "flag_dormant", actor=None)
            notify(locked.responsible, f"阵地已标记为长期未更新：{locked.name}", kind="warning", url=outlet_url(locked),
                   body=f"{locked.flag_reason}。请尽快更新，更新后标记自动解除。",
                   dedup_key=f"outlet_dormant:{locked.pk}:{due.isoformat()}")
        flagged.append(locked)
    return flagged
