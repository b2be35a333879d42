"""Authentication security: hashing, password policy, lockout, idle timeout, logout, caching, audit,
and the separation of the three system roles (三员分立)."""

import time
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.hashers import get_hasher
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client

from ideowork.core.choices import BUSINESS_ROLES, Role
from ideowork.core.middleware import LAST_SEEN_KEY
from ideowork.core.models import AuditEvent, OrgUnit, User
from tests.factories import ROLE_USERNAMES

pytestmark = pytest.mark.django_db


def _login_post(client, username, password):
    return client.post("/login/", {"username": username, "password": password})


# --- passwords -----------------------------------------------------------------------------------
def test_argon2_is_the_hasher_in_use(org):
    assert get_hasher().algorithm == "argon2"
    assert org.principal.password.startswith("argon2$argon2id$")


@pytest.mark.parametrize("weak, message", [
    ("abcdefghijkl", "至少包含小写字母、大写字母、数字、特殊字符中的3类"),  # one class
    ("abcdefgh1234", "至少包含小写字母、大写字母、数字、特殊字符中的3类"),  # two classes
    ("Ab1!", "密码长度太短，至少需要10个字符"),
    ("Password123", "这个密码太常见了"),
])
def test_complexity_policy_rejects_weak_passwords(weak, message):
    with pytest.raises(ValidationError) as exc:
        validate_password(weak)
    assert any(message in m for m in exc.value.messages)


def test_complexity_policy_accepts_three_classes():
    validate_password("Shuxue-kaoshi-2026")  # lower, upper, digit, special
    validate_password("zhengzhi2026xuexi!")  # lower, digit, special


# --- lockout -------------------------------------------------------------------------------------
def test_five_failures_lock_the_username_and_not_others(org, client, password):
    for _ in range(5):
        _login_post(client, "principal", "wrong-password")
    response = _login_post(client, "principal", password)
    assert response.status_code == 429
    assert "账号已临时锁定" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another username from the same address signs in normally.
    assert _login_post(Client(), "deputy", password).status_code == 302
    assert _login_post(client, "deputy", password).status_code == 302


def test_lock_expires_after_the_cool_off(org, client, password, settings):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    for _ in range(5):
        _login_post(client, "principal", "wrong-password")
    assert _login_post(client, "principal", password).status_code == 429
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.first().attempt_time - timedelta(minutes=16))
    response = _login_post(client, "principal", password)
    assert response.status_code == 302 and response.url == "/office/"  # the head starts on the office dashboard


def test_failures_below_the_limit_do_not_lock(org, client, password):
    for _ in range(4):
        assert "用户名或密码错误" in _login_post(client, "principal", "wrong").content.decode()
    assert _login_post(client, "principal", password).status_code == 302


def test_a_sign_in_resets_the_failures_before_it(org, client, password):
    for _ in range(4):
        _login_post(client, "principal", "wrong")
    assert _login_post(client, "principal", password).status_code == 302
    assert not AccessAttempt.objects.filter(username="principal").exists()
    client.logout()
    for _ in range(4):  # the count starts again: four more failures still do not lock
        _login_post(client, "principal", "wrong")
    assert _login_post(client, "principal", password).status_code == 302


