"""The same second-factor code sent twice at the same moment signs in once.

Needs two connections writing at once (PostgreSQL); on SQLite the test is skipped. The sequential
path of the same rules (each TOTP step once, each recovery code once) is in test_two_factor.py.
"""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections

from ideowork.core.twofactor import verify_second_factor

from .test_two_factor import NOW, code, enrol

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor == "sqlite", reason="needs two connections writing at once (PostgreSQL)"),
]


def twice_at_once(user, value) -> list:
    barrier = threading.Barrier(2)
    outcomes = []

    def attempt():
        try:
            barrier.wait(timeout=10)
            outcomes.append(verify_second_factor(user, value))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return sorted(outcomes, key=str)


def test_one_recovery_code_twice_at_once(org):
    _, codes = enrol(org.cadre)
    assert twice_at_once(org.cadre, codes[0]) == [None, "recovery"]


@pytest.mark.clock(NOW)
def test_one_authenticator_code_twice_at_once(org, travel):
    device, _ = enrol(org.cadre)
    travel.shift(timedelta(seconds=30))
    assert twice_at_once(org.cadre, code(device)) == [None, "totp"]
