"""Screening campaigns: opening fixes the matrices and enters the ledger once, units report risks or a
nil return, the organiser reminds (through the queue) and closes, the quarterly schedule opens them by
itself — and every refusal named in the issue leaves the records as they were."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from ideowork.core.models import AuditEvent, Notification
from ideowork.core.system import system_actor
from ideowork.ledger.models import Activity
from ideowork.plans.models import PlanItem, PlanSection, Target
from ideowork.risks.actions import (do_close_campaign, do_remind_campaign, do_save_matrix, do_save_schedule,
                                    do_submit_nil_return)
from ideowork.risks.actions.schedules import open_due_campaigns
from ideowork.risks.matrix import default_matrix
from ideowork.risks.models import CampaignReturn, Risk, ScreeningCampaign
from tests.factories import make_plan
from tests.risks.builders import make_campaign, report_risk, return_of

pytestmark = pytest.mark.clock("2026-11-10T09:00")


def nil(org, campaign_return, actor=None, **extra):
    fields = {"checked_by": "周专干牵头，全体干部参加", "method": "召开专题会议逐项排查。", **extra}
    return do_submit_nil_return(actor or org.county_staff, campaign_return, **fields)


def snapshot(campaign_return):
    r = CampaignReturn.objects.get(pk=campaign_return.pk)
    return r.status, r.reported_at, r.checked_by, Risk.objects.count()


def test_opening_fixes_each_organs_matrix_notifies_the_units_and_enters_the_ledger_once(org):
    plan = make_plan(org.city, creator=org.staff)
    section = PlanSection.objects.create(plan=plan, number="三", title="防范化解风险", order=3)
    item = PlanItem.objects.create(plan=plan, section=section, number=4, title="加强风险隐患排查研判", order=4,
                                   text="每季度开展1次意识形态风险隐患排查。")
    target = Target.objects.create(item=item, text="每季度开展1次意识形态风险隐患排查", count=1, unit="次",
                                   period="quarter", activity_kinds=["screening"], order=1)
    campaign = make_campaign(org)
    county = return_of(campaign, org.county_a)
    assert campaign.matrix.org_unit == org.city and county.matrix.org_unit == org.county_a
    assert return_of(campaign, org.office).matrix.org_unit == org.city
    activity = Activity.objects.for_source(campaign).get()
    assert activity.kind == "screening" and activity.org_unit == org.city
    assert list(activity.target_links.values_list("target_id", flat=True)) == [target.pk]
    assert Notification.objects.filter(recipient=org.county_staff, title__startswith="请报送").count() == 1
    assert AuditEvent.objects.filter(event_type="risks.campaign.open").count() == 1
    do_close_campaign(org.staff, campaign, summary="全面完成。")
    assert Activity.objects.for_source(campaign).count() == 1
    assert "全面完成" in Activity.objects.for_source(campaign).get().summary


def test_a_matrix_changed_after_its_campaign_opened_is_refused_until_it_closes(org):
    campaign = make_campaign(org)
    changed = default_matrix()
    changed["cells"] = [[3] * 5 for _ in range(5)]
    for actor, organ in ((org.staff, org.city), (org.county_staff, org.county_a)):
        with pytest.raises(ValidationError) as exc:
            do_save_matrix(actor, organ, changed)
        assert "风险矩阵已固定" in str(exc.value)
    assert org.city.risk_matrix.data["cells"] != changed["cells"]
    do_save_matrix(org.other_county_staff, org.county_b, changed)  # not in the campaign: free to change
    report_risk(org, return_of(campaign, org.county_a), likelihood=2, impact=2)
    do_close_campaign(org.staff, campaign)
    do_save_matrix(org.staff, org.city, changed)
    assert Risk.objects.get().level["name"] == "低"  # assessed on the copy fixed at opening


def test_a_county_reports_its_risks_into_its_own_register_on_its_fixed_matrix(org):
    campaign = make_campaign(org)
    county = return_of(campaign, org.county_a)
    risk = report_risk(org, county)
    county.refresh_from_db()
    assert county.status == "reported" and county.reported_by == org.county_staff and not county.is_late
    assert risk.org_unit == org.county_a and risk.source == "screening" and risk.matrix == county.matrix
    assert risk.source_id == county.pk
    report_risk(org, county, title="第二项风险")
    assert CampaignReturn.objects.get(pk=county.pk).reported_at == county.reported_at


def test_the_city_may_not_fill_in_a_countys_return_and_another_county_cannot_see_it(org, client):
    campaign = make_campaign(org)
    county = return_of(campaign, org.county_a)
    before = snapshot(county)
    with pytest.raises(PermissionDenied):
        report_risk(org, county, actor=org.staff)
    with pytest.raises(PermissionDenied):
        nil(org, county, actor=org.other_county_staff)
    assert snapshot(county) == before
    assert not CampaignReturn.objects.visible_to(org.other_county_staff).exists()
    assert not ScreeningCampaign.objects.visible_to(org.county_staff).exists()
    client.force_login(org.other_county_staff, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(reverse("risks:return_detail", args=[county.pk])).status_code == 404
    client.force_login(org.county_staff, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(reverse("risks:return_detail", args=[county.pk])).status_code == 200
    assert client.get(reverse("risks:campaign_detail", args=[campaign.pk])).status_code == 404


def test_a_nil_return_needs_who_checked_and_how_and_is_refused_after_the_deadline(org, travel):
    campaign = make_campaign(org, deadline=timezone.localdate() + timedelta(days=2))
    county, office = return_of(campaign, org.county_a), return_of(campaign, org.office)
    before = snapshot(county)
    with pytest.raises(ValidationError) as exc:
        nil(org, county, checked_by=" ", method="")
    assert set(exc.value.message_dict) == {"checked_by", "method"}
    assert snapshot(county) == before
    travel.shift(timedelta(days=3))
    with pytest.raises(ValidationError) as exc:
        nil(org, county)
    assert "截止日期" in str(exc.value) and "已过" in str(exc.value)
    assert snapshot(county) == before
    late = report_risk(org, county)  # a risk found late is still welcome, marked late
    assert CampaignReturn.objects.get(pk=county.pk).is_late and late.pk
    travel.shift(timedelta(days=-3))
    nil(org, office, actor=org.staff)
    with pytest.raises(ValidationError) as exc:
        report_risk(org, office, actor=org.staff)
    assert "无风险报告" in str(exc.value)


def test_a_unit_that_reported_a_risk_cannot_then_send_a_nil_return(org):
    county = return_of(make_campaign(org), org.county_a)
    report_risk(org, county)
    before = snapshot(county)
    with pytest.raises(ValidationError):
        nil(org, county)
    assert snapshot(county) == before


def test_reminders_go_through_the_queue_to_the_units_that_have_not_reported(org, django_capture_on_commit_callbacks):
    campaign = make_campaign(org)
    nil(org, return_of(campaign, org.office), actor=org.staff)
    with django_capture_on_commit_callbacks(execute=True):
        assert do_remind_campaign(org.staff, campaign) == 1
    reminders = Notification.objects.filter(title__startswith="催报")
    assert {n.recipient for n in reminders} == {org.county_staff}
    assert return_of(campaign, org.county_a).reminded_at is not None
    with django_capture_on_commit_callbacks(execute=True):  # the same day again: no second notice
        do_remind_campaign(org.staff, campaign)
    assert reminders.count() == 1
    with pytest.raises(PermissionDenied):
        do_remind_campaign(org.county_staff, campaign)
    report_risk(org, return_of(campaign, org.county_a))
    with pytest.raises(ValidationError) as exc:
        do_remind_campaign(org.staff, campaign)
    assert "均已报送" in str(exc.value)


def test_a_closed_campaign_takes_no_more_returns_and_keeps_the_pending_ones_as_not_reported(org):
    campaign = make_campaign(org)
    county = return_of(campaign, org.county_a)
    with pytest.raises(PermissionDenied):
        do_close_campaign(org.county_staff, campaign)
    do_close_campaign(org.staff, campaign)
    with pytest.raises(ValidationError) as exc:
        report_risk(org, county)
    assert "已结束" in str(exc.value)
    assert CampaignReturn.objects.get(pk=county.pk).status == "pending"
    with pytest.raises(ValidationError):
        do_close_campaign(org.staff, campaign)


def test_bad_input_opens_nothing(org):
    cases = [({"units": []}, "units"), ({"units": [org.gov]}, "units"), ({"focus_areas": [" "]}, "focus_areas"),
             ({"deadline": timezone.localdate() - timedelta(days=1)}, "deadline"), ({"title": ""}, "title")]
    for extra, field in cases:
        with pytest.raises(ValidationError) as exc:
            make_campaign(org, **extra)
        assert field in exc.value.message_dict, (extra, exc.value)
    with pytest.raises(PermissionDenied):
        make_campaign(org, actor=org.county_staff)  # a county does not run the city's campaigns
    assert not ScreeningCampaign.objects.exists() and not CampaignReturn.objects.exists()


def test_the_schedule_opens_each_quarters_campaign_once_as_the_system(org, travel):
    travel("2026-10-04T07:10")
    do_save_schedule(org.staff, org.city, is_active=True, focus_areas=["机构改革", "网络舆情"],
                     units=[org.office, org.county_a], open_day=5, days_given=20)
    assert open_due_campaigns() == []  # before the day
    travel("2026-10-05T07:10")
    opened = open_due_campaigns()
    assert [c.title for c in opened] == ["2026年第四季度意识形态风险隐患排查"]
    campaign = opened[0]
    assert campaign.opened_by is None and campaign.deadline == date(2026, 10, 25)
    assert AuditEvent.objects.get(event_type="risks.campaign.open").actor_id == system_actor().pk
    travel("2026-11-10T07:10")
    assert open_due_campaigns() == []  # once a quarter
    with pytest.raises(ValidationError) as exc:
        do_save_schedule(org.staff, org.city, is_active=True, focus_areas=[], units=[], open_day=31, days_given=1)
    assert set(exc.value.message_dict) == {"focus_areas", "units", "open_day", "days_given"}


def test_the_pages_open_a_campaign_show_a_refusal_on_its_field_and_save_the_schedule(org, client):
    client.force_login(org.staff, backend="django.contrib.auth.backends.ModelBackend")
    form = {"title": "2026年第四季度意识形态风险隐患排查", "year": 2026, "quarter": 4,
            "deadline": "2026-11-01", "focus_areas": "机构改革、网络舆情", "units": [org.office.pk, org.county_a.pk]}
    page = client.post(reverse("risks:campaign_create"), form).content.decode()
    assert "报送截止日期不能早于今天" in page and not ScreeningCampaign.objects.exists()
    response = client.post(reverse("risks:campaign_create"), {**form, "deadline": "2026-11-20"})
    campaign = ScreeningCampaign.objects.get()
    assert response["Location"] == campaign.get_absolute_url()
    assert campaign.focus_areas == ["机构改革", "网络舆情"]
    page = client.get(reverse("risks:campaigns")).content.decode()
    assert campaign.title in page and "已报送 0/2" in page
    response = client.post(reverse("risks:campaign_schedule"), {
        "is_active": "on", "open_day": 3, "days_given": 15, "focus_areas": "机构改革", "units": [org.office.pk]})
    assert response.status_code == 302
    page = client.get(reverse("risks:campaign_schedule")).content.decode()
    assert "下一次自动发起：2027年1月3日" in page
    client.force_login(org.county_staff, backend="django.contrib.auth.backends.ModelBackend")
    page = client.get(reverse("risks:campaigns")).content.decode()
    owed = page[page.index('data-testid="owed"'):page.index('data-testid="campaigns"')]
    assert campaign.title in owed and return_of(campaign, org.county_a).get_absolute_url() in owed
