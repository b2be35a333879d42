"""The opinion section of the menu: the monitoring staff's pages."""

from ideowork.core.menu import holds, register_menu, register_menu_entry

register_menu("opinion", "舆情监测", order=55)
# Monitoring schemes (views/schemes.py).
register_menu_entry("opinion", "监测方案", "opinion:scheme_list", visible=holds("opinion.monitor"), order=20)
