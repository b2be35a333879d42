"""The menu each role sees, pinned: the registry (core/menu.py, entries registered by each app in its
navigation.py). Managers see the management pages (县区对比 only where their organ has county bureaus
under it); a cadre sees only what a cadre uses."""

import pytest

from ideowork.core.choices import Role
from ideowork.core.menu import menu_for
from tests.factories import ROLE_USERNAMES, make_user

READ = ["学习首页", "集中学习", "心得体会", "学习资料", "在线考试", "答题竞赛", "积分排行", "学习标兵", "青年理论学习"]
RUN_LEARNING = ["题库管理", "积分规则", "学习统计"]
OUTLETS = ["阵地管理", "稿件与审核", "待我审核", "在线校对", "工作简报", "对外宣传", "新闻发布", "政策解读专家库",
           "群众关切回应"]
RUN_PUBLICITY = ["校对规则", "审核流程"]
# The holders of opinion.monitor and opinion.handle: every manager but the supervisor.
OPINION = ["每日巡查", "舆情信息", "舆情事件", "监测方案", "预警信息", "预警规则", "舆情台账", "舆情简报", "本单位词表",
           "信息来源", "处置时限"]
RISKS = ["风险台账", "风险热力图", "历史台账", "排查活动", "指导意见", "情况报告", "措施风险评估", "应急预案", "突发事件处置",
         "应急演练", "联席会议"]
RUN_RISKS = ["风险矩阵", "评估清单"]  # the holders of risks.manage: every manager but the supervisor
PERSONAL = ("个人", ["通知中心", "修改密码", "账户安全"])


def manager(*, counties: bool, plan_editor: bool, runs: bool):
    return [
        ("工作总览", ["工作台", "我的工作", *(["县区对比"] if counties else [])]),
        ("要点与责任", ["工作要点", "责任清单", *(["导入工作要点"] if plan_editor else [])]),
        ("台账", ["工作台账", "登记活动"]),
        ("理论学习", READ + (RUN_LEARNING if runs else [])),
        ("宣传阵地", OUTLETS + (RUN_PUBLICITY if runs else [])),
        *([("舆情监测", OPINION)] if runs else []),
        ("风险防控", RISKS + (RUN_RISKS if runs else [])),
        PERSONAL,
    ]


# A cadre's menu holds what a cadre uses: their own work, their study, their articles, their account.
# An entry added here is a conscious decision (tests/test_access.py pins the same list).
CADRE = [
    ("工作总览", ["我的工作"]),
    ("理论学习", ["学习首页", "集中学习", "心得体会", "学习资料", "在线考试", "答题竞赛", "积分排行", "青年理论学习"]),
    ("宣传阵地", ["稿件与审核"]),
    ("个人", ["通知中心", "账户安全"]),
]

EXPECTED = {
    "principal": manager(counties=True, plan_editor=True, runs=True),
    "deputy": manager(counties=True, plan_editor=True, runs=True),
    "staff": manager(counties=True, plan_editor=True, runs=True),
    "section_chief": manager(counties=True, plan_editor=False, runs=True),
    "supervisor": manager(counties=True, plan_editor=False, runs=False),
    "cadre": CADRE,
    # A county bureau and an organ without county bureaus have no counties to compare.
    "county_staff": manager(counties=False, plan_editor=True, runs=True),
    "gov_staff": manager(counties=False, plan_editor=True, runs=True),
    "sysadmin": [("系统管理", ["组织机构", "用户管理", "批量导入用户", "接口客户端"]), PERSONAL],
    "secadmin": [("安全管理", ["安全策略", "账号授权", "重置密码确认", "账号锁定", "双因素认证设置"]), PERSONAL],
    "auditor": [("安全审计", ["审计日志", "审计链校验与归档"]), PERSONAL],
}


def labels(menu):
    return [(group["title"], [e["label"] for e in group["entries"]]) for group in menu]


@pytest.mark.parametrize("username", ROLE_USERNAMES)
def test_each_role_sees_its_menu(org, username):
    assert labels(menu_for(org.users[username])) == EXPECTED[username]


def test_a_county_head_does_not_see_the_county_comparison(org):
    head = make_user("county_head", Role.HEAD, org.county_a, "县主任")
    assert "县区对比" not in labels(menu_for(head))[0][1]


def test_every_entry_links_to_its_page(org):
    urls = {e["label"]: e["url"] for name in ROLE_USERNAMES for g in menu_for(org.users[name]) for e in g["entries"]}
    assert "#" not in urls.values()
    assert urls["县区对比"] == "/counties/" and urls["审核流程"] == "/reviews/flows/" and urls["审计日志"] == "/audit/"


def test_the_menu_is_rendered_on_every_page(org, login):
    html = login(org.county_staff).get("/", follow=True).content.decode()
    assert "导入工作要点" in html and "/counties/" not in html


def test_the_menus_addresses_are_reversed_once_and_follow_the_script_prefix(org):
    from django.urls import clear_script_prefix, set_script_prefix

    from django.urls import reverse

    from ideowork.core.menu import tabs_for

    entries = [entry for section in menu_for(org.cadre) for entry in section["entries"]]
    assert entries and all(entry["url"].startswith("/") for entry in entries)
    assert {tab["url"] for tab in tabs_for(org.cadre)} >= {reverse("learning:exam_list")}
    set_script_prefix("/ideowork/")
    try:
        assert all(entry["url"].startswith("/ideowork/")
                   for section in menu_for(org.cadre) for entry in section["entries"])
    finally:
        clear_script_prefix()
        set_script_prefix("/")
    assert [entry["url"] for section in menu_for(org.cadre) for entry in section["entries"]] == \
           [entry["url"] for entry in entries]
