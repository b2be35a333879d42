"""The youth programme: mentor pairs and their meetings; essay contests judged anonymously,
ranked by average score, awarded by cut-offs, and recorded once in the ledger."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from ideowork.ledger.models import Activity
from ideowork.learning.actions.youth import (do_create_pair, do_publish_results, do_record_meeting, do_save_contest,
                                             do_score_essay, do_submit_essay)
from ideowork.learning.models import EssayContest, EssaySubmission, MentorPair
from tests.factories import make_user


# --- mentor pairs -------------------------------------------------------------------------------

def test_pair_and_meetings(org):
    pair = do_create_pair(org.staff, mentor=org.section_chief, mentee=org.cadre, started_on=date(2026, 1, 5),
                          goals="系统学习党的创新理论")
    do_record_meeting(org.cadre, pair, date=date(2026, 2, 1), topic="共读原著", notes="交流学习体会")
    do_record_meeting(org.section_chief, pair, date=date(2026, 3, 1), topic="调研指导", notes="指导撰写调研报告")
    assert list(pair.meetings.values_list("topic", flat=True)) == ["调研指导", "共读原著"]
    with pytest.raises(PermissionDenied):
        do_record_meeting(org.supervisor, pair, date=date(2026, 3, 2), topic="x", notes="y")
    with pytest.raises(ValidationError, match="不能晚于今天"):
        do_record_meeting(org.cadre, pair, date=timezone.localdate() + timedelta(days=2), topic="x", notes="y")
    with pytest.raises(ValidationError, match="早于结对日期"):
        do_record_meeting(org.cadre, pair, date=date(2025, 12, 1), topic="x", notes="y")


def test_pairs_need_the_same_organ_and_no_duplicates(org):
    with pytest.raises(PermissionDenied):
        do_create_pair(org.county_staff, mentor=org.county_staff, mentee=org.cadre, started_on=date(2026, 1, 5))
    with pytest.raises(ValidationError, match="同一单位"):
        do_create_pair(org.staff, mentor=org.county_staff, mentee=org.cadre, started_on=date(2026, 1, 5))
    with pytest.raises(ValidationError, match="同一人"):
        do_create_pair(org.staff, mentor=org.cadre, mentee=org.cadre, started_on=date(2026, 1, 5))
    do_create_pair(org.staff, mentor=org.section_chief, mentee=org.cadre, started_on=date(2026, 1, 5))
    with pytest.raises(ValidationError, match="已经结对"):
        do_create_pair(org.staff, mentor=org.section_chief, mentee=org.cadre, started_on=date(2026, 1, 5))
    with pytest.raises(PermissionDenied):
        do_create_pair(org.cadre, mentor=org.section_chief, mentee=org.cadre, started_on=date(2026, 1, 5))


def test_a_pair_is_seen_by_the_pair_and_the_managers_only(org, login):
    pair = do_create_pair(org.staff, mentor=org.section_chief, mentee=org.cadre, started_on=date(2026, 1, 5))
    other_cadre = make_user("cadre2", "cadre", org.office, "孙干部")
    url = reverse("learning:pair_detail", args=[pair.pk])
    assert login(org.cadre).get(url).status_code == 200
    assert login(org.principal).get(url).status_code == 200
    assert login(other_cadre).get(url).status_code == 404
    assert login(org.county_staff).get(url).status_code == 404
    response = login(org.cadre).post(url, {"date": "2026-02-02", "topic": "读书会", "notes": "共读《共产党宣言》"})
    assert response.status_code == 302 and pair.meetings.count() == 1
    response = login(org.cadre).post(url, {"date": "2026-02-02", "topic": "", "notes": ""})
    assert 'class="field has-error"' in response.content.decode()
    assert pair.meetings.count() == 1


# --- essay contests ----------------------------------------------------------------------------

@pytest.fixture
def contest(org):
    now = timezone.now()
    return do_save_contest(org.staff, title="青春心向党征文", theme="学习新思想 建功新时代",
                           opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=7),
                           judges=[org.principal, org.deputy, org.section_chief], first_prizes=1, second_prizes=1,
                           third_prizes=1, merit_prizes=1)


def close(contest):
    EssayContest.objects.filter(pk=contest.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    contest.refresh_from_db()


def test_one_entry_per_person_replaced_until_the_deadline(org, contest):
    first = do_submit_essay(org.cadre, contest, title="初稿", body="正文一")
    second = do_submit_essay(org.cadre, contest, title="定稿", body="正文二")
    assert first.pk == second.pk and second.number == 1 and EssaySubmission.objects.count() == 1
    assert do_submit_essay(org.county_staff, contest, title="县里的作品", body="正文").number == 2
    with pytest.raises(ValidationError, match="正文或上传"):
        do_submit_essay(org.staff, contest, title="空", body="")
    with pytest.raises(ValidationError, match="内容与扩展名不符"):
        do_submit_essay(org.staff, contest, title="伪装", upload=SimpleUploadedFile("a.pdf", b"not a pdf"))
    close(contest)
    with pytest.raises(ValidationError, match="已截止"):
        do_submit_essay(org.cadre, contest, title="再改", body="x")


def test_judges_score_anonymously_and_not_their_own(org, contest):
    mine = do_submit_essay(org.section_chief, contest, title="评委自己的", body="正文")
    other = do_submit_essay(org.cadre, contest, title="作品", body="正文")
    with pytest.raises(ValidationError, match="截止后"):
        do_score_essay(org.principal, other, score=90)
    close(contest)
    with pytest.raises(PermissionDenied, match="自己的作品"):
        do_score_essay(org.section_chief, mine, score=100)
    with pytest.raises(PermissionDenied, match="不是本次征文的评委"):
        do_score_essay(org.staff, other, score=60)
    with pytest.raises(ValidationError, match="0至100"):
        do_score_essay(org.principal, other, score=101)
    do_score_essay(org.principal, other, score=80)
    do_score_essay(org.principal, other, score=85, comment="修改")
    assert other.scores.get(judge=org.principal).score == 85


def test_judge_pages_never_show_author_names(org, contest, login):
    entry = do_submit_essay(org.cadre, contest, title="我心向党", body="正文内容")
    do_submit_essay(org.county_staff, contest, title="奋斗青春", body="正文内容",
                    upload=SimpleUploadedFile("周县员-奋斗青春.txt", "奋斗的青春最美丽".encode()))
    close(contest)
    client = login(org.principal)
    pages = [client.get(reverse("learning:contest_judge", args=[contest.pk])),
             client.get(reverse("learning:entry_score", args=[entry.pk]))]
    for page in pages:
        html = page.content.decode()
        assert page.status_code == 200
        assert "作品1" in html
        for name in (org.cadre.name, org.county_staff.name, org.cadre.username, org.county_staff.username):
            assert name not in html
    county_entry = EssaySubmission.objects.get(author=org.county_staff)
    download = client.get(reverse("learning:entry_file", args=[county_entry.pk]))
    assert "%E4%BD%9C%E5%93%812.txt" in download["Content-Disposition"]  # 作品2.txt, not the author's file name
    # a non-judge cadre may not read others' entries
    assert login(org.supervisor).get(reverse("learning:entry_score", args=[entry.pk])).status_code == 404
    assert login(org.supervisor).get(reverse("learning:contest_judge", args=[contest.pk])).status_code == 403


def test_publishing_ranks_awards_reveals_and_records_in_the_ledger(org, contest, login):
    authors = [org.cadre, org.county_staff, org.other_county_staff, org.staff, org.supervisor]
    entries = [do_submit_essay(a, contest, title=f"作品{i}", body="正文") for i, a in enumerate(authors, 1)]
    close(contest)
    scores = {0: (90, 92, 94), 1: (80, 80, 80), 2: (80, 80, 80), 3: (70, 71, 72), 4: (50, 50, 50)}
    judges = [org.principal, org.deputy, org.section_chief]
    for index, entry in enumerate(entries):
        for judge, score in zip(judges, scores[index]):
            if index == 4 and judge == org.section_chief:
                continue
            do_score_essay(judge, entry, score=score)
    with pytest.raises(ValidationError, match="作品5 尚缺 .* 的评分"):
        do_publish_results(org.staff, contest)
    do_score_essay(org.section_chief, entries[4], score=50)
    with pytest.raises(PermissionDenied):
        do_publish_results(org.county_staff, contest)
    do_publish_results(org.staff, contest)
    ranked = {s.author: (s.rank, s.award, str(s.average_score)) for s in contest.submissions.all()}
    assert ranked[org.cadre] == (1, "first", "92.00")
    assert ranked[org.county_staff] == (2, "second", "80.00") and ranked[org.other_county_staff][:2] == (2, "second")
    assert ranked[org.staff] == (4, "merit", "71.00")  # the third place went to the tie above
    assert ranked[org.supervisor] == (5, "", "50.00")
    activity = Activity.objects.for_source(contest).get()
    assert activity.source == "learning" and set(activity.participants.all()) == set(authors)
    with pytest.raises(ValidationError, match="已经公布"):
        do_publish_results(org.staff, contest)
    with pytest.raises(ValidationError, match="已公布"):
        do_score_essay(org.principal, entries[0], score=10)
    html = login(org.cadre).get(reverse("learning:contest_detail", args=[contest.pk])).content.decode()
    assert org.county_staff.name in html and "一等奖" in html


def test_contests_reach_the_units_below(org, contest, login):
    url = reverse("learning:contest_detail", args=[contest.pk])
    assert login(org.county_staff).get(url).status_code == 200
    assert login(org.gov_staff).get(url).status_code == 404
    response = login(org.county_staff).post(reverse("learning:essay_submit", args=[contest.pk]),
                                            {"title": "县里的作品", "body": "正文"})
    assert response.status_code == 302
    assert login(org.gov_staff).post(reverse("learning:essay_submit", args=[contest.pk]),
                                     {"title": "x", "body": "y"}).status_code == 404


def test_contest_window_and_judges_are_checked(org):
    now = timezone.now()
    with pytest.raises(ValidationError):
        do_save_contest(org.staff, title="征文", theme="主题", opens_at=now, closes_at=now - timedelta(days=1),
                        judges=[org.principal])
    with pytest.raises(ValidationError, match="评委"):
        do_save_contest(org.staff, title="征文", theme="主题", opens_at=now, closes_at=now + timedelta(days=1),
                        judges=[])
    with pytest.raises(PermissionDenied):
        do_save_contest(org.county_staff, title="征文", theme="主题", opens_at=now,
                        closes_at=now + timedelta(days=1), judges=[org.principal])


def test_youth_pages_render(org, contest, login):
    pair = do_create_pair(org.staff, mentor=org.section_chief, mentee=org.cadre, started_on=date(2026, 1, 5))
    for user in (org.cadre, org.staff, org.county_staff, org.principal):
        client = login(user)
        assert client.get(reverse("learning:youth_home")).status_code == 200
        assert client.get(reverse("learning:contest_detail", args=[contest.pk])).status_code == 200
    assert login(org.staff).get(reverse("learning:pair_detail", args=[pair.pk])).status_code == 200
    assert MentorPair.objects.visible_to(org.county_staff).count() == 0