def test_a_clean_sign_in_only_reads_the_failure_count(org, client, password):
    """Exam morning: a sign-in with no failure before it asks axes once and writes nothing of axes'."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert _login_post(client, "principal", password).status_code == 302
    axes = [q["sql"] for q in queries.captured_queries if "axes_" in q["sql"]]
    assert len(axes) == 1 and axes[0].startswith("SELECT SUM"), axes


# --- sessions ------------------------------------------------------------------------------------
def test_idle_session_is_logged_out_with_chinese_message(org, client, password, settings):
    _login_post(client, "principal", password)
    assert client.get("/office/").status_code == 200
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - settings.SESSION_IDLE_SECONDS - 5
    session.save()
    response = client.get("/", follow=True)
    assert response.redirect_chain[0][0].startswith("/login/")
    assert "您长时间未操作，会话已超时，请重新登录" in response.content.decode()
    assert AuditEvent.objects.filter(event_type="core.session.time_out", actor=org.principal).exists()
    assert client.get("/").status_code == 302


def test_recent_activity_keeps_the_session(org, client, password, settings):
    _login_post(client, "principal", password)
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - settings.SESSION_IDLE_SECONDS + 60
    session.save()
    assert client.get("/office/").status_code == 200


def test_logout_kills_the_session(org, client, password, settings):
    _login_post(client, "principal", password)
    old_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert client.get("/office/").status_code == 200
    assert client.get("/logout/").status_code == 405  # logout is POST only
    response = client.post("/logout/")
    assert response.status_code == 302
    assert not Session.objects.filter(session_key=old_key).exists()
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = old_key
    response = replay.get("/")
    assert response.status_code == 302 and response.url.startswith("/login/")


@pytest.mark.parametrize("name, url", [("principal", "/office/"), ("sysadmin", "/system/users/"),
                                       ("sysadmin", "/system/orgs/"), ("secadmin", "/security/"),
                                       ("secadmin", "/security/lockouts/"), ("auditor", "/audit/")])
def test_authenticated_pages_are_not_cached(org, login, name, url):
    response = login(getattr(org, name)).get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


# --- audit ---------------------------------------------------------------------------------------
def test_login_and_failed_login_are_audited(org, client, password):
    _login_post(client, "principal", "wrong-password")
    failed = AuditEvent.objects.get(event_type="core.auth.fail_login")
    assert failed.subject_repr == "principal" and failed.ip == "127.0.0.1"
    _login_post(client, "principal", password)
    login = AuditEvent.objects.get(event_type="core.auth.login")
    assert login.actor == org.principal and login.org_unit == org.city


def test_user_and_org_changes_are_audited(org, login):
    client = login(org.sysadmin)
    client.post("/system/users/new/", {"username": "auditme", "display_name": "审计测试", "org_unit": org.office.pk,
                                       "role": Role.CADRE, "password1": "Shen-Ji-2026!", "password2": "Shen-Ji-2026!"})
    user = User.objects.get(username="auditme")
    client.post(f"/system/users/{user.pk}/edit/", {"username": "auditme", "display_name": "审计测试改",
                                                   "org_unit": org.office.pk, "role": Role.CADRE})
    client.post(f"/system/orgs/{org.theory.pk}/edit/", {"name": "理论学习科", "kind": "section",
                                                        "parent": org.city.pk, "sort_order": 0})
    events = {e.event_type: e for e in AuditEvent.objects.filter(event_type__regex=r"^core\.(user|org)\.")}
    assert set(events) == {"core.user.create", "core.user.update", "core.org.update"}
    assert events["core.user.create"].subject_id == str(user.pk)
    assert events["core.user.update"].old["display_name"] == "审计测试"
    assert events["core.user.update"].new["display_name"] == "审计测试改"
    assert events["core.org.update"].old["name"] == "综合科" and events["core.org.update"].new["name"] == "理论学习科"
    assert all(e.actor == org.sysadmin and e.ip == "127.0.0.1" for e in events.values())


# --- separation of duties --------------------------------------------------------------------------
def test_only_the_auditor_reads_the_audit_trail(org, login, client):
    assert client.get("/audit/").status_code == 302  # anonymous → login
    for name in ROLE_USERNAMES:
        status = login(getattr(org, name)).get("/audit/").status_code
        assert status == (200 if name == "auditor" else 403), name


@pytest.mark.parametrize("url", ["/system/users/", "/system/orgs/", "/system/users/import/"])
def test_auditor_and_secadmin_cannot_manage_users_or_units(org, login, url):
    for name in ("auditor", "secadmin"):
        assert login(getattr(org, name)).get(url).status_code == 403


def test_auditor_cannot_change_users(org, login):
    client = login(org.auditor)
    assert client.post(f"/system/users/{org.cadre.pk}/edit/", {"username": "x", "display_name": "x",
                                                               "role": Role.SYSADMIN}).status_code == 403
    org.cadre.refresh_from_db()
    assert org.cadre.role == Role.CADRE


def test_sysadmin_cannot_reach_security_pages(org, login):
    client = login(org.sysadmin)
    assert client.get("/security/").status_code == 403
    assert client.post("/security/lockouts/unlock/", {"username": "principal"}).status_code == 403


@pytest.mark.parametrize("role", sorted(BUSINESS_ROLES))
def test_no_business_account_can_be_superuser(db, role):
    unit = OrgUnit.objects.create(name="测试单位", kind="organ")
    user = User(username=f"su-{role}", display_name="x", role=role, org_unit=unit, is_superuser=True)
    user.set_password("Chao-Ji-2026!")
    with pytest.raises(IntegrityError), transaction.atomic():
        user.save()


def test_existing_business_account_cannot_be_promoted(org):
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=org.principal.pk).update(is_superuser=True)
