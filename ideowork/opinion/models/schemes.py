"""Monitoring schemes (监测方案): a unit's word groups and optional advanced expression.

A scheme has no person fields: we watch topics, outlets and events, never private individuals.
Its matching expression is ``matching.scheme_expression(groups, expression)``; every change raises
the ``opinion.schemes`` data version so that each worker's compiled matcher is rebuilt.
"""

from django.conf import settings
from django.db import models

from ..matching import Node, scheme_expression
from .scoping import OpinionQuerySet

__all__ = ["Scheme"]


class SchemeQuerySet(OpinionQuerySet):
    actions = {"change": "opinion.monitor"}


class Scheme(models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所属单位", on_delete=models.PROTECT,
                                 related_name="opinion_schemes")
    name = models.CharField("方案名称", max_length=100)
    # Word groups, one word or quoted phrase per line.
    region_words = models.TextField("地域词", blank=True)
    subject_words = models.TextField("主体词", blank=True)
    event_words = models.TextField("事件词", blank=True)
    exclude_words = models.TextField("排除词", blank=True)
    expression = models.TextField("高级表达式", blank=True)
    active = models.BooleanField("启用", default=True)
    description = models.CharField("说明", max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="创建人", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    objects = SchemeQuerySet.as_manager()

    class Meta:
        verbose_name = "监测方案"
        verbose_name_plural = "监测方案"
        ordering = ["org_unit__path", "name", "id"]
        constraints = [models.UniqueConstraint(fields=["org_unit", "name"], name="opinion_scheme_unit_name_unique",
                                               violation_error_message="本单位已有同名监测方案。")]

    def __str__(self) -> str:
        return self.name

    def as_expression(self) -> Node:
        """The scheme as one expression; raises ``ExpressionError`` (Chinese, with the position)."""
        return scheme_expression(regions=_lines(self.region_words), subjects=_lines(self.subject_words),
                                 events=_lines(self.event_words), excludes=_lines(self.exclude_words),
                                 advanced=self.expression)


def _lines(words: str) -> list[str]:
    return [line.strip() for line in words.splitlines() if line.strip()]
