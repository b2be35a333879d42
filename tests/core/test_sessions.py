"""Sessions: at most N at once per account (the oldest ends, and its browser is told), and each
login shows when and where the account last signed in."""

import pytest
from django.test import Client

from ideowork.core.models import AuditEvent, SecurityPolicy, UserSession

pytestmark = pytest.mark.django_db


def _sign_in(password, address):
    client = Client(REMOTE_ADDR=address)
    response = client.post("/login/", {"username": "cadre", "password": password}, follow=True)
    return client, response.content.decode()


def test_the_oldest_session_ends_beyond_the_limit(org, password, django_capture_on_commit_callbacks):
    clients = [_sign_in(password, f"10.0.0.{n}")[0] for n in range(1, 4)]
    assert all(c.get("/notifications/").status_code == 200 for c in clients)
    fourth, _ = _sign_in(password, "10.0.0.4")
    response = clients[0].get("/notifications/")
    assert response.status_code == 302 and "/login/" in response.url
    html = clients[0].get(response.url).content.decode()
    assert "超出同时在线的会话数上限，本会话已结束" in html
    assert "超出同时在线" not in clients[0].get("/login/").content.decode()  # told once
    assert all(c.get("/notifications/").status_code == 200 for c in [*clients[1:], fourth])
    event = AuditEvent.objects.get(event_type="core.session.end_oldest")
    assert event.new["session_ip"] == "10.0.0.1" and event.new["limit"] == 3
    assert org.cadre.notifications.filter(title__contains="较早的登录会话已被结束").exists()


def test_the_limit_is_the_secadmins(org, password):
    SecurityPolicy.objects.filter(pk=SecurityPolicy.current().pk).update(max_sessions=1)
    first, _ = _sign_in(password, "10.0.0.1")
    second, _ = _sign_in(password, "10.0.0.2")
    assert first.get("/notifications/").status_code == 302
    assert second.get("/notifications/").status_code == 200


def test_logging_out_frees_a_place(org, password):
    clients = [_sign_in(password, f"10.0.0.{n}")[0] for n in range(1, 4)]
    clients[0].post("/logout/")
    _sign_in(password, "10.0.0.4")
    assert all(c.get("/notifications/").status_code == 200 for c in clients[1:])
    assert not AuditEvent.objects.filter(event_type="core.session.end_oldest").exists()
    assert UserSession.objects.filter(user=org.cadre, end_reason="logout").count() == 1


def test_login_shows_the_last_login_time_and_address(org, password):
    _, html = _sign_in(password, "10.0.0.7")
    assert "这是您首次登录本系统" in html
    _, html = _sign_in(password, "10.0.0.8")
    assert "上次登录时间：" in html and "地点：10.0.0.7" in html
