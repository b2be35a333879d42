"""The learning section of the menu: what every cadre studies, then what the organisers run."""

from ideowork.core.menu import holds, register_menu, register_menu_entries

register_menu("learning", "理论学习", order=40)
register_menu_entries("learning", [
    ("学习首页", "learning:home"), ("集中学习", "learning:session_list"), ("心得体会", "learning:reflection_list"),
    ("学习资料", "learning:material_list"), ("在线考试", "learning:exam_list"), ("答题竞赛", "learning:quiz_home"),
    ("积分排行", "learning:rankings"), ("学习标兵", "learning:exemplar_list"), ("青年理论学习", "learning:youth_home"),
])
register_menu_entries("learning", [("题库管理", "learning:question_list"), ("积分规则", "learning:points_rules"),
                                   ("学习统计", "learning:overview")], visible=holds("learning.manage"), order=100)
