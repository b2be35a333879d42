"""The risks section of the menu: the office's work, so a manager's, never a cadre's."""

from ideowork.core.menu import holds, register_menu, register_menu_entries


def manager(user) -> bool:
    return user.is_manager


register_menu("risks", "风险防控", order=65)
register_menu_entries("risks", [("风险台账", "risks:register"), ("风险热力图", "risks:heatmap"),
                                ("历史台账", "risks:asof"), ("排查活动", "risks:campaigns"),
                                ("指导意见", "risks:guidance_list"), ("情况报告", "risks:upward_list")],
                      visible=manager)
register_menu_entries("risks", [("措施风险评估", "risks:assessments"), ("应急预案", "risks:plans"),
                                ("突发事件处置", "risks:incidents"), ("应急演练", "risks:drills"),
                                ("联席会议", "risks:meetings")], visible=manager, order=50)
register_menu_entries("risks", [("风险矩阵", "risks:matrix"), ("评估清单", "risks:checklist")],
                      visible=holds("risks.manage"), order=100)
