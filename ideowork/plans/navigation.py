"""The plans section of the menu."""

from ideowork.core.menu import holds, register_menu, register_menu_entry

register_menu("plans", "要点与责任", order=20)
register_menu_entry("plans", "工作要点", "plans:list")
register_menu_entry("plans", "责任清单", "plans:responsibility")
register_menu_entry("plans", "导入工作要点", "plans:import", visible=holds("plans.edit"))
