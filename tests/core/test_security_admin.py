"""Security administration (安全管理员): the policy page, the lockout list and unlocking."""

import pytest
from axes.models import AccessAttempt

from ideowork.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _lock(client, username="principal"):
    for _ in range(5):
        client.post("/login/", {"username": username, "password": "wrong-password"})


def test_policy_page_shows_the_active_settings(org, login, settings):
    settings.SESSION_IDLE_SECONDS = 20 * 60
    html = login(org.secadmin).get("/security/").content.decode()
    assert "安全策略" in html
    assert "连续登录失败 <strong>5</strong> 次" in html
    assert f"<strong>{int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)}</strong> 分钟后自动解锁" in html
    assert "闲置 <strong>20</strong> 分钟后自动退出" in html
    assert "密码至少需要10个字符" in html and "Argon2id" in html


def test_lockout_list_shows_locked_usernames(org, login, client):
    _lock(client)
    client.post("/login/", {"username": "deputy", "password": "wrong-password"})
    html = login(org.secadmin).get("/security/lockouts/").content.decode()
    table = html.split('data-testid="lockout-table"')[1]
    assert "principal" in table and "张主任" in table and "已锁定" in table
    assert "deputy" in table and "未锁定" in table


def test_secadmin_unlocks_and_the_user_can_sign_in(org, login, client, password):
    _lock(client)
    assert client.post("/login/", {"username": "principal", "password": password}).status_code == 429
    admin = login(org.secadmin)
    response = admin.post("/security/lockouts/unlock/", {"username": "principal"}, follow=True)
    assert "账号“principal”已解锁" in response.content.decode()
    assert not AccessAttempt.objects.filter(username="principal").exists()
    event = AuditEvent.objects.get(event_type="core.security.unlock")
    assert event.actor == org.secadmin and event.subject_id == str(org.principal.pk)
    assert event.old["locked"] is True and event.old["failures"] >= 5
    fresh = type(client)()
    assert fresh.post("/login/", {"username": "principal", "password": password}).status_code == 302


def test_unlock_is_post_only(org, login):
    assert login(org.secadmin).get("/security/lockouts/unlock/").status_code == 405


@pytest.mark.parametrize("name", ["sysadmin", "auditor", "principal", "staff"])
def test_only_the_secadmin_sees_security_pages(org, login, name):
    client = login(getattr(org, name))
    assert client.get("/security/").status_code == 403
    assert client.get("/security/lockouts/").status_code == 403


def test_secadmin_cannot_manage_users(org, login):
    client = login(org.secadmin)
    assert client.get("/system/users/").status_code == 403
    assert client.post(f"/system/users/{org.cadre.pk}/reset-password/").status_code == 403
