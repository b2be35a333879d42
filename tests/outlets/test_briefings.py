"""The monthly 工作简报: numbering, compiling, editing, review and 印发, the Word file, who may do what."""

import io
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from docx import Document
from docx.oxml.ns import qn

from ideowork.core.access import can
from ideowork.core.models import AuditEvent
from ideowork.ledger.actions import do_record_activity
from ideowork.ledger.models import TargetCredit
from ideowork.outlets.actions import briefings as service
from ideowork.outlets.actions.briefings import (EntryData, do_create_issue, do_publish_issue, do_submit_issue,
                                                do_update_issue, entry_from_activity)
from ideowork.outlets.briefing_docx import briefing_document
from ideowork.outlets.choices import ContentStatus
from ideowork.outlets.models import BriefingIssue, ContentItem
from tests.factories import make_plan

from .access_briefings import approve_through, make_series, proofreader, record

NOTE = ("工作动态", "市委编办召开意识形态工作专题会议，研究部署第四季度重点工作。")


@pytest.fixture
def series(org):
    proofreader(org)
    return make_series(org)


def this_month(day=1):
    return timezone.localdate().replace(day=day)


def new_issue(org, series, month=None, **kwargs):
    kwargs.setdefault("notes", [NOTE])
    return do_create_issue(org.staff, series, month=month or this_month(), **kwargs)


# --- numbering --------------------------------------------------------------------------------------
def test_issues_are_numbered_in_the_year_and_over_the_series(org, series):
    year = timezone.localdate().year - 1  # a year whose months have all come, even in January
    first = new_issue(org, series, date(year, 1, 1))
    second = new_issue(org, series, date(year, 2, 1))
    earlier_year = new_issue(org, series, date(year - 1, 12, 1))
    assert (first.number, first.serial) == (1, 1)
    assert (second.number, second.serial) == (2, 2)
    assert (earlier_year.year, earlier_year.number, earlier_year.serial) == (year - 1, 1, 3)
    assert second.content.title == f"机构编制工作简报{year}年第2期"
    assert "第2期（总第2期）" in second.content.latest.body


def test_a_series_numbered_before_keeps_counting_from_its_serial(org, series):
    first = new_issue(org, series, this_month(), first_serial=125)
    second = new_issue(org, series, this_month(), first_serial=1)  # ignored once the series has issues
    assert (first.number, first.serial, second.number, second.serial) == (1, 125, 2, 126)


def test_two_editors_at_once_never_get_the_same_number(org, series, monkeypatch):
    """Simulated race: between reading the next numbers and inserting, another editor's issue with
    those very numbers is committed. The insert hits the unique constraint and is retried."""
    real = service.next_numbers
    calls = []

    def racing(series_, year, first_serial=None):
        numbers = real(series_, year, first_serial)
        if not calls:
            calls.append(numbers)
            monkeypatch.setattr(service, "next_numbers", real)  # the other editor uses the real one
            do_create_issue(org.section_chief, series_, month=this_month(), notes=[NOTE])
            monkeypatch.setattr(service, "next_numbers", racing)
        return numbers

    monkeypatch.setattr(service, "next_numbers", racing)
    mine = new_issue(org, series, this_month())
    other = BriefingIssue.objects.exclude(pk=mine.pk).get()
    assert calls == [(1, 1)]
    assert (other.created_by, other.number, other.serial) == (org.section_chief, 1, 1)
    assert (mine.number, mine.serial) == (2, 2)
    assert ContentItem.objects.count() == 2  # the failed attempt left nothing behind


def test_the_database_refuses_a_duplicate_number(org, series):
    issue = new_issue(org, series)
    content = new_issue(org, series).content
    duplicate = BriefingIssue(series=series, content=content, year=issue.year, number=issue.number, serial=99,
                              month=issue.month, issue_date=issue.issue_date, editor="x", created_by=org.staff)
    with pytest.raises(IntegrityError), transaction.atomic():
        BriefingIssue.objects.filter(pk=content.briefing_issue.pk).delete()
        duplicate.save()


