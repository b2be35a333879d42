"""Organisation management: the tree page, creating, editing, moving and deactivating units."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ideowork.core.actions.orgs import do_create_org_unit, do_deactivate_org_unit, do_update_org_unit
from ideowork.core.choices import OrgKind
from ideowork.core.models import AuditEvent, OrgUnit

pytestmark = pytest.mark.django_db


def test_tree_page_lists_units_indented_by_depth(org, login):
    html = login(org.sysadmin).get("/system/orgs/").content.decode()
    assert "组织机构" in html
    assert 'style="--depth: 0"' in html and 'style="--depth: 1"' in html
    # A section follows its organ, not the next organ.
    assert html.index("市委机构编制委员会办公室") < html.index("秘书科") < html.index("市人民政府办公室")


def test_tree_counts_active_members_of_the_whole_subtree(org, login):
    org.cadre.is_active = False
    org.cadre.save()
    response = login(org.sysadmin).get("/system/orgs/")
    totals = {u.name: u.member_total for u in response.context["units"]}
    assert totals["市委机构编制委员会办公室"] == 10 and totals["秘书科"] == 2 and totals["市人民政府办公室"] == 1


def test_tree_orders_siblings_by_sort_order(org):
    org.office.sort_order = 9
    org.office.save()
    names = [u.name for u in OrgUnit.objects.subtree(org.city).in_tree_order()]
    assert names == ["市委机构编制委员会办公室", "综合科", "甲县委编办", "乙县委编办", "秘书科"]


def test_sysadmin_creates_a_unit_and_it_is_audited(org, login):
    client = login(org.sysadmin)
    response = client.post("/system/orgs/new/", {
        "name": "宣传科", "short_name": "", "kind": OrgKind.SECTION, "parent": org.city.pk, "code": "XC01",
        "sort_order": 5,
    })
    assert response.status_code == 302
    unit = OrgUnit.objects.get(name="宣传科")
    assert unit.parent == org.city and unit.organ == org.city and unit.depth == 1
    event = AuditEvent.objects.get(event_type="core.org.create")
    assert event.actor == org.sysadmin and event.new["code"] == "XC01"


def test_duplicate_name_under_same_parent_is_refused(org, login):
    response = login(org.sysadmin).post("/system/orgs/new/", {
        "name": "秘书科", "kind": OrgKind.SECTION, "parent": org.city.pk, "sort_order": 0})
    assert response.status_code == 200
    assert "同一上级单位下已有同名单位" in response.content.decode()


def test_moving_a_unit_under_its_own_descendant_is_refused(org, login):
    sub = OrgUnit.objects.create(name="甲县秘书股", parent=org.county_a)
    response = login(org.sysadmin).post(f"/system/orgs/{org.city.pk}/edit/", {
        "name": org.city.name, "kind": OrgKind.ORGAN, "parent": sub.pk, "sort_order": 0})
    assert response.status_code == 200
    assert "不能将“市委机构编制委员会办公室”移动到其下级单位“甲县秘书股”之下" in response.content.decode()
    org.city.refresh_from_db()
    assert org.city.parent is None


def test_unit_cannot_be_its_own_parent(org):
    with pytest.raises(ValidationError, match="上级单位不能是本单位"):
        do_update_org_unit(org.sysadmin, org.office, parent=org.office)


def test_moving_a_unit_moves_its_subtree_and_is_audited_as_move(org, login):
    sub = OrgUnit.objects.create(name="甲县秘书股", parent=org.county_a)
    client = login(org.sysadmin)
    response = client.post(f"/system/orgs/{org.county_a.pk}/edit/", {
        "name": org.county_a.name, "kind": OrgKind.COUNTY, "parent": org.gov.pk, "sort_order": 0})
    assert response.status_code == 302
    sub.refresh_from_db()
    assert sub.path.startswith(org.gov.path) and sub.depth == 2 and sub.organ == org.county_a
    event = AuditEvent.objects.get(event_type="core.org.move")
    assert event.old["parent"]["id"] == org.city.pk and event.new["parent"]["id"] == org.gov.pk


def test_changing_kind_updates_organ_of_the_subtree(org):
    sub = OrgUnit.objects.create(name="综合科下属组", parent=org.theory)
    assert sub.organ == org.city
    do_update_org_unit(org.sysadmin, org.theory, kind=OrgKind.COUNTY)
    sub.refresh_from_db()
    assert sub.organ == org.theory


def test_deactivating_a_unit_with_active_members_is_refused(org, login):
    client = login(org.sysadmin)
    response = client.post(f"/system/orgs/{org.office.pk}/deactivate/", follow=True)
    assert "还有3名启用的用户" in response.content.decode()
    org.office.refresh_from_db()
    assert org.office.is_active


def test_deactivating_an_empty_unit_works_and_is_audited(org, login):
    empty = OrgUnit.objects.create(name="临时专班", parent=org.city)
    response = login(org.sysadmin).post(f"/system/orgs/{empty.pk}/deactivate/", follow=True)
    assert "已停用" in response.content.decode()
    empty.refresh_from_db()
    assert not empty.is_active
    assert AuditEvent.objects.filter(event_type="core.org.deactivate", subject_id=str(empty.pk)).exists()


def test_unit_with_active_children_cannot_be_deactivated(org):
    OrgUnit.objects.create(name="空科室", parent=org.gov)
    org.gov_staff.is_active = False
    org.gov_staff.save()
    with pytest.raises(ValidationError, match="启用的下级单位"):
        do_deactivate_org_unit(org.sysadmin, org.gov)


@pytest.mark.parametrize("name", ["principal", "secadmin", "auditor", "staff"])
def test_only_the_sysadmin_manages_units(org, login, name):
    client = login(getattr(org, name))
    assert client.get("/system/orgs/").status_code == 403
    assert client.post("/system/orgs/new/", {"name": "x", "kind": "section", "sort_order": 0}).status_code == 403
    with pytest.raises(PermissionDenied):
        do_create_org_unit(getattr(org, name), name="x", kind=OrgKind.SECTION, parent=None)
