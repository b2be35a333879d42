"""The proofreader's word rules, editable in the UI by the publicity staff who own them.

The shipped rules live in data files (``outlets/proofreading/data/``) and are loaded into this table
(``shipped_code`` names the file row they came from, so a later load adds new rules without undoing
local edits). An organ may add rules of its own (``org_unit``); they apply to the texts of that organ
and the units under it. Structural checks (numbering, punctuation, quotes, width …) are code, not
rows. Written only by ``outlets.actions.proofreading``.
"""

from django.db import models
from django.db.models import Q

from ideowork.core.choices import BUSINESS_ROLES
from ideowork.core.models import EditedBy
from ideowork.core.scoping import ORGAN, Allow, ScopedQuerySet

from ..choices import RuleCategory, Severity

__all__ = ["ProofRule"]


class ProofRuleQuerySet(ScopedQuerySet):
    # A custom rule is changed by the publicity staff of its own organ (a rule belongs to the organ or
    # county bureau of whoever made it); the shipped rules (no unit) by those of a top-level organ.
    actions = {"change": Allow("outlets.publish", within=ORGAN)}
    unitless_at_top = True

    def viewable_by(self, user):
        """Every business user sees the shipped rules, the rules of the units above them and of their subtree."""
        if not user.is_authenticated or not user.is_active or user.role not in BUSINESS_ROLES:
            return self.none()
        root = user.scope_root
        if root is None or user.org_unit_id is None:
            return self.none()
        return self.filter(self.applying_to_q(user.org_unit) | Q(org_unit__path__startswith=root.path))

    def applying_to(self, unit):
        """The rules that check a text of ``unit``: the shipped ones and those of ``unit``'s organ chain."""
        return self.filter(self.applying_to_q(unit))

    @staticmethod
    def applying_to_q(unit) -> Q:
        ancestors = [int(p) for p in unit.path.split(".") if p] if unit is not None else []
        return Q(org_unit__isnull=True) | Q(org_unit__in=ancestors)


class ProofRule(EditedBy, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所属单位", null=True, blank=True,
                                 on_delete=models.CASCADE, related_name="+")
    category = models.CharField("类别", max_length=16, choices=RuleCategory.choices)
    pattern = models.CharField("查找内容", max_length=200)
    suggestion = models.CharField("建议改为", max_length=200, blank=True)
    severity = models.CharField("级别", max_length=8, choices=Severity.choices, default=Severity.ERROR)
    note = models.CharField("说明", max_length=300, blank=True)
    # Longer phrases, one per line, inside which a match is correct usage and not reported.
    exceptions = models.TextField("例外语境", blank=True)
    # For outdated references: the rule applies to documents dated after this day.
    outdated_after = models.DateField("过时日期", null=True, blank=True)
    enabled = models.BooleanField("启用", default=True)
    shipped_code = models.CharField("内置规则编号", max_length=80, blank=True)

    objects = ProofRuleQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "校对规则"
        ordering = ["category", "pattern", "id"]
        constraints = [
            models.UniqueConstraint(fields=["shipped_code"], condition=~Q(shipped_code=""),
                                    name="proof_rule_shipped_unique", violation_error_message="内置规则编号重复。"),
        ]
        indexes = [models.Index(fields=["org_unit", "enabled"], name="proof_rule_unit_idx")]

    def __str__(self) -> str:
        return self.pattern

    @property
    def code(self) -> str:
        """The rule's name in findings: the shipped code, or ``custom-<id>``."""
        return self.shipped_code or f"custom-{self.pk}"
