"""No administrator knows a usable password of another account: a new, imported or reset account
gets a one-time activation code (hashed, single use, time-limited), and the person sets their own."""

from datetime import timedelta

import pytest
from django.test import Client

from ideowork.core.actions.activation import do_activate_account
from ideowork.core.actions.users import do_create_user, do_reset_password
from ideowork.core.models import ActivationCode, AuditEvent, User

pytestmark = pytest.mark.django_db
OWN = "Wo-De-Mima-2026!"


def _new_account(org, **extra):
    return do_create_user(org.sysadmin, username="liuke", display_name="刘科员", org_unit=org.office,
                          requested_role="cadre", **extra)


def _activate(client, username, code, password=OWN, password2=None):
    return client.post("/activate/", {"username": username, "code": code, "password1": password,
                                      "password2": password2 or password})


def test_a_new_account_cannot_sign_in_until_the_person_sets_a_password(org):
    issued = _new_account(org)
    client = Client()
    assert client.post("/login/", {"username": "liuke", "password": issued.code}).status_code == 200
    response = _activate(client, "liuke", issued.code.lower().replace("-", " "))  # typed loosely
    assert response.status_code == 302 and response.url == "/login/"
    user = User.objects.get(username="liuke")
    assert user.check_password(OWN)
    assert client.post("/login/", {"username": "liuke", "password": OWN}).status_code == 302
    event = AuditEvent.objects.get(event_type="core.activation.redeem")
    assert event.actor == user and event.new["issued_by"] == "sysadmin" and event.new["reason"] == "create"


def test_the_code_is_single_use_and_stored_only_hashed(org):
    issued = _new_account(org)
    row = ActivationCode.objects.get(user=issued.user)
    assert issued.code not in row.code_hash and len(row.code_hash) == 64
    do_activate_account("liuke", issued.code, OWN)
    html = _activate(Client(), "liuke", issued.code, "Zai-Lai-Yi-Ci-2026!").content.decode()
    assert "激活码已失效" in html
    assert User.objects.get(username="liuke").check_password(OWN)


def test_the_code_expires(org, travel):
    travel("2026-06-01T09:00")
    issued = _new_account(org)
    travel.shift(timedelta(hours=73))
    assert "激活码已失效" in _activate(Client(), "liuke", issued.code).content.decode()
    assert not User.objects.get(username="liuke").has_usable_password()


def test_a_wrong_code_or_username_says_the_same_and_changes_nothing(org):
    issued = _new_account(org)
    for username, code in [("liuke", "AAAA-BBBB-CCCC-DDDD"), ("nobody", issued.code), ("cadre", issued.code)]:
        html = _activate(Client(), username, code).content.decode()
        assert "用户名或激活码不正确，或激活码已失效" in html
    assert not User.objects.get(username="liuke").has_usable_password()
    assert not AuditEvent.objects.filter(event_type="core.activation.redeem").exists()


def test_the_password_policy_applies_on_activation(org):
    issued = _new_account(org)
    html = _activate(Client(), "liuke", issued.code, "abcdefghij").content.decode()
    assert "密码须至少包含" in html
    html = _activate(Client(), "liuke", issued.code, OWN, "Other-Pass-99!").content.decode()
    assert "两次输入的密码不一致" in html
    assert ActivationCode.objects.get(user=issued.user).used_at is None  # still usable


def test_a_signed_in_browser_cannot_redeem_a_code(org, login):
    issued = _new_account(org)
    html = _activate(login(org.sysadmin), "liuke", issued.code).content.decode()
    assert "请先退出当前登录的账号" in html
    assert not User.objects.get(username="liuke").has_usable_password()


def test_reset_voids_the_password_and_ends_the_sessions(org, login, password):
    client = login(org.principal)
    assert client.get("/notifications/").status_code == 200
    issued = do_reset_password(org.sysadmin, org.principal)
    assert client.get("/notifications/").status_code == 302  # the old session is gone
    assert Client().post("/login/", {"username": "principal", "password": password}).status_code == 200
    assert "激活码已失效" not in _activate(Client(), "principal", issued.code).content.decode()
    org.principal.refresh_from_db()
    assert org.principal.check_password(OWN)


def test_a_second_reset_voids_the_first_code(org):
    first = do_reset_password(org.sysadmin, org.cadre)
    second = do_reset_password(org.sysadmin, org.cadre)
    assert "激活码已失效" in _activate(Client(), "cadre", first.code).content.decode()
    assert _activate(Client(), "cadre", second.code).status_code == 302


def test_first_login_after_activation_is_audited_once_and_the_person_told(org, django_capture_on_commit_callbacks):
    issued = do_reset_password(org.sysadmin, org.cadre)
    with django_capture_on_commit_callbacks(execute=True):
        do_activate_account("cadre", issued.code, OWN)
    assert org.cadre.notifications.filter(title="账号已激活").exists()
    for _ in range(2):
        assert Client().post("/login/", {"username": "cadre", "password": OWN}).status_code == 302
    event = AuditEvent.objects.get(event_type="core.auth.first_login")
    assert event.actor == org.cadre and event.new["reason"] == "reset"


def test_an_activated_account_without_a_role_waits_for_the_secadmin(org):
    issued = _new_account(org)
    do_activate_account("liuke", issued.code, OWN)
    client = Client()
    client.post("/login/", {"username": "liuke", "password": OWN})
    assert client.get("/").url == "/account/pending/"
    assert client.get("/ledger/").url == "/account/pending/"


def test_the_secadmin_is_told_of_new_accounts(org, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _new_account(org)
    note = org.secadmin.notifications.get()
    assert "新账号待授权" in note.title and "干部职工" in note.body


def test_the_secadmin_is_warned_when_a_code_was_redeemed_where_it_was_issued(org, login):
    issued = _new_account(org)
    ActivationCode.objects.filter(user=issued.user).update(issued_ip="10.0.0.9")
    Client(REMOTE_ADDR="10.0.0.9").post("/activate/", {"username": "liuke", "code": issued.code,
                                                       "password1": OWN, "password2": OWN})
    event = AuditEvent.objects.get(event_type="core.activation.redeem")
    assert event.new["same_address_as_issuer"] is True
    html = login(org.secadmin).get(f"/security/accounts/{issued.user.pk}/role/").content.decode()
    assert 'data-testid="same-address"' in html and "请先与本人核实" in html
