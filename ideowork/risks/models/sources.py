"""What a record of the risks area came from, when that is a record of another area (an opinion event,
an assessment, a campaign return …): a generic link, so risks never imports the area above it that
calls its services. Read back through ``risks.sources``."""

from django.db import models

__all__ = ["FromSource"]


class FromSource(models.Model):
    source_type = models.ForeignKey("contenttypes.ContentType", verbose_name="来源记录类型", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    source_id = models.PositiveBigIntegerField("来源记录", null=True, blank=True)

    class Meta:
        abstract = True
