"""What a sign-in costs (exam morning, docs/performance.md): the session written once, the sign-in's
own writes in one transaction — after the password, and after the second step (an authenticator code
or a recovery code) alike — the person's unit read with its organ."""

import time
from contextlib import contextmanager

import pytest
from django.contrib.sessions.models import Session
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ideowork.core.actions.twofactor import do_confirm_enrolment
from ideowork.core.models import AuditEvent, SecurityPolicy, User, UserSession
from ideowork.core.twofactor import enrolment_device

pytestmark = pytest.mark.django_db


def _writes(captured) -> list[str]:
    return [q["sql"] for q in captured.captured_queries if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))]


def test_a_sign_in_writes_its_session_once_with_the_person_in_it(org, password):
    client = Client(REMOTE_ADDR="10.0.0.9")
    client.get("/login/")
    with CaptureQueriesContext(connection) as captured:
        response = client.post("/login/", {"username": "cadre", "password": password})
    assert response.status_code == 302
    session_writes = [sql for sql in _writes(captured) if "django_session" in sql]
    assert len(session_writes) == 1 and session_writes[0].startswith("INSERT")
    key = client.cookies["sessionid"].value
    assert Session.objects.get(session_key=key).get_decoded()["_auth_user_id"] == str(org.cadre.pk)
    assert UserSession.objects.get(session_key=key).user == org.cadre
    assert client.get("/notifications/").status_code == 200


def test_the_sign_in_records_commit_together(org, password, monkeypatch):
    """Last login, the audit event and the session record are one transaction: none without the others."""
    def broken(*args, **kwargs):
        raise RuntimeError("the session record could not be written")

    monkeypatch.setattr(UserSession.objects, "update_or_create", broken)
    with pytest.raises(RuntimeError):
        Client(REMOTE_ADDR="10.0.0.9").post("/login/", {"username": "cadre", "password": password})
    org.cadre.refresh_from_db()
    assert org.cadre.last_login is None
    assert not AuditEvent.objects.filter(event_type="core.auth.login", actor=org.cadre).exists()
    monkeypatch.undo()
    assert Client(REMOTE_ADDR="10.0.0.9").post("/login/", {"username": "cadre", "password": password}).status_code == 302
    assert AuditEvent.objects.filter(event_type="core.auth.login", actor=org.cadre).count() == 1


def test_signing_in_moves_an_anonymous_session_to_a_new_key(org, password):
    client = Client(REMOTE_ADDR="10.0.0.9")
    before = client.session
    before["kept"] = "across the sign-in"
    before.save()
    first = before.session_key
    client.post("/login/", {"username": "cadre", "password": password})
    second = client.cookies["sessionid"].value
    assert first != second
    assert not Session.objects.filter(session_key=first).exists()
    assert Session.objects.get(session_key=second).get_decoded()["kept"] == "across the sign-in"
    assert client.get("/notifications/").status_code == 200


def test_the_persons_scope_is_their_unit_and_organ_read_at_once(org):
    cadre = User.objects.get(pk=org.cadre.pk)  # as the session reads it: without the unit
    with CaptureQueriesContext(connection) as captured:
        root = cadre.scope_root
        unit = cadre.org_unit
    assert len(captured) == 1
    assert root == org.city and unit == org.cadre.org_unit and unit.is_within(root)


