"""Passwords: no change to the same one, no reuse of the last N, expiry after the period the
安全管理员 sets (the user changes it before anything else), and the 安全策略 page that sets them."""

from datetime import timedelta

import pytest
from django.test import Client

from ideowork.core.models import AuditEvent, PasswordHistory, SecurityPolicy

pytestmark = pytest.mark.django_db
FIRST, SECOND, THIRD = "Di-Yi-Mima-2026!", "Di-Er-Mima-2026!", "Di-San-Mima-2026!"


def _change(client, old, new):
    return client.post("/account/password/", {"old_password": old, "new_password1": new, "new_password2": new})


def _signed_in(username, password):
    client = Client()
    assert client.post("/login/", {"username": username, "password": password}).status_code == 302
    return client


def test_changing_to_the_same_password_is_refused_in_chinese(org, password):
    client = _signed_in("cadre", password)
    html = _change(client, password, password).content.decode()
    assert "新密码不能与当前密码相同" in html


def test_the_last_passwords_cannot_be_reused(org, password):
    client = _signed_in("cadre", password)
    for old, new in [(password, FIRST), (FIRST, SECOND), (SECOND, THIRD)]:
        assert _change(client, old, new).status_code == 302
    html = _change(client, THIRD, FIRST).content.decode()
    assert "新密码不能与最近使用过的5个密码相同" in html
    assert PasswordHistory.objects.filter(user=org.cadre).count() == 3


def test_history_keeps_only_as_many_as_the_policy_asks(org, password):
    SecurityPolicy.objects.update_or_create(pk=SecurityPolicy.current().pk, defaults={"password_history_count": 1})
    client = _signed_in("cadre", password)
    for old, new in [(password, FIRST), (FIRST, SECOND)]:
        assert _change(client, old, new).status_code == 302
    assert PasswordHistory.objects.filter(user=org.cadre).count() == 1
    assert _change(client, SECOND, FIRST).status_code == 302  # only the current one is remembered now


def test_an_expired_password_must_be_changed_before_anything_else(org, password, travel):
    travel("2026-03-01T09:00")
    org.cadre.set_password(FIRST)
    org.cadre.save()
    travel.shift(timedelta(days=91))
    client = _signed_in("cadre", FIRST)
    response = client.get("/learning/")
    assert response.status_code == 302 and response.url == "/account/password/"
    html = client.get("/account/password/").content.decode()
    assert "您的密码已过期" in html
    assert AuditEvent.objects.filter(event_type="core.auth.password_expired", actor=org.cadre).exists()
    assert _change(client, FIRST, SECOND).status_code == 302
    assert client.get("/learning/").status_code == 200


def test_zero_days_means_passwords_never_expire(org, travel):
    travel("2026-03-01T09:00")
    SecurityPolicy.objects.filter(pk=SecurityPolicy.current().pk).update(password_max_age_days=0)
    org.cadre.set_password(FIRST)
    org.cadre.save()
    travel.shift(timedelta(days=400))
    assert _signed_in("cadre", FIRST).get("/learning/").status_code == 200


def test_the_secadmin_sets_the_policy_and_it_is_audited(org, login):
    client = login(org.secadmin)
    assert "密码有效期" in client.get("/security/policy/").content.decode()
    response = client.post("/security/policy/", {"password_max_age_days": 60, "password_history_count": 8,
                                                 "max_sessions": 2, "activation_hours": 48})
    assert response.status_code == 302
    policy = SecurityPolicy.current()
    assert (policy.password_max_age_days, policy.password_history_count, policy.max_sessions,
            policy.activation_hours) == (60, 8, 2, 48)
    event = AuditEvent.objects.get(event_type="core.security.update_policy")
    assert event.old["password_max_age_days"] == 90 and event.new["password_max_age_days"] == 60
    html = client.get("/security/").content.decode()
    assert "<strong>60</strong> 天" in html and "最多 <strong>2</strong> 处" in html


def test_policy_values_out_of_range_are_refused_in_chinese(org, login):
    client = login(org.secadmin)
    html = client.post("/security/policy/", {"password_max_age_days": 90, "password_history_count": 99,
                                             "max_sessions": 0, "activation_hours": 72}).content.decode()
    assert "不得重复使用的近期密码个数应在0到24之间" in html and "并发会话数上限应在1到50之间" in html
    assert SecurityPolicy.current().password_history_count == 5


@pytest.mark.parametrize("name", ["sysadmin", "auditor", "principal"])
def test_only_the_secadmin_sets_the_policy(org, login, name):
    client = login(getattr(org, name))
    assert client.post("/security/policy/", {"password_max_age_days": 1, "password_history_count": 0,
                                             "max_sessions": 1, "activation_hours": 1}).status_code == 403
    assert SecurityPolicy.current().password_max_age_days == 90
