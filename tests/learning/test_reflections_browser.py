"""In a real browser: a cadre submits a reflection, the secretary returns it with a comment on its
审阅 panel, the cadre revises and resubmits, the secretary accepts it and it counts toward the
yearly target."""

import pytest
from django.utils import timezone

from ideowork.ledger.models import Activity, TargetCredit
from ideowork.learning.models import Reflection
from tests.conftest import screenshot
from tests.factories import make_plan

from .browser import save_form, submit

pytestmark = pytest.mark.browser


@pytest.mark.usefixtures("group")
def test_reflection_is_returned_revised_and_accepted(org, page_as):
    plan = make_plan(org.city, year=timezone.localdate().year)

    cadre = page_as(org.cadre)
    cadre.goto("/learning/reflections/")
    assert "0 / 4" in cadre.inner_text("[data-testid=my-count]")
    cadre.click("text=＋ 提交心得体会")
    cadre.fill("#id_title", "学习党的二十届四中全会精神心得体会")
    cadre.fill("#id_body", "通过学习，我深刻认识到……\n\n<script>alert('x')</script>要把学习成果转化为工作实效。")
    save_form(cadre, "learning-reflection-form", "等待学习秘书审阅")
    reflection = Reflection.objects.get()
    assert "<script>alert('x')</script>" in cadre.inner_text(".reflection-body")  # shown as text, never run

    secretary = page_as(org.section_chief)
    secretary.goto(f"/learning/reflections/{reflection.pk}/")
    secretary.check("[data-testid=review-decide] input[value=return_author]")
    secretary.fill("#id_comment", "请结合机构编制工作实际，补充具体举措。")
    screenshot(secretary, "learning-reflection-review")
    secretary.click("[data-testid=review-decide] button:has-text('提交审核意见')")
    secretary.wait_for_selector("text=已退回作者修改")

    cadre.goto(f"/learning/reflections/{reflection.pk}/")
    assert "补充具体举措" in cadre.inner_text("[data-testid=review-returned]")
    cadre.click("text=修改后重新提交")
    cadre.fill("#id_body", "通过学习，我深刻认识到……\n\n一是严格执行编制审批程序；二是加强实名制管理。")
    submit(cadre)
    cadre.wait_for_selector("text=已重新提交")

    secretary.goto(f"/learning/reflections/{reflection.pk}/")
    secretary.click("[data-testid=review-decide] button:has-text('提交审核意见')")
    secretary.wait_for_selector("text=审核意见已提交")
    secretary.wait_for_selector("text=已计入工作台账")
    screenshot(secretary, "learning-reflection-detail")
    activity = Activity.objects.for_source(reflection).get()
    target = plan.items.get(number=1).targets.get(per="person")
    assert TargetCredit.objects.filter(activity=activity, target=target, person=org.cadre).exists()

    secretary.goto("/learning/reflections/")
    table = secretary.inner_text("[data-testid=member-table]")
    assert "孙干部" in table and "未达标" in table
    screenshot(secretary, "learning-reflection-list-secretary")
    cadre.goto("/learning/reflections/")
    assert "1 / 4" in cadre.inner_text("[data-testid=my-count]")
    screenshot(cadre, "learning-reflection-list")
