"""The demo organisation: the city office with its sections and county bureaus, the municipal
government organ, and who is who in them; ``build`` creates the units and the users."""

from django.contrib.auth.hashers import make_password
from django.db import transaction

from ideowork.core.actions.twofactor import do_set_two_factor_policy
from ideowork.core.choices import OrgKind, Role
from ideowork.core.models import OrgUnit, TwoFactorPolicy, User
from ideowork.core.organ_setup import do_setup_organ
from ideowork.core.system import system_actor

__all__ = ["build", "demo_exists", "leave_two_factor_optional", "DEMO_PASSWORD", "PEOPLE"]

DEMO_PASSWORD = "Ideowork@2026"

CITY = ("市委机构编制委员会办公室", "市委编办")
CITY_SECTIONS = ["秘书科", "综合科", "机构编制一科", "机构编制二科", "监督检查科", "事业单位登记管理科"]
COUNTIES = [("城关区委编办", "城关区"), ("临河县委编办", "临河县"), ("青山县委编办", "青山县")]
GOV = ("市人民政府办公室", "市政府机关")
GOV_SECTIONS = ["秘书一科", "新闻宣传科", "政务公开科"]

# (username, name, role, unit key, title). Unit keys: "city", a section name, "county:N", "gov", "gov:section".
PEOPLE = [
    ("zhangwei", "张伟", Role.HEAD, "city", "主任"),
    ("lina", "李娜", Role.DEPUTY, "city", "副主任"),
    ("wangqiang", "王强", Role.SECTION_CHIEF, "秘书科", "科长"),
    ("liuyang", "刘洋", Role.SECTION_CHIEF, "综合科", "科长"),
    ("chenjing", "陈静", Role.SECTION_CHIEF, "机构编制一科", "科长"),
    ("yangfan", "杨帆", Role.SECTION_CHIEF, "机构编制二科", "科长"),
    ("zhaolei", "赵磊", Role.SECTION_CHIEF, "监督检查科", "科长"),
    ("huangmin", "黄敏", Role.SECTION_CHIEF, "事业单位登记管理科", "科长"),
    ("zhoujie", "周杰", Role.STAFF, "综合科", "意识形态专职工作人员"),
    ("wuhao", "吴昊", Role.SUPERVISOR, "监督检查科", "兼职监督员"),
    ("xuli", "徐丽", Role.CADRE, "秘书科", "科员"),
    ("sunpeng", "孙鹏", Role.CADRE, "综合科", "科员"),
    ("mayue", "马悦", Role.CADRE, "机构编制一科", "科员"),
    ("hujun", "胡军", Role.CADRE, "机构编制二科", "科员"),
    ("guoting", "郭婷", Role.CADRE, "监督检查科", "科员"),
    ("linfeng", "林峰", Role.CADRE, "事业单位登记管理科", "科员"),
    ("cg_head", "何建国", Role.HEAD, "county:0", "主任"),
    ("cg_staff", "高敏", Role.STAFF, "county:0", "专职工作人员"),
    ("cg_cadre", "罗鑫", Role.CADRE, "county:0", "科员"),
    ("lh_head", "梁志刚", Role.HEAD, "county:1", "主任"),
    ("lh_staff", "宋佳", Role.STAFF, "county:1", "专职工作人员"),
    ("qs_head", "唐文", Role.HEAD, "county:2", "主任"),
    ("qs_staff", "韩雪", Role.STAFF, "county:2", "专职工作人员"),
    ("gov_head", "冯海", Role.HEAD, "gov", "秘书长"),
    ("gov_deputy", "沈雁", Role.DEPUTY, "gov", "副秘书长"),
    ("gov_chief", "许明", Role.SECTION_CHIEF, "gov:新闻宣传科", "科长"),
    ("gov_staff", "曹琳", Role.STAFF, "gov:新闻宣传科", "专职工作人员"),
    ("gov_cadre", "彭程", Role.CADRE, "gov:秘书一科", "科员"),
    ("gov_lu", "陆遥", Role.CADRE, "gov:政务公开科", "科员"),
    ("gov_qin", "秦悦", Role.CADRE, "gov:新闻宣传科", "科员"),
    ("sysadmin", "系统管理员", Role.SYSADMIN, "city", ""),
    ("secadmin", "安全管理员", Role.SECADMIN, "city", ""),
    ("auditor", "审计管理员", Role.AUDITOR, "city", ""),
]

