"""The learning section of the menu: what every cadre studies, then what the organisers run."""

from ideowork.core.choices import Role
from ideowork.core.menu import holds, register_menu, register_menu_entries, register_menu_entry, register_tab
from ideowork.core.start_pages import register_start_page


def _cadre(user) -> bool:
    return user.role == Role.CADRE


# A cadre's work here is their own study: they start on the learning page.
register_start_page(_cadre, "learning:home", label="学习首页", order=40)

register_menu("learning", "理论学习", order=40)
register_menu_entries("learning", [
    ("学习首页", "learning:home"), ("集中学习", "learning:session_list"), ("心得体会", "learning:reflection_list"),
    ("学习资料", "learning:material_list"), ("在线考试", "learning:exam_list"), ("答题竞赛", "learning:quiz_home"),
    ("积分排行", "learning:rankings"),
])
# The selections of 学习标兵 are the organisers' and the managers' list; a cadre sees an exemplar on
# the learning page and in 积分排行.
register_menu_entry("learning", "学习标兵", "learning:exemplar_list", visible=lambda u: u.is_manager)
register_menu_entry("learning", "青年理论学习", "learning:youth_home")
register_menu_entries("learning", [("题库管理", "learning:question_list"), ("积分规则", "learning:points_rules"),
                                   ("学习统计", "learning:overview")], visible=holds("learning.manage"), order=100)

# The phone's bottom bar (core/menu.py: register_tab): a cadre's five places, and a manager's way in.
register_tab("learning_home", "首页", "learning:home", visible=_cadre, order=10, icon="home")
register_tab("learning_materials", "学习", "learning:material_list", visible=_cadre, order=20, icon="book",
             covers=("learning:course_list", "learning:topic_list"))
register_tab("learning_quiz", "答题", "learning:quiz_home", visible=_cadre, order=30, icon="quiz")
register_tab("learning_exams", "考试", "learning:exam_list", visible=_cadre, order=40, icon="exam")
register_tab("learning_mine", "我的", "learning:points_mine", visible=_cadre, order=90, icon="user")
register_tab("learning_manager", "学习", "learning:home", visible=lambda u: u.is_manager, order=40, icon="book")
