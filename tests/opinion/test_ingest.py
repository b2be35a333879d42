"""The one ingestion service: checking, masking, storing once, matching, auditing."""

import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection

from ideowork.core.models import AuditEvent, DataVersion
from ideowork.core.system import system_actor
from ideowork.opinion.actions.ingest import do_ingest_items
from ideowork.opinion.actions.sources import do_set_source_active
from ideowork.opinion.intake.records import content_key, mask_private_numbers, url_key
from ideowork.opinion.models import Item, ItemMatch

from .factories import make_scheme, record, register_source

pytestmark = pytest.mark.django_db


def test_good_records_are_stored_with_their_figures_and_unknown_keys_dropped(org):
    source = register_source(org)
    result = do_ingest_items(org.staff, source, [
        record(1, outlet="市融媒体中心", reads="1.2万", reposts=3, comments="1,024", likes=0, author="某网友",
               user_id="u123", published="2026-12-01T08:30:00"),
    ])
    assert (result.created, result.duplicates, result.errors) == (1, 0, [])
    item = Item.objects.get()
    assert item.org_unit == org.city and item.source == source and item.outlet_name == "市融媒体中心"
    assert (item.reads, item.reposts, item.comments, item.likes) == (12000, 3, 1024, 0)
    assert item.published_at == datetime(2026, 12, 1, 8, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
    stored = {f.name: getattr(item, f.name) for f in Item._meta.concrete_fields}
    assert "某网友" not in repr(stored) and "u123" not in repr(stored)


def test_phone_and_id_numbers_are_masked_on_arrival():
    assert mask_private_numbers("联系人电话13812345678，身份证号110105199001011234。") == \
        "联系人电话138****5678，身份证号110105********1234。"
    assert mask_private_numbers("热线12345，编号20261203001") == "热线12345，编号20261203001"
    assert mask_private_numbers("+86 138-1234-5678") == "138****5678"
    # Next to letters and Chinese, and inside English text: the same as over the whole text.
    assert mask_private_numbers("电话8613812345678或Tel 139 1234 5678，ID 110105199001011234abc") == \
        "电话138****5678或Tel 139****5678，ID 110105199001011234abc"
    assert mask_private_numbers("call 13812345678 now, not 1381234567 or 138123456789") == \
        "call 138****5678 now, not 1381234567 or 138123456789"


def test_masking_is_stored_and_the_content_key_is_taken_after_it(org):
    source = register_source(org)
    do_ingest_items(org.staff, source, [{"title": "求助13912345678", "text": "身份证11010519900101123X丢失"}])
    item = Item.objects.get()
    assert item.title == "求助139****5678" and item.text == "身份证110105********123X丢失"
    assert item.content_key == content_key(item.title, item.text)


def test_bad_rows_are_named_and_good_rows_kept(org):
    source = register_source(org)
    result = do_ingest_items(org.staff, source, [
        record(1), {"text": "没有标题"}, record(2, url="ftp://x"), record(3, reads=-1), record(4, published="昨天"),
        "不是对象", record(5, title="标" * 501),
    ], first_row=2)
    assert result.created == 1
    assert [row for row, _ in result.errors] == [3, 4, 5, 6, 7, 8]
    messages = dict(result.errors)
    assert messages[3] == "缺少标题。" and "http://" in messages[4] and "阅读数" in messages[5]
    assert "发布时间" in messages[6] and "对象" in messages[7] and "500" in messages[8]


def test_the_same_item_twice_is_stored_once_in_a_batch_and_across_batches(org):
    source = register_source(org)
    same_url = record(1, url="HTTPS://News.Example.cn/local/1.html#comments", title="另一个标题")
    same_content = record(1, url="https://other.example.cn/1", title="市区第１条道路完成改造")  # full-width 1
    result = do_ingest_items(org.staff, source, [record(1), same_url, same_content, record(2)])
    assert (result.created, result.duplicates) == (2, 2)
    again = do_ingest_items(org.staff, source, [record(1), record(2), record(3)])
    assert (again.created, again.duplicates) == (1, 2)
    assert Item.objects.count() == 3
    assert url_key("https://NEWS.example.cn/a#x") == url_key("https://news.example.cn/a")


def test_another_source_of_the_same_unit_stores_its_own_copy(org):
    first, second = register_source(org), register_source(org, name="市论坛", level="forum")
    do_ingest_items(org.staff, first, [record(1)])
    assert do_ingest_items(org.staff, second, [record(1)]).created == 1


def test_new_items_are_matched_audited_once_and_the_version_raised(org):
    source = register_source(org)
    scheme = make_scheme(org.city, expression="改造")
    before = DataVersion.objects.filter(topic="opinion.items").count()
    result = do_ingest_items(org.staff, source, [record(1), record(2), {"title": "天气预报"}])
    assert result.matches == 2
    assert ItemMatch.objects.filter(scheme=scheme).count() == 2
    event = AuditEvent.objects.get(event_type="opinion.item.ingest")
    assert event.new == {"created": 3, "duplicates": 0, "errors": 0, "matches": 2, "events": 2}
    assert event.actor == org.staff and event.org_unit == org.city
    assert DataVersion.objects.filter(topic="opinion.items").count() == before + 1


def test_only_those_who_monitor_the_unit_or_the_system_actor_ingest(org):
    source = register_source(org, unit=org.county_a, user=org.county_staff)
    for outsider in (org.other_county_staff, org.cadre, org.supervisor, org.sysadmin, org.gov_staff):
        with pytest.raises(PermissionDenied):
            do_ingest_items(outsider, source, [record(1)])
    assert do_ingest_items(org.staff, source, [record(1)]).created == 1   # the city over its county
    assert do_ingest_items(system_actor(), source, [record(2)]).created == 1
    assert not Item.objects.filter(title__contains="第3条").exists()


def test_an_inactive_source_takes_nothing(org):
    source = do_set_source_active(org.staff, register_source(org), False)
    with pytest.raises(ValueError, match="已停用"):
        do_ingest_items(org.staff, source, [record(1)])
    assert not Item.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_batches_racing_store_each_item_once(org):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time (IMMEDIATE transactions): no race to meet")
    source = register_source(org)
    batch = [record(n) for n in range(200)]
    barrier, results, failures = threading.Barrier(2), [], []

    def run():
        try:
            barrier.wait()
            results.append(do_ingest_items(org.staff, source, batch))
        except Exception as exc:  # noqa: BLE001  (reported below)
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert sorted(r.created for r in results) == [0, 200] or sum(r.created for r in results) == 200
    assert Item.objects.count() == 200
