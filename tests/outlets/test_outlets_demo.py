"""The register's demo data, built on the demo organisation through the services."""

from datetime import timedelta

from django.utils import timezone

from ideowork.ledger.models import Activity
from ideowork.outlets.choices import OutletStatus
from ideowork.outlets.models import Outlet, OutletInspection
from ideowork.demo import people
from ideowork.demo.context import DemoContext, png_photo
from ideowork.demo.outlets import register
from ideowork.demo.plans import import_plan


def test_the_demo_register(db):
    today = timezone.localdate()
    ctx = DemoContext(today=today, photo=png_photo())
    people.build(ctx, log=lambda *_: None)
    plan = import_plan(ctx, "city_office_2026.txt", ctx.units["city"], "zhoujie")
    lines = []
    register.build(ctx, log=lines.append)

    city = Outlet.objects.filter(org_unit=ctx.units["city"])
    assert set(city.values_list("name", flat=True)) == {
        "市委编办微信公众号", "市委编办门户网站", "机关宣传栏", "机构编制荣誉室", "机构编制工作简报", "编办工作群"}
    board = city.get(name="机关宣传栏")
    assert board.responsible.username == "liuyang" and board.item == plan.items.get(number=6)
    assert board.last_updated_on == today - timedelta(days=100) and board.is_overdue(today)
    updates = Activity.objects.for_source(board)
    assert updates.count() == 4 and all(a.evidence.count() == 1 for a in updates)
    assert city.get(name="市委编办微信公众号").responsible.username == "zhoujie"
    assert city.get(name="市委编办门户网站").status == OutletStatus.RECTIFYING
    assert OutletInspection.objects.filter(rectified_on__isnull=False).count() == 1
    assert Outlet.objects.filter(org_unit__kind="county").count() == 4
    dormant = Outlet.objects.get(status=OutletStatus.DORMANT)
    assert dormant.name == "青山县编办干部工作群"
    assert any("长期未更新" in line for line in lines)
