"""Cached figures are never stale: every kind of ledger change moves the organ's ledger version in
the same transaction, and the dashboard and the item page show the new number on the next request."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from ideowork.ledger.actions import do_add_evidence, do_delete_activity, do_record_activity, do_remove_evidence
from ideowork.ledger.actions import do_update_activity
from ideowork.ledger.figures import ledger_versions
from ideowork.plans.actions.targets import do_add_target, do_delete_target, do_update_target
from ideowork.plans.models import Target
from tests.factories import make_plan

from .files import photo


@pytest.fixture
def plan(org):
    return make_plan(org.city, year=timezone.localdate().year)


@pytest.fixture
def drill(plan):
    return Target.objects.get(item__plan=plan, text="每年组织不少于1次意识形态应急处置演练")


def version(unit) -> int:
    return dict(ledger_versions([unit.organ_id]))[unit.organ_id]


def record_drill(org, drill, **extra):
    return do_record_activity(org.staff, org_unit=org.office, kind="drill", title="第七次实战推演",
                              date=timezone.localdate(), targets=[drill], item=drill.item, **extra)


def test_dashboard_and_item_page_show_a_new_activity_at_once(org, plan, drill, login):
    client = login(org.principal)
    item_url = f"/plans/items/{drill.item_id}/"
    before = client.get("/office/").context["activity_total"]
    assert "全年 " in client.get(item_url).content.decode()
    client.get("/office/"), client.get(item_url)  # the figures are cached now
    activity = record_drill(org, drill)
    dashboard = client.get("/office/")
    assert dashboard.context["activity_total"] == before + 1
    progress = {p.target.pk: p for p in dashboard.context["overview"].progresses}[drill.pk]
    assert progress.done_year == 1
    item_page = client.get(item_url).content.decode()
    assert f"year={plan.year}\">1/1</a>" in item_page and activity.title in item_page
    do_delete_activity(org.staff, activity)
    assert client.get("/office/").context["activity_total"] == before
    item_page = client.get(item_url).content.decode()
    assert f"year={plan.year}\">0/1</a>" in item_page and activity.title not in item_page


def test_a_renamed_activity_shows_its_new_title_on_the_item_page(org, drill, login):
    activity = record_drill(org, drill)
    client = login(org.principal)
    item_url = f"/plans/items/{drill.item_id}/"
    assert "第七次实战推演" in client.get(item_url).content.decode()
    do_update_activity(org.staff, activity, title="第二次演练")
    assert "第二次演练" in client.get(item_url).content.decode()


def _create(org, drill):
    record_drill(org, drill)


def _retitle(org, drill):
    do_update_activity(org.staff, record_drill(org, drill), title="改名")


def _move_date(org, drill):
    activity = record_drill(org, drill)
    # Another day of the plan's year: the day before, or on 1 January the day after.
    other = activity.date - timedelta(days=1)
    if other.year != activity.date.year:
        other = activity.date + timedelta(days=1)
    do_update_activity(org.staff, activity, date=other)


def _untarget(org, drill):
    do_update_activity(org.staff, record_drill(org, drill), targets=[])


def _participants(org, drill):
    do_update_activity(org.staff, record_drill(org, drill), participants=[org.cadre])


def _delete(org, drill):
    do_delete_activity(org.staff, record_drill(org, drill))


def _add_evidence(org, drill):
    do_add_evidence(org.staff, record_drill(org, drill), [photo()])


def _remove_evidence(org, drill):
    activity = record_drill(org, drill, evidence_files=[photo()])
    do_remove_evidence(org.staff, activity.evidence.get())


def _add_target(org, drill):
    do_add_target(org.staff, drill.item, text="每季度开展1次演练", count=1, unit="次", period="quarter",
                  comparator=">=", per="org")


def _edit_target(org, drill):
    do_update_target(org.staff, drill, count=2)


def _delete_target(org, drill):
    do_delete_target(org.staff, drill)


def _tracked_persons(org, drill):
    drill.persons.add(org.cadre)


CHANGES = [_create, _retitle, _move_date, _untarget, _participants, _delete, _add_evidence, _remove_evidence,
           _add_target, _edit_target, _delete_target, _tracked_persons]


def shown(client, item_pk):
    """What the dashboard and the item page show of the ledger."""
    dashboard = client.get("/office/").context
    item_page = client.get(f"/plans/items/{item_pk}/").content.decode()
    panel = item_page[item_page.index('data-testid="item-progress"'):item_page.index("</main>")]
    return (dashboard["activity_total"], dashboard["month_chart"],
            [(p.target.pk, p.done_year, p.required_year, p.status) for p in dashboard["overview"].progresses],
            panel)


@pytest.mark.parametrize("change", CHANGES, ids=[c.__name__.strip("_") for c in CHANGES])
def test_after_every_kind_of_ledger_change_the_pages_show_fresh_figures(org, drill, change, login):
    """After each kind of change the pages show what they would compute with an empty cache; the
    organ's version moved on, other organs' did not (their figures stay cached)."""
    record_drill(org, drill)
    client = login(org.principal)
    shown(client, drill.item_id)  # cached
    county = version(org.county_a)
    before = version(org.city)
    change(org, drill)
    assert version(org.city) > before
    assert version(org.county_a) == county
    after = shown(client, drill.item_id)
    cache.clear()
    assert after == shown(client, drill.item_id)
    assert version(org.county_a) == county


DEAD_REDIS = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
                          "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}}}


def test_pages_work_and_count_right_when_the_cache_cannot_be_reached(org, plan, drill, login, settings):
    """The cache only saves work: with Redis down the dashboard and item page compute their figures."""
    client = login(org.principal)
    before = client.get("/office/").context["activity_total"]
    settings.CACHES = DEAD_REDIS
    record_drill(org, drill)
    dashboard = client.get("/office/")
    assert dashboard.status_code == 200 and dashboard.context["activity_total"] == before + 1
    item_page = client.get(f"/plans/items/{drill.item_id}/")
    assert item_page.status_code == 200 and f"year={plan.year}\">1/1</a>" in item_page.content.decode()
