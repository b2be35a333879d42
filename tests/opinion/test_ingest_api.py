"""POST /api/v1/opinion/items: an upstream collector pushes items through the ingestion service."""

import json

import pytest

from ideowork.core.actions.api_clients import do_create_api_client, do_revoke_api_client
from ideowork.core.models import AuditEvent
from ideowork.opinion.models import Item

from .factories import record, register_source

pytestmark = pytest.mark.django_db


def issue(org, unit=None, capabilities=("opinion.ingest",)):
    return do_create_api_client(org.sysadmin, name=f"采集网关{(unit or org.city).pk}-{len(capabilities)}", org_unit=unit or org.city,
                                capabilities=capabilities)


def push(client, token, body, **headers):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body, ensure_ascii=False)
    return client.post("/api/v1/opinion/items", data=data, content_type="application/json",
                       HTTP_AUTHORIZATION=f"Bearer {token}", **headers)


def test_a_collector_pushes_items_and_duplicates_sent_twice_are_stored_once(org, client):
    source = register_source(org, kind="api")
    token = issue(org).token
    body = {"source": source.pk, "items": [record(1), record(2), record(1)]}
    first = push(client, token, body)
    assert first.status_code == 200, first.content
    assert first.json() == {"created": 2, "duplicates": 1, "errors": []}
    assert push(client, token, body).json() == {"created": 0, "duplicates": 3, "errors": []}
    assert Item.objects.count() == 2
    event = AuditEvent.objects.filter(event_type="opinion.item.ingest").order_by("seq").first()
    assert event.actor_name.startswith("api:") and event.new["created"] == 2


def test_malformed_items_are_named_by_index_and_the_good_kept(org, client):
    source = register_source(org, kind="api")
    response = push(client, issue(org).token, {"source": source.pk, "items": [record(1), {"text": "无标题"},
                                                                            record(2, reads="很多"), "一行文字"]})
    assert response.status_code == 200
    assert response.json() == {"created": 1, "duplicates": 0, "errors": [
        {"index": 1, "detail": "缺少标题。"}, {"index": 2, "detail": "阅读数“很多”不是数字。"},
        {"index": 3, "detail": "每条信息应为一个对象（键值对）。"}]}


def test_a_body_that_is_not_the_schema_is_a_chinese_422(org, client):
    response = push(client, issue(org).token, {"items": "x"})
    assert response.status_code == 422 and response.json()["detail"]
    assert not Item.objects.exists()


def test_bad_and_revoked_tokens_are_401(org, client):
    source = register_source(org, kind="api")
    issued = issue(org)
    assert push(client, "iwk_nope_nope", {"source": source.pk, "items": [record(1)]}).status_code == 401
    do_revoke_api_client(org.sysadmin, issued.client)
    response = push(client, issued.token, {"source": source.pk, "items": [record(1)]})
    assert response.status_code == 401 and response.json()["detail"]
    assert not Item.objects.exists()


def test_a_client_without_the_capability_is_403(org, client):
    source = register_source(org, kind="api")
    response = push(client, issue(org, capabilities=("plans.read",)).token, {"source": source.pk, "items": [record(1)]})
    assert response.status_code == 403 and "权限" in response.json()["detail"]
    assert not Item.objects.exists()


def test_another_units_source_is_404(org, client):
    other = register_source(org, unit=org.county_b, user=org.other_county_staff, kind="api")
    token = issue(org, unit=org.county_a).token
    response = push(client, token, {"source": other.pk, "items": [record(1)]})
    assert response.status_code == 404 and "不存在" in response.json()["detail"]
    gov = register_source(org, unit=org.gov, user=org.gov_staff, kind="api")
    assert push(client, issue(org).token, {"source": gov.pk, "items": [record(1)]}).status_code == 404
    assert not Item.objects.exists()


def test_too_many_items_in_one_call_is_413(org, client, settings):
    settings.OPINION_API_MAX_ITEMS = 3
    source = register_source(org, kind="api")
    response = push(client, issue(org).token, {"source": source.pk, "items": [record(n) for n in range(4)]})
    assert response.status_code == 413 and "至多推送3条" in response.json()["detail"]
    assert not Item.objects.exists()


def test_an_oversized_body_is_413_before_it_is_read(org, client, settings):
    settings.API_MAX_BODY_BYTES = 2000
    source = register_source(org, kind="api")
    response = push(client, issue(org).token, {"source": source.pk, "items": [record(n) for n in range(40)]})
    assert response.status_code == 413 and response.json()["detail"]
    assert not Item.objects.exists()


def test_an_inactive_source_is_a_chinese_409(org, client):
    from ideowork.opinion.actions.sources import do_set_source_active

    source = do_set_source_active(org.staff, register_source(org, kind="api"), False)
    response = push(client, issue(org).token, {"source": source.pk, "items": [record(1)]})
    assert response.status_code == 409 and "已停用" in response.json()["detail"]
