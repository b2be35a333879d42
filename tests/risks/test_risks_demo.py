"""The demo's risk register: every status and every level, in the city office and a county bureau."""

from django.utils import timezone

from ideowork.demo import people, risks
from ideowork.demo.context import DemoContext, png_photo
from ideowork.risks.choices import RiskStatus
from ideowork.risks.models import Risk


def test_the_demo_register_has_every_status_and_level_in_the_city_and_a_county(db):
    ctx = DemoContext(today=timezone.localdate(), photo=png_photo())
    people.build(ctx, log=lambda *_: None)
    lines = []
    risks.build(ctx, log=lines.append)
    assert "已建立风险隐患台账：9项" in lines[-1]
    for organ in (ctx.units["city"], ctx.units["county:0"]):
        mine = Risk.objects.filter(org_unit__organ=organ)
        assert {r.status for r in mine} >= {RiskStatus.OPEN, RiskStatus.RECTIFYING, RiskStatus.CLOSING,
                                             RiskStatus.ACCEPTED}
    city = Risk.objects.filter(org_unit__organ=ctx.units["city"])
    assert {r.status for r in city} == set(RiskStatus.values)
    assert {r.inherent_level for r in city} == {0, 1, 2, 3}
