"""The HTTP API foundation (core/api): client tokens, the scoping of what a client reads, the audit of
every call, the rate limit, the body limit, the OpenAPI schema and the 接口客户端 page."""

import json
import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ideowork.core.actions.api_clients import do_create_api_client, do_revoke_api_client
from ideowork.core.api import tokens
from ideowork.core.models import ApiClient, AuditEvent
from tests.factories import ROLE_USERNAMES, make_plan

pytestmark = pytest.mark.django_db


def issue(org, unit=None, capabilities=("plans.read",), **kwargs):
    kwargs.setdefault("name", f"采集网关-{(unit or org.city).pk}-{len(capabilities)}")
    return do_create_api_client(org.sysadmin, org_unit=unit or org.city, capabilities=capabilities, **kwargs)


def call(client, path, token=None, method="get", **kwargs):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return getattr(client, method)(f"/api/v1/{path}", **headers, **kwargs)


def detail(response) -> str:
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response.json()["detail"]


def api_calls():
    return list(AuditEvent.objects.filter(event_type="core.api.call").order_by("seq"))


# --- authentication -------------------------------------------------------------------------------

def test_whoami_names_the_client_its_unit_and_capabilities(org, client):
    issued = issue(org, org.county_a)
    response = call(client, "whoami", issued.token)
    assert response.status_code == 200
    assert response.json() == {"name": issued.client.name, "token_prefix": issued.client.token_prefix,
                               "unit": {"id": org.county_a.pk, "name": "甲县委编办"}, "capabilities": ["plans.read"]}
    issued.client.refresh_from_db()
    assert issued.client.last_used_at is not None


def test_the_token_is_stored_only_as_a_keyed_digest(org):
    issued = issue(org)
    row = ApiClient.objects.filter(pk=issued.client.pk).values().get()
    assert issued.token not in json.dumps(row, default=str)
    secret = issued.token.split("_", 2)[2]
    assert secret not in json.dumps(row, default=str)
    assert row["token_digest"] == tokens.token_digest(issued.token) and len(row["token_digest"]) == 64
    assert issued.token.startswith(f"iwk_{row['token_prefix']}_")
    event = AuditEvent.objects.get(event_type="core.api_client.create")
    assert issued.token not in json.dumps(event.new) and event.actor == org.sysadmin


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Token abc"])
def test_a_missing_token_is_refused_in_chinese(org, client, header):
    extra = {"HTTP_AUTHORIZATION": header} if header is not None else {}
    response = client.get("/api/v1/whoami", **extra)
    assert response.status_code == 401 and "缺少访问令牌" in detail(response)
    assert response["WWW-Authenticate"] == "Bearer"


def test_a_wrong_token_is_refused(org, client):
    issued = issue(org)
    prefix = issued.client.token_prefix
    for token in ("nonsense", f"iwk_{prefix}_wrongsecret", "iwk_00000000_" + issued.token.split("_", 2)[2],
                  issued.token + "x", issued.token.upper()):
        response = call(client, "whoami", token)
        assert response.status_code == 401 and detail(response) == "访问令牌无效。", token
    assert [e.new["status"] for e in api_calls()] == [401] * 5
    assert all(e.new["client"] == "" and e.actor_name == "" for e in api_calls())


def test_the_check_compares_a_digest_in_constant_time_whether_or_not_the_prefix_is_known(org, client):
    issued = issue(org)
    with mock.patch.object(tokens.hmac, "compare_digest", wraps=tokens.hmac.compare_digest) as compare:
        call(client, "whoami", "iwk_ffffffff_unknownsecret")
        call(client, "whoami", f"iwk_{issued.client.token_prefix}_wrongsecret")
        call(client, "whoami", issued.token)
    assert compare.call_count == 3
    # Both sides are full digests: the time taken does not tell how much of a token was right.
    assert all(len(args[0]) == len(args[1]) == 64 for args, _ in compare.call_args_list)


def test_a_revoked_token_is_refused(org, client):
    issued = issue(org)
    assert call(client, "whoami", issued.token).status_code == 200
    do_revoke_api_client(org.sysadmin, issued.client)
    response = call(client, "whoami", issued.token)
    assert response.status_code == 401 and detail(response) == "访问令牌已被吊销。"
    with pytest.raises(ValidationError):
        do_revoke_api_client(org.sysadmin, issued.client)


def test_an_expired_token_is_refused(org, client, travel):
    travel("2026-06-01T09:00+08:00")
    issued = issue(org, expires_at=timezone.now() + timedelta(days=1))
    assert call(client, "whoami", issued.token).status_code == 200
    travel.shift(timedelta(days=1, seconds=1))
    response = call(client, "whoami", issued.token)
    assert response.status_code == 401 and detail(response) == "访问令牌已过期。"


def test_a_client_is_held_to_its_source_addresses(org, client):
    issued = issue(org, allowed_addresses="10.0.0.0/8\n192.168.1.7")
    response = call(client, "whoami", issued.token)  # the test client comes from 127.0.0.1
    assert response.status_code == 403 and "地址" in detail(response)
    assert call(client, "whoami", issued.token, REMOTE_ADDR="10.2.3.4").status_code == 200
    assert call(client, "whoami", issued.token, REMOTE_ADDR="192.168.1.7").status_code == 200


