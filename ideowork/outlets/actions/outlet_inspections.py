"""Inspections of outlets (阵地检查) and the rectification of what they find (整改).

An inspection is a ledger activity (kind 检查, ``do_sync_activity``). One that finds
problems puts the outlet under rectification (整改中) and tells its responsible person; the outlet
is back to normal once the staff have recorded every problem as rectified.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from ideowork.core.access import require_can
from ideowork.core.audit import record, snapshot
from ideowork.core.models import User
from ideowork.core.notify import notify
from ideowork.ledger.actions import do_sync_activity, do_update_activity
from ideowork.ledger.choices import ActivityKind

from ..choices import InspectionResult, OutletStatus
from ..models import Outlet, OutletInspection
from .outlets import check_day, open_rectifications, outlet_url, set_outlet_status

__all__ = ["do_record_inspection", "do_complete_rectification", "INSPECTION_FIELDS"]

INSPECTION_FIELDS = ["date", "result", "findings", "rectification", "rectify_by", "rectified_on",
                     "rectification_note"]


def _inspection_summary(inspection: OutletInspection) -> str:
    lines = [f"检查结论：{inspection.get_result_display()}"]
    if inspection.findings:
        lines += ["发现问题：", inspection.findings]
    if inspection.rectification:
        lines += ["整改要求：", inspection.rectification]
    if inspection.rectify_by:
        lines.append(f"整改期限：{inspection.rectify_by:%Y年%m月%d日}")
    if inspection.rectified_on:
        lines += [f"整改完成：{inspection.rectified_on:%Y年%m月%d日}", inspection.rectification_note]
    return "\n".join(lines)


def do_record_inspection(user: User, outlet: Outlet, *, date: date, result: str, findings: str = "",
                         rectification: str = "", rectify_by: date | None = None) -> OutletInspection:
    """Record an inspection of ``outlet`` and its ledger activity (kind 检查).

    An inspection that finds problems needs the problems, what is to be done and by when; the outlet
    is then under rectification (整改中) and its responsible person is told.
    """
    require_can(user, "inspect", outlet, "您无权检查该宣传阵地。")
    if outlet.status == OutletStatus.CLOSED:
        raise ValidationError("该阵地已关停，不能登记检查。")
    check_day(date, "date", "检查日期")
    findings, rectification = findings.strip(), rectification.strip()
    errors = {}
    if result not in InspectionResult.values:
        errors["result"] = "请选择检查结论。"
    elif result != InspectionResult.PASSED:
        if not findings:
            errors["findings"] = "请填写发现的问题。"
        if not rectification:
            errors["rectification"] = "请填写整改要求。"
        if rectify_by is None:
            errors["rectify_by"] = "请填写整改期限。"
        elif rectify_by < date:
            errors["rectify_by"] = "整改期限不能早于检查日期。"
    if errors:
        raise ValidationError(errors)
    passed = result == InspectionResult.PASSED
    with transaction.atomic():
        inspection = OutletInspection.objects.create(
            outlet=outlet, date=date, inspector=user, result=result, findings=findings,
            rectification="" if passed else rectification, rectify_by=None if passed else rectify_by,
            created_by=user)
        inspection.activity = do_sync_activity(
            user, source=inspection, org_unit=outlet.org_unit, kind=ActivityKind.INSPECTION,
            title=f"{outlet.name}检查", date=date, place=outlet.account, host=user.name,
            summary=_inspection_summary(inspection), item=outlet.item)
        record("outlets.inspection.create", outlet, actor=user,
               new={"inspection": inspection.pk, **snapshot(inspection, INSPECTION_FIELDS)})
        if not passed:
            locked = Outlet.objects.select_for_update().get(pk=outlet.pk)
            set_outlet_status(locked, OutletStatus.RECTIFYING, f"{date:%Y年%m月%d日}检查发现问题：{findings}",
                              "flag", actor=user)
            outlet.status, outlet.flag_reason = locked.status, locked.flag_reason
            notify(outlet.responsible, f"阵地整改通知：{outlet.name}", url=outlet_url(outlet), kind="warning",
                   body=f"{date:%m月%d日}检查发现问题：{findings}\n整改要求：{rectification}\n"
                        f"请于{rectify_by:%Y年%m月%d日}前完成整改。",
                   dedup_key=f"outlet_inspection:{inspection.pk}")
    return inspection


def do_complete_rectification(user: User, inspection: OutletInspection, *, rectified_on: date,
                              note: str) -> OutletInspection:
    """Record that the problems an inspection found were rectified (整改完成, confirmed by the staff).

    The outlet returns to normal when no other rectification is open.
    """
    outlet = inspection.outlet
    require_can(user, "change", outlet, "您无权登记该阵地的整改情况。")
    check_day(rectified_on, "rectified_on", "整改完成日期")
    if not note.strip():
        raise ValidationError({"note": "请填写整改情况。"})
    with transaction.atomic():
        inspection = OutletInspection.objects.select_for_update().get(pk=inspection.pk)
        if inspection.result == InspectionResult.PASSED:
            raise ValidationError("该次检查未发现问题，无需整改。")
        if inspection.rectified_on is not None:
            raise ValidationError("该次检查的整改已登记完成。")
        if rectified_on < inspection.date:
            raise ValidationError({"rectified_on": "整改完成日期不能早于检查日期。"})
        old = snapshot(inspection, INSPECTION_FIELDS)
        inspection.rectified_on, inspection.rectification_note = rectified_on, note.strip()
        inspection.save(update_fields=["rectified_on", "rectification_note"])
        record("outlets.inspection.rectify", outlet, actor=user, old={"inspection": inspection.pk, **old},
               new={"inspection": inspection.pk, **snapshot(inspection, INSPECTION_FIELDS)})
        if inspection.activity_id:
            do_update_activity(user, inspection.activity, summary=_inspection_summary(inspection))
        locked = Outlet.objects.select_for_update().get(pk=outlet.pk)
        if locked.status == OutletStatus.RECTIFYING and not open_rectifications(locked).exists():
            set_outlet_status(locked, OutletStatus.NORMAL, "", "unflag", actor=user)
        inspection.outlet = locked
        if locked.responsible_id != user.pk:
            notify(locked.responsible, f"整改已完成：{locked.name}", url=outlet_url(locked),
                   body=f"{inspection.date:%m月%d日}检查发现的问题已于{rectified_on:%m月%d日}整改完成。")
    return inspection
