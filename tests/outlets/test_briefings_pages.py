"""The briefing pages through the test client: the grid, compiling with preview, editing, who gets in."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from ideowork.core.models import User
from ideowork.outlets.actions.briefings import do_create_issue, do_publish_issue, do_submit_issue
from ideowork.outlets.models import BriefingIssue

from .access_briefings import approve_through, make_series, proofreader, record


@pytest.fixture
def series(org):
    proofreader(org)
    return make_series(org)


def compile_form(series, month, activities=(), **extra):
    data = {"series": series.pk, "month": f"{month:%Y-%m}", "activities": [a.pk for a in activities],
            "issue_date": f"{timezone.localdate():%Y-%m-%d}", "editor": "市委编办综合科", "signer": "张主任",
            "report_to": "市委领导同志", "copy_to": "", "distribute_to": "各科室", "copies": 20,
            "note_heading_1": "工作动态", "note_text_1": "召开专题会议。", "action": "create"}
    data.update(extra)
    return data


def test_preview_shows_the_issue_without_creating_it(org, series, login):
    today = timezone.localdate()
    activity = record(org, "理论学习中心组集中学习", today.replace(day=1), summary="学习全会精神。")
    client = login(org.staff)
    page = client.get(reverse("outlets:briefing_create"), {"series": series.pk, "month": f"{today:%Y-%m}"})
    assert page.status_code == 200 and "理论学习中心组集中学习" in page.content.decode()
    url = reverse("outlets:briefing_create")
    response = client.post(url, compile_form(series, today, [activity], action="preview"))
    html = response.content.decode()
    assert response.status_code == 200 and "第1期（总第1期）" in html and "学习全会精神。" in html
    assert not BriefingIssue.objects.exists()
    response = client.post(reverse("outlets:briefing_create"), compile_form(series, today, [activity]))
    issue = BriefingIssue.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("outlets:briefing_detail", args=[issue.pk])
    assert (issue.editor, issue.copies, issue.entries.count()) == ("市委编办综合科", 20, 2)


def test_a_compile_without_content_shows_the_reason(org, series, login):
    today = timezone.localdate()
    response = login(org.staff).post(reverse("outlets:briefing_create"),
                                     compile_form(series, today, note_heading_1="", note_text_1=""))
    assert response.status_code == 200 and "请至少选择一项台账活动或填写一条内容" in response.content.decode()
    assert not BriefingIssue.objects.exists()


def test_editing_on_the_page_makes_a_new_version(org, series, login):
    issue = do_create_issue(org.staff, series, month=timezone.localdate(), notes=[("工作动态", "原稿。")])
    entry = issue.entries.get()
    client = login(org.staff)
    assert client.get(reverse("outlets:briefing_edit", args=[issue.pk])).status_code == 200
    data = {"entries-TOTAL_FORMS": 2, "entries-INITIAL_FORMS": 1, "entries-MIN_NUM_FORMS": 0,
            "entries-MAX_NUM_FORMS": 1000,
            "entries-0-entry": entry.pk, "entries-0-order": 2, "entries-0-heading": "工作动态", "entries-0-text": "改稿。",
            "entries-1-entry": "", "entries-1-order": 1, "entries-1-heading": "要闻", "entries-1-text": "新增。",
            "issue_date": f"{issue.issue_date:%Y-%m-%d}", "editor": issue.editor, "signer": "", "report_to": "",
            "copy_to": "", "distribute_to": "各科室", "copies": 10, "note": "调整顺序"}
    response = client.post(reverse("outlets:briefing_edit", args=[issue.pk]), data)
    assert response.status_code == 302
    issue.refresh_from_db()
    assert [(e.heading, e.text) for e in issue.entries.all()] == [("要闻", "新增。"), ("工作动态", "改稿。")]
    assert issue.content.current_version == 2 and issue.copies == 10


def test_the_grid_marks_issued_missing_and_future_months(org, series, login, travel):
    today = timezone.localdate()
    if today.month < 3:  # the grid needs two past months of this year: look at it from later in the year
        travel(f"{today.year}-06-15T10:00")
        today = timezone.localdate()
        # The test organisation's passwords were set in January: past the 90-day expiry by June.
        User.objects.update(password_changed_at=timezone.now())
    issue = do_create_issue(org.staff, series, month=date(today.year, 1, 1), notes=[("工作动态", "一月情况。")])
    do_submit_issue(org.staff, issue)
    approve_through(issue)
    do_publish_issue(org.staff, issue)
    response = login(org.cadre).get(reverse("outlets:briefing_list"), {"series": series.pk})
    cells = {c["month"]: c["state"] for c in response.context["cells"]}
    assert cells[1] == "done" and cells[2] == "overdue" and cells[today.month] == "none"
    assert all(cells[m] == "future" for m in range(today.month + 1, 13))
    assert response.context["issued_months"] == 1 and response.context["missing_months"] == today.month - 2
    assert not response.context["can_manage"]  # the cadre reads, the publicity staff compile


def test_who_gets_in(org, series, login):
    issue = do_create_issue(org.staff, series, month=timezone.localdate(), notes=[("工作动态", "内容。")])
    assert login(org.cadre).get(reverse("outlets:briefing_create")).status_code == 403
    assert login(org.cadre).get(reverse("outlets:briefing_detail", args=[issue.pk])).status_code == 404
    assert login(org.county_staff).get(reverse("outlets:briefing_create")).status_code == 403
    assert login(org.county_staff).get(reverse("outlets:briefing_docx", args=[issue.pk])).status_code == 404
    assert login(org.county_staff).post(reverse("outlets:briefing_submit", args=[issue.pk])).status_code == 404
    assert login(org.principal).get(reverse("outlets:briefing_detail", args=[issue.pk])).status_code == 200
    issue.content.refresh_from_db()
    assert issue.content.status == "draft"


def test_submit_and_publish_from_the_page(org, series, login):
    issue = do_create_issue(org.staff, series, month=timezone.localdate(), notes=[("工作动态", "内容。")])
    client = login(org.staff)
    client.post(reverse("outlets:briefing_submit", args=[issue.pk]))
    issue.content.refresh_from_db()
    assert issue.content.status == "in_review"
    page = client.get(reverse("outlets:briefing_detail", args=[issue.pk])).content.decode()
    assert "一校" in page and reverse("outlets:content_detail", args=[issue.content_id]) in page
    approve_through(issue)
    client = login(org.staff)
    response = client.post(reverse("outlets:briefing_publish", args=[issue.pk]), follow=True)
    assert "已印发" in response.content.decode()
    issue.content.refresh_from_db()
    assert issue.content.status == "published" and issue.content.activity.kind == "briefing"
