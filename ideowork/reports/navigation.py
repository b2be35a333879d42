"""The overview section of the menu: the dashboards."""

from ideowork.core.menu import register_menu, register_menu_entry, register_tab
from ideowork.core.start_pages import register_start_page

from .counties import has_counties

# Leaders start on the office dashboard; the staff, section chiefs and supervisors on their tasks
# (我的工作). A cadre starts on the learning page (learning/navigation.py).
register_start_page(lambda u: u.is_leader, "reports:office", label="工作台", order=20)
register_start_page(lambda u: u.is_manager, "reports:me", label="我的工作", order=30)

register_menu("overview", "工作总览", order=10)
register_menu_entry("overview", "工作台", "reports:office", visible=lambda u: u.is_manager)
register_menu_entry("overview", "我的工作", "reports:me")
register_menu_entry("overview", "县区对比", "reports:counties", visible=has_counties)

# The phone's bottom bar (core/menu.py: register_tab): a manager's dashboard and own work.
register_tab("reports_office", "工作台", "reports:office", visible=lambda u: u.is_manager, order=10, icon="chart")
register_tab("reports_me", "我的", "reports:me", visible=lambda u: u.is_manager, order=90, icon="user")
