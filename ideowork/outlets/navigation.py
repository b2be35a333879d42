"""The outlets section of the menu, with core's review pages that serve it. A cadre writes articles
(稿件与审核 opens on their own); the registers and review pages are the managers'."""

from ideowork.core.menu import holds, register_menu, register_menu_entries, register_menu_entry


def manager(user) -> bool:
    return user.is_manager


register_menu("outlets", "宣传阵地", order=50)
register_menu_entry("outlets", "阵地管理", "outlets:outlet_list", visible=manager)
register_menu_entry("outlets", "稿件与审核", "outlets:content_list")
register_menu_entries("outlets", [
    ("待我审核", "core:review_inbox"), ("在线校对", "outlets:proofread"), ("工作简报", "outlets:briefing_list"),
    ("对外宣传", "outlets:placement_list"), ("新闻发布", "outlets:press_list"), ("政策解读专家库", "outlets:expert_list"),
    ("群众关切回应", "outlets:question_list"),
], visible=manager)
register_menu_entries("outlets", [("校对规则", "outlets:rule_list"), ("审核流程", "core:review_flows")],
                      visible=holds("outlets.publish"), order=100)
