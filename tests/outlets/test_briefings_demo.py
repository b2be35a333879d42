"""The briefings demo: an issued briefing for every past month of the year, this month's in review."""

from datetime import date
from types import SimpleNamespace

from django.utils import timezone

from ideowork.core.choices import Role
from ideowork.ledger.models import TargetCredit
from ideowork.outlets.models import BriefingIssue
from ideowork.demo.outlets.briefings import build
from tests.factories import make_plan, make_user

from .access_briefings import make_series, record


def test_the_demo_issues_a_briefing_for_every_past_month(org):
    today = timezone.localdate()
    make_user("chief2", Role.SECTION_CHIEF, org.theory, "刘科长")  # the demo has six section chiefs
    plan = make_plan(org.city, year=today.year, creator=org.staff)
    target = plan.items.get(number=2).targets.get(text="每月编发1期工作简报")
    series = make_series(org)
    for month in range(1, today.month + 1):
        record(org, f"{month}月理论学习中心组集中学习", date(today.year, month, 1), summary="学习全会精神。")
        record(org, f"{month}月意识形态形势研判会", date(today.year, month, 1), kind="analysis")
    ctx = SimpleNamespace(today=today, units={"city": org.city}, photo=b"",
                          users={"liuyang": org.section_chief, "zhangwei": org.principal})
    lines = []
    build(ctx, log=lines.append)

    issues = list(BriefingIssue.objects.filter(series=series).order_by("number"))
    assert [i.month for i in issues] == list(range(1, today.month + 1))
    assert [i.number for i in issues] == list(range(1, today.month + 1))
    *past, current = issues
    assert all(i.content.status == "published" for i in past)
    assert current.content.status == "in_review"
    assert all(i.entries.filter(activity__isnull=False).count() == 2 for i in issues)
    assert all(i.content.published_at.month == i.month for i in past)
    assert TargetCredit.objects.filter(target=target).count() == len(past)
    assert "本月一期在审核中" in lines[-1]


def test_the_demo_skips_without_the_series(org):
    lines = []
    build(SimpleNamespace(today=timezone.localdate(), units={"city": org.city}, users={}), log=lines.append)
    assert "跳过" in lines[0] and not BriefingIssue.objects.exists()