# The lead section for each item number of the city plan (seed 000's six sections of four items).
CITY_LEADS = {
    1: "综合科", 2: "综合科", 3: "机构编制一科", 4: "秘书科", 5: "秘书科", 6: "综合科", 7: "综合科",
    8: "综合科", 9: "机构编制一科", 10: "机构编制二科", 11: "机构编制一科", 12: "事业单位登记管理科",
    13: "秘书科", 14: "秘书科", 15: "监督检查科", 16: "监督检查科", 17: "秘书科", 18: "综合科",
    19: "监督检查科", 20: "秘书科", 21: "监督检查科", 22: "综合科", 23: "综合科", 24: "监督检查科",
}

KIND_TITLES = {
    "study": "理论学习中心组集中学习研讨", "micro_study": "“每周微学习”", "training": "意识形态专题培训",
    "lecture": "“政策宣讲进基层”宣讲", "research": "思想状况调研", "meeting": "办务会专题研究意识形态工作",
    "inspection": "网络安全检测", "patrol": "网络舆情日常巡查", "screening": "意识形态风险隐患排查",
    "drill": "意识形态应急处置演练", "publication": "市级以上媒体刊发稿件", "briefing": "工作简报",
    "board_update": "宣传栏内容更新", "reflection": "心得体会", "assessment": "意识形态工作日常考核",
    "debriefing": "意识形态工作述职评议", "analysis": "意识形态领域形势分析研判", "other": "意识形态工作",
    "press_conference": "新闻发布会", "interpretation": "重大政策解读", "public_response": "回应群众关切",
    "opinion_patrol": "每日网络舆情巡查", "opinion_response": "网络舆情事件处置",
}

ORG_KINDS = {"organ": OrgKind.ORGAN, "section": OrgKind.SECTION, "county": OrgKind.COUNTY}


def demo_exists() -> bool:
    return OrgUnit.objects.filter(name=CITY[0], parent=None).exists()


def build(ctx, log=print) -> None:
    with transaction.atomic():
        _build_units(ctx)
        _build_people(ctx)
        leave_two_factor_optional()
    log("已建立组织机构和用户。")
    # Every organ starts as a new one would: with the working defaults each area registers (a starter
    # question bank, review flows, points rules …); the later builders add each organ's own records.
    for unit in ctx.units.values():
        if unit.is_organ:
            made = do_setup_organ(system_actor(), unit)
            if made:
                log(f"{unit.display_name}初始配置：" + "；".join(made.values()) + "。")


def leave_two_factor_optional() -> None:
    """Demo accounts sign in with their password alone (a new installation asks the administrators
    and leaders for a second factor), unless the 安全管理员 has already chosen the roles."""
    if not TwoFactorPolicy.objects.exists():
        do_set_two_factor_policy(system_actor(), [])


def _build_units(ctx) -> None:
    city = OrgUnit.objects.create(name=CITY[0], short_name=CITY[1], kind=ORG_KINDS["organ"], sort_order=1)
    ctx.units["city"] = city
    for order, name in enumerate(CITY_SECTIONS, 1):
        ctx.units[name] = OrgUnit.objects.create(name=name, parent=city, kind=ORG_KINDS["section"], sort_order=order)
    for i, (name, short) in enumerate(COUNTIES):
        ctx.units[f"county:{i}"] = OrgUnit.objects.create(name=name, short_name=f"{short}编办", parent=city,
                                                          kind=ORG_KINDS["county"], sort_order=10 + i)
    gov = OrgUnit.objects.create(name=GOV[0], short_name=GOV[1], kind=ORG_KINDS["organ"], sort_order=2)
    ctx.units["gov"] = gov
    for order, name in enumerate(GOV_SECTIONS, 1):
        ctx.units[f"gov:{name}"] = OrgUnit.objects.create(name=name, parent=gov, kind=ORG_KINDS["section"],
                                                          sort_order=order)


def _build_people(ctx) -> None:
    hashed = make_password(DEMO_PASSWORD)
    for username, name, role, unit_key, title in PEOPLE:
        ctx.users[username] = User.objects.create(username=username, display_name=name, role=role,
                                                  org_unit=ctx.units[unit_key], title=title, password=hashed)
