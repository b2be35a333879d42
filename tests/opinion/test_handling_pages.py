"""Handling's pages: the event page with its panel, the actions' forms and refusals, the 舆情台账 with
filters and its Excel export, the patrol page and the deadlines page."""

from io import BytesIO

from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from ideowork.core.models import AuditEvent
from ideowork.opinion.actions.handling import do_assign_event, do_judge_event, do_report_event
from ideowork.opinion.models import DeadlinePolicy, Event, Patrol

from .handling_builders import make_event


def test_the_event_page_offers_what_the_user_may_do_now(org, login):
    event = make_event(org.city, title="某街道垃圾清运不及时")
    page = login(org.staff).get(reverse("opinion:event_handling", args=[event.pk])).content.decode()
    assert "某街道垃圾清运不及时" in page and "完成研判" in page and "转为风险" in page
    assert "登记回应" not in page  # judged first


def test_a_judgement_posted_from_the_page_and_a_bad_one_refused_in_chinese(org, login):
    event = make_event(org.city, grade="1")
    client = login(org.staff)
    url = reverse("opinion:event_judge", args=[event.pk])
    response = client.post(url, {"grade": "3", "reason": ""}, follow=True)
    assert "须写明理由" in response.content.decode()
    assert Event.objects.get(pk=event.pk).status == "judging"
    response = client.post(url, {"grade": "3", "reason": "转载扩散较快。"}, follow=True)
    assert "已完成研判" in response.content.decode()
    assert Event.objects.get(pk=event.pk).status == "handling"


def test_the_county_handles_what_the_city_assigned_but_may_not_reassign_it(org, login):
    event = make_event(org.city)
    do_judge_event(org.staff, event, grade="2")
    do_assign_event(org.staff, event, unit=org.county_a)
    client = login(org.county_staff)
    page = client.get(reverse("opinion:event_handling", args=[event.pk])).content.decode()
    assert "登记回应" in page and "data-testid=\"assign\"" not in page
    assert client.post(reverse("opinion:event_assign", args=[event.pk]), {"unit": org.county_a.pk}).status_code == 403
    client = login(org.other_county_staff)
    assert client.get(reverse("opinion:event_handling", args=[event.pk])).status_code == 404


def test_the_ledger_lists_filters_and_exports_the_events_with_their_handling(org, login):
    judged = make_event(org.city, title="城区停车收费引发讨论")
    do_judge_event(org.staff, judged, grade="2")
    do_assign_event(org.staff, judged, unit=org.county_a, instructions="核实收费依据")
    county = make_event(org.county_a, title="甲县农贸市场改造")
    do_report_event(org.county_staff, county)
    client = login(org.staff)
    page = client.get(reverse("opinion:event_ledger")).content.decode()
    assert "城区停车收费引发讨论" in page and "甲县农贸市场改造" in page and "交甲县委编办处置" in page
    page = client.get(reverse("opinion:event_ledger"), {"reported": "on"}).content.decode()
    assert "甲县农贸市场改造" in page and "城区停车收费引发讨论" not in page
    response = client.get(reverse("opinion:event_ledger_export"), {"status": "open"})
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert "处置措施" in rows[1] and any("城区停车收费引发讨论" in row for row in rows)
    assert not any("甲县农贸市场改造" in row for row in rows)  # still waiting for a judgement
    assert AuditEvent.objects.filter(event_type="opinion.ledger.export").exists()
    other = login(org.other_county_staff).get(reverse("opinion:event_ledger")).content.decode()
    assert "城区停车收费引发讨论" not in other and "甲县农贸市场改造" not in other


def test_the_patrol_page_records_todays_patrol(org, login):
    make_event(org.city, items=2)
    client = login(org.staff)
    page = client.get(reverse("opinion:patrol")).content.decode()
    assert "今日已巡查" in page
    response = client.post(reverse("opinion:patrol_record"), follow=True)
    assert "已登记今日巡查：浏览信息2条" in response.content.decode()
    assert Patrol.objects.get(person=org.staff).day == timezone.localdate()


def test_the_deadlines_page_saves_an_organs_deadlines_and_refuses_bad_ones(org, login):
    client = login(org.staff)
    url = reverse("opinion:handling_deadlines")
    assert "168" in client.get(url).content.decode()
    response = client.post(url, {"grave_hours": 48, "major_hours": 24, "large_hours": 72, "general_hours": 168})
    assert "等级越高" in response.content.decode() and not DeadlinePolicy.objects.exists()
    client.post(url, {"grave_hours": 1, "major_hours": 12, "large_hours": 48, "general_hours": 120})
    assert DeadlinePolicy.objects.get(org_unit=org.city).major_hours == 12
