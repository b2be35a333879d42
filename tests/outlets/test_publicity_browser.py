"""In a real browser: the publicity staff records a 市级 placement with a clipping and sees the
市级以上 figure go up, then answers a public question that had gone past its deadline."""

import pytest
from django.utils import timezone

from ideowork.outlets.models import ExternalPlacement, PublicQuestion, QuestionStatus
from tests.conftest import screenshot
from tests.ledger.files import png_bytes

from ..ledger.browser import fill_form
from .publicity_builders import build_publicity_demo, plan_with_media_target

pytestmark = pytest.mark.browser


def _submit(page):
    page.locator("main form[method=post] button[type=submit]").first.click()


def test_staff_records_a_placement_and_answers_a_question(org, page_as, tmp_path):
    plan_with_media_target(org)
    build_publicity_demo(org)
    page = page_as(org.staff)

    page.goto("/outlets/publicity/")
    assert page.inner_text("[data-testid=media-progress]").replace("\n", "") == "市级以上 13/20篇"
    screenshot(page, "outlets-placement-list")

    page.click("text=＋ 登记刊发稿件")
    fill_form(page, title="市委编办扎实推进机构编制法定化建设", medium="市日报", level="municipal", column="要闻版",
              author_names="赵专干")
    clipping = tmp_path / "市日报剪报.png"
    clipping.write_bytes(png_bytes())
    page.set_input_files("#id_clipping", str(clipping))
    screenshot(page, "outlets-placement-form")
    _submit(page)
    page.wait_for_selector("text=已登记对外宣传稿件，并计入工作要点指标。")
    assert "全年在市级以上媒体刊发稿件不少于20篇" in page.inner_text("main")
    assert page.locator("[data-testid=clipping] img").count() == 1
    screenshot(page, "outlets-placement-detail")
    assert ExternalPlacement.objects.filter(title="市委编办扎实推进机构编制法定化建设").exists()

    page.goto("/outlets/publicity/")
    assert page.inner_text("[data-testid=media-progress]").replace("\n", "") == "市级以上 14/20篇"

    page.goto("/outlets/questions/")
    overdue = PublicQuestion.objects.filter(status=QuestionStatus.PENDING, due_on__lt=timezone.localdate()).first()
    row = page.locator(f"[data-testid=question-{overdue.pk}]")
    assert "row-overdue" in row.get_attribute("class")
    assert page.inner_text("[data-testid=overdue-count] .value") == "2"
    screenshot(page, "outlets-question-list")

    row.get_by_role("link", name="答复", exact=True).click()
    page.fill("#id_answer", "感谢关注。经研究，相关事项已纳入权责清单管理，将于本月在门户网站公开。")
    page.check("#id_publish")
    screenshot(page, "outlets-question-answer")
    _submit(page)
    page.wait_for_selector("text=已答复，并记入工作台账。")
    assert "已公开" in page.inner_text("main")
    screenshot(page, "outlets-question-detail")
    overdue.refresh_from_db()
    assert overdue.status == QuestionStatus.PUBLISHED and overdue.activity.kind == "public_response"

    page.goto("/outlets/questions/")
    assert page.inner_text("[data-testid=overdue-count] .value") == "1"


def test_news_pages_read_well(org, page_as):
    plan_with_media_target(org)
    build_publicity_demo(org)
    page = page_as(org.staff)
    page.goto("/outlets/press/")
    assert page.inner_text("[data-testid=press-count]") == "2"
    screenshot(page, "outlets-press-list")
    page.goto("/outlets/experts/")
    page.click("[data-testid=field-cloud] >> text=机构改革")
    page.wait_for_url("**field=*")
    assert "王立新" in page.inner_text("[data-testid=experts]") and "陈思远" not in page.inner_text("[data-testid=experts]")
    screenshot(page, "outlets-expert-list")
    page.goto("/outlets/interpretations/")
    screenshot(page, "outlets-interpretation-list")
    page.goto("/outlets/questions/new/")
    assert "不登记提问人的姓名、电话、身份证号" in page.inner_text("main")
    screenshot(page, "outlets-question-form")
