"""The test clock: a `clock` marker pins a test's start, `travel` moves it, and Django reads the same."""

import os
from datetime import date, timedelta

import pytest
from django.utils import timezone

from ideowork.core.models import User

from .conftest import CLOCK_ENV, moment


@pytest.mark.clock("2028-02-29T10:00")
def test_the_marker_pins_beijing_time():
    now = timezone.localtime()
    assert (now.date(), now.hour) == (date(2028, 2, 29), 10)


def test_travel_moves_the_clock_and_puts_it_back(travel):
    travel("2026-09-30T23:59:30+08:00")
    assert timezone.localdate() == date(2026, 9, 30)
    travel.shift(timedelta(minutes=1))
    assert timezone.localdate() == date(2026, 10, 1)


def test_the_server_sees_the_pinned_moment(travel, client, org):
    travel("2027-01-01T00:30")
    # From a pinned run's earlier moment this can be past the 90-day password expiry: re-stamp.
    User.objects.update(password_changed_at=timezone.now())
    client.force_login(org.staff)
    assert client.get("/", follow=True).status_code == 200
    assert timezone.localdate() == date(2027, 1, 1)


def test_a_pinned_run_starts_every_test_at_its_moment():
    pinned = os.environ.get(CLOCK_ENV)
    if not pinned:
        pytest.skip(f"{CLOCK_ENV} is not set")
    assert timedelta(0) <= timezone.now() - moment(pinned) < timedelta(minutes=1)
