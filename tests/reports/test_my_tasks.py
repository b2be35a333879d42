"""我的工作 as the staff's start page: the day's tasks, most urgent first, each one tap to act on;
a clear day says so; the page's queries do not grow with the number of tasks."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ideowork.core.actions.reviews import do_submit_for_review
from ideowork.core.models import Notification
from ideowork.ledger.actions import do_record_activity
from ideowork.plans.models import Assignment, Target
from tests.core.reviews_support import make_article
from tests.factories import make_plan

# Mid-year: a yearly count with nothing done is behind pace, a monthly one has missed its months.
MIDYEAR = "2026-06-20T09:00"


@pytest.fixture(autouse=True)
def _no_blockers(monkeypatch):
    monkeypatch.setattr("ideowork.outlets.actions.content.review_blockers", lambda content, stage: [])


@pytest.fixture
def plan(org):
    return make_plan(org.city, year=2026)


def answer_for(org, plan, number, user):
    item = plan.items.get(number=number)
    return Assignment.objects.create(item=item, lead_unit=org.office, specific_responsible=user,
                                     first_responsible=org.principal, deadline=date(2026, 12, 31))


def submit_article(org, title="市委编办开展机构编制政策宣讲活动"):
    article = make_article(org.office, org.cadre, title=title)
    return article, do_submit_for_review(org.cadre, article)  # 一校 is the staff's


def tasks_of(client):
    response = client.get(reverse("reports:me"))
    assert response.status_code == 200
    return response, response.context["tasks"]


@pytest.mark.clock(MIDYEAR)
def test_the_staff_sees_the_review_and_the_lagging_target_and_each_link_works(org, plan, login):
    answer_for(org, plan, 1, org.staff)  # 全年集中学习不少于12次: none by mid-June is behind pace
    article, _ = submit_article(org)
    client = login(org.staff)
    response, tasks = tasks_of(client)
    html = response.content.decode()
    review = next(t for t in tasks if t.source == "review")
    assert review.title == "市委编办开展机构编制政策宣讲活动" and review.action == "去审核"
    target = next(t for t in tasks if t.title == "全年集中学习不少于12次")
    assert target.source == "target" and target.action == "登记活动" and target.state_label == "滞后"
    monthly = next(t for t in tasks if t.title == "每月开展1次集中学习研讨")
    assert monthly.state_label == "逾期" and monthly.overdue  # January to May missed
    item = plan.items.get(number=1)
    assert target.url == f"{reverse('ledger:create')}?item={item.pk}&kind=study"
    # One tap each: the review opens the article with its decision form, the target the activity form
    # with the plan item and the kind already chosen.
    assert 'data-testid="review-decide"' in client.get(review.url).content.decode()
    form = client.get(target.url)
    assert form.status_code == 200 and form.context["form"].initial["item"] == str(item.pk)
    assert form.context["form"].initial["kind"] == "study"
    assert "今日待办" in html and 'data-testid="day-clear"' not in html


@pytest.mark.clock(MIDYEAR)
def test_tasks_are_ordered_by_urgency(org, plan, login):
    answer_for(org, plan, 1, org.staff)  # monthly: missed since January (逾期); yearly 12: behind
    answer_for(org, plan, 3, org.staff)
    submit_article(org)
    Notification.objects.create(recipient=org.staff, title="请及时登记台账")
    _, tasks = tasks_of(login(org.staff))
    keys = [t.sort_key(date(2026, 6, 20)) for t in tasks]
    assert keys == sorted(keys)
    assert tasks[0].overdue and tasks[0].state_label == "逾期"
    assert tasks[-1].source == "notice"  # undated, after everything with a day
    sources = [t.source for t in tasks]
    assert {"review", "target", "notice"} <= set(sources)


@pytest.mark.clock("2026-12-10T09:00")
def test_a_target_due_soon_is_listed_until_it_is_met(org, plan, login):
    answer_for(org, plan, 3, org.staff)
    drill = Target.objects.get(item__plan=plan, text="每年组织不少于1次意识形态应急处置演练")
    client = login(org.staff)
    # A single drill a year: on pace until the reminders' window (30 days) before the year ends.
    [task] = [t for t in tasks_of(client)[1] if t.source == "target"]
    assert task.title == drill.text and task.state_label == "即将到期" and not task.overdue
    assert task.due == date(2026, 12, 31)
    do_record_activity(org.staff, org_unit=org.office, kind="drill", title="应急演练", date=date(2026, 12, 9),
                       targets=[drill], item=drill.item)
    assert [t.title for t in tasks_of(client)[1] if t.source == "target"] == []


@pytest.mark.clock(MIDYEAR)
def test_last_years_targets_and_other_peoples_do_not_count(org, login):
    old = make_plan(org.city, year=2025, title="2025年测试工作要点")
    answer_for(org, old, 3, org.staff)  # overdue, but last year's: nothing to do today
    this = make_plan(org.city, year=2026)
    answer_for(org, this, 3, org.section_chief)
    _, tasks = tasks_of(login(org.staff))
    assert [t for t in tasks if t.source == "target"] == []


def finish_daily_quiz(user):
    """Today's daily quiz done: the one learning todo every learner has each day."""
    from django.utils import timezone

    from ideowork.learning.models import QuizRun

    QuizRun.objects.create(user=user, org_unit=user.org_unit, kind="daily", period_key=timezone.localdate().isoformat(),
                           finished_at=timezone.now())


