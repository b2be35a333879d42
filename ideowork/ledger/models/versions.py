"""How far the ledger of each organ has moved: the version that cached figures are keyed by."""

from django.db import models

__all__ = ["LedgerVersion"]


class LedgerVersion(models.Model):
    """One counter per organ, raised in the same transaction as any change to its ledger
    (activities, their targets and evidence, credits, targets). Figures computed from the ledger
    are cached under a key that names this number, so a cached figure is never read after a write:
    the write moved the number on (``ledger/figures.py``). Rows appear with an organ's first change."""

    organ = models.OneToOneField("core.OrgUnit", verbose_name="单位", on_delete=models.CASCADE, primary_key=True,
                                 related_name="+")
    version = models.PositiveBigIntegerField("版本", default=0)

    class Meta:
        verbose_name = "台账版本"
        verbose_name_plural = "台账版本"
        ordering = ["organ"]

    def __str__(self) -> str:
        return f"{self.organ_id}: {self.version}"
