"""The opinion section of the menu (舆情监测): the monitoring staff's pages."""

from ideowork.core.menu import holds, register_menu, register_menu_entry

register_menu("opinion", "舆情监测", order=55)
# Intake (views/items.py, views/sources.py) and monitoring schemes (views/schemes.py).
register_menu_entry("opinion", "舆情信息", "opinion:item_list", visible=holds("opinion.monitor"), order=10)
register_menu_entry("opinion", "监测方案", "opinion:scheme_list", visible=holds("opinion.monitor"), order=20)
register_menu_entry("opinion", "舆情简报", "opinion:briefing_list", visible=holds("opinion.monitor"), order=60)
register_menu_entry("opinion", "信息来源", "opinion:source_list", visible=holds("opinion.monitor"), order=80)
