"""The youth programme in a real browser: a mentor pair and its meetings; an essay contest from
launch to published results, judged anonymously by two judges."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ideowork.ledger.models import Activity
from ideowork.learning.models import EssayContest, EssaySubmission, MentorPair
from tests.conftest import screenshot

from .browser import fill_in, save_form, submit

pytestmark = pytest.mark.browser


def test_admin_pairs_a_mentor_and_the_mentee_records_meetings(org, page_as):
    admin = page_as(org.staff)
    admin.goto("/learning/youth/")
    admin.click("text=＋ 导师带徒结对")
    admin.select_option("#id_mentor", str(org.section_chief.pk))
    admin.select_option("#id_mentee", str(org.cadre.pk))
    admin.fill("#id_goals", "一年内系统学习党的创新理论，完成调研报告1篇。")
    save_form(admin, "youth-pair-form", "已建立结对")
    pair = MentorPair.objects.get()

    mentee = page_as(org.cadre)
    mentee.goto(f"/learning/youth/pairs/{pair.pk}/")
    mentee.fill("#id_topic", "共同研读《习近平谈治国理政》第四卷")
    mentee.fill("#id_notes", "导师讲解了第一专题，布置了读书笔记。")
    submit(mentee)
    mentee.wait_for_selector("text=已记录带徒活动")
    mentee.fill("#id_topic", "")
    mentee.fill("#id_notes", "")
    submit(mentee)
    mentee.wait_for_selector(".has-error")
    assert pair.meetings.count() == 1
    mentee.goto(f"/learning/youth/pairs/{pair.pk}/")
    assert "共同研读" in mentee.inner_text(".meetings")
    screenshot(mentee, "youth-pair-detail")
    mentee.goto("/learning/youth/")
    screenshot(mentee, "youth-home")


def test_essay_contest_end_to_end_with_two_judges(org, page_as, tmp_path):
    admin = page_as(org.staff)
    admin.goto("/learning/youth/contests/new/")
    fill_in(admin, title="“青春心向党”主题征文", theme="学习新思想 建功新时代", description="字数3000字以内，须为原创。")
    for judge in (org.principal, org.deputy):
        admin.check(f"#id_judges input[value='{judge.pk}']")
    # The form proposes 09:00 today; open the window an hour ago so entries are taken at any hour.
    fill_in(admin, opens_at=f"{timezone.localtime() - timedelta(hours=1):%Y-%m-%dT%H:%M}",
            first_prizes="1", second_prizes="1", third_prizes="0", merit_prizes="1")
    save_form(admin, "youth-contest-form", "已保存征文")
    contest = EssayContest.objects.get()
    assert set(contest.judges.all()) == {org.principal, org.deputy}

    entries = [(org.cadre, "我心向党", "青春因奋斗而精彩。" * 20), (org.county_staff, "扎根基层", "在基层一线践行初心。" * 20),
               (org.section_chief, "学思践悟", "学而思，思而行。" * 20)]
    for author, title, body in entries:
        page = page_as(author)
        page.goto(f"/learning/youth/contests/{contest.pk}/")
        page.click("a.btn:has-text('提交作品')")
        page.fill("#id_title", title)
        page.fill("#id_body", body)
        if author == org.county_staff:
            attachment = tmp_path / "扎根基层-周专干.txt"
            attachment.write_text("附：调研数据。", encoding="utf-8")
            page.set_input_files("#id_upload", str(attachment))
            screenshot(page, "youth-essay-form")
        submit(page)
        page.wait_for_selector("text=已提交作品")
    screenshot(page, "youth-contest-entrant")
    assert EssaySubmission.objects.filter(contest=contest).count() == 3

    # The window closes.
    EssayContest.objects.filter(pk=contest.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    scores = {"principal": {"我心向党": 92, "扎根基层": 85, "学思践悟": 70},
              "deputy": {"我心向党": 88, "扎根基层": 86, "学思践悟": 75}}
    for judge_name, by_title in scores.items():
        judge = page_as(getattr(org, judge_name))
        judge.goto(f"/learning/youth/contests/{contest.pk}/judge/")
        html = judge.content()
        for author, _, _ in entries:
            assert author.name not in html and author.username not in html
        assert "作品1" in html and "作品3" in html
        screenshot(judge, f"youth-judge-list-{judge_name}")
        judge.locator("a.btn:has-text('评分')").first.click()
        for _ in range(3):
            judge.wait_for_selector("#id_score")
            title = judge.inner_text("h1").split("：", 1)[1]
            assert all(author.name not in judge.content() for author, _, _ in entries)
            judge.fill("#id_score", str(by_title[title]))
            judge.fill("#id_comment", "立意鲜明，论述充分。")
            if judge_name == "principal" and title == "扎根基层":
                screenshot(judge, "youth-judge-entry")
                with judge.expect_download() as download:
                    judge.click("text=下载作品文件")
                assert download.value.suggested_filename.startswith("作品")
            submit(judge)
            judge.wait_for_selector("text=已保存对作品")
        assert "已评 3 / 3 篇" in judge.inner_text("main").replace("\n", " ")

    admin = page_as(org.staff)
    admin.goto(f"/learning/youth/contests/{contest.pk}/")
    admin.wait_for_selector("text=评分已全部完成")
    screenshot(admin, "youth-contest-judged")
    admin.click("button:has-text('公布评审结果')")
    admin.wait_for_selector("text=已公布评审结果")
    results = admin.inner_text("table.results")
    assert org.cadre.name in results and "一等奖" in results and "二等奖" in results and "优秀奖" in results
    first_row = admin.locator("table.results tbody tr").first.inner_text()
    assert "我心向党" in first_row and "90.00" in first_row
    screenshot(admin, "youth-contest-results")
    activity = Activity.objects.for_source(contest).get()
    assert activity.participants.count() == 3
