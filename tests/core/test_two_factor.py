"""Two-factor sign-in: the TOTP window, recovery codes, who must use it, the login step, enrolment,
disabling, the 安全管理员's reset and policy, and wrong codes counting towards the lockout."""

import time
from datetime import timedelta

import pytest
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ideowork.core.actions.twofactor import (do_confirm_enrolment, do_renew_recovery_codes, do_reset_two_factor,
                                             do_set_two_factor_policy)
from ideowork.core.choices import Role
from ideowork.core.models import AuditEvent, Notification, RecoveryCode, TwoFactorPolicy
from ideowork.core.twofactor import (enrolment_device, is_enrolled, is_required_for, recovery_codes_left,
                                     verify_second_factor)

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]

NOW = "2026-06-15T10:00:10"  # ten seconds into a 30-second step


def code(device, steps: int = 0) -> str:
    """The code ``device``'s authenticator app shows ``steps`` time steps from now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    totp.time = time.time() + steps * device.step
    return f"{totp.token():0{device.digits}d}"


def enrol(user) -> tuple[TOTPDevice, list[str]]:
    device = enrolment_device(user)
    codes = do_confirm_enrolment(user, device, code(device))
    device.refresh_from_db()
    return device, codes


def require_roles(*roles):
    TwoFactorPolicy.objects.update_or_create(pk=1, defaults={"required_roles": list(roles)})


def password_step(client, username, password, **extra):
    return client.post("/login/", {"username": username, "password": password, **extra})


# --- the TOTP window ---------------------------------------------------------------------------
@pytest.mark.clock(NOW)
@pytest.mark.parametrize("steps, accepted", [(-2, False), (-1, True), (0, True), (1, True), (2, False)])
def test_a_code_is_valid_one_step_either_side_of_now(org, steps, accepted):
    device, _ = enrol(org.cadre)
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)  # forget the enrolment code's step
    device.refresh_from_db()
    assert (verify_second_factor(org.cadre, code(device, steps)) == "totp") is accepted


@pytest.mark.clock(NOW)
def test_a_code_works_once_and_older_steps_not_after_it(org, travel):
    device, _ = enrol(org.cadre)
    assert verify_second_factor(org.cadre, code(device)) is None  # the enrolment used this step
    travel.shift(timedelta(seconds=30))
    current = code(device)
    assert verify_second_factor(org.cadre, current) == "totp"
    assert verify_second_factor(org.cadre, current) is None
    assert verify_second_factor(org.cadre, code(device, -1)) is None


def test_enrolment_needs_a_right_code_and_changes_nothing_otherwise(org):
    device = enrolment_device(org.cadre)
    assert enrolment_device(org.cadre) == device  # the same secret until confirmed
    wrong = f"{(int(code(device)) + 1) % 1_000_000:06d}"
    with pytest.raises(Exception, match="验证码不正确"):
        do_confirm_enrolment(org.cadre, device, wrong)
    assert not is_enrolled(org.cadre) and not RecoveryCode.objects.exists()
    assert not AuditEvent.objects.filter(event_type="core.twofactor.enrol").exists()


# --- recovery codes -----------------------------------------------------------------------------
def test_ten_recovery_codes_kept_only_as_digests(org):
    _, codes = enrol(org.cadre)
    assert len(codes) == len(set(codes)) == 10
    digests = list(RecoveryCode.objects.filter(user=org.cadre).values_list("digest", flat=True))
    assert len(digests) == 10
    assert not any(c.replace("-", "") in d.upper() or c in d for c in codes for d in digests)
    event = AuditEvent.objects.get(event_type="core.twofactor.enrol")
    assert event.actor == org.cadre and event.new == {"enrolled": True, "recovery_codes": 10}


def test_a_recovery_code_works_once(org):
    _, codes = enrol(org.cadre)
    assert verify_second_factor(org.cadre, codes[0].lower().replace("-", " ")) == "recovery"
    assert verify_second_factor(org.cadre, codes[0]) is None
    assert recovery_codes_left(org.cadre) == 9
    assert verify_second_factor(org.deputy, codes[1]) is None  # someone else's code is nothing
    assert verify_second_factor(org.cadre, codes[1]) == "recovery"
    assert AuditEvent.objects.filter(event_type="core.twofactor.use_recovery").count() == 2


def test_new_recovery_codes_replace_the_old(org):
    _, old = enrol(org.cadre)
    new = do_renew_recovery_codes(org.cadre)
    assert verify_second_factor(org.cadre, old[0]) is None
    assert verify_second_factor(org.cadre, new[0]) == "recovery"
    assert AuditEvent.objects.filter(event_type="core.twofactor.renew_codes", actor=org.cadre).exists()


# --- who must use it ----------------------------------------------------------------------------
REQUIRED_BY_DEFAULT = {Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR, Role.HEAD, Role.DEPUTY}


@pytest.mark.parametrize("username", ["principal", "deputy", "section_chief", "staff", "supervisor", "cadre",
                                      "sysadmin", "secadmin", "auditor"])
def test_by_default_the_administrators_and_leaders_must_use_it(org, client, password, username):
    TwoFactorPolicy.objects.all().delete()  # a new installation: no policy row yet
    user = getattr(org, username)
    required = user.role in REQUIRED_BY_DEFAULT
    assert is_required_for(user) is required
    response = password_step(client, username, password)
    assert response.status_code == 302
    if required:  # sent to enrolment at once, and not signed in yet
        assert response.url == "/login/enrol/"
        assert "_auth_user_id" not in client.session
        assert client.get("/").status_code == 302
    else:
        assert response.url != "/login/enrol/" and client.session["_auth_user_id"] == str(user.pk)


def test_the_secadmin_sets_the_roles_and_it_is_audited(org, login, password):
    client = login(org.secadmin)
    page = client.get("/security/two-factor/").content.decode()
    assert "双因素认证设置" in page and 'value="cadre"' in page
    client.post("/security/two-factor/", {"roles": [Role.CADRE, Role.STAFF]})
    assert TwoFactorPolicy.objects.get().required_roles == ["cadre", "staff"]
    event = AuditEvent.objects.get(event_type="core.twofactor.policy")
    assert event.actor == org.secadmin and event.old == {"required_roles": []}
    assert password_step(Client(), "cadre", password).url == "/login/enrol/"
    assert password_step(Client(), "principal", password).url == "/office/"


@pytest.mark.parametrize("username", ["sysadmin", "auditor", "principal", "cadre"])
def test_only_the_secadmin_changes_the_policy(org, login, username):
    client = login(getattr(org, username))
    assert client.post("/security/two-factor/", {"roles": [Role.CADRE]}).status_code == 403
    assert TwoFactorPolicy.objects.get().required_roles == []
    with pytest.raises(Exception):
        do_set_two_factor_policy(getattr(org, username), [Role.CADRE])


def test_an_unknown_role_is_refused(org):
    with pytest.raises(Exception, match="未知角色"):
        do_set_two_factor_policy(org.secadmin, ["emperor"])


# --- signing in ------------------------------------------------------------------------------
@pytest.mark.clock(NOW)
def test_an_enrolled_person_signs_in_with_password_then_code(org, client, password, travel):
    device, _ = enrol(org.cadre)  # optional for cadres, but once enrolled it is asked for
    travel.shift(timedelta(seconds=30))
    response = password_step(client, "cadre", password, next="/me/")
    assert response.url == "/login/verify/"
    assert "_auth_user_id" not in client.session
    page = client.get("/login/verify/").content.decode()
    assert "双因素认证" in page and "孙干部" in page
    wrong = client.post("/login/verify/", {"code": "000000" if code(device) != "000000" else "111111"})
    assert "验证码不正确" in wrong.content.decode() and "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(event_type="core.twofactor.fail", subject_id=str(org.cadre.pk)).exists()
    response = client.post("/login/verify/", {"code": code(device)})
    assert response.status_code == 302 and response.url == "/me/"
    assert client.session["_auth_user_id"] == str(org.cadre.pk)
    assert AuditEvent.objects.filter(event_type="core.auth.login", actor=org.cadre).exists()


def test_a_recovery_code_signs_in_and_says_how_many_are_left(org, client, password):
    _, codes = enrol(org.cadre)
    password_step(client, "cadre", password)
    response = client.post("/login/verify/", {"code": codes[3]}, follow=True)
    assert client.session["_auth_user_id"] == str(org.cadre.pk)
    assert "还剩9个" in response.content.decode()


def test_the_second_step_needs_the_password_step_first(org, client):
    for url in ("/login/verify/", "/login/enrol/"):
        response = client.get(url)
        assert response.status_code == 302 and response.url == "/login/"


@pytest.mark.clock(NOW)
def test_the_second_step_expires(org, client, password, travel, settings):
    enrol(org.cadre)
    password_step(client, "cadre", password)
    travel.shift(timedelta(seconds=settings.TWO_FACTOR_PENDING_SECONDS + 5))
    assert client.get("/login/verify/").url == "/login/"


@pytest.mark.clock(NOW)
def test_required_role_enrols_right_after_the_password(org, client, password):
    require_roles(Role.HEAD)
    password_step(client, "principal", password)
    page = client.get("/login/enrol/").content.decode()
    assert "<svg" in page and "http" not in page.split("<svg", 1)[1].split("</svg>", 1)[0]  # drawn here
    device = TOTPDevice.objects.get(user=org.principal, confirmed=False)
    response = client.post("/login/enrol/", {"code": code(device)})
    assert response.status_code == 200
    assert "双因素认证已启用" in response.content.decode()
    assert response.content.decode().count("<li><code>") == 10
    assert client.session["_auth_user_id"] == str(org.principal.pk)
    assert is_enrolled(org.principal)


def test_wrong_codes_count_towards_the_lockout(org, client, password):
    enrol(org.cadre)
    password_step(client, "cadre", "wrong-password")
    password_step(client, "cadre", "wrong-password")
    password_step(client, "cadre", password)
    for _ in range(2):
        assert client.post("/login/verify/", {"code": "12345x"}).status_code == 200
    locked = client.post("/login/verify/", {"code": "12345x"})
    assert locked.status_code == 429 and "账号已临时锁定" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert password_step(Client(), "cadre", password).status_code == 429  # the right password too
    assert AuditEvent.objects.filter(event_type="core.auth.lock_out", subject_repr="cadre").count() == 1


def test_wrong_enrolment_codes_while_signing_in_count_too(org, client, password):
    require_roles(Role.HEAD)
    for _ in range(4):
        password_step(client, "principal", "wrong-password")
    password_step(client, "principal", password)
    assert client.post("/login/enrol/", {"code": "000000"}).status_code == 429
    assert client.get("/login/enrol/").url == "/login/"


# --- the person's own page --------------------------------------------------------------------
def test_account_page_offers_enrolment(org, login):
    page = login(org.cadre).get("/account/security/").content.decode()
    assert "未启用" in page and "启用双因素认证" in page


@pytest.mark.clock(NOW)
def test_re_enrolling_replaces_the_old_authenticator(org, login, travel):
    old, old_codes = enrol(org.cadre)
    client = login(org.cadre)
    assert "重新绑定" in client.get("/account/security/enrol/").content.decode()
    new = TOTPDevice.objects.get(user=org.cadre, confirmed=False)
    travel.shift(timedelta(seconds=30))
    response = client.post("/account/security/enrol/", {"code": code(new)})
    assert response.content.decode().count("<li><code>") == 10
    assert list(TOTPDevice.objects.filter(user=org.cadre).values_list("pk", flat=True)) == [new.pk]
    assert verify_second_factor(org.cadre, old_codes[0]) is None


def test_optional_two_factor_is_disabled_with_the_password(org, login, password):
    enrol(org.cadre)
    client = login(org.cadre)
    response = client.post("/account/security/disable/", {"password": "wrong"}, follow=True)
    assert "密码不正确" in response.content.decode() and is_enrolled(org.cadre)
    client.post("/account/security/disable/", {"password": password})
    assert not is_enrolled(org.cadre) and not RecoveryCode.objects.filter(user=org.cadre).exists()
    assert AuditEvent.objects.filter(event_type="core.twofactor.disable", actor=org.cadre).exists()


def test_a_required_role_cannot_disable_it(org, login, password):
    require_roles(Role.HEAD)
    enrol(org.principal)
    client = login(org.principal)
    assert "停用双因素认证" not in client.get("/account/security/").content.decode()
    response = client.post("/account/security/disable/", {"password": password}, follow=True)
    assert "不能停用" in response.content.decode() and is_enrolled(org.principal)


def test_recovery_codes_are_renewed_with_the_password(org, login, password):
    enrol(org.cadre)
    client = login(org.cadre)
    assert client.post("/account/security/recovery-codes/", {"password": "wrong"}).status_code == 302
    assert not AuditEvent.objects.filter(event_type="core.twofactor.renew_codes").exists()
    response = client.post("/account/security/recovery-codes/", {"password": password})
    assert response.content.decode().count("<li><code>") == 10


# --- the 安全管理员's reset -------------------------------------------------------------------------
def test_the_secadmin_resets_a_second_factor_and_the_person_is_told(org, login, django_capture_on_commit_callbacks):
    require_roles(Role.HEAD)
    enrol(org.principal)
    client = login(org.secadmin)
    assert "张主任" in client.get("/security/two-factor/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/security/two-factor/reset/", {"user": org.principal.pk})
    assert not is_enrolled(org.principal) and recovery_codes_left(org.principal) == 0
    event = AuditEvent.objects.get(event_type="core.twofactor.reset")
    assert event.actor == org.secadmin and event.subject_id == str(org.principal.pk)
    assert event.old == {"enrolled": True, "recovery_codes": 10}
    note = Notification.objects.get(recipient=org.principal)
    assert note.title == "您的双因素认证已被重置" and "重新绑定" in note.body


@pytest.mark.parametrize("username", ["sysadmin", "auditor", "principal", "cadre"])
def test_only_the_secadmin_resets(org, login, username):
    enrol(org.deputy)
    assert login(getattr(org, username)).post("/security/two-factor/reset/", {"user": org.deputy.pk}).status_code == 403
    with pytest.raises(Exception):
        do_reset_two_factor(getattr(org, username), org.deputy)
    assert is_enrolled(org.deputy)


# --- the demo ---------------------------------------------------------------------------------
def test_demo_accounts_sign_in_with_the_password_alone(db, client):
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    from ideowork.demo import people
    from ideowork.demo.context import DemoContext, png_photo

    people.build(DemoContext(today=timezone.localdate(), photo=png_photo()), log=lambda *_: None)
    assert TwoFactorPolicy.objects.get().required_roles == []
    head = next(username for username, _, role, _, _ in people.PEOPLE if role == Role.HEAD)
    secadmin = next(username for username, _, role, _, _ in people.PEOPLE if role == Role.SECADMIN)
    for username, start in ((head, "/office/"), (secadmin, "/security/")):
        response = Client().post("/login/", {"username": username, "password": people.DEMO_PASSWORD})
        assert response.status_code == 302 and response.url == start  # each role's start page
    out = StringIO()
    call_command("demo", "--logins", stdout=out)
    assert "双因素认证设置" in out.getvalue()
    TwoFactorPolicy.objects.all().delete()  # a demo database from before two-factor sign-in
    call_command("demo", stdout=StringIO())
    assert TwoFactorPolicy.objects.get().required_roles == []
    TwoFactorPolicy.objects.filter(pk=1).update(required_roles=[Role.SECADMIN])  # the 安全管理员's choice stays
    call_command("demo", stdout=StringIO())
    assert TwoFactorPolicy.objects.get().required_roles == [Role.SECADMIN]
