"""The responsibility list: assigning one item, bulk assignment, and who may do it."""

from datetime import date

import pytest

from ideowork.core.models import AuditEvent
from ideowork.plans.models import Assignment
from tests.factories import make_plan
from tests.plans._helpers import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(org):
    return make_plan(org.city, creator=org.staff)


def assignment_data(org, **extra):
    return {"lead_unit": org.office.pk, "cooperating_units": [org.theory.pk], "first_responsible": org.principal.pk,
            "direct_responsible": org.deputy.pk, "specific_responsible": org.section_chief.pk,
            "deadline": "2026-12-31", "measures": "制定年度学习计划，按月组织集中学习。", "progress_note": "", **extra}


def test_responsibility_list_defaults_to_the_newest_plan_of_the_users_organ(org, login, plan):
    make_plan(org.city, year=2025, title="2025年测试工作要点")
    make_plan(org.county_a, year=2027, title="2027年甲县工作要点")
    html = login(org.cadre).get("/plans/responsibility/").content.decode()
    assert "2026年意识形态工作责任清单" in html
    for header in ("序号", "工作任务", "具体措施", "量化指标", "牵头单位", "责任人", "完成时限", "进展情况"):
        assert f"<th>{header}" in html
    assert html.count('data-testid="resp-row"') == 3
    assert "批量分配" not in html  # a cadre reads the list


def test_staff_assigns_an_item(org, login, plan):
    item = plan.items.get(number=1)
    client = login(org.staff)
    page = client.get(f"/plans/items/{item.pk}/assign/").content.decode()
    assert "甲县委编办" in page and "市人民政府办公室" not in page and "郑专干" not in page
    response = client.post(f"/plans/items/{item.pk}/assign/",
                           assignment_data(org, next="/plans/responsibility/?plan=%d" % plan.pk))
    assert response.status_code == 302 and response["Location"] == f"/plans/responsibility/?plan={plan.pk}"
    assignment = Assignment.objects.get(item=item)
    assert assignment.lead_unit == org.office and assignment.specific_responsible == org.section_chief
    assert list(assignment.cooperating_units.all()) == [org.theory]
    assert assignment.deadline == date(2026, 12, 31)
    event = AuditEvent.objects.get(event_type="plans.item.assign")
    assert event.new["lead_unit"]["repr"] == "秘书科" and event.old is None
    html = client.get(f"/plans/responsibility/?plan={plan.pk}").content.decode()
    assert "秘书科" in html and "第一：张主任" in html and "2026年12月31日" in html
    assert "制定年度学习计划" in html


def test_deadline_must_be_within_a_year_of_the_plan(org, login, plan):
    item = plan.items.get(number=1)
    response = login(org.staff).post(f"/plans/items/{item.pk}/assign/", assignment_data(org, deadline="2028-01-01"))
    assert "完成时限须在2025年至2027年之间。" in response.content.decode()
    assert not Assignment.objects.exists()


def test_units_and_people_outside_the_users_scope_are_refused(org, login, plan):
    item = plan.items.get(number=1)
    response = login(org.staff).post(f"/plans/items/{item.pk}/assign/",
                                     assignment_data(org, lead_unit=org.gov.pk, specific_responsible=org.gov_staff.pk))
    html = response.content.decode()
    assert response.status_code == 200 and "选择一个有效的选项" in html
    assert not Assignment.objects.exists()


def test_bulk_assign_sets_only_the_filled_fields(org, login, plan):
    first, second, third = plan.items.order_by("number")
    client = login(org.staff)
    client.post(f"/plans/items/{third.pk}/assign/", assignment_data(org, lead_unit=org.theory.pk))
    page = client.get(f"/plans/responsibility/?plan={plan.pk}").content.decode()
    assert "批量分配" in page
    response = client.post(f"/plans/responsibility/{plan.pk}/bulk-assign/", {
        "items": [first.pk, third.pk], "lead_unit": org.office.pk, "specific_responsible": org.staff.pk,
        "deadline": "2026-06-30"}, follow=True)
    assert "已为2个条目设置责任分工。" in response.content.decode()
    a1, a3 = Assignment.objects.get(item=first), Assignment.objects.get(item=third)
    assert a1.lead_unit == org.office and a1.specific_responsible == org.staff and a1.deadline == date(2026, 6, 30)
    assert a1.first_responsible is None
    assert a3.lead_unit == org.office and a3.first_responsible == org.principal  # untouched by the bulk form
    assert not Assignment.objects.filter(item=second).exists()
    assert AuditEvent.objects.filter(event_type="plans.item.assign").count() == 3


def test_bulk_assign_needs_items_and_a_value(org, login, plan):
    client = login(org.staff)
    item = plan.items.first()
    response = client.post(f"/plans/responsibility/{plan.pk}/bulk-assign/", {"lead_unit": org.office.pk}, follow=True)
    assert "请先勾选要分配的条目。" in response.content.decode()
    response = client.post(f"/plans/responsibility/{plan.pk}/bulk-assign/", {"items": [item.pk]}, follow=True)
    assert "请至少填写一项要批量设置的内容。" in response.content.decode()
    assert not Assignment.objects.exists()


def test_assign_form_round_trips_existing_values(org, login, plan):
    item = plan.items.get(number=1)
    client = login(org.staff)
    client.post(f"/plans/items/{item.pk}/assign/", assignment_data(org))
    data = form_data(client.get(f"/plans/items/{item.pk}/assign/").content.decode(), progress_note="已开展3次")
    assert data["lead_unit"] == str(org.office.pk) and data["deadline"] == "2026-12-31"
    client.post(f"/plans/items/{item.pk}/assign/", data)
    assignment = Assignment.objects.get(item=item)
    assert assignment.progress_note == "已开展3次" and assignment.lead_unit == org.office


def test_who_may_assign(org, login, plan):
    item = plan.items.first()
    assert login(org.cadre).post(f"/plans/items/{item.pk}/assign/", assignment_data(org)).status_code == 403
    assert login(org.section_chief).post(f"/plans/responsibility/{plan.pk}/bulk-assign/",
                                         {"items": [item.pk], "lead_unit": org.office.pk}).status_code == 403
    assert login(org.county_staff).get(f"/plans/items/{item.pk}/assign/").status_code == 404
    assert login(org.gov_staff).get(f"/plans/responsibility/?plan={plan.pk}").status_code == 404
    assert "尚未导入工作要点" in login(org.gov_staff).get("/plans/responsibility/").content.decode()
    assert not Assignment.objects.exists()
