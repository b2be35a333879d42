"""Choices shared across areas, with their Chinese labels."""

from django.db import models

__all__ = ["OrgKind", "Role", "ActivationReason", "SessionEnd", "BUSINESS_ROLES", "SYSTEM_ROLES", "MANAGER_ROLES", "LEADER_ROLES"]


class OrgKind(models.TextChoices):
    ORGAN = "organ", "机关"
    SECTION = "section", "科室"
    COUNTY = "county", "县区单位"


class Role(models.TextChoices):
    HEAD = "head", "第一责任人"
    DEPUTY = "deputy", "直接责任人"
    SECTION_CHIEF = "section_chief", "具体责任人"
    STAFF = "staff", "专职工作人员"
    SUPERVISOR = "supervisor", "兼职监督员"
    CADRE = "cadre", "干部职工"
    SYSADMIN = "sysadmin", "系统管理员"
    SECADMIN = "secadmin", "安全管理员"
    AUDITOR = "auditor", "审计管理员"


# 三员分立: the three system roles run the system and never touch business data.
SYSTEM_ROLES = frozenset({Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR})
BUSINESS_ROLES = frozenset(set(Role) - SYSTEM_ROLES)
# Roles that see every record of their organ (and of the county bureaus under it).
MANAGER_ROLES = frozenset({Role.HEAD, Role.DEPUTY, Role.SECTION_CHIEF, Role.STAFF, Role.SUPERVISOR})
LEADER_ROLES = frozenset({Role.HEAD, Role.DEPUTY})


class ActivationReason(models.TextChoices):
    """Why an activation code was issued."""

    CREATE = "create", "新建账号"
    IMPORT = "import", "批量导入"
    RESET = "reset", "重置密码"


class SessionEnd(models.TextChoices):
    """Why a signed-in session ended."""

    LOGOUT = "logout", "退出登录"
    LIMIT = "limit", "超出并发会话数"
    GONE = "gone", "会话已失效"
