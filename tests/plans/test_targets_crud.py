"""Plan and item pages, and editing an item's targets by hand: who sees what, who may change it."""

import pytest

from ideowork.core.models import AuditEvent
from ideowork.plans.models import Target
from tests.factories import make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(org):
    return make_plan(org.city, creator=org.staff)


@pytest.fixture
def item(plan):
    return plan.items.get(number=1)


TARGET = {"text": "每半年开展1次意识形态形势研判", "count": "1", "unit": "次", "period": "halfyear",
          "comparator": ">=", "per": "org"}


def test_plan_list_shows_counts(org, login, plan):
    html = login(org.cadre).get("/plans/").content.decode()
    assert plan.title in html and "市委机构编制委员会办公室" in html
    assert '<td class="num">3</td>' in html and '<td class="num">6</td>' in html


def test_plan_page_lists_sections_items_and_targets(org, login, plan):
    html = login(org.section_chief).get(f"/plans/{plan.pk}/").content.decode()
    assert "一、强化政治引领" in html and "深化理论武装体系建设" in html
    assert "每月不少于1次" in html and "未分配" in html


def test_item_page_marks_targets_in_the_text(org, login, item):
    html = login(org.cadre).get(f"/plans/items/{item.pk}/").content.decode()
    assert '<mark class="target">每月开展1次集中学习研讨</mark>' in html
    assert "每季度不少于" not in html  # the other items' targets are not here
    assert "添加指标" not in html  # a cadre reads, does not edit


def test_staff_adds_a_target(org, login, item):
    response = login(org.staff).post(f"/plans/items/{item.pk}/targets/add/", TARGET)
    assert response.status_code == 302
    target = item.targets.get(text=TARGET["text"])
    assert target.period == "halfyear" and target.activity_kinds == ["analysis"]
    event = AuditEvent.objects.get(event_type="plans.target.add")
    assert event.subject_id == str(target.pk) and event.new["count"] == 1 and event.org_unit == org.city


def test_staff_changes_a_target_and_the_change_is_audited(org, login, item):
    target = item.targets.get(text="全年集中学习不少于12次")
    data = {**TARGET, "text": target.text, "count": "10", "period": "year"}
    response = login(org.staff).post(f"/plans/targets/{target.pk}/edit/", data)
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.count == 10
    event = AuditEvent.objects.get(event_type="plans.target.update")
    assert event.old["count"] == 12 and event.new["count"] == 10 and event.actor == org.staff


def test_switching_to_per_person_sets_the_persons(org, login, item):
    target = item.targets.get(text="全年集中学习不少于12次")
    login(org.staff).post(f"/plans/targets/{target.pk}/edit/", {**TARGET, "text": target.text, "per": "person"})
    assert set(target.persons.values_list("username", flat=True)) == {
        "principal", "deputy", "section_chief", "staff", "supervisor", "cadre"}


@pytest.mark.parametrize("field, value, message", [
    ("count", "0", "数量须为1至100000之间的整数。"),
    ("count", "100001", "数量须为1至100000之间的整数。"),
    ("count", "十二", "数量须为整数。"),
    ("period", "decade", "选择一个有效的选项"),
    ("comparator", "~", "选择一个有效的选项"),
    ("per", "team", "选择一个有效的选项"),
    ("text", "", "请填写指标原文。"),
])
def test_invalid_target_is_refused(org, login, item, field, value, message):
    response = login(org.staff).post(f"/plans/items/{item.pk}/targets/add/", {**TARGET, field: value})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert item.targets.count() == 3


def test_delete_asks_for_confirmation_then_deletes(org, login, item):
    client = login(org.staff)
    target = item.targets.first()
    response = client.get(f"/plans/targets/{target.pk}/delete/")
    assert "确定删除" in response.content.decode()
    assert Target.objects.filter(pk=target.pk).exists()
    response = client.post(f"/plans/targets/{target.pk}/delete/")
    assert response.status_code == 302 and not Target.objects.filter(pk=target.pk).exists()
    event = AuditEvent.objects.get(event_type="plans.target.delete")
    assert event.subject_id == str(target.pk) and event.old["text"] == target.text


def test_staff_edits_the_item(org, login, item):
    response = login(org.staff).post(f"/plans/items/{item.pk}/edit/",
                                     {"number": 1, "title": "深化理论武装", "text": item.text})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "深化理论武装"
    assert AuditEvent.objects.get(event_type="plans.item.update").old["title"] == "深化理论武装体系建设"


def test_county_staff_cannot_see_or_edit_the_citys_plan(org, login, plan, item):
    client = login(org.county_staff)
    target = item.targets.first()
    assert plan.title not in client.get("/plans/").content.decode()
    for url in (f"/plans/{plan.pk}/", f"/plans/items/{item.pk}/", f"/plans/items/{item.pk}/targets/add/",
                f"/plans/targets/{target.pk}/edit/", f"/plans/targets/{target.pk}/delete/"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/plans/targets/{target.pk}/delete/").status_code == 404
    assert client.post(f"/plans/items/{item.pk}/targets/add/", TARGET).status_code == 404
    assert Target.objects.filter(pk=target.pk).exists() and item.targets.count() == 3


def test_city_sees_the_county_plan_it_guides(org, login):
    county_plan = make_plan(org.county_a, title="2026年甲县委编办工作要点")
    assert login(org.staff).get(f"/plans/{county_plan.pk}/").status_code == 200
    assert login(org.other_county_staff).get(f"/plans/{county_plan.pk}/").status_code == 404


def test_cadre_can_view_but_not_edit(org, login, plan, item):
    client = login(org.cadre)
    target = item.targets.first()
    assert client.get(f"/plans/{plan.pk}/").status_code == 200
    assert client.get(f"/plans/items/{item.pk}/").status_code == 200
    assert client.post(f"/plans/items/{item.pk}/targets/add/", TARGET).status_code == 403
    assert client.post(f"/plans/targets/{target.pk}/edit/", TARGET).status_code == 403
    assert client.post(f"/plans/targets/{target.pk}/delete/").status_code == 403
    assert client.post(f"/plans/items/{item.pk}/edit/", {"number": 1, "title": "x"}).status_code == 403
    assert item.targets.count() == 3


def test_other_organ_and_system_roles_see_nothing(org, login, plan):
    client = login(org.gov_staff)
    assert plan.title not in client.get("/plans/").content.decode()
    assert client.get(f"/plans/{plan.pk}/").status_code == 404
    assert login(org.auditor).get(f"/plans/{plan.pk}/").status_code == 403


def test_service_refuses_an_editor_who_cannot_see_the_plan(org, plan, item):
    from django.core.exceptions import PermissionDenied

    from ideowork.plans.actions import do_add_target

    with pytest.raises(PermissionDenied):
        do_add_target(org.gov_staff, item, text="x", count=1, unit="次", period="year", comparator=">=", per="org")


def test_a_target_with_an_unknown_comparison_is_refused_in_chinese_and_nothing_is_saved(org, plan):
    from django.core.exceptions import ValidationError

    from ideowork.plans.actions.targets import do_add_target
    from ideowork.plans.models import Target

    item = plan.items.first()
    before = Target.objects.count()
    with pytest.raises(ValidationError) as refused:
        do_add_target(org.staff, item, text="每季度开展1次演练", count=1, unit="次", period="quarter",
                      comparator="gte", per="org")
    assert "比较" in str(refused.value.message_dict["comparator"])
    assert Target.objects.count() == before