def test_only_the_sysadmin_creates_and_revokes_clients_with_registered_capabilities(org):
    with pytest.raises(PermissionDenied):
        do_create_api_client(org.secadmin, name="x", org_unit=org.city, capabilities=[])
    with pytest.raises(PermissionDenied):
        do_create_api_client(org.principal, name="x", org_unit=org.city, capabilities=[])
    with pytest.raises(ValidationError):
        do_create_api_client(org.sysadmin, name="x", org_unit=org.city, capabilities=["plans.reed"])
    issued = issue(org)
    with pytest.raises(ValidationError):
        do_create_api_client(org.sysadmin, name=issued.client.name, org_unit=org.city, capabilities=[])
    with pytest.raises(ValidationError):
        do_create_api_client(org.sysadmin, name="y", org_unit=org.city, capabilities=[], allowed_addresses="abc")
    with pytest.raises(PermissionDenied):
        do_revoke_api_client(org.secadmin, issued.client)


# --- scoping --------------------------------------------------------------------------------------

def test_a_client_reads_the_plans_its_unit_sees(org, client):
    make_plan(org.city, title="市委编办工作要点")
    make_plan(org.county_a, title="甲县工作要点")
    make_plan(org.county_b, title="乙县工作要点")
    make_plan(org.gov, title="市政府机关工作要点")

    def titles(unit):
        response = call(client, "plans/", issue(org, unit).token)
        assert response.status_code == 200
        return {plan["title"] for plan in response.json()}

    assert titles(org.county_a) == {"甲县工作要点"}
    assert titles(org.gov) == {"市政府机关工作要点"}
    assert titles(org.city) == {"市委编办工作要点", "甲县工作要点", "乙县工作要点"}
    assert titles(org.office) == {"市委编办工作要点", "甲县工作要点", "乙县工作要点"}  # a section: its organ's


def test_a_client_without_the_capability_is_refused(org, client):
    make_plan(org.city)
    response = call(client, "plans/", issue(org, capabilities=()).token)
    assert response.status_code == 403 and "权限" in detail(response)


def test_the_actor_owns_nothing_and_decides_nothing(org):
    from ideowork.core.api.actor import ApiActor
    from ideowork.core.capabilities import UnknownCapability

    actor = ApiActor(issue(org).client)
    assert actor.pk == 0 and not actor.is_leader and actor.scope_root == org.city
    assert actor.has_capability("plans.read") and not actor.has_capability("plans.edit")
    with pytest.raises(UnknownCapability):
        actor.has_capability("plans.reed")


# --- audit, rate, body ----------------------------------------------------------------------------

def test_every_call_is_audited_without_its_body(org, client):
    issued = issue(org, org.county_a)
    call(client, "whoami", issued.token)
    call(client, "plans/?year=2026", issued.token)
    call(client, "whoami", issued.token, method="post", data=json.dumps({"secret": "正文内容"}),
         content_type="application/json")
    events = api_calls()
    assert [(e.new["method"], e.new["path"], e.new["status"]) for e in events] == [
        ("GET", "/api/v1/whoami", 200), ("GET", "/api/v1/plans/", 200), ("POST", "/api/v1/whoami", 405)]
    # Django answers a method the endpoint lacks before anyone is authenticated: no client is named.
    assert events[2].new["client"] == "" and "正文内容" not in json.dumps(events[2].new, ensure_ascii=False)
    for event in events[:2]:
        assert event.new["client"] == issued.client.name and event.subject_id == str(issued.client.pk)
        assert event.actor_name == f"api:{issued.client.name}" and event.org_unit == org.county_a
        assert "正文内容" not in json.dumps(event.new, ensure_ascii=False)


def test_calls_beyond_the_rate_are_refused_until_the_window_slides(org, client, settings, travel):
    settings.API_RATE_LIMIT, settings.API_RATE_WINDOW_SECONDS = 3, 60
    travel("2026-06-01T09:00:10+08:00", tick=False)
    issued, other = issue(org), issue(org, org.county_a)
    assert [call(client, "whoami", issued.token).status_code for _ in range(3)] == [200, 200, 200]
    refused = call(client, "whoami", issued.token)
    assert refused.status_code == 429 and "调用过于频繁" in detail(refused)
    assert int(refused["Retry-After"]) >= 1
    assert call(client, "whoami", other.token).status_code == 200  # per client
    travel.shift(timedelta(seconds=60))  # a window later, the last window's calls still weigh
    assert call(client, "whoami", issued.token).status_code == 429
    travel.shift(timedelta(seconds=120))
    assert call(client, "whoami", issued.token).status_code == 200
    assert AuditEvent.objects.filter(event_type="core.api.call", new__status=429).count() == 2


