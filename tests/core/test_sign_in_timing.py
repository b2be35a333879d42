"""When a lock ends and when an idle session ends, on the test clock (``travel``)."""

import time
from datetime import timedelta

import pytest
from django.test import Client

from ideowork.core.lockouts import failed_logins
from ideowork.core.middleware import LAST_SEEN_KEY
from ideowork.core.models import AuditEvent

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]

START = "2026-06-15T10:00"


def sign_in(client, username, password):
    return client.post("/login/", {"username": username, "password": password})


def lock(client, username="principal"):
    for _ in range(5):
        sign_in(client, username, "wrong-password")


# --- the lockout's cool-off runs from the lock ------------------------------------------------
@pytest.mark.clock(START)
def test_attempts_during_the_lock_do_not_extend_it(org, client, password, travel, settings):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    lock(client)
    for minutes in (4, 4, 4, 2):  # one try every few minutes, the right password included
        travel.shift(timedelta(minutes=minutes))
        assert sign_in(client, "principal", password).status_code == 429
        assert sign_in(client, "principal", "wrong-password").status_code == 429
    travel.shift(timedelta(minutes=1, seconds=5))  # 15 min 5 s after the lock
    response = sign_in(client, "principal", password)
    assert response.status_code == 302 and response.url == "/office/"  # the head starts on the office dashboard
    assert AuditEvent.objects.filter(event_type="core.auth.lock_out").count() == 1


@pytest.mark.clock(START)
def test_a_lock_lasts_its_cool_off_even_when_early_failures_came_from_elsewhere(org, password, travel, settings):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    first = Client(REMOTE_ADDR="10.0.0.1")
    for _ in range(4):
        sign_in(first, "principal", "wrong-password")
    travel.shift(timedelta(minutes=10))
    second = Client(REMOTE_ADDR="10.0.0.2")
    sign_in(second, "principal", "wrong-password")  # the fifth failure locks, now
    locked_at = failed_logins()[0]
    assert locked_at.locked and locked_at.failures == 5
    travel.shift(timedelta(minutes=6))  # the first address's failures are 16 minutes old
    assert sign_in(Client(), "principal", password).status_code == 429
    travel.shift(timedelta(minutes=9, seconds=5))
    assert sign_in(Client(), "principal", password).status_code == 302


@pytest.mark.clock(START)
def test_the_lockout_list_shows_when_the_lock_ends(org, client, travel, settings):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    lock(client)
    locked_at = failed_logins()[0].last_attempt
    travel.shift(timedelta(minutes=5))
    sign_in(client, "principal", "wrong-password")
    entry = failed_logins()[0]
    assert entry.locked and entry.unlocks_at == locked_at + timedelta(minutes=15)


@pytest.mark.clock(START)
def test_the_secadmin_still_unlocks_at_once(org, client, login, password, travel):
    lock(client)
    travel.shift(timedelta(minutes=1))
    login(org.secadmin).post("/security/lockouts/unlock/", {"username": "principal"})
    assert sign_in(Client(), "principal", password).status_code == 302


# --- the idle timeout ----------------------------------------------------------------------
@pytest.mark.clock(START)
def test_signing_in_starts_the_idle_clock(org, client, password, travel, settings):
    sign_in(client, "principal", password)
    assert abs(client.session[LAST_SEEN_KEY] - time.time()) <= 2
    travel.shift(timedelta(seconds=settings.SESSION_IDLE_SECONDS + 5))  # nothing since the sign-in
    response = client.get("/")
    assert response.status_code == 302 and response.url.startswith("/login/")


@pytest.mark.clock(START)
def test_every_request_counts_as_activity(org, client, password, travel, settings):
    sign_in(client, "principal", password)
    travel.shift(timedelta(seconds=30))
    assert client.get("/office/").status_code == 200
    travel.shift(timedelta(seconds=30))
    assert client.get("/office/").status_code == 200  # a minute after the sign-in: the stamp moves too
    travel.shift(timedelta(seconds=settings.SESSION_IDLE_SECONDS - 10))
    assert client.get("/office/").status_code == 200  # idle just under the limit since the last request
    travel.shift(timedelta(seconds=settings.SESSION_IDLE_SECONDS + 1))
    assert client.get("/office/").status_code == 302
