"""Emergency plans and their versions: writing a plan, revising it, sending a version to 签批, and the
approved version becoming the one people see."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from ideowork.core.access import require_can
from ideowork.core.actions.reviews import do_submit_for_review, is_locked
from ideowork.core.audit import record, snapshot
from ideowork.core.models import OrgUnit, User

from ..models import EmergencyPlan, PlanVersion
from .members import require_can_record_in, required_text

__all__ = ["do_create_plan", "do_revise_plan", "do_update_version", "do_submit_version", "approve_version",
           "refuse_version", "draft_of", "VERSION_FIELDS"]

VERSION_FIELDS = ["number", "command", "contacts", "levels", "procedures", "change_note"]


def _content(command: str, contacts: list[dict], levels: list[dict], procedures: str, change_note: str) -> dict:
    """The version's content, checked: each contact a role and a name, at least one response level."""
    command = required_text(command, "command", "请填写指挥机构与职责。")
    procedures = required_text(procedures, "procedures", "请填写处置流程。")
    if not levels:
        raise ValidationError({"levels": "请至少设置一个响应级别。"})
    names = [level.get("name", "").strip() for level in levels]
    if not all(names) or any(len(name) > 40 for name in names):
        raise ValidationError({"levels": "每个响应级别须有名称（不超过40字）。"})
    if len(set(names)) != len(names):
        raise ValidationError({"levels": "响应级别名称不能重复。"})
    if not contacts:
        raise ValidationError({"contacts": "请至少填写一位联系人。"})
    if not all(contact.get("role", "").strip() and contact.get("name", "").strip() for contact in contacts):
        raise ValidationError({"contacts": "每位联系人须写明职务和姓名。"})
    return {"command": command, "contacts": contacts, "levels": levels, "procedures": procedures,
            "change_note": (change_note or "").strip()[:300]}


def draft_of(plan: EmergencyPlan) -> PlanVersion | None:
    """The plan's version being written (not yet approved), if any."""
    return plan.versions.filter(approved_at__isnull=True).order_by("-number").first()


def do_create_plan(actor: User, *, org_unit: OrgUnit, title: str, scope: str = "", command: str,
                   contacts: list[dict], levels: list[dict], procedures: str) -> EmergencyPlan:
    """Write a plan: its first version, a draft until approved."""
    require_can_record_in(actor, org_unit, "制定应急预案")
    title = required_text(title, "title", "请填写预案名称。", limit=200)
    content = _content(command, contacts, levels, procedures, "首次制定")
    with transaction.atomic():
        plan = EmergencyPlan.objects.create(org_unit=org_unit, title=title, scope=(scope or "").strip(),
                                            created_by=actor)
        version = PlanVersion.objects.create(plan=plan, number=1, created_by=actor, **content)
        record("risks.plan.create", plan, actor=actor, new={"title": title, **snapshot(version, VERSION_FIELDS)})
    return plan


def do_revise_plan(actor: User, plan: EmergencyPlan, *, command: str, contacts: list[dict], levels: list[dict],
                   procedures: str, change_note: str) -> PlanVersion:
    """Start a revision (修订): a new draft version. One draft at a time; the current version stays
    in force until the revision is approved."""
    require_can(actor, "change", plan, "您无权修订该预案。")
    change_note = required_text(change_note, "change_note", "请写明修订说明。", limit=300)
    content = _content(command, contacts, levels, procedures, change_note)
    with transaction.atomic():
        plan = EmergencyPlan.objects.select_for_update().get(pk=plan.pk)
        if draft_of(plan) is not None:
            raise ValidationError("该预案已有待批准的修订稿，请在修订稿上修改。")
        number = (plan.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = PlanVersion.objects.create(plan=plan, number=number, created_by=actor, **content)
        record("risks.plan.revise", version, actor=actor, new=snapshot(version, VERSION_FIELDS))
    return version


def do_update_version(actor: User, version: PlanVersion, *, command: str, contacts: list[dict], levels: list[dict],
                      procedures: str, change_note: str = "") -> PlanVersion:
    """Change a draft version (not an approved one, not while it is under review)."""
    require_can(actor, "change", version, "您无权修改该预案。")
    content = _content(command, contacts, levels, procedures, change_note or version.change_note)
    with transaction.atomic():
        version = PlanVersion.objects.select_for_update().select_related("plan").get(pk=version.pk)
        if version.is_approved:
            raise ValidationError("已批准的版本不能修改，请修订出新版本。")
        if is_locked(version):
            raise ValidationError("该版本正在审批中，审核结束或退回后才能修改。")
        old = snapshot(version, VERSION_FIELDS)
        for name, value in content.items():
            setattr(version, name, value)
        new = snapshot(version, VERSION_FIELDS)
        if new == old:
            return version
        version.revision += 1
        version.save()
        record("risks.plan.update", version, actor=actor, old=old, new=new)
    return version


def do_submit_version(actor: User, version: PlanVersion):
    """Send a draft version to 签批."""
    require_can(actor, "change", version, "您无权提交该预案。")
    with transaction.atomic():
        version = PlanVersion.objects.select_for_update().select_related("plan").get(pk=version.pk)
        if version.is_approved:
            raise ValidationError("该版本已批准。")
        review = do_submit_for_review(actor, version)
        record("risks.plan.submit", version, actor=actor, new={"number": version.number})
    return review


def approve_version(version: PlanVersion, review, actor: User) -> None:
    """The 签批 approved (inside the workflow's transaction): the version is the plan's current one."""
    version = PlanVersion.objects.select_for_update().select_related("plan").get(pk=version.pk)
    plan = EmergencyPlan.objects.select_for_update().get(pk=version.plan_id)
    old = {"current": plan.current_version.number if plan.current_version_id else None}
    version.approved_at, version.approved_by = timezone.now(), actor
    version.save()
    plan.current_version = version
    plan.save()
    record("risks.plan.approve", version, actor=actor, old=old, new={"current": version.number,
                                                                     "flow": review.flow_name})


def refuse_version(version: PlanVersion, review, actor: User) -> None:
    """The 签批 refused: the draft stays a draft; the current version stays in force."""
    record("risks.plan.refuse", version, actor=actor, new={"number": version.number, "flow": review.flow_name})
