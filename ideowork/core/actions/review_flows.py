"""Review flows of an organ, per purpose: the step sequences the holders of the purpose's capability edit.

An organ's flows are read by all its business users and edited by whoever holds a capability that
a reviewable of the purpose names as its editors (publicity staff for publishing, learning managers
for learning's approvals). Each organ has one default flow per purpose, created from the purpose's
registered steps when first needed (``default_flow``); a submitted review copies the steps, so
editing a flow never changes a review already running.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from ..audit import record
from ..choices import BUSINESS_ROLES
from ..models import OrgUnit, User
from ..models.reviews import OWNER, ReviewFlow, ReviewFlowStep, StepKind
from ..permissions import require
from .review_registry import editor_capabilities, holds_capability, purpose as purpose_of, purposes

__all__ = ["steps_for", "organ_flows", "default_flow", "can_edit_flows", "flow_editors", "do_save_flow",
           "setup_default_flows", "describe_default_flows", "MAX_STEPS", "MAX_DUE_DAYS"]

MAX_STEPS = 9
MAX_DUE_DAYS = 30


STEP_ROLES = {*BUSINESS_ROLES, OWNER}


def steps_for(flow: ReviewFlow) -> list[dict]:
    """The flow's steps as dicts (name, kind, role, assignee, due_days, signs)."""
    return [{"name": s.name, "kind": s.kind, "role": s.role, "assignee": s.assignee, "due_days": s.due_days,
             "signs": s.signs} for s in flow.steps.select_related("assignee")]


def organ_flows(user: User) -> QuerySet:
    """The flows of the user's organ: every business user of the organ reads them (cadres too)."""
    if not (user.is_authenticated and user.is_active and user.is_business and user.scope_root is not None):
        return ReviewFlow.objects.none()
    return ReviewFlow.objects.filter(org_unit=user.scope_root).prefetch_related("steps__assignee")


def default_flow(organ: OrgUnit, purpose: str, *, actor: User | None = None) -> ReviewFlow:
    """The organ's default flow for ``purpose``, created from the purpose's registered steps if missing."""
    flow = ReviewFlow.objects.filter(org_unit=organ, purpose=purpose, is_default=True).first()
    if flow is not None:
        return flow
    spec = purpose_of(purpose)
    with transaction.atomic():
        flow, created = ReviewFlow.objects.get_or_create(
            org_unit=organ, purpose=purpose, is_default=True,
            defaults={"name": spec.default_flow_name, "description": "按本单位实际可调整。"})
        if created:
            ReviewFlowStep.objects.bulk_create([ReviewFlowStep(flow=flow, order=i, **step)
                                                for i, step in enumerate(spec.steps, start=1)])
            record("core.review_flow.create", flow, actor=actor, new=_flow_snapshot(flow))
    return flow


def setup_default_flows(organ: OrgUnit, actor: User) -> str:
    """An organ default (``core.organ_setup``): the default flow of every registered purpose it lacks,
    so that its flows are on 审核流程设置 to be adapted before the first record is submitted."""
    made = [spec for spec in purposes()
            if not ReviewFlow.objects.filter(org_unit=organ, purpose=spec.code, is_default=True).exists()]
    for spec in made:
        default_flow(organ, spec.code, actor=actor)
    return "建立默认审核流程" + "、".join(f"“{spec.default_flow_name}”" for spec in made) if made else ""


def describe_default_flows(organ: OrgUnit) -> tuple[str, str]:
    from django.urls import reverse

    flows = ReviewFlow.objects.filter(org_unit=organ, is_default=True).prefetch_related("steps")
    text = "；".join(f"{flow.name}（{'→'.join(step.name for step in flow.steps.all())}）" for flow in flows)
    return text or "尚无审核流程", reverse("core:review_flows")


def can_edit_flows(user: User, org_unit: OrgUnit | None, purpose: str | None = None) -> bool:
    """Holders of a capability the purpose's reviewables name edit the organ's flows of that purpose
    (of any purpose when ``purpose`` is None); everyone else of the organ reads them."""
    if not (user.is_authenticated and user.is_active and org_unit is not None and org_unit.is_organ
            and user.scope_root is not None and user.scope_root.pk == org_unit.pk):
        return False
    codes = editor_capabilities(purpose) if purpose else {c for p in purposes() for c in editor_capabilities(p.code)}
    return any(holds_capability(user, code) for code in codes)


def flow_editors(organ: OrgUnit, purpose: str) -> list[User]:
    """The people of ``organ`` who may edit its flows of ``purpose``: whom to ask when a flow cannot run."""
    codes = editor_capabilities(purpose)
    people = User.objects.business().filter(org_unit__organ_id=organ.organ_id or organ.pk).select_related("org_unit")
    return [p for p in people if any(holds_capability(p, code) for code in codes)]


