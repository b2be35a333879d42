"""The live server must never touch the database while a test's data is being reset.

A browser's requests can still be on their way when a test ends. Without the gate in
``tests/conftest.py`` they ran on SQLite's shared in-memory connection during the flush and broke
every later test on the worker (CI failure of 2026-12-03). Each case below leaves six requests in
flight; the next case's setup fails if any of them reached the database during the flush.
"""
import pytest


@pytest.mark.parametrize("round_", range(4))
def test_requests_left_in_flight_when_a_test_ends_do_not_break_the_next_test(org, page_as, round_):
    page = page_as(org.staff)
    page.goto("/")
    page.evaluate("() => { for (let i = 0; i < 6; i++) fetch('/ledger/'); }")
