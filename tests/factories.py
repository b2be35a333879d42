"""Builders for test data: an organisation with a named user for every role.

The names match STYLE.md: ``principal`` (第一责任人), ``deputy``, ``section_chief``, ``staff``,
``supervisor``, ``cadre``, ``county_staff``, ``other_county_staff``, ``gov_staff`` (the second organ),
and the three system roles ``sysadmin``, ``secadmin``, ``auditor``.
"""

from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date

from django.contrib.auth.hashers import make_password

from ideowork.core.choices import OrgKind, Role
from ideowork.core.models import OrgUnit, TwoFactorPolicy, User

PASSWORD = "Ideo-Work-2026!"


@dataclass
class Org:
    city: OrgUnit
    office: OrgUnit  # 办公室 section of the city office
    theory: OrgUnit  # 理论学习 section
    county_a: OrgUnit
    county_b: OrgUnit
    gov: OrgUnit
    users: dict = field(default_factory=dict)

    def __getattr__(self, name):
        users = self.__dict__.get("users", {})
        if name in users:
            return users[name]
        raise AttributeError(name)


@lru_cache(maxsize=1)
def password_hash() -> str:
    """The argon2 hash of PASSWORD, computed once: argon2 is slow by design."""
    return make_password(PASSWORD)


def make_user(username: str, role: str, unit: OrgUnit, display_name: str = "", **extra) -> User:
    user = User(username=username, role=role, org_unit=unit, display_name=display_name or username, **extra)
    user.password = password_hash()
    user.save()
    return user


def build_org() -> Org:
    city = OrgUnit.objects.create(name="市委机构编制委员会办公室", short_name="市委编办", kind=OrgKind.ORGAN)
    office = OrgUnit.objects.create(name="秘书科", parent=city, kind=OrgKind.SECTION)
    theory = OrgUnit.objects.create(name="综合科", parent=city, kind=OrgKind.SECTION)
    county_a = OrgUnit.objects.create(name="甲县委编办", parent=city, kind=OrgKind.COUNTY)
    county_b = OrgUnit.objects.create(name="乙县委编办", parent=city, kind=OrgKind.COUNTY)
    gov = OrgUnit.objects.create(name="市人民政府办公室", short_name="市政府机关", kind=OrgKind.ORGAN)
    org = Org(city, office, theory, county_a, county_b, gov)
    org.users = {
        "principal": make_user("principal", Role.HEAD, city, "张主任"),
        "deputy": make_user("deputy", Role.DEPUTY, city, "李副主任"),
        "section_chief": make_user("section_chief", Role.SECTION_CHIEF, office, "王科长"),
        "staff": make_user("staff", Role.STAFF, office, "赵专干"),
        "supervisor": make_user("supervisor", Role.SUPERVISOR, theory, "钱监督员"),
        "cadre": make_user("cadre", Role.CADRE, office, "孙干部"),
        "county_staff": make_user("county_staff", Role.STAFF, county_a, "周专干"),
        "other_county_staff": make_user("other_county_staff", Role.STAFF, county_b, "吴专干"),
        "gov_staff": make_user("gov_staff", Role.STAFF, gov, "郑专干"),
        "sysadmin": make_user("sysadmin", Role.SYSADMIN, city, "系统管理员"),
        "secadmin": make_user("secadmin", Role.SECADMIN, city, "安全管理员"),
        "auditor": make_user("auditor", Role.AUDITOR, city, "审计管理员"),
    }
    # Like the demo, the test organisation signs in with passwords alone; tests of two-factor sign-in
    # (tests/core/test_two_factor*.py) switch it on.
    TwoFactorPolicy.objects.create(pk=1, required_roles=[])
    return org


ROLE_USERNAMES = ["principal", "deputy", "section_chief", "staff", "supervisor", "cadre", "county_staff",
                  "gov_staff", "sysadmin", "secadmin", "auditor"]


def make_plan(unit: OrgUnit, *, year: int = 2026, title: str = "2026年测试工作要点", creator=None):
    """A small plan: two sections, three items, targets of several periods, one per-person."""
    from ideowork.plans.models import PlanItem, PlanSection, Target, WorkPlan

    plan = WorkPlan.objects.create(org_unit=unit, year=year, title=title, issuer=unit.name, created_by=creator)
    s1 = PlanSection.objects.create(plan=plan, number="一", title="强化政治引领", order=1)
    s2 = PlanSection.objects.create(plan=plan, number="二", title="严守阵地防线", order=2)
    i1 = PlanItem.objects.create(plan=plan, section=s1, number=1, title="深化理论武装体系建设", order=1,
                                 text="每月开展1次集中学习研讨，全年集中学习不少于12次，中心组成员撰写心得体会不少于4篇。")
    i2 = PlanItem.objects.create(plan=plan, section=s2, number=2, title="规范内部宣传阵地管理", order=2,
                                 text="每季度更新不少于1次，每月编发1期工作简报。")
    i3 = PlanItem.objects.create(plan=plan, section=s2, number=3, title="完善应急处置预案体系", order=3,
                                 text="每年组织不少于1次意识形态应急处置演练。")
    Target.objects.create(item=i1, text="每月开展1次集中学习研讨", count=1, unit="次", period="month",
                          activity_kinds=["study"], order=1)
    Target.objects.create(item=i1, text="全年集中学习不少于12次", count=12, unit="次", period="year",
                          activity_kinds=["study"], order=2)
    Target.objects.create(item=i1, text="撰写心得体会不少于4篇", count=4, unit="篇", period="year", per="person",
                          activity_kinds=["reflection"], order=3)
    Target.objects.create(item=i2, text="每季度更新不少于1次", count=1, unit="次", period="quarter",
                          activity_kinds=["board_update"], order=1)
    Target.objects.create(item=i2, text="每月编发1期工作简报", count=1, unit="期", period="month",
                          activity_kinds=["briefing"], order=2)
    Target.objects.create(item=i3, text="每年组织不少于1次意识形态应急处置演练", count=1, unit="次", period="year",
                          activity_kinds=["drill"], order=1)
    return plan


def the_date(month: int, day: int = 15, year: int = 2026) -> date:
    return date(year, month, day)
