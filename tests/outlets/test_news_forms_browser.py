"""In a real browser: the publicity staff fill in the news forms — an expert for the library, a press
conference and a policy interpretation by that expert — and each lands in its list and the ledger."""

import pytest
from django.utils import timezone

from ideowork.ledger.models import Activity
from ideowork.outlets.models import Expert, PolicyInterpretation, PressConference
from tests.conftest import screenshot

from ..ledger.browser import fill_form

pytestmark = pytest.mark.browser


def submit(page):
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")


def test_staff_record_an_expert_a_press_conference_and_an_interpretation(org, page_as):
    day = timezone.localdate().isoformat()
    page = page_as(org.staff)

    page.goto("/outlets/experts/new/")
    fill_form(page, name="王立新", organisation="市委党校", position="教授", expertise="机构改革、编制管理")
    screenshot(page, "outlets-expert-form")
    submit(page)
    expert = Expert.objects.get(name="王立新")
    assert "王立新" in page.inner_text("main")

    page.goto("/outlets/press/new/")
    fill_form(page, title="机构编制工作新闻发布会", held_on=day, place="市政府新闻发布厅", spokespeople="市委编办主任",
              topics="介绍机构改革进展", media_count=6)
    screenshot(page, "outlets-press-form")
    submit(page)
    conference = PressConference.objects.get(title="机构编制工作新闻发布会")
    assert Activity.objects.for_source(conference).filter(kind="press_conference").exists()

    page.goto("/outlets/interpretations/new/")
    fill_form(page, policy_title="关于深化事业单位改革的实施意见", issuing_body="市委办公室", published_on=day)
    page.select_option("select[name=form]", index=0)
    fill_form(page, channel="市政府门户网站“政策解读”栏目")
    page.locator(f"input[name=experts][value='{expert.pk}']").check()
    screenshot(page, "outlets-interpretation-form")
    submit(page)
    interpretation = PolicyInterpretation.objects.get(policy_title="关于深化事业单位改革的实施意见")
    assert list(interpretation.experts.all()) == [expert]
    assert Activity.objects.for_source(interpretation).filter(kind="interpretation").exists()
    assert "关于深化事业单位改革的实施意见" in page.inner_text("main")
