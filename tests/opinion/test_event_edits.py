"""Merging, splitting and naming events by hand: through the services, with audit and the Chinese refusals."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from ideowork.core.models import AuditEvent, DataVersion
from ideowork.opinion.actions.event_edits import do_merge_events, do_rename_event, do_split_event
from ideowork.opinion.actions.events import EVENTS_TOPIC
from ideowork.opinion.actions.ingest import do_ingest_items
from ideowork.opinion.models import Event, ItemMatch

from .event_builders import flood_reports, ingest_floods, watched_floods
from .factories import make_scheme, register_source

pytestmark = pytest.mark.django_db


def two_events(org):
    _scheme, source = watched_floods(org)
    ingest_floods(org, source)
    tongcheng, wangcang = Event.objects.order_by("first_seen_at")
    return source, tongcheng, wangcang


def version(unit):
    return DataVersion.objects.get(topic=EVENTS_TOPIC, organ=unit).version


def test_merging_moves_the_items_and_keeps_the_merged_row(org):
    source, tongcheng, wangcang = two_events(org)
    before = version(org.city)
    merged = do_merge_events(org.staff, tongcheng, [wangcang.pk])
    assert merged.item_count == 5 and merged.outlet_count == 5
    wangcang.refresh_from_db()
    assert wangcang.merged_into == tongcheng and not ItemMatch.objects.filter(event=wangcang).exists()
    audit = AuditEvent.objects.get(event_type="opinion.event.merge")
    assert audit.subject_id == str(tongcheng.pk) and audit.new["merged"][0]["id"] == wangcang.pk
    assert version(org.city) == before + 1
    # a new report of the merged story joins the event it was merged into
    do_ingest_items(org.staff, source, [dict(flood_reports(7)[4], title="旺苍暴雨后续")])
    tongcheng.refresh_from_db()
    assert tongcheng.item_count == 6 and Event.objects.live().count() == 1


def test_merging_refuses_what_it_cannot_do_and_changes_nothing(org):
    _source, tongcheng, wangcang = two_events(org)
    make_scheme(org.county_a, name="甲县暴雨", expression="暴雨")
    do_ingest_items(org.staff, register_source(org, unit=org.county_a, name="甲县来源"), flood_reports(20))
    county_event = Event.objects.filter(org_unit=org.county_a).first()
    with pytest.raises(ValidationError, match="只能合并同一单位"):
        do_merge_events(org.staff, tongcheng, [county_event.pk])
    with pytest.raises(ValidationError, match="请选择要并入本事件的其他事件"):
        do_merge_events(org.staff, tongcheng, [tongcheng.pk])
    with pytest.raises(ValidationError, match="不存在或您无权处置"):
        do_merge_events(org.staff, tongcheng, [999999])
    with pytest.raises(PermissionDenied):
        do_merge_events(org.county_staff, tongcheng, [wangcang.pk])
    do_merge_events(org.staff, tongcheng, [wangcang.pk])
    with pytest.raises(ValidationError, match="已并入其他事件"):
        do_merge_events(org.staff, wangcang, [tongcheng.pk])
    assert ItemMatch.objects.filter(event=county_event).count() == county_event.item_count
    assert AuditEvent.objects.filter(event_type="opinion.event.merge").count() == 1


def test_splitting_moves_chosen_items_into_a_new_event(org):
    _source, tongcheng, _wangcang = two_events(org)
    retold = ItemMatch.objects.get(event=tongcheng, item__title__startswith="范岗镇").item_id
    new = do_split_event(org.staff, tongcheng, [retold], "沥岗村转移老人")
    tongcheng.refresh_from_db()
    assert new.title == "沥岗村转移老人" and new.item_count == 1 and new.org_unit == org.city
    assert tongcheng.item_count == 3
    assert ItemMatch.objects.get(item_id=retold).joined == "moved"
    audit = AuditEvent.objects.get(event_type="opinion.event.split")
    assert audit.new["new_event"] == new.pk and audit.new["items"] == [retold]


def test_splitting_refuses_bad_input_and_changes_nothing(org):
    _source, tongcheng, wangcang = two_events(org)
    own = list(ItemMatch.objects.filter(event=tongcheng).values_list("item_id", flat=True))
    other = ItemMatch.objects.filter(event=wangcang).values_list("item_id", flat=True).first()
    with pytest.raises(ValidationError, match="不能把全部信息拆分出去"):
        do_split_event(org.staff, tongcheng, own)
    with pytest.raises(ValidationError, match="请勾选要拆分出去的信息"):
        do_split_event(org.staff, tongcheng, [])
    with pytest.raises(ValidationError, match="不属于该事件"):
        do_split_event(org.staff, tongcheng, [own[0], other])
    with pytest.raises(ValidationError, match="所选信息有误"):
        do_split_event(org.staff, tongcheng, ["abc"])
    with pytest.raises(PermissionDenied):
        do_split_event(org.county_staff, tongcheng, [own[0]])
    assert Event.objects.count() == 2 and not AuditEvent.objects.filter(event_type="opinion.event.split").exists()


def test_renaming_names_the_event_and_is_audited(org):
    _source, tongcheng, _wangcang = two_events(org)
    first = tongcheng.title
    before = version(org.city)
    renamed = do_rename_event(org.staff, tongcheng, "  桐城市5月27日 暴雨 ")
    assert renamed.title == Event.objects.get(pk=tongcheng.pk).title == "桐城市5月27日 暴雨"
    audit = AuditEvent.objects.get(event_type="opinion.event.rename")
    assert audit.old == {"title": first} and audit.new == {"title": "桐城市5月27日 暴雨"} and audit.actor == org.staff
    assert version(org.city) == before + 1


def test_renaming_refuses_bad_input_and_changes_nothing(org):
    _source, tongcheng, wangcang = two_events(org)
    first = tongcheng.title
    with pytest.raises(ValidationError, match="请填写事件名称"):
        do_rename_event(org.staff, tongcheng, "  ")
    with pytest.raises(ValidationError, match="不能超过500个字"):
        do_rename_event(org.staff, tongcheng, "暴" * 501)
    with pytest.raises(PermissionDenied):
        do_rename_event(org.county_staff, tongcheng, "桐城暴雨")
    do_merge_events(org.staff, tongcheng, [wangcang.pk])
    with pytest.raises(ValidationError, match="已并入其他事件"):
        do_rename_event(org.staff, wangcang, "旺苍暴雨")
    assert Event.objects.get(pk=tongcheng.pk).title == first
    assert not AuditEvent.objects.filter(event_type="opinion.event.rename").exists()


def test_the_rename_page_action_says_what_is_wrong_and_keeps_others_out(org, login):
    _source, tongcheng, _wangcang = two_events(org)
    first = tongcheng.title
    url = reverse("opinion:event_rename", args=[tongcheng.pk])
    staff = login(org.staff)
    page = staff.post(url, {"title": "   "}, follow=True).content.decode()
    assert "未能修改名称：请填写事件名称。" in page and Event.objects.get(pk=tongcheng.pk).title == first
    assert staff.get(url).status_code == 405
    page = staff.post(url, {"title": "桐城市范岗镇暴雨内涝"}, follow=True).content.decode()
    assert "事件名称已改为“桐城市范岗镇暴雨内涝”" in page
    assert Event.objects.get(pk=tongcheng.pk).title == "桐城市范岗镇暴雨内涝"
    # The county's staff may not see the city's event, let alone rename it.
    assert login(org.county_staff).post(url, {"title": "桐城暴雨"}).status_code == 404
    assert Event.objects.get(pk=tongcheng.pk).title == "桐城市范岗镇暴雨内涝"
