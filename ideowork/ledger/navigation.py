"""The ledger section of the menu: the organ's ledger is the managers' (a cadre finds the activities
they took part in on 我的工作)."""

from ideowork.core.menu import holds, register_menu, register_menu_entry, register_tab

register_menu("ledger", "台账", order=30)
register_menu_entry("ledger", "工作台账", "ledger:list", visible=lambda u: u.is_manager)
register_menu_entry("ledger", "登记活动", "ledger:create", visible=holds("ledger.record"))

# The phone's bottom bar (core/menu.py: register_tab).
register_tab("ledger", "台账", "ledger:list", visible=lambda u: u.is_manager, order=20, icon="list")
