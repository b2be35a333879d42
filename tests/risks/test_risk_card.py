"""The city dashboard's risk card: open risks by level, overdue rectifications, and the county bureaus
that have not reported in the current campaign — added through the dashboard's panel slot."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ideowork.risks.actions import do_update_risk
from ideowork.risks.panels import risk_card_figures
from tests.factories import make_plan
from tests.risks.builders import make_campaign, make_risk, report_risk, return_of

pytestmark = pytest.mark.clock("2026-11-10T09:00")


def test_the_card_shows_open_risks_by_level_overdue_ones_and_counties_not_reported(org, client):
    make_plan(org.city, creator=org.staff)
    make_risk(org, title="重大风险", likelihood=5, impact=5)
    late = make_risk(org, title="逾期风险", likelihood=1, impact=1)
    do_update_risk(org.staff, late, deadline=timezone.localdate() - timedelta(days=1))
    campaign = make_campaign(org, units=[org.office, org.county_a, org.county_b])
    report_risk(org, return_of(campaign, org.county_a))
    client.force_login(org.principal, backend="django.contrib.auth.backends.ModelBackend")
    page = client.get(reverse("reports:office")).content.decode()
    assert 'data-testid="risk-card"' in page
    card = page[page.index('data-testid="risk-card"'):]
    assert "整改逾期 1" in card and "乙县委编办" in card and "甲县委编办" not in card.split("未报送县区")[1][:200]
    assert "另有1个科室未报送" in card


def test_the_cards_queries_do_not_grow_with_the_register(org):
    make_campaign(org, units=[org.office, org.county_a, org.county_b])
    today = timezone.localdate()

    def count():
        with CaptureQueriesContext(connection) as captured:
            risk_card_figures(org.principal, org.city, today)
        return len(captured)

    small = count()
    for n in range(8):
        make_risk(org, title=f"风险{n}", likelihood=1 + n % 5, impact=3)
    assert count() == small


def test_the_cards_figures_are_cached_and_never_read_stale_after_a_write(org):
    campaign = make_campaign(org, units=[org.office, org.county_a, org.county_b])
    risk = make_risk(org, title="整改风险", likelihood=2, impact=2)
    today = timezone.localdate()
    before = risk_card_figures(org.principal, org.city, today)
    with CaptureQueriesContext(connection) as cached:
        assert risk_card_figures(org.principal, org.city, today) == before
    assert len(cached) == 1  # the versions; the figures come from the cache

    report_risk(org, return_of(campaign, org.county_a))  # a county reports: one fewer pending
    after = risk_card_figures(org.principal, org.city, today)
    assert len(after["pending_counties"]) == len(before["pending_counties"]) - 1
    assert after["below_open"] == before["below_open"] + 1

    do_update_risk(org.staff, risk, deadline=today + timedelta(days=1))
    assert risk_card_figures(org.principal, org.city, today)["overdue"] == 0
    # No write at all, and the deadline has passed: the day is in the key, so the figure moves with it.
    assert risk_card_figures(org.principal, org.city, today + timedelta(days=2))["overdue"] == 1
