"""Events on arrival: analysis stored with each item, matched items grouped into their unit's events,
figures on the row, and the per-worker index kept in step."""

import pytest

from ideowork.core.models import AuditEvent, DataVersion
from ideowork.opinion.actions import events as event_actions
from ideowork.opinion.actions.events import EVENTS_TOPIC, do_assign_events
from ideowork.opinion.actions.ingest import do_ingest_items
from ideowork.opinion.models import Event, Item, ItemMatch

from .event_builders import flood_reports, ingest_floods, watched_floods
from .factories import make_scheme, record, register_source

pytestmark = pytest.mark.django_db


def test_every_new_item_is_analysed_on_arrival_and_says_why(org):
    source = register_source(org)
    do_ingest_items(org.staff, source, [
        {"title": "推诿扯皮不作为 群众办事跑断腿", "text": "多名群众反映窗口工作人员推诿，问题拖了三个月没有解决。"},
        record(2)])
    bad, good = Item.objects.order_by("pk")
    assert bad.sentiment == "negative" and bad.grade and bad.analysis["sentiment_score"] < 0
    assert any("情感倾向负面" in r for r in bad.analysis["grade_reasons"])
    assert good.sentiment in ("neutral", "positive") and good.grade == "1"
    assert bad.signature is None  # no scheme matched it: it joins no event and needs no signature


def test_matched_items_form_events_and_two_floods_stay_two(org):
    watched_floods(org)
    _scheme, source = watched_floods(org, name="防汛")
    result = ingest_floods(org, source)
    assert result.created == 5 and result.events == 5
    events = Event.objects.filter(org_unit=org.city).order_by("first_seen_at")
    assert events.count() == 2
    tongcheng, wangcang = events
    assert tongcheng.item_count == 4 and tongcheng.outlet_count == 4 and tongcheng.reprint_count >= 1
    assert tongcheng.first_source_name == "安徽日报" and tongcheng.first_item.source == source
    assert tongcheng.title == "桐城发布暴雨红色预警"
    assert wangcang.item_count == 1 and "旺苍" in wangcang.title
    # two schemes of the city matched each item: each item is counted once, in one event
    assert ItemMatch.objects.filter(event=tongcheng).count() == 8
    assert set(ItemMatch.objects.filter(event=tongcheng).values_list("joined", flat=True)) >= {"new", "event"}
    assert tongcheng.sentiment and tongcheng.grade and tongcheng.analysis["reasons"]
    assert any("4家媒体" in r for r in tongcheng.analysis["reasons"])
    assert all(Item.objects.filter(signature__isnull=False).values_list("pk", flat=True))
    assert AuditEvent.objects.filter(event_type="opinion.event.cluster").count() == 1


def test_each_unit_has_its_own_events_and_later_items_join_them(org):
    watched_floods(org)
    county_scheme = make_scheme(org.county_a, name="甲县暴雨", expression="暴雨")
    source = register_source(org, unit=org.county_a, name="甲县来源")
    ingest_floods(org, source)
    assert Event.objects.filter(org_unit=org.city).count() == 2
    assert Event.objects.filter(org_unit=org.county_a).count() == 2
    assert county_scheme.matches.filter(event__org_unit=org.county_a).count() == 4   # the retold one says 强降雨
    # a later batch's reprint joins the stored event (the index is rebuilt from stored signatures)
    event_actions._indexes.clear()
    later = [dict(flood_reports(9)[0], title="转发：桐城发布暴雨红色预警", outlet="另一家网站")]
    do_ingest_items(org.staff, source, later)
    city_event = Event.objects.get(org_unit=org.city, title="桐城发布暴雨红色预警")
    assert city_event.item_count == 5 and city_event.outlet_count == 5
    assert Event.objects.filter(org_unit=org.city).count() == 2


def test_the_cached_index_is_used_only_in_step_with_the_units_version(org, monkeypatch):
    _scheme, source = watched_floods(org)
    ingest_floods(org, source)
    version = DataVersion.objects.get(topic=EVENTS_TOPIC, organ=org.city).version
    # as if the batch had committed: the index kept at this version
    index = event_actions._rebuilt(org.city.pk)
    event_actions._indexes[org.city.pk] = (version, index)
    rebuilt = []
    monkeypatch.setattr(event_actions, "_rebuilt", lambda unit_id: rebuilt.append(unit_id) or index)
    do_ingest_items(org.staff, source, [dict(flood_reports(2)[4], title="旺苍暴雨续报")])
    assert rebuilt == []   # in step: no rebuild
    event_actions._indexes[org.city.pk] = (version, index)   # a version another worker has moved past
    do_ingest_items(org.staff, source, [dict(flood_reports(3)[4], title="旺苍暴雨再续报")])
    assert rebuilt == [org.city.pk]


def test_a_back_run_puts_what_it_matches_into_events(org, django_capture_on_commit_callbacks):
    from ideowork.opinion.actions.schemes import do_backrun_scheme, do_create_scheme

    source = register_source(org)
    do_ingest_items(org.staff, source, flood_reports())
    assert not Event.objects.exists()
    scheme = do_create_scheme(org.staff, org_unit=org.city, name="回溯暴雨", expression="暴雨")
    with django_capture_on_commit_callbacks(execute=True):
        do_backrun_scheme(org.staff, scheme)
    assert Event.objects.filter(org_unit=org.city).count() == 2
    assert not scheme.matches.filter(event__isnull=True).exists()


def test_assigning_twice_changes_nothing(org):
    _scheme, source = watched_floods(org)
    ingest_floods(org, source)
    before = list(Event.objects.values_list("pk", "item_count"))
    assert do_assign_events(ItemMatch.objects.all()) == 0
    assert list(Event.objects.values_list("pk", "item_count")) == before
