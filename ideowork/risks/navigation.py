"""The risks section of the menu: the office's work, so a manager's, never a cadre's."""

from ideowork.core.menu import holds, register_menu, register_menu_entries


def manager(user) -> bool:
    return user.is_manager


register_menu("risks", "风险防控", order=65)
register_menu_entries("risks", [("风险台账", "risks:register"), ("风险热力图", "risks:heatmap"),
                                ("历史台账", "risks:asof"), ("排查活动", "risks:campaigns"),
                                ("指导意见", "risks:guidance_list"), ("情况报告", "risks:upward_list")],
                      visible=manager)
register_menu_entries("risks", [("风险矩阵", "risks:matrix")], visible=holds("risks.manage"), order=100)
