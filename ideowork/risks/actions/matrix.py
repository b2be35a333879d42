"""An organ's risk matrix: the current one, its fixed copies, and editing it."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ideowork.core.access import require_can
from ideowork.core.audit import record
from ideowork.core.models import OrgUnit, User
from ideowork.core.permissions import require
from ideowork.core.scoping import can_act_in

from .. import matrix as logic
from ..models import MatrixSnapshot, RiskMatrix, ScreeningCampaign

__all__ = ["organ_of", "current_matrix", "snapshot_for", "check_matrix_input", "do_save_matrix", "can_edit_matrix",
           "check_matrix_not_fixed"]


def organ_of(unit: OrgUnit) -> OrgUnit:
    return unit.organ or unit


def current_matrix(organ: OrgUnit) -> RiskMatrix:
    """The organ's matrix; an unsaved default when the organ has none yet (the organ default makes it)."""
    return RiskMatrix.objects.filter(org_unit=organ).first() or RiskMatrix(org_unit=organ)


def snapshot_for(organ: OrgUnit) -> MatrixSnapshot:
    """The fixed copy of the organ's current matrix (made once per content). A campaign will call this
    when it opens and keep the copy; a risk outside a campaign takes the organ's current one."""
    data = current_matrix(organ).data
    digest = logic.digest(data)
    snapshot = MatrixSnapshot.objects.filter(org_unit=organ, digest=digest).first()
    if snapshot is None:
        try:
            with transaction.atomic():
                snapshot = MatrixSnapshot.objects.create(org_unit=organ, digest=digest, data=data)
        except IntegrityError:  # made meanwhile by a concurrent request
            snapshot = MatrixSnapshot.objects.get(org_unit=organ, digest=digest)
    return snapshot


def check_matrix_input(data: dict) -> dict:
    try:
        return logic.check_matrix(data)
    except logic.MatrixError as exc:
        raise ValidationError({exc.field: exc.message}) from None


def check_matrix_not_fixed(organ: OrgUnit) -> None:
    """Refuse a change while an open screening campaign holds the organ's matrix fixed: the risks its
    returns still bring in are assessed on the copy taken when it opened."""
    campaign = ScreeningCampaign.objects.fixing_matrix_of(organ).order_by("opened_at").first()
    if campaign is not None:
        raise ValidationError(f"排查活动“{campaign.title}”开展期间，本单位的风险矩阵已固定，"
                              f"活动结束后才能修改。")


def can_edit_matrix(user: User, organ: OrgUnit) -> bool:
    return can_act_in(user, organ, "risks.manage") and user.scope_root is not None \
        and organ_of(user.scope_root).pk == organ.pk


def do_save_matrix(actor: User, organ: OrgUnit, data: dict) -> RiskMatrix:
    """Save the organ's matrix. Risks already assessed keep the copy they were assessed with."""
    require(organ.is_organ, "只有机关和县区单位设置风险矩阵。")
    matrix = RiskMatrix.objects.filter(org_unit=organ).first()
    if matrix is not None:
        require_can(actor, "change", matrix, "您无权修改该单位的风险矩阵。")
    else:
        require(can_edit_matrix(actor, organ), "您无权修改该单位的风险矩阵。")
    clean = check_matrix_input(data)
    with transaction.atomic():
        check_matrix_not_fixed(organ)
        if matrix is None:
            matrix = RiskMatrix.objects.create(org_unit=organ, data=clean, updated_by=actor)
            record("risks.matrix.create", matrix, actor=actor, new=clean)
        else:
            old = matrix.data
            matrix.data, matrix.updated_by = clean, actor
            matrix.save()
            record("risks.matrix.update", matrix, actor=actor, old=old, new=clean)
    return matrix
