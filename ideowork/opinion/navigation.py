"""The opinion section of the menu (舆情监测): the monitoring staff's pages."""

from ideowork.core.menu import holds, register_menu, register_menu_entry

register_menu("opinion", "舆情监测", order=55)
# Intake (views/items.py, views/sources.py) and monitoring schemes (views/schemes.py).
register_menu_entry("opinion", "舆情信息", "opinion:item_list", visible=holds("opinion.monitor"), order=10)
register_menu_entry("opinion", "监测方案", "opinion:scheme_list", visible=holds("opinion.monitor"), order=20)
register_menu_entry("opinion", "舆情简报", "opinion:briefing_list", visible=holds("opinion.monitor"), order=60)
register_menu_entry("opinion", "信息来源", "opinion:source_list", visible=holds("opinion.monitor"), order=80)
# Events (views/events.py) and the unit's word lists (views/lexicon.py).
register_menu_entry("opinion", "舆情事件", "opinion:event_list", visible=holds("opinion.monitor"), order=15)
register_menu_entry("opinion", "本单位词表", "opinion:word_lists", visible=holds("opinion.monitor"), order=70)
# Warnings (views/warnings.py).
register_menu_entry("opinion", "预警信息", "opinion:warning_list", visible=holds("opinion.handle"), order=30)
register_menu_entry("opinion", "预警规则", "opinion:warning_rules", visible=holds("opinion.monitor"), order=40)
# Handling (views/handling.py): the day's patrol, the 舆情台账 and the handling deadlines.
register_menu_entry("opinion", "每日巡查", "opinion:patrol", visible=holds("opinion.monitor"), order=5)
register_menu_entry("opinion", "舆情台账", "opinion:event_ledger", visible=holds("opinion.handle"), order=40)
register_menu_entry("opinion", "处置时限", "opinion:handling_deadlines", visible=holds("opinion.handle"), order=90)
