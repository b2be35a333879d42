"""How far each organ's data of one kind has moved: the versions that cached figures are keyed by."""

from django.db import models

__all__ = ["DataVersion"]


class DataVersion(models.Model):
    """One counter per (topic, organ), raised in the same transaction as any change to that organ's
    data of the topic (``ledger``: activities, their targets and evidence, credits, targets;
    ``points``: learning points). Figures computed from the data are cached under a key that names
    this number (``core/versions.py``, ``core/caching.py``), so a cached figure is never read after a
    write: the write moved the number on. Rows appear with an organ's first change of the topic."""

    topic = models.CharField("数据类别", max_length=32)
    organ = models.ForeignKey("core.OrgUnit", verbose_name="单位", on_delete=models.CASCADE, related_name="+")
    version = models.PositiveBigIntegerField("版本", default=0)

    class Meta:
        verbose_name = verbose_name_plural = "数据版本"
        ordering = ["topic", "organ"]
        constraints = [models.UniqueConstraint(fields=["topic", "organ"], name="core_dataversion_topic_organ")]

    def __str__(self) -> str:
        return f"{self.topic}/{self.organ_id}: {self.version}"
