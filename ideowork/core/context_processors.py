"""The navigation menu, built from what the signed-in user's role may use."""

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse

__all__ = ["navigation"]


@dataclass
class MenuEntry:
    label: str
    url_name: str
    icon: str = ""
    children: list["MenuEntry"] = field(default_factory=list)

    @property
    def url(self) -> str:
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return "#"


def menu_for(user) -> list[dict]:
    if not user.is_authenticated:
        return []
    groups: list[tuple[str, list[MenuEntry]]] = []
    if user.is_business:
        groups.append(("工作总览", [
            MenuEntry("工作台", "reports:home"),
            MenuEntry("我的工作", "reports:me"),
        ]))
        if user.is_manager:
            groups[0][1].append(MenuEntry("县区对比", "reports:counties"))
        plan_entries = [MenuEntry("工作要点", "plans:list"), MenuEntry("责任清单", "plans:responsibility")]
        if user.has_capability("plans.edit"):
            plan_entries.append(MenuEntry("导入工作要点", "plans:import"))
        groups.append(("要点与责任", plan_entries))
        ledger_entries = [MenuEntry("工作台账", "ledger:list")]
        if user.has_capability("ledger.record"):
            ledger_entries.append(MenuEntry("登记活动", "ledger:create"))
        groups.append(("台账", ledger_entries))
        learning_entries = [
            MenuEntry("学习首页", "learning:home"),
            MenuEntry("集中学习", "learning:session_list"),
            MenuEntry("心得体会", "learning:reflection_list"),
            MenuEntry("学习资料", "learning:material_list"),
            MenuEntry("在线考试", "learning:exam_list"),
            MenuEntry("答题竞赛", "learning:quiz_home"),
            MenuEntry("积分排行", "learning:rankings"),
            MenuEntry("学习标兵", "learning:exemplar_list"),
            MenuEntry("青年理论学习", "learning:youth_home"),
        ]
        if user.has_capability("learning.manage"):
            learning_entries += [MenuEntry("题库管理", "learning:question_list"),
                                 MenuEntry("积分规则", "learning:points_rules"),
                                 MenuEntry("学习统计", "learning:overview")]
        groups.append(("理论学习", learning_entries))
        outlet_entries = [
            MenuEntry("阵地管理", "outlets:outlet_list"),
            MenuEntry("稿件与审核", "outlets:content_list"),
            MenuEntry("待我审核", "core:review_inbox"),
            MenuEntry("在线校对", "outlets:proofread"),
            MenuEntry("工作简报", "outlets:briefing_list"),
            MenuEntry("对外宣传", "outlets:placement_list"),
            MenuEntry("新闻发布", "outlets:press_list"),
            MenuEntry("政策解读专家库", "outlets:expert_list"),
            MenuEntry("群众关切回应", "outlets:question_list"),
        ]
        if user.has_capability("outlets.publish"):
            outlet_entries += [MenuEntry("校对规则", "outlets:rule_list"), MenuEntry("审核流程", "core:review_flows")]
        groups.append(("宣传阵地", outlet_entries))
    if user.is_sysadmin:
        groups.append(("系统管理", [
            MenuEntry("组织机构", "core:org_list"),
            MenuEntry("用户管理", "core:user_list"),
            MenuEntry("批量导入用户", "core:user_import"),
        ]))
    if user.is_secadmin:
        groups.append(("安全管理", [MenuEntry("安全策略", "core:security"), MenuEntry("账号锁定", "core:lockouts")]))
    if user.is_auditor:
        groups.append(("安全审计", [MenuEntry("审计日志", "core:audit_list")]))
    groups.append(("个人", [MenuEntry("通知中心", "core:notifications"), MenuEntry("修改密码", "core:password_change")]))
    return [{"title": title, "entries": [{"label": e.label, "url": e.url} for e in entries]}
            for title, entries in groups]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from .models import Notification

    return {
        "menu": menu_for(user),
        "unread_notifications": Notification.objects.visible_to(user).unread().count(),
    }
