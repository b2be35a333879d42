"""No administrator knows a usable password of another account: a new, imported or reset account
gets a one-time activation code (hashed, single use, time-limited), and the person sets their own."""

from datetime import timedelta

import pytest
from django.test import Client

from django.core.exceptions import PermissionDenied, ValidationError

from ideowork.core.actions.activation import (awaiting_confirmation, do_activate_account, do_confirm_activation,
                                              do_void_activation)
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
    do_confirm_activation(org.secadmin, awaiting_confirmation(org.principal))
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
        do_confirm_activation(org.secadmin, awaiting_confirmation(org.cadre))
    assert org.cadre.notifications.filter(title="密码重置已确认").exists()
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


# --- a reset is two-person work: the administrator who saw the code cannot sign in as the person ----

def _sign_in(username, password=OWN):
    return Client().post("/login/", {"username": username, "password": password}).status_code == 302


def test_the_administrator_who_reset_an_account_cannot_sign_in_with_it_alone(org, django_capture_on_commit_callbacks):
    issued = do_reset_password(org.sysadmin, org.cadre)
    # The 系统管理员 has seen the slip and redeems it at their own desk ...
    with django_capture_on_commit_callbacks(execute=True):
        response = Client(REMOTE_ADDR="10.0.0.9").post("/activate/", {
            "username": "cadre", "code": issued.code, "password1": OWN, "password2": OWN})
    assert response.status_code == 302
    # ... but the password waits, hashed, and nobody can sign in with it.
    assert not _sign_in("cadre")
    org.cadre.refresh_from_db()
    assert not org.cadre.has_usable_password()
    waiting = awaiting_confirmation(org.cadre)
    assert waiting.pending_password and OWN not in waiting.pending_password
    event = AuditEvent.objects.get(event_type="core.activation.redeem")
    assert event.new["awaiting_confirmation"] is True
    note = org.secadmin.notifications.get(title__contains="重置密码后待确认")
    assert note.url == "/security/resets/"
    assert not org.cadre.notifications.filter(title="账号已激活").exists()


def test_the_secadmin_confirms_and_then_the_person_signs_in(org, django_capture_on_commit_callbacks):
    issued = do_reset_password(org.sysadmin, org.cadre)
    do_activate_account("cadre", issued.code, OWN)
    with django_capture_on_commit_callbacks(execute=True):
        do_confirm_activation(org.secadmin, awaiting_confirmation(org.cadre))
    assert _sign_in("cadre")
    assert awaiting_confirmation(org.cadre) is None
    row = ActivationCode.objects.get(user=org.cadre, revoked_at__isnull=True)
    assert row.confirmed_by == org.secadmin and row.pending_password == ""
    assert org.cadre.password_history.count() >= 1  # remembered, so it cannot be reused later
    event = AuditEvent.objects.get(event_type="core.activation.confirm")
    assert event.actor == org.secadmin and event.subject_id == str(org.cadre.pk)
    assert org.cadre.notifications.filter(title="密码重置已确认").exists()


def test_a_void_leaves_the_account_without_a_password_and_tells_the_issuer(org, django_capture_on_commit_callbacks):
    issued = do_reset_password(org.sysadmin, org.cadre)
    do_activate_account("cadre", issued.code, OWN)
    with django_capture_on_commit_callbacks(execute=True):
        do_void_activation(org.secadmin, awaiting_confirmation(org.cadre))
    assert not _sign_in("cadre")
    assert awaiting_confirmation(org.cadre) is None
    assert ActivationCode.objects.get(user=org.cadre).pending_password == ""
    assert AuditEvent.objects.filter(event_type="core.activation.void", actor=org.secadmin).count() == 1
    assert org.sysadmin.notifications.filter(title__contains="未获确认").exists()
    with pytest.raises(ValidationError):  # decided once
        do_confirm_activation(org.secadmin, ActivationCode.objects.get(user=org.cadre))


def test_only_a_secadmin_decides_a_reset(org):
    issued = do_reset_password(org.sysadmin, org.cadre)
    do_activate_account("cadre", issued.code, OWN)
    waiting = awaiting_confirmation(org.cadre)
    for actor in (org.sysadmin, org.auditor, org.cadre, org.principal):
        with pytest.raises(PermissionDenied):
            do_confirm_activation(actor, waiting)
        with pytest.raises(PermissionDenied):
            do_void_activation(actor, waiting)
    assert not _sign_in("cadre")


def test_a_new_reset_voids_a_password_still_waiting(org):
    first = do_reset_password(org.sysadmin, org.cadre)
    do_activate_account("cadre", first.code, OWN)
    waiting = awaiting_confirmation(org.cadre)
    do_reset_password(org.sysadmin, org.cadre)
    assert awaiting_confirmation(org.cadre) is None
    with pytest.raises(ValidationError):
        do_confirm_activation(org.secadmin, waiting)
    assert not _sign_in("cadre")


def test_a_new_account_needs_no_confirmation_its_role_grant_is_the_second_person(org):
    issued = _new_account(org)
    do_activate_account("liuke", issued.code, OWN)
    assert awaiting_confirmation(issued.user) is None
    assert _sign_in("liuke")


def _client_of(user):
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_the_secadmin_confirms_on_the_resets_page(org):
    issued = do_reset_password(org.sysadmin, org.cadre)
    response = _activate(Client(), "cadre", issued.code)
    assert response.status_code == 302
    secadmin = _client_of(org.secadmin)
    assert "1个待确认" in secadmin.get("/security/").content.decode()
    html = secadmin.get("/security/resets/").content.decode()
    assert 'data-username="cadre"' in html and "确认生效" in html
    waiting = awaiting_confirmation(org.cadre)
    assert _client_of(org.sysadmin).post(f"/security/resets/{waiting.pk}/confirm/").status_code == 403
    assert not _sign_in("cadre")
    assert secadmin.post(f"/security/resets/{waiting.pk}/confirm/").status_code == 302
    assert _sign_in("cadre")
    assert secadmin.post(f"/security/resets/{waiting.pk}/confirm/").status_code == 404  # decided
