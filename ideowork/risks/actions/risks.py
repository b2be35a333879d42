"""Registering and editing risks. Levels are computed on the risk's fixed matrix copy."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from ideowork.core.access import require_can
from ideowork.core.actions.reviews import is_locked
from ideowork.core.audit import record
from ideowork.core.models import OrgUnit, User
from ideowork.core.permissions import require
from ideowork.core.scoping import can_act_in

from .. import matrix as logic
from ..choices import RiskArea, RiskSource
from ..models import MatrixSnapshot, Risk
from ..sources import check_source, source_fields
from .history import risk_state, write_history
from .members import check_member
from .matrix import organ_of, snapshot_for

__all__ = ["do_create_risk", "do_update_risk", "check_editable", "can_register_in", "EDITABLE_FIELDS"]

EDITABLE_FIELDS = ("area", "title", "description", "likelihood", "impact", "residual_likelihood", "residual_impact",
                   "owner", "measures", "deadline")


def can_register_in(user: User, unit: OrgUnit) -> bool:
    return can_act_in(user, unit, "risks.manage")


def check_editable(risk: Risk) -> None:
    if risk.is_ended:
        raise ValidationError(f"该风险{risk.get_status_display()}，须先重新打开才能修改或登记进展。")
    if is_locked(risk):
        raise ValidationError("该风险正在销号审核中，审核结束或退回后才能修改。")


def _levels(matrix: MatrixSnapshot, likelihood, impact, residual_likelihood, residual_impact) -> tuple[int, int | None]:
    """The inherent and residual levels on ``matrix``; a position outside it is refused on its field."""
    try:
        inherent = logic.level_of(matrix.data, likelihood, impact)
    except logic.MatrixError as exc:
        raise ValidationError({exc.field: exc.message}) from None
    if residual_likelihood is None and residual_impact is None:
        return inherent, None
    if residual_likelihood is None or residual_impact is None:
        raise ValidationError({"residual_impact": "残余风险须同时填写可能性和影响程度，或都不填。"})
    try:
        return inherent, logic.level_of(matrix.data, residual_likelihood, residual_impact)
    except logic.MatrixError as exc:
        raise ValidationError({f"residual_{exc.field}": "残余" + exc.message}) from None


def _check_fields(unit: OrgUnit, *, title: str, area: str, owner) -> str:
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": "请填写风险点。"})
    if len(title) > 200:
        raise ValidationError({"title": "风险点不超过200字。"})
    if area not in RiskArea.values:
        raise ValidationError({"area": f"所属领域“{area}”不在可选范围内。"})
    check_member(unit, owner, "owner", "责任人")
    return title


def do_create_risk(actor: User, *, org_unit: OrgUnit, area: str, title: str, likelihood: int, impact: int,
                   description: str = "", source: str = RiskSource.OTHER, source_record=None,
                   residual_likelihood: int | None = None, residual_impact: int | None = None, owner: User | None = None,
                   measures: str = "", deadline: date | None = None, carried_from: Risk | None = None,
                   matrix: MatrixSnapshot | None = None) -> Risk:
    """Register a risk in ``org_unit``'s register. ``source_record`` links what it came from (the
    opinion area escalating an event calls this with ``source=RiskSource.OPINION``); ``matrix`` is the
    fixed copy to assess on (a campaign's), else the organ's current matrix."""
    require(can_register_in(actor, org_unit), "您无权在该单位登记风险隐患。")
    title = _check_fields(org_unit, title=title, area=area, owner=owner)
    if source not in RiskSource.values:
        raise ValidationError({"source": f"风险来源“{source}”不在可选范围内。"})
    if carried_from is not None:
        require_can(actor, "view", carried_from, "您无权查看所延续的风险。")
    check_source(actor, source_record)
    organ = organ_of(org_unit)
    with transaction.atomic():
        matrix = matrix or snapshot_for(organ)
        require(matrix.org_unit_id == organ.pk, "只能使用本单位的风险矩阵。")
        inherent, residual = _levels(matrix, likelihood, impact, residual_likelihood, residual_impact)
        risk = Risk.objects.create(
            org_unit=org_unit, area=area, title=title, description=description or "", source=source,
            **source_fields(source_record), matrix=matrix,
            likelihood=likelihood, impact=impact, inherent_level=inherent, residual_likelihood=residual_likelihood,
            residual_impact=residual_impact, residual_level=residual, owner=owner, measures=measures or "",
            deadline=deadline, carried_from=carried_from, created_by=actor)
        write_history(risk, actor, "登记", now=risk.created_at)
        record("risks.risk.create", risk, actor=actor, new=risk_state(risk))
    return risk


def do_update_risk(actor: User, risk: Risk, **changes) -> Risk:
    """Change the register's columns of an open risk (not while its close-out is under review)."""
    require_can(actor, "change", risk, "您无权修改该风险隐患。")
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"do_update_risk: unknown fields {sorted(unknown)}")
    with transaction.atomic():
        risk = Risk.objects.select_for_update(of=("self",)).select_related("matrix", "owner").get(pk=risk.pk)
        check_editable(risk)
        values = {name: changes.get(name, getattr(risk, name)) for name in EDITABLE_FIELDS}
        values["title"] = _check_fields(risk.org_unit, title=values["title"], area=values["area"],
                                        owner=values["owner"])
        inherent, residual = _levels(risk.matrix, values["likelihood"], values["impact"],
                                     values["residual_likelihood"], values["residual_impact"])
        if all(getattr(risk, name) == value for name, value in values.items()):
            return risk  # nothing changed: no new version, no history row
        old = risk_state(risk)
        for name, value in values.items():
            setattr(risk, name, value)
        risk.inherent_level, risk.residual_level = inherent, residual
        new = risk_state(risk)
        risk.revision += 1
        risk.save()
        write_history(risk, actor, "修改")
        record("risks.risk.update", risk, actor=actor, old=old, new=new)
    return risk
