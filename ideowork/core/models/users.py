"""People and their roles.

Each account has exactly one role, so no account can hold two of the three separated system roles
(三员分立), and no everyday account is a superuser.
"""

from functools import cached_property

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils import timezone

from ..capabilities import capabilities_of, get_capability
from ..choices import BUSINESS_ROLES, LEADER_ROLES, MANAGER_ROLES, Role

__all__ = ["User"]


class UserQuerySet(models.QuerySet):
    def visible_to(self, user):
        """People a user may see: everyone for the sysadmin and the secadmin, else the people of their scope."""
        if not user.is_authenticated:
            return self.none()
        if user.is_sysadmin or user.is_secadmin:  # accounts are the 系统管理员's, roles the 安全管理员's
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
    # Empty until the 安全管理员 grants a role (待授权): a new account holds no power (三员分立).
    role = models.CharField("角色", max_length=20, choices=Role.choices, blank=True, default="")
    requested_role = models.CharField(
        "拟任角色", max_length=20, choices=Role.choices, blank=True, default="",
        help_text="系统管理员建账号时填写的拟任角色，仅供安全管理员授权时参考，本身不授予任何权限。")
    created_by = models.ForeignKey("self", verbose_name="创建人", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    password_changed_at = models.DateTimeField("密码修改时间", default=timezone.now)
    title = models.CharField("职务", max_length=50, blank=True)
    phone = models.CharField("联系电话", max_length=30, blank=True)

    objects = IdeoworkUserManager()

    class Meta:
        verbose_name = verbose_name_plural = "用户"
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

    def get_role_display(self) -> str:
        return Role(self.role).label if self.role else "待授权"

    def save(self, *args, **kwargs):
        """A password set with ``set_password`` is stamped and remembered (``core/passwords.py``)."""
        changed = self._password is not None
        if changed:
            self.password_changed_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "password_changed_at"}
        super().save(*args, **kwargs)
        if changed:
            from ..passwords import remember_password

            remember_password(self)

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
    def is_pending(self) -> bool:
        """Waiting for the 安全管理员 to grant a role: signed in, it reaches only its personal pages."""
        return not self.role

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
        if not User.org_unit.is_cached(self):
            # The unit and its organ in one read: nearly every page asks for the scope, and the user is
            # read on every request without them (an answer save needs neither; docs/performance.md).
            units = self._meta.get_field("org_unit").related_model.objects
            self.org_unit = units.select_related("organ").get(pk=self.org_unit_id)
        unit = self.org_unit
        return unit.organ if unit.organ_id else unit