# --- the second step (an authenticator code or a recovery code) -------------------------------------
@contextmanager
def write_transactions():
    """The write statements run inside, grouped by the transaction each commits in: those inside one
    outermost ``atomic`` block of the code together, each one outside any on its own (autocommit).
    The test case's own blocks do not count (its test runs inside them)."""
    groups: list[list[str]] = []
    entered = [0]
    current = [None]
    enter = transaction.Atomic.__enter__

    def counting_enter(self):
        enter(self)
        if [b for b in connection.atomic_blocks if not b._from_testcase] == [self]:
            entered[0] += 1
            current[0] = entered[0]

    def wrapper(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            inside = any(not b._from_testcase for b in connection.atomic_blocks)
            key = current[0] if inside else None
            if inside and groups and groups[-1][0] == key:
                groups[-1][1].append(sql)
            else:
                groups.append((key, [sql]))
        return execute(sql, params, many, context)

    transaction.Atomic.__enter__ = counting_enter
    try:
        with connection.execute_wrapper(wrapper), CaptureQueriesContext(connection) as captured:
            yield groups, captured
    finally:
        transaction.Atomic.__enter__ = enter


def _code(device) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


def _enrolled_and_past_the_password(org, password) -> tuple[Client, TOTPDevice, list[str]]:
    SecurityPolicy.current()  # as in any installation that has run: the policy's row exists
    device = enrolment_device(org.cadre)
    codes = do_confirm_enrolment(org.cadre, device, _code(device))
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)  # the enrolment's step may be used again
    device.refresh_from_db()
    return _past_the_password(password), device, codes


def _past_the_password(password) -> Client:
    client = Client(REMOTE_ADDR="10.0.0.9")
    assert client.post("/login/", {"username": "cadre", "password": password}).url == "/login/verify/"
    return client


@pytest.mark.parametrize("kind", ["totp", "recovery"])
def test_the_second_step_signs_in_in_one_transaction_and_writes_the_session_once(org, password, kind):
    client, device, codes = _enrolled_and_past_the_password(org, password)
    pending = client.cookies["sessionid"].value
    with write_transactions() as (transactions, captured):
        response = client.post("/login/verify/", {"code": _code(device) if kind == "totp" else codes[0]})
    assert response.status_code == 302
    key = client.cookies["sessionid"].value
    assert key != pending and not Session.objects.filter(session_key=pending).exists()
    assert Session.objects.get(session_key=key).get_decoded()["_auth_user_id"] == str(org.cadre.pk)
    # The code used up, the pending session ended, last login, the audit events and the session record
    # in one transaction; the new session written once, with the response.
    assert len(transactions) == 2, "\n".join(f"{k}: {sql[:90]}" for k, g in transactions for sql in g)
    sign_in, session = (writes for _, writes in transactions)
    assert len(session) == 1 and session[0].startswith('INSERT INTO "django_session"')
    assert [sql[:28] for sql in sign_in if "django_session" in sql] == ['DELETE FROM "django_session"']
    # Reads and savepoints included; a recovery code also counts those left (the audit event, the notice).
    assert len(captured) <= (30 if kind == "totp" else 36), [q["sql"] for q in captured.captured_queries]
    assert client.get("/notifications/").status_code == 200


def test_a_wrong_second_step_code_signs_no_one_in_and_is_still_counted(org, password):
    client, device, _ = _enrolled_and_past_the_password(org, password)
    wrong = "000000" if _code(device) != "000000" else "111111"
    response = client.post("/login/verify/", {"code": wrong})
    assert response.status_code == 200 and "验证码不正确" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(event_type="core.twofactor.fail", actor=org.cadre).count() == 1
    org.cadre.refresh_from_db()
    assert org.cadre.last_login is None


def test_the_second_steps_writes_commit_together(org, password, monkeypatch):
    """A sign-in that fails half-way leaves the recovery code unspent, no last login and no login event."""
    client, _, codes = _enrolled_and_past_the_password(org, password)

    def broken(*args, **kwargs):
        raise RuntimeError("the session record could not be written")

    monkeypatch.setattr(UserSession.objects, "update_or_create", broken)
    with pytest.raises(RuntimeError):
        client.post("/login/verify/", {"code": codes[0]})
    org.cadre.refresh_from_db()
    assert org.cadre.last_login is None
    assert not AuditEvent.objects.filter(event_type__in=["core.auth.login", "core.twofactor.use_recovery"],
                                         actor=org.cadre).exists()
    monkeypatch.undo()
    again = _past_the_password(password).post("/login/verify/", {"code": codes[0]})
    assert again.status_code == 302  # the recovery code was not spent