# --- compiling --------------------------------------------------------------------------------------
def test_entries_are_compiled_from_activities_and_notes(org, series):
    later = record(org, "意识形态工作专题会议", this_month(2), kind="meeting", place="三楼会议室",
                   summary="传达学习上级会议精神。\n部署下一阶段重点任务。")
    earlier = record(org, "理论学习中心组集中学习", this_month(1), summary="学习党的二十届四中全会精神。")
    issue = new_issue(org, series, activities=[later, earlier], notes=[NOTE, ("", "")])
    entries = list(issue.entries.all())
    assert [e.heading for e in entries] == ["理论学习中心组集中学习", "意识形态工作专题会议", "工作动态"]
    assert [e.activity for e in entries] == [earlier, later, None]
    month = this_month().month
    assert entries[1].text.splitlines() == [f"{month}月2日，秘书科在三楼会议室召开会议。传达学习上级会议精神。",
                                            "部署下一阶段重点任务。"]
    body = issue.content.latest.body
    for text in ("第1期（总第1期）", "理论学习中心组集中学习", "部署下一阶段重点任务。", NOTE[1], "共印30份",
                 "发：机关各科室，各县（市、区）委编办", "市委编办秘书科编"):
        assert text in body
    assert body.index("理论学习中心组") < body.index("意识形态工作专题会议") < body.index("工作动态")
    content = issue.content
    assert (content.kind, content.outlet, content.status, content.current_version) == ("briefing", series, "draft", 1)
    assert AuditEvent.objects.filter(event_type="outlets.briefing.create", subject_id=str(issue.pk)).exists()


def test_an_entry_says_what_was_done_without_web_addresses(org, series):
    activity = record(org, "门户网站检查", this_month(1), kind="inspection", place="https://jgbz.example.gov.cn")
    assert entry_from_activity(activity).text == f"{this_month().month}月1日，秘书科开展检查。"


def test_masthead_and_distribution_carry_over_to_the_next_issue(org, series):
    new_issue(org, series, signer="张主任", report_to="市委领导同志", copy_to="", distribute_to="各科室", copies=12)
    following = new_issue(org, series)
    assert (following.signer, following.report_to, following.distribute_to, following.copies) == (
        "张主任", "市委领导同志", "各科室", 12)
    assert "送：" not in following.content.latest.body


def test_bad_input_is_refused_in_chinese(org, series):
    with pytest.raises(ValidationError) as exc:
        new_issue(org, series, notes=[])
    assert "请至少选择一项台账活动或填写一条内容" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        new_issue(org, series, notes=[("只有标题", "")])
    assert "缺少正文" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        new_issue(org, series, month=timezone.localdate() + timedelta(days=40))
    assert "尚未到来" in str(exc.value)
    with pytest.raises(ValidationError):
        new_issue(org, series, copies=0)
    assert not BriefingIssue.objects.exists()


def test_another_organs_activity_cannot_be_compiled(org, series):
    theirs = do_record_activity(org.gov_staff, org_unit=org.gov, kind="study", title="市政府机关学习",
                                date=this_month())
    with pytest.raises(PermissionDenied):
        new_issue(org, series, activities=[theirs])


# --- editing, review and 印发 --------------------------------------------------------------------------
def test_editing_makes_a_new_version_and_is_refused_under_review(org, series):
    issue = new_issue(org, series)
    do_update_issue(org.staff, issue, entries=[EntryData("工作动态", "修改后的内容。"), EntryData("新增一条", "补充。")],
                    copies=40, note="按意见修改")
    issue.refresh_from_db()
    content = issue.content
    assert content.current_version == 2 and content.latest.note == "按意见修改"
    assert "修改后的内容。" in content.latest.body and "共印40份" in content.latest.body
    assert [e.heading for e in issue.entries.all()] == ["工作动态", "新增一条"]
    do_submit_issue(org.staff, issue)
    with pytest.raises(ValidationError) as exc:
        do_update_issue(org.staff, issue, copies=50)
    assert "正在审核中" in str(exc.value)
    issue.refresh_from_db()
    assert issue.copies == 40 and issue.content.current_version == 2


