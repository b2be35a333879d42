"""Core's own menu sections: the three system roles' pages and every user's personal pages."""

from .menu import register_menu, register_menu_entry, signed_in

register_menu("system", "系统管理", order=900)
register_menu_entry("system", "组织机构", "core:org_list", visible=lambda u: u.is_sysadmin)
register_menu_entry("system", "用户管理", "core:user_list", visible=lambda u: u.is_sysadmin)
register_menu_entry("system", "批量导入用户", "core:user_import", visible=lambda u: u.is_sysadmin)

register_menu("security", "安全管理", order=910)
register_menu_entry("security", "安全策略", "core:security", visible=lambda u: u.is_secadmin)
register_menu_entry("security", "账号锁定", "core:lockouts", visible=lambda u: u.is_secadmin)

register_menu("audit", "安全审计", order=920)
register_menu_entry("audit", "审计日志", "core:audit_list", visible=lambda u: u.is_auditor)

register_menu("personal", "个人", order=1000)
register_menu_entry("personal", "通知中心", "core:notifications", visible=signed_in)
register_menu_entry("personal", "修改密码", "core:password_change", visible=signed_in)
