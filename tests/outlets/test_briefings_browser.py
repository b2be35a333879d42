"""In a real browser: the publicity staff compiles this month's briefing from two ledger activities and
a note, sees its number (第N期), downloads the Word file; the year's grid shows issued and missing months."""

import io
from datetime import date

import pytest
from django.utils import timezone
from docx import Document

from ideowork.outlets.actions.briefings import do_create_issue, do_publish_issue, do_submit_issue
from ideowork.outlets.models import BriefingIssue
from tests.conftest import screenshot

from .access_briefings import approve_through, make_series, proofreader, record

pytestmark = pytest.mark.browser


def test_staff_compiles_this_months_briefing_and_downloads_it(org, page_as, tmp_path):
    proofreader(org)
    series = make_series(org)
    today = timezone.localdate()
    # Two earlier months went out; the month before last is missing.
    issued_months = [m for m in (1, 2) if m < today.month]
    for month in issued_months:
        issue = do_create_issue(org.staff, series, month=date(today.year, month, 1),
                                notes=[("工作动态", f"{month}月份机构编制工作情况。")])
        do_submit_issue(org.staff, issue)
        approve_through(issue)
        do_publish_issue(org.staff, issue)
    first = record(org, "理论学习中心组集中学习", today.replace(day=1), summary="学习党的二十届四中全会精神。")
    second = record(org, "意识形态工作专题会议", today, kind="meeting", place="三楼会议室",
                    summary="研究部署第四季度意识形态工作。")
    record(org, "机关宣传栏内容检查", today, kind="inspection")  # listed, not chosen

    page = page_as(org.staff)
    page.goto(f"/outlets/briefings/new/?series={series.pk}")
    picks = page.locator("[data-testid=activity-picks]")
    assert "理论学习中心组集中学习" in picks.inner_text() and "机关宣传栏内容检查" in picks.inner_text()
    number = len(issued_months) + 1
    assert f"第{number}期（总第{number}期）" in page.inner_text("[data-testid=next-number]")
    page.check(f"input[name=activities][value='{first.pk}']")
    page.check(f"input[name=activities][value='{second.pk}']")
    page.fill("#id_note_heading_1", "经验交流")
    page.fill("#id_note_text_1", "各县（市、区）委编办把意识形态工作融入机构编制日常业务。")
    page.click("[data-testid=preview]")
    paper = page.locator("[data-testid=briefing-paper]")
    assert "研究部署第四季度意识形态工作。" in paper.inner_text()
    assert page.is_checked(f"input[name=activities][value='{first.pk}']")  # the choice survives the preview
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "outlets-briefing-create")
    page.click("[data-testid=create]")
    page.wait_for_selector("text=请核对后提交审核")
    assert f"第{number}期（总第{number}期）" in page.inner_text("[data-testid=issue-title]")
    issue = BriefingIssue.objects.get(number=number, year=today.year)
    assert [e.heading for e in issue.entries.all()] == ["理论学习中心组集中学习", "意识形态工作专题会议", "经验交流"]
    assert "content" in page.get_attribute("[data-testid=review-link]", "href")
    screenshot(page, "outlets-briefing-detail")

    with page.expect_download() as download_info:
        page.click("[data-testid=download-docx]")
    download = download_info.value
    assert download.suggested_filename == f"机构编制工作简报{today.year}年第{number}期.docx"
    path = tmp_path / "briefing.docx"
    download.save_as(path)
    texts = [p.text for p in Document(io.BytesIO(path.read_bytes())).paragraphs]
    assert texts[0] == "机构编制工作简报" and f"第{number}期（总第{number}期）" in texts
    assert "各县（市、区）委编办把意识形态工作融入机构编制日常业务。" in texts

    page.goto(f"/outlets/briefings/{issue.pk}/edit/")
    page.fill("#id_entries-2-text", "各县（市、区）委编办把意识形态工作融入机构编制日常业务，做到同部署、同落实。")
    page.fill("#id_note", "补充经验做法")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "outlets-briefing-edit")
    page.click("main form[method=post] button[type=submit]")
    page.wait_for_selector("text=已保存修改")
    assert "做到同部署、同落实。" in page.inner_text("[data-testid=briefing-paper]")
    assert "第2版" in page.inner_text("[data-testid=review-box]")
    assert page.locator(".page-head a:text-is('修改')").count() == 1
    page.click("button:has-text('提交审核')")
    page.wait_for_selector("text=已提交审核")
    box = page.inner_text("[data-testid=review-box]")
    assert "审核中" in box and "一校" in box
    assert page.locator(".page-head a:text-is('修改')").count() == 0  # locked while under review
    screenshot(page, "outlets-briefing-detail-review")

    page.goto(f"/outlets/briefings/?series={series.pk}&year={today.year}")
    grid = page.locator("[data-testid=month-grid]")
    for month in issued_months:
        assert grid.locator(f"[data-month='{month}']").get_attribute("data-state") == "done"
    assert grid.locator(f"[data-month='{today.month}']").get_attribute("data-state") == "ontrack"  # in review
    if today.month > 3:
        assert grid.locator("[data-month='3']").get_attribute("data-state") == "overdue"
    assert page.inner_text("[data-testid=issued-months]").startswith(f"{len(issued_months)} / {today.month}")
    screenshot(page, "outlets-briefing-list")
