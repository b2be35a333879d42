"""Monitoring schemes (监测方案): a unit's word groups and optional advanced expression.

A scheme has no person fields: we watch topics, outlets and events, never private individuals.
Its matching expression is ``matching.scheme_expression(groups, expression)``; every change raises
the ``opinion.schemes`` data version so that each worker's compiled matcher is rebuilt.
"""

from django.db import models

from ideowork.core.models import CreatedBy

from ..matching import ExpressionError, Node, scheme_expression
from .scoping import OpinionQuerySet

__all__ = ["Scheme", "WORD_GROUPS", "group_words"]


class SchemeQuerySet(OpinionQuerySet):
    actions = {"change": "opinion.monitor"}


class Scheme(CreatedBy, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所属单位", on_delete=models.PROTECT,
                                 related_name="opinion_schemes")
    name = models.CharField("方案名称", max_length=100)
    # Word groups, one word or "quoted phrase" per line (see ``group_words``).
    region_words = models.TextField("地域词", blank=True)
    subject_words = models.TextField("主体词", blank=True)
    event_words = models.TextField("事件词", blank=True)
    exclude_words = models.TextField("排除词", blank=True)
    expression = models.TextField("高级表达式", blank=True)
    active = models.BooleanField("启用", default=True)
    description = models.CharField("说明", max_length=300, blank=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    objects = SchemeQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "监测方案"
        ordering = ["org_unit__path", "name", "id"]
        constraints = [models.UniqueConstraint(fields=["org_unit", "name"], name="opinion_scheme_unit_name_unique",
                                               violation_error_message="本单位已有同名监测方案。")]

    def __str__(self) -> str:
        return self.name

    def as_expression(self) -> Node:
        """The scheme as one expression; raises ``ExpressionError`` (Chinese, with the position)."""
        return scheme_expression(**{key: group_words(getattr(self, field), label)
                                    for key, field, label in WORD_GROUPS},
                                 advanced=self.expression)


# (scheme_expression's keyword, the field, its label): the four word groups in the order a page shows them.
WORD_GROUPS = (("regions", "region_words", "地域词"), ("subjects", "subject_words", "主体词"),
               ("events", "event_words", "事件词"), ("excludes", "exclude_words", "排除词"))
# A line wrapped in a pair of these is a phrase: the quotes are not part of it. An input method types
# the curly ones (“…”) or the full-width straight one (＂…＂).
_QUOTES = {'"': '"', "＂": "＂", "“": "”"}


def group_words(words: str, label: str = "检索词") -> list[str]:
    """The words of a word group: one a line, blank lines skipped. A line may be a plain word or a
    "quoted phrase" (which may hold spaces and operator characters); the quotes are taken off, so
    ``"COVID-19"`` looks for COVID-19. Every word of a group is matched as it stands, operators and
    all. Raises ``ExpressionError`` naming the group and the line for a quote left open or empty."""
    found = []
    for number, line in enumerate(words.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        close = _QUOTES.get(line[0])
        if close is not None:
            if len(line) < 2 or line[-1] != close:
                raise ExpressionError(f"{label}第{number}行的引号没有闭合：短语应整行写在一对引号中，如“\"防汛 救灾\"”")
            line = line[1:-1].strip()
            if not line:
                raise ExpressionError(f"{label}第{number}行的引号短语为空")
        found.append(line)
    return found
