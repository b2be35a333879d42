"""Core's own menu sections: the three system roles' pages and every user's personal pages."""

from .choices import Role
from .menu import register_menu, register_menu_entry, signed_in
from .start_pages import register_start_page

# Where the system roles and a person still waiting for a role start (core/start_pages.py).
register_start_page(lambda u: u.is_sysadmin, "core:user_list", label="用户管理", order=10)
register_start_page(lambda u: u.is_secadmin, "core:security", label="安全策略", order=10)
register_start_page(lambda u: u.is_auditor, "core:audit_list", label="审计日志", order=10)
register_start_page(lambda u: u.is_pending, "core:account_pending", label="等待授权", order=10)

register_menu("system", "系统管理", order=900)
register_menu_entry("system", "组织机构", "core:org_list", visible=lambda u: u.is_sysadmin)
register_menu_entry("system", "用户管理", "core:user_list", visible=lambda u: u.is_sysadmin)
register_menu_entry("system", "批量导入用户", "core:user_import", visible=lambda u: u.is_sysadmin)
register_menu_entry("system", "接口客户端", "core:api_client_list", visible=lambda u: u.is_sysadmin)

register_menu("security", "安全管理", order=910)
register_menu_entry("security", "安全策略", "core:security", visible=lambda u: u.is_secadmin)
register_menu_entry("security", "账号授权", "core:account_roles", visible=lambda u: u.is_secadmin)
register_menu_entry("security", "重置密码确认", "core:activation_confirmations", visible=lambda u: u.is_secadmin)
register_menu_entry("security", "账号锁定", "core:lockouts", visible=lambda u: u.is_secadmin)
register_menu_entry("security", "双因素认证设置", "core:two_factor_settings", visible=lambda u: u.is_secadmin)

register_menu("audit", "安全审计", order=920)
register_menu_entry("audit", "审计日志", "core:audit_list", visible=lambda u: u.is_auditor)
register_menu_entry("audit", "审计链校验与归档", "core:audit_integrity", visible=lambda u: u.is_auditor)

register_menu("personal", "个人", order=1000)
register_menu_entry("personal", "通知中心", "core:notifications", visible=signed_in)
# A cadre changes the password from 账户安全 (its first button): their menu stays short.
register_menu_entry("personal", "修改密码", "core:password_change", visible=lambda u: u.role != Role.CADRE)
register_menu_entry("personal", "账户安全", "core:account_security", visible=signed_in)
