"""An organ's risk matrix (风险矩阵), and the fixed copies risks are assessed with.

``RiskMatrix`` is the organ's current matrix, edited by its managers. ``MatrixSnapshot`` is an
immutable copy, stored once per organ and content (its digest): a risk points at the copy it was
assessed with, and so will a screening campaign once it opens (the campaign fixes the copy its risks
use), so editing the matrix never changes an existing risk's level.
"""

from django.db import models

from ideowork.core.models import EditedBy
from ideowork.core.scoping import ORGAN, Allow

from .. import matrix as logic
from .scoping import MANAGE, RisksQuerySet

__all__ = ["RiskMatrix", "MatrixSnapshot"]


class RiskMatrixQuerySet(RisksQuerySet):
    """An organ's matrix is its own managers' to edit, not the city's for a county bureau's."""

    actions = {"change": Allow(MANAGE, within=ORGAN)}


class MatrixData:
    """Reading a matrix dict (``data``) for pages: axes, levels, cells with their level."""

    data: dict

    @property
    def likelihood_labels(self) -> list[str]:
        return self.data["likelihood"]

    @property
    def impact_labels(self) -> list[str]:
        return self.data["impact"]

    @property
    def levels(self) -> list[dict]:
        return self.data["levels"]

    @property
    def size(self) -> tuple[int, int]:
        return logic.matrix_size(self.data)

    def level(self, rank: int | None) -> dict:
        if rank is None or not 0 <= rank < len(self.levels):
            return {"name": "—", "colour": "#888888"}
        return self.levels[rank]

    def level_of(self, likelihood: int, impact: int) -> int:
        return logic.level_of(self.data, likelihood, impact)


class RiskMatrix(EditedBy, MatrixData, models.Model):
    org_unit = models.OneToOneField("core.OrgUnit", verbose_name="所属单位", on_delete=models.CASCADE,
                                    related_name="risk_matrix")
    data = models.JSONField("矩阵", default=logic.default_matrix)

    objects = RiskMatrixQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "风险矩阵"
        ordering = ["org_unit__path"]

    def __str__(self) -> str:
        rows, cols = self.size
        return f"{self.org_unit.display_name}风险矩阵（{rows}×{cols}）"


class MatrixSnapshot(MatrixData, models.Model):
    """A fixed copy of an organ's matrix. Never changed once written."""

    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所属单位", on_delete=models.PROTECT,
                                 related_name="risk_matrix_snapshots")
    digest = models.CharField("内容摘要", max_length=64)
    data = models.JSONField("矩阵")
    created_at = models.DateTimeField("固定时间", auto_now_add=True)

    objects = RisksQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "风险矩阵副本"
        ordering = ["org_unit", "id"]
        constraints = [models.UniqueConstraint(fields=["org_unit", "digest"], name="risks_snapshot_unique",
                                               violation_error_message="该风险矩阵副本已存在。")]

    def __str__(self) -> str:
        rows, cols = self.size
        return f"风险矩阵副本 {rows}×{cols}（{self.created_at:%Y-%m-%d}）"