@pytest.mark.clock(MIDYEAR)
def test_a_clear_day_says_so(org, plan, login):
    client = login(org.staff)
    _, tasks = tasks_of(client)
    assert [(t.source, t.title) for t in tasks] == [("learning", "完成今日答题")]  # the learning todos are there
    finish_daily_quiz(org.staff)
    response, tasks = tasks_of(client)
    assert tasks == []
    html = response.content.decode()
    assert 'data-testid="day-clear"' in html and "今天没有待办事项" in html


@pytest.mark.clock(MIDYEAR)
def test_a_notification_opens_in_one_tap_and_is_read(org, plan, login):
    note = Notification.objects.create(recipient=org.staff, title="指标即将到期：每月编发1期工作简报",
                                       url=reverse("ledger:list"))
    client = login(org.staff)
    response, tasks = tasks_of(client)
    task = next(t for t in tasks if t.source == "notice")
    assert task.post and f'action="{task.url}"' in response.content.decode()
    opened = client.post(task.url)
    assert opened.status_code == 302 and opened.url == reverse("ledger:list")
    note.refresh_from_db()
    assert note.read_at is not None
    assert [t for t in tasks_of(client)[1] if t.source == "notice"] == []


@pytest.mark.clock(MIDYEAR)
def test_a_cadre_without_the_ledger_capability_is_sent_to_the_records_instead(org, plan, login):
    reflections = Target.objects.get(item__plan=plan, text="撰写心得体会不少于4篇")
    reflections.persons.set([org.cadre])
    _, tasks = tasks_of(login(org.cadre))
    target = next(t for t in tasks if t.source == "target")
    assert target.action == "查看记录" and f"target={reflections.pk}" in target.url
    assert login(org.cadre).get(target.url).status_code == 200


@pytest.mark.clock(MIDYEAR)
def test_the_page_queries_do_not_grow_with_the_tasks(org, plan, login):
    answer_for(org, plan, 1, org.staff)
    submit_article(org, "第一篇")
    Notification.objects.create(recipient=org.staff, title="提醒一")
    client = login(org.staff)
    client.get(reverse("reports:me"))
    with CaptureQueriesContext(connection) as small:
        _, few = tasks_of(client)
    answer_for(org, plan, 2, org.staff)
    answer_for(org, plan, 3, org.staff)
    other = make_plan(org.city, year=2026, title="2026年第二份要点")
    for number in (1, 2, 3):
        answer_for(org, other, number, org.staff)
    for i in range(6):
        submit_article(org, f"稿件{i}")
        Notification.objects.create(recipient=org.staff, title=f"提醒{i}")
    with CaptureQueriesContext(connection) as large:
        _, many = tasks_of(client)
    assert len(many) > len(few) + 10
    assert len(large) == len(small), "\n".join(q["sql"][:160] for q in large.captured_queries)