def _clean_steps(org_unit: OrgUnit, steps: list[dict]) -> list[dict]:
    if not 1 <= len(steps) <= MAX_STEPS:
        raise ValidationError({"steps": f"审核流程应有 1 至 {MAX_STEPS} 个环节。"})
    errors, cleaned, names = [], [], set()
    for number, raw in enumerate(steps, start=1):
        name = (raw.get("name") or "").strip()
        kind = raw.get("kind") or StepKind.REVIEW
        role = raw.get("role") or ""
        assignee = raw.get("assignee")
        if assignee is not None and not isinstance(assignee, User):
            assignee = User.objects.filter(pk=assignee).first()
        label = f"第{number}个环节"
        if not name:
            errors.append(f"{label}：请填写环节名称。")
        elif len(name) > 30:
            errors.append(f"{label}：环节名称不能超过 30 个字。")
        elif name in names:
            errors.append(f"环节名称“{name}”重复，请使用不同的名称。")
        names.add(name)
        if kind not in StepKind.values:
            errors.append(f"{label}：环节类型无效。")
        if assignee is not None:
            if not (assignee.is_active and assignee.is_business and assignee.scope_root is not None
                    and assignee.scope_root.pk == org_unit.pk):
                errors.append(f"{label}：指定办理人必须是本单位在岗的业务人员。")
        elif role not in STEP_ROLES:
            errors.append(f"{label}：请选择办理角色或指定办理人。")
        if role and role not in STEP_ROLES:
            errors.append(f"{label}：办理角色无效。")
        try:
            due_days = int(raw.get("due_days", 2))
        except (TypeError, ValueError):
            due_days = -1
        if not 0 <= due_days <= MAX_DUE_DAYS:
            errors.append(f"{label}：办理时限应为 0 至 {MAX_DUE_DAYS} 个工作日。")
        cleaned.append({"name": name, "kind": kind, "role": role if role in STEP_ROLES else "",
                        "assignee": assignee, "due_days": due_days, "signs": bool(raw.get("signs"))})
    reviews = [s for s in cleaned if s["kind"] == StepKind.REVIEW]
    if not reviews:
        errors.append("审核流程至少应有一个审核（审）环节。")
    flagged = [s for s in cleaned if s["signs"]]
    if len(flagged) > 1:
        errors.append("只能有一个签发环节。")
    elif flagged and flagged[0]["kind"] != StepKind.REVIEW:
        errors.append("签发环节必须是审核（审）环节。")
    if errors:
        raise ValidationError({"steps": errors})
    if not flagged:
        reviews[-1]["signs"] = True  # the last 审 signs unless another is named
    return cleaned


def _flow_snapshot(flow: ReviewFlow) -> dict:
    return {"name": flow.name, "description": flow.description, "purpose": flow.purpose, "is_default": flow.is_default,
            "steps": [{**s, "assignee": s["assignee"].pk if s["assignee"] else None} for s in steps_for(flow)]}


def do_save_flow(user: User, flow: ReviewFlow | None, *, org_unit: OrgUnit, name: str, description: str = "",
                 steps: list[dict], purpose: str | None = None, is_default: bool | None = None) -> ReviewFlow:
    """Create or replace a flow of an organ; running reviews keep the stages they copied.

    A new flow is for ``purpose`` (content publishing when not said); ``is_default`` makes it the
    flow records of its purpose take when nothing names another (the previous default stays as an
    ordinary flow). The default flow cannot be made ordinary: another flow takes its place instead.
    """
    purpose = flow.purpose if flow is not None else (purpose or "publish")
    spec = purpose_of(purpose)
    require(can_edit_flows(user, org_unit, purpose), f"只有本单位可以设置“{spec.label}”流程的人员可以修改该流程。")
    require(flow is None or flow.org_unit_id == org_unit.pk, "不能把审核流程移到其他单位。")
    name, description = (name or "").strip(), (description or "").strip()
    if not name:
        raise ValidationError({"name": "请填写流程名称。"})
    if len(name) > 100:
        raise ValidationError({"name": "流程名称不能超过 100 个字。"})
    if len(description) > 300:
        raise ValidationError({"description": "说明不能超过 300 个字。"})
    same_name = ReviewFlow.objects.filter(org_unit=org_unit, name=name)
    if flow is not None:
        same_name = same_name.exclude(pk=flow.pk)
    if same_name.exists():
        raise ValidationError({"name": "本单位已有同名的审核流程。"})
    cleaned = _clean_steps(org_unit, steps)
    with transaction.atomic():
        old = None
        if flow is None:
            # An organ's first flow of a purpose is its default unless said otherwise.
            make_default = bool(is_default) if is_default is not None else not ReviewFlow.objects.filter(
                org_unit=org_unit, purpose=purpose, is_default=True).exists()
            if make_default:
                ReviewFlow.objects.filter(org_unit=org_unit, purpose=purpose, is_default=True).update(is_default=False)
            flow = ReviewFlow.objects.create(org_unit=org_unit, purpose=purpose, name=name, description=description,
                                             is_default=make_default)
        else:
            flow = ReviewFlow.objects.select_for_update().get(pk=flow.pk)
            old = _flow_snapshot(flow)
            if is_default and not flow.is_default:
                ReviewFlow.objects.filter(org_unit=org_unit, purpose=purpose, is_default=True).update(is_default=False)
                flow.is_default = True
            flow.name, flow.description = name, description
            flow.save(update_fields=["name", "description", "is_default"])
            flow.steps.all().delete()
        ReviewFlowStep.objects.bulk_create(
            [ReviewFlowStep(flow=flow, order=i, **step) for i, step in enumerate(cleaned, start=1)])
        record("core.review_flow.create" if old is None else "core.review_flow.update", flow, actor=user, old=old,
               new=_flow_snapshot(flow))
    return flow
