"""The learner's home page: points, and what is still owed from every part of the area."""

from datetime import timedelta

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from ideowork.core.models import User
from ideowork.learning.actions.reflections import do_review_reflection, do_submit_reflection
from ideowork.learning.actions.sessions import do_close_session, do_mark_signed_in
from ideowork.learning.models import StudySession
from ideowork.learning.participation import participation
from ideowork.learning.actions.points import do_adjust_points, do_award_points
from tests.learning.test_sessions import make_group, schedule


def test_home_lists_upcoming_sessions_and_owed_reflections(org, login):
    group = make_group(org)
    schedule(org, group=group, day=timezone.localdate() + timedelta(days=3), title="学习党的二十届四中全会精神")
    reflection = do_submit_reflection(org.cadre, kind="insight", group=group, title="学习体会", body="体会正文。")
    do_review_reflection(org.staff, reflection, accept=False, comment="请结合本职工作谈体会")
    page = login(org.cadre).get(reverse("learning:home")).content.decode()
    assert "学习党的二十届四中全会精神" in page
    assert "修改退回的心得体会：学习体会" in page
    assert "本年还需提交4篇心得体会或调研报告" in page
    assert "查看我的个人指标完成情况" in page and reverse("reports:me") in page  # the panel reports adds


def test_absentees_are_asked_to_make_up(org, login):
    session = schedule(org, day=timezone.localdate())
    do_mark_signed_in(org.staff, session, org.principal)
    do_close_session(org.staff, StudySession.objects.get(pk=session.pk))
    page = login(org.cadre).get(reverse("learning:home")).content.decode()
    assert f"补学：{session.title}" in page


def test_participation_counts_who_studied(org):
    do_award_points(org.cadre, "read", ref="m:1")
    summary = participation(org.staff, org.city, timezone.localdate())
    assert org.cadre.pk not in summary.idle and org.section_chief.pk in summary.idle
    assert summary.active == 1 and summary.members >= 6
    # The county bureau's people are not the city office's.
    assert org.county_staff.pk not in summary.idle


def test_the_cached_participation_card_follows_every_award_and_staff_change(org):
    """The card is cached under the organ's points version and the people counted: it equals a
    fresh computation after an award, a correction and a person leaving the organ."""
    today = timezone.localdate()

    def card():
        summary = participation(org.staff, org.city, today)
        return summary.active, summary.members, sorted(summary.idle), sorted((u.unit.pk, u.points) for u in summary.units)

    def fresh():
        cache.clear()
        return card()

    first = card()
    assert card() == first  # the second read is the cached one
    do_award_points(org.cadre, "read", ref="m:1")
    assert card() == fresh() and card()[0] == first[0] + 1
    do_adjust_points(org.staff, org.section_chief, 5, note="补记")
    assert card() == fresh() and org.section_chief.pk not in card()[2]
    User.objects.filter(pk=org.cadre.pk).update(org_unit=org.county_a)
    assert card() == fresh() and card()[1] == first[1] - 1


def test_overview_and_dashboard_show_participation(org, login):
    do_award_points(org.cadre, "read", ref="m:1")
    client = login(org.staff)
    page = client.get(reverse("learning:overview")).content.decode()
    assert org.section_chief.name in page
    assert client.get(reverse("learning:overview") + "?days=abc").status_code == 200
    assert login(org.cadre).get(reverse("learning:overview")).status_code == 403


def test_home_lists_open_contests_and_unfinished_materials(org, login):
    from ideowork.learning.models import StudyProgress
    from tests.learning.test_materials import make_article

    article = make_article(org.staff, title="学习贯彻新思想")
    StudyProgress.objects.create(user=org.cadre, org_unit=org.cadre.org_unit, material=article, seconds=20)
    from ideowork.learning.actions.youth import do_save_contest

    now = timezone.now()
    do_save_contest(org.staff, title="青春心向党征文", theme="学习新思想", opens_at=now - timedelta(days=1),
                    closes_at=now + timedelta(days=7), judges=[org.principal, org.deputy], first_prizes=1,
                    second_prizes=1, third_prizes=1, merit_prizes=1)
    page = login(org.cadre).get(reverse("learning:home")).content.decode()
    assert "继续学习：学习贯彻新思想" in page
    assert "征文：青春心向党征文" in page


def test_home_asks_for_todays_quiz_and_open_competitions(org, login):
    from tests.learning.test_competitions import open_competition, take

    competition = open_competition(org)
    page = login(org.cadre).get(reverse("learning:home")).content.decode()
    assert "完成今日答题" in page and f"知识竞赛：{competition.title}" in page
    take(org.cadre, competition)
    assert f"知识竞赛：{competition.title}" not in login(org.cadre).get(reverse("learning:home")).content.decode()


def test_home_lists_open_exams_until_handed_in(org, login):
    from ideowork.learning.actions.exams import do_start_attempt, do_submit_attempt
    from tests.learning.access_exams import make_bank, make_exam

    exam = make_exam(org.staff, org.city, make_bank(org.staff, org.city))
    assert f"参加考试：{exam.title}" in login(org.cadre).get(reverse("learning:home")).content.decode()
    do_submit_attempt(org.cadre, do_start_attempt(org.cadre, exam))
    assert f"参加考试：{exam.title}" not in login(org.cadre).get(reverse("learning:home")).content.decode()
