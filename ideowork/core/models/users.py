"""People and their roles.

Each account has exactly one role, so no account can hold two of the three separated system roles
(三员分立), and no everyday account is a superuser.
"""

from functools import cached_property

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models

from ..capabilities import capabilities_of, get_capability
from ..choices import BUSINESS_ROLES, LEADER_ROLES, MANAGER_ROLES, Role

__all__ = ["User"]


class UserQuerySet(models.QuerySet):
    def visible_to(self, user):
        """People a user may see: everyone for the sysadmin, else the people of their scope."""
        if not user.is_authenticated:
            return self.none()
        if user.is_sysadmin:
            return self.all()
        root = user.scope_root
        if root is None:
            return self.filter(pk=user.pk)
        if user.role == Role.CADRE:
            return self.filter(org_unit=user.org_unit)
        return self.filter(org_unit__path__startswith=root.path)

    def business(self):
        return self.filter(role__in=BUSINESS_ROLES, is_active=True)


class IdeoworkUserManager(UserManager.from_queryset(UserQuerySet)):
    pass


class User(AbstractUser):
    display_name = models.CharField("姓名", max_length=50)
    org_unit = models.ForeignKey(
        "core.OrgUnit", verbose_name="所在单位", null=True, blank=True, on_delete=models.PROTECT,
        related_name="members",
    )
    role = models.CharField("角色", max_length=20, choices=Role.choices, default=Role.CADRE)
    title = models.CharField("职务", max_length=50, blank=True)
    phone = models.CharField("联系电话", max_length=30, blank=True)

    objects = IdeoworkUserManager()

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"
        ordering = ["org_unit__path", "username"]
        # Head counts per unit (participation, rankings per member) read this index alone.
        indexes = [models.Index(fields=["org_unit", "is_active", "role"], name="user_unit_active_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_superuser=False) | ~models.Q(role__in=sorted(BUSINESS_ROLES)),
                name="user_business_role_not_superuser",
                violation_error_message="业务账号不能是超级管理员。",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name or self.username

    @property
    def name(self) -> str:
        return self.display_name or self.username

    # --- role predicates, used by permission checks and the menu ---------------------------------
    @property
    def is_sysadmin(self) -> bool:
        return self.role == Role.SYSADMIN

    @property
    def is_secadmin(self) -> bool:
        return self.role == Role.SECADMIN

    @property
    def is_auditor(self) -> bool:
        return self.role == Role.AUDITOR

    @property
    def is_business(self) -> bool:
        return self.role in BUSINESS_ROLES

    @property
    def is_manager(self) -> bool:
        return self.role in MANAGER_ROLES

    @property
    def is_leader(self) -> bool:
        return self.role in LEADER_ROLES

    # --- capabilities: what the user may do, as registered by each area (core/capabilities.py) ---
    @property
    def capabilities(self) -> frozenset:
        """The capability codes this user holds; templates test ``"code" in user.capabilities``."""
        if not self.is_authenticated or not self.is_active:
            return frozenset()
        return capabilities_of(self.role)

    def has_capability(self, code: str) -> bool:
        """True when the user's role holds ``code``; an unregistered code is an error, not a no."""
        capability = get_capability(code)
        return self.is_authenticated and self.is_active and self.role in capability.roles

    @cached_property
    def scope_root(self):
        """The org unit whose subtree this user's business data lives in: their organ or county bureau.

        None for the system roles, who see no business data.
        """
        if self.role not in BUSINESS_ROLES or self.org_unit_id is None:
            return None
        unit = self.org_unit
        return unit.organ if unit.organ_id else unit
