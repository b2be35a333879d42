"""What a sign-in costs (exam morning, docs/performance.md): the session written once, the sign-in's
own writes in one transaction, the person's unit read with its organ."""

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ideowork.core.models import AuditEvent, User, UserSession

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
