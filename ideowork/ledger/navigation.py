"""The ledger section of the menu."""

from ideowork.core.menu import holds, register_menu, register_menu_entry

register_menu("ledger", "台账", order=30)
register_menu_entry("ledger", "工作台账", "ledger:list")
register_menu_entry("ledger", "登记活动", "ledger:create", visible=holds("ledger.record"))
