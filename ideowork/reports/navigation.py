"""The overview section of the menu: the dashboards."""

from ideowork.core.menu import register_menu, register_menu_entry

from .counties import has_counties

register_menu("overview", "工作总览", order=10)
register_menu_entry("overview", "工作台", "reports:home")
register_menu_entry("overview", "我的工作", "reports:me")
register_menu_entry("overview", "县区对比", "reports:counties", visible=has_counties)
