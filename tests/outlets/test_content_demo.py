"""The content part's demo builds through the services on a small organisation: every stage shows."""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from ideowork.core.actions.reviews import active_stage, open_review
from ideowork.ledger.models import Activity
from ideowork.outlets.choices import ContentStatus
from ideowork.outlets.findings import content_findings
from ideowork.outlets.models import ContentItem, Outlet
from ideowork.demo.outlets import content as content_demo


@dataclass
class Ctx:
    today: date
    units: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)


def build_small_demo(org) -> list[str]:
    """The demo on the test organisation: every author is the office's cadre, the outlets by name."""
    ctx = Ctx(today=timezone.localdate(), units={"city": org.city})
    authors = {a for _, a, *_ in content_demo.ARTICLES}
    ctx.users = {**{name: org.cadre for name in authors}, "zhoujie": org.staff, "lina": org.deputy}
    for name, kind in [("市委编办微信公众号", "wechat"), ("市委编办门户网站", "website"), ("机关宣传栏", "board")]:
        Outlet.objects.create(org_unit=org.city, name=name, kind=kind, responsible=org.staff)
    lines = []
    content_demo.build(ctx, log=lines.append)
    return lines


def test_demo_builds_items_at_every_stage(org):
    lines = build_small_demo(org)
    statuses = sorted(ContentItem.objects.with_status().values_list("state", flat=True))
    assert statuses.count(ContentStatus.PUBLISHED) == 3 and statuses.count(ContentStatus.APPROVED) == 2
    assert {ContentStatus.IN_REVIEW, ContentStatus.RETURNED, ContentStatus.DRAFT} <= set(statuses)
    assert Activity.objects.filter(source="outlets").count() == 3
    in_review = ContentItem.objects.with_status().get(state=ContentStatus.IN_REVIEW)
    assert active_stage(open_review(in_review)).name == "复审"
    assert any(f["severity"] == "error" for f in content_findings(in_review.latest))
    assert ContentItem.objects.get(kind="interview").status == ContentStatus.APPROVED
    assert ContentItem.objects.with_status().get(state=ContentStatus.RETURNED).current_version == 2
    assert "待李娜审核" in lines[-1]