def test_an_issued_briefing_counts_toward_the_monthly_target(org, series):
    plan = make_plan(org.city, year=timezone.localdate().year, creator=org.staff)
    target = plan.items.get(number=2).targets.get(text="每月编发1期工作简报")
    issue = new_issue(org, series)
    do_submit_issue(org.staff, issue)
    issue.content.refresh_from_db()
    assert issue.content.status == ContentStatus.IN_REVIEW
    approve_through(issue)
    issue.content.refresh_from_db()
    assert issue.content.status == ContentStatus.APPROVED
    do_publish_issue(org.staff, issue)
    issue.content.refresh_from_db()
    activity = issue.content.activity
    assert issue.content.status == ContentStatus.PUBLISHED and activity.kind == "briefing"
    assert TargetCredit.objects.filter(activity=activity, target=target).exists()
    with pytest.raises(ValidationError) as exc:
        do_update_issue(org.staff, issue, copies=5)
    assert "已印发" in str(exc.value)


def test_an_unapproved_issue_cannot_be_issued(org, series):
    issue = new_issue(org, series)
    with pytest.raises(ValidationError):
        do_publish_issue(org.staff, issue)


# --- who may do what --------------------------------------------------------------------------------
def test_only_the_organs_publicity_staff_manage_issues(org, series):
    assert can(org.staff, "compile", series) and can(org.section_chief, "compile", series)
    for user in (org.cadre, org.supervisor, org.county_staff, org.gov_staff, org.sysadmin):
        assert not can(user, "compile", series)
        with pytest.raises(PermissionDenied):
            do_create_issue(user, series, month=this_month(), notes=[NOTE])
    issue = new_issue(org, series)
    with pytest.raises(PermissionDenied):
        do_update_issue(org.county_staff, issue, copies=3)
    with pytest.raises(PermissionDenied):
        do_submit_issue(org.cadre, issue)


def test_who_sees_which_issue(org, series):
    issue = new_issue(org, series)
    visible = lambda user: BriefingIssue.objects.visible_to(user).filter(pk=issue.pk).exists()  # noqa: E731
    assert visible(org.staff) and visible(org.principal) and visible(org.section_chief)
    assert not visible(org.cadre)  # a draft is not the cadres' business
    assert not visible(org.county_staff) and not visible(org.gov_staff) and not visible(org.auditor)
    do_submit_issue(org.staff, issue)
    approve_through(issue)
    do_publish_issue(org.staff, issue)
    assert visible(org.cadre)  # an issued briefing is read in the whole office
    assert not visible(org.county_staff)


# --- the Word file ----------------------------------------------------------------------------------
def test_the_word_file_has_the_briefing_layout(org, series):
    activity = record(org, "理论学习中心组集中学习", this_month(1), summary="学习党的二十届四中全会精神。")
    issue = new_issue(org, series, activities=[activity], signer="张主任", report_to="市委领导同志", copies=25)
    buffer = io.BytesIO()
    briefing_document(issue).save(buffer)
    document = Document(io.BytesIO(buffer.getvalue()))
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    day = issue.issue_date
    assert texts[0] == "机构编制工作简报"
    assert texts[1] == "第1期（总第1期）"
    assert texts[2] == f"市委编办秘书科编\t{day.year}年{day.month}月{day.day}日"
    month = this_month().month
    assert texts[3:7] == ["理论学习中心组集中学习", f"{month}月1日，秘书科组织集中学习研讨。学习党的二十届四中全会精神。",
                          NOTE[0], NOTE[1]]
    assert texts[-3:] == ["报：市委领导同志", "发：机关各科室，各县（市、区）委编办", "共印25份"]
    masthead = document.paragraphs[0]
    run = masthead.runs[0]
    assert masthead.alignment == 1 and run.bold and str(run.font.color.rgb) == "E60012"
    assert run.font.size.pt >= 36
    heading = next(p for p in document.paragraphs if p.text == NOTE[0])
    assert heading.runs[0].bold
    assert heading.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    body = next(p for p in document.paragraphs if p.text == NOTE[1])
    assert body.paragraph_format.first_line_indent.pt == 32  # two 三号 characters
    byline = document.paragraphs[[p.text for p in document.paragraphs].index(texts[2])]
    assert "E60012" in byline._p.xml  # the red rule under the byline
    copies = document.paragraphs[-1]
    assert copies.text == "共印25份" and copies._p.xml.count("<w:pBdr") == 1
    assert "<w:top " in copies._p.xml or "<w:bottom " in copies._p.xml


def test_the_word_file_downloads(org, series, login):
    issue = new_issue(org, series)
    response = login(org.staff).get(reverse("outlets:briefing_docx", args=[issue.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    assert any(p.text == NOTE[1] for p in Document(io.BytesIO(response.content)).paragraphs)