def test_guessing_tokens_from_one_address_is_slowed_down(org, client, settings, travel):
    settings.API_REFUSED_LIMIT, settings.API_RATE_WINDOW_SECONDS = 3, 60
    travel("2026-06-01T09:00:10+08:00", tick=False)
    issued = issue(org)
    guesses = [call(client, "whoami", f"iwk_abcdefgh_guess{i}").status_code for i in range(4)]
    assert guesses == [401, 401, 401, 429]
    assert "无效令牌的调用过于频繁" in detail(call(client, "whoami", "iwk_abcdefgh_guess"))
    assert call(client, "whoami", issued.token).status_code == 200  # a valid token is not held up
    travel.shift(timedelta(seconds=180))
    assert call(client, "whoami", "iwk_abcdefgh_guess").status_code == 401


def test_a_body_over_the_limit_is_refused_before_it_is_read(org, client, settings):
    settings.API_MAX_BODY_BYTES = 1024
    issued = issue(org)
    body = json.dumps({"text": "字" * 1000})
    with mock.patch("ideowork.core.api.auth.check_token") as check:
        response = call(client, "whoami", issued.token, method="post", data=body, content_type="application/json")
    assert response.status_code == 413 and "请求内容超过上限" in detail(response)
    assert not check.called  # refused before authentication, routing or parsing
    assert api_calls()[-1].new["status"] == 413


def test_only_json_bodies_are_accepted(org, client):
    issued = issue(org)
    response = call(client, "whoami", issued.token, method="post", data="a=1", content_type="text/plain")
    assert response.status_code == 415 and "JSON" in detail(response)


def test_errors_are_json_in_chinese(org, client):
    issued = issue(org)
    response = call(client, "no-such-endpoint", issued.token)
    assert response.status_code == 404 and detail(response) == "接口或记录不存在。"
    response = call(client, "plans/?year=abc", issued.token)
    assert response.status_code == 422 and detail(response) == "请求内容不符合要求。"
    response = call(client, "whoami", issued.token, method="delete")
    assert response.status_code == 405 and detail(response) == "不支持该请求方法。"


# --- the schema -----------------------------------------------------------------------------------

def test_the_openapi_schema_is_served_and_lists_the_endpoints(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert {"/api/v1/whoami", "/api/v1/plans/"} <= set(schema["paths"])
    assert schema["components"]["securitySchemes"]["ClientTokenAuth"]["scheme"] == "bearer"
    assert client.get("/api/v1/docs").status_code == 404  # no docs page: it would load Swagger UI from a CDN


def test_no_served_api_page_names_an_outside_address(org, client):
    token = issue(org).token
    for path in ("openapi.json", "docs", "whoami", "plans/"):
        body = call(client, path, token).content.decode()
        assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", body, re.I), path


# --- the 接口客户端 page ---------------------------------------------------------------------------

def test_the_sysadmin_creates_a_client_and_sees_its_token_once(org, login):
    client = login(org.sysadmin)
    assert "接口客户端" in client.get("/system/users/").content.decode()  # in the menu
    response = client.post("/system/api-clients/new/", {
        "name": "舆情采集网关", "org_unit": org.county_a.pk, "capabilities": ["plans.read"],
        "expires_on": "", "allowed_addresses": "10.0.0.0/8"})
    assert response.status_code == 200
    token = re.search(r'data-testid="api-token"[^>]*>([^<]+)<', response.content.decode()).group(1)
    made = ApiClient.objects.get(name="舆情采集网关")
    assert made.org_unit == org.county_a and made.capabilities == ["plans.read"] and made.created_by == org.sysadmin
    assert made.token_digest == tokens.token_digest(token)
    listing = client.get("/system/api-clients/").content.decode()
    assert "舆情采集网关" in listing and f"iwk_{made.token_prefix}_" in listing and token not in listing
    assert token.split("_", 2)[2] not in listing


def test_the_form_shows_refusals_on_its_fields(org, login):
    client = login(org.sysadmin)
    response = client.post("/system/api-clients/new/", {"name": "网关", "org_unit": org.city.pk,
                                                        "allowed_addresses": "not-an-address"})
    assert response.status_code == 200 and "不是有效的地址或网段" in response.content.decode()
    assert not ApiClient.objects.exists()


def test_the_sysadmin_revokes_a_client(org, login):
    issued = issue(org)
    client = login(org.sysadmin)
    response = client.post(f"/system/api-clients/{issued.client.pk}/revoke/", follow=True)
    assert "已吊销" in response.content.decode()
    issued.client.refresh_from_db()
    assert not issued.client.is_active and issued.client.revoked_by == org.sysadmin
    event = AuditEvent.objects.get(event_type="core.api_client.revoke")
    assert event.actor == org.sysadmin and event.subject_id == str(issued.client.pk)


@pytest.mark.parametrize("username", [name for name in ROLE_USERNAMES if name != "sysadmin"])
def test_other_roles_may_not_manage_clients(org, login, username):
    issued = issue(org)
    client = login(getattr(org, username))
    assert client.get("/system/api-clients/").status_code == 403
    assert client.get("/system/api-clients/new/").status_code == 403
    assert client.post(f"/system/api-clients/{issued.client.pk}/revoke/").status_code == 403
    assert ApiClient.objects.get().is_active
