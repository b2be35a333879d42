"""Shared builders of the publicity and news tests: the plan with the media target, a placement, and
the publicity demo on the test organisation."""

from types import SimpleNamespace

from django.utils import timezone

from ideowork.core.choices import Role
from ideowork.demo.context import png_photo
from ideowork.demo.outlets import publicity as publicity_demo
from ideowork.outlets.actions.publicity import do_record_placement
from ideowork.plans.models import PlanItem, Target
from tests.factories import make_plan, make_user
from tests.ledger.files import photo

MEDIA_TARGET = "全年在市级以上媒体刊发稿件不少于20篇"


def plan_with_media_target(org):
    """``make_plan`` for this year, with seed 000's media target (and the news targets of seed 001)."""
    plan = make_plan(org.city, year=timezone.localdate().year, creator=org.staff)
    if not Target.objects.filter(item__plan=plan, text__contains="市级以上媒体").exists():
        item = PlanItem.objects.create(plan=plan, section=plan.items.first().section, number=7,
                                       title="提升对外宣传工作质效", order=7, text=f"推送工作亮点稿件，{MEDIA_TARGET}。")
        Target.objects.create(item=item, text=MEDIA_TARGET, count=20, unit="篇", period="year",
                              activity_kinds=["publication"], order=1)
    item = PlanItem.objects.create(plan=plan, section=plan.items.first().section, number=10,
                                   title="创新新闻发布和政策解读工作机制", order=10,
                                   text="定期组织召开新闻发布会；对新出台的重大政策进行解读；对群众关切的问题及时回应。")
    Target.objects.create(item=item, text="全年召开新闻发布会不少于2次", count=2, unit="次", period="year",
                          activity_kinds=["press_conference"], order=1)
    Target.objects.create(item=item, text="全年开展政策解读不少于4次", count=4, unit="次", period="year",
                          activity_kinds=["interpretation"], order=2)
    Target.objects.create(item=item, text="每季度回应群众关切不少于3次", count=3, unit="次", period="quarter",
                          activity_kinds=["public_response"], order=3)
    return plan


def media_target(plan) -> Target:
    return Target.objects.get(item__plan=plan, text=MEDIA_TARGET)


def record_placement(org, *, level="municipal", user=None, unit=None, **changes):
    data = {"org_unit": unit or org.city, "title": "以编制资源优化配置服务基层治理", "medium": "市日报", "level": level,
            "column": "一版", "published_on": timezone.localdate(), "authors": [org.staff], "clipping": photo("剪报.png")}
    data.update(changes)
    return do_record_placement(user or org.staff, **data)


def build_publicity_demo(org, log=lambda *_: None) -> None:
    """The demo's external publicity and news records, built for the test organisation's city office:
    the demo's authors are cadres of the office, its staff member is the office's staff."""
    users = {"zhoujie": org.staff}
    for username in ("zhangwei", "liuyang", "huangmin", "chenjing", "yangfan", "mayue", "wangqiang", "sunpeng",
                     "xuli"):
        users[username] = make_user(username, Role.CADRE, org.office, username)
    ctx = SimpleNamespace(units={"city": org.city}, users=users, today=timezone.localdate(), photo=png_photo())
    publicity_demo.build(ctx, log)
