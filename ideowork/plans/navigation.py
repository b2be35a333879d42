"""The plans section of the menu: the managers' pages (a cadre's own targets are on 我的工作)."""

from ideowork.core.menu import holds, register_menu, register_menu_entry, register_tab

register_menu("plans", "要点与责任", order=20)
register_menu_entry("plans", "工作要点", "plans:list", visible=lambda u: u.is_manager)
register_menu_entry("plans", "责任清单", "plans:responsibility", visible=lambda u: u.is_manager)
register_menu_entry("plans", "导入工作要点", "plans:import", visible=holds("plans.edit"))

# The phone's bottom bar (core/menu.py: register_tab).
register_tab("plans", "要点", "plans:list", visible=lambda u: u.is_manager, order=30, icon="flag")
