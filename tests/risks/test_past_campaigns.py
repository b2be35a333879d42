"""Past campaigns: a closed campaign keeps its page, with its returns and the risks reported through
them as they stood when it closed (read from the register's history), and the campaign list is
filtered by year and state to find it."""

from datetime import timedelta

from django.urls import reverse

from ideowork.risks.actions import do_close_campaign, do_record_progress, do_update_risk
from tests.risks.builders import make_campaign, report_risk, return_of


def test_a_closed_campaign_shows_its_risks_as_they_stood_when_it_closed(org, login, travel):
    travel("2026-05-10T10:00")
    campaign = make_campaign(org)
    risk = report_risk(org, return_of(campaign, org.county_a), likelihood=1, impact=1)
    at_report = (risk.level["name"], risk.get_status_display())
    travel.shift(timedelta(hours=1))
    do_close_campaign(org.staff, campaign, summary="全面完成。")
    travel.shift(timedelta(hours=1))
    do_update_risk(org.county_staff, risk, likelihood=5, impact=5)
    do_record_progress(org.county_staff, risk, text="已开展专题谈话。")
    risk.refresh_from_db()
    assert (risk.level["name"], risk.get_status_display()) != at_report
    page = login(org.staff).get(campaign.get_absolute_url()).content.decode()
    returns = page[page.index('data-testid="returns"'):]
    assert f">{at_report[0]}<" in returns and at_report[1] in returns
    assert f">{risk.level['name']}<" not in returns
    assert 'data-testid="as-closed"' in page


def test_the_campaign_list_is_filtered_by_year_and_state(org, login, travel):
    travel("2026-05-10T10:00")
    closed = make_campaign(org, title="2026年第二季度排查")
    do_close_campaign(org.staff, closed)
    travel("2026-08-10T10:00")
    current = make_campaign(org, title="2026年第三季度排查")
    client = login(org.staff)
    url = reverse("risks:campaigns")

    def listed(**query):
        page = client.get(url, query).content.decode()
        return {c.title for c in (closed, current) if c.get_absolute_url() in page}

    assert listed() == {closed.title, current.title}
    assert listed(status="closed") == {closed.title}
    assert listed(status="open") == {current.title}
    assert listed(year=2026, status="closed") == {closed.title}
