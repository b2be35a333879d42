"""What the risks area sets up for every organ: its risk matrix (5×5, 低/一般/较大/重大)."""

from django.urls import reverse

from ideowork.core.audit import record
from ideowork.core.organ_setup import register_organ_default

from . import matrix as logic

__all__ = ["register_defaults", "setup_matrix", "describe_matrix", "setup_checklist", "describe_checklist"]


def setup_matrix(organ, actor) -> str:
    from .models import RiskMatrix

    if RiskMatrix.objects.filter(org_unit=organ).exists():
        return ""
    matrix = RiskMatrix.objects.create(org_unit=organ, data=logic.default_matrix(), updated_by=actor)
    record("risks.matrix.create", matrix, actor=actor, new=matrix.data)
    return "风险矩阵（5×5，低/一般/较大/重大四级）"


def describe_matrix(organ) -> tuple[str, str]:
    from .models import RiskMatrix

    matrix = RiskMatrix.objects.filter(org_unit=organ).first()
    if matrix is None:
        return "尚未设置风险矩阵（使用默认5×5矩阵）", reverse("risks:matrix")
    rows, cols = matrix.size
    return f"风险矩阵 {rows}×{cols}，{'/'.join(level['name'] for level in matrix.levels)}", reverse("risks:matrix")


def setup_checklist(organ, actor) -> str:
    from .actions.assessments import setup_checklist as setup

    return setup(organ, actor)


def describe_checklist(organ) -> tuple[str, str]:
    from .models import ChecklistItem

    count = ChecklistItem.objects.filter(org_unit=organ).count()
    text = f"措施风险评估清单 {count} 项" if count else "尚未设置措施风险评估清单（使用默认清单）"
    return text, reverse("risks:checklist")


def register_defaults() -> None:
    register_organ_default("risks.matrix", "风险矩阵", setup_matrix, describe=describe_matrix, order=60)
    register_organ_default("risks.checklist", "措施风险评估清单", setup_checklist, describe=describe_checklist,
                           order=61)
