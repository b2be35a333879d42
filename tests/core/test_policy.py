"""The one policy for acting: ``visible_to(user, action)``, child records through their parent, and
``access`` (404 when not visible, a Chinese 403 when visible but not allowed)."""

from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404

from ideowork.core.access import access, can
from ideowork.core.choices import Role
from ideowork.core.scoping import can_act_in
from ideowork.ledger.access import access_activity
from ideowork.ledger.actions import do_record_activity
from ideowork.ledger.models import Activity, ActivityTarget, Evidence, TargetCredit
from ideowork.learning.models import StudyGroup
from ideowork.plans.models import Target
from tests.factories import make_plan, make_user
from tests.ledger.files import photo

BUSINESS_APPS = {"plans", "ledger", "learning", "outlets"}
# Pure lookup tables: they hold no business record of any unit, so there is nothing to scope.
UNSCOPED_LOOKUPS = {
    "learning.QuestionTag",  # a free tag name shared by every bank
    "learning.PointsRule",  # the points per action and their caps: one row per action, system-wide
}


def test_every_business_model_is_scoped():
    unscoped = [f"{m._meta.app_label}.{m.__name__}" for m in apps.get_models()
                if m._meta.app_label in BUSINESS_APPS and not hasattr(m._default_manager, "visible_to")]
    assert sorted(unscoped) == sorted(UNSCOPED_LOOKUPS), "scope these models (a child through its parent)"


@pytest.fixture
def city_activity(org):
    plan = make_plan(org.city, creator=org.staff)
    target = Target.objects.filter(item__plan=plan).first()
    return do_record_activity(org.staff, org_unit=org.office, kind="study", title="集中学习", date=date(2026, 3, 3),
                              participants=[org.section_chief], targets=[target], item=target.item,
                              evidence_files=[photo("photo.png")])


def test_change_is_for_capability_holders_in_their_own_subtree(org, city_activity):
    changers = {name for name in ("principal", "deputy", "section_chief", "staff", "supervisor", "cadre",
                                  "county_staff", "gov_staff", "sysadmin", "secadmin", "auditor")
                if Activity.objects.visible_to(getattr(org, name), "change").filter(pk=city_activity.pk).exists()}
    # ledger.record: head, deputy, section chief, staff, supervisor — of the city, not a county or another organ.
    assert changers == {"principal", "deputy", "section_chief", "staff", "supervisor"}
    assert can(org.staff, "change", city_activity)
    assert not can(org.county_staff, "change", city_activity)


def test_a_county_changes_its_own_records_but_not_the_citys(org, city_activity):
    county = do_record_activity(org.county_staff, org_unit=org.county_a, kind="study", title="县里学习",
                                date=date(2026, 3, 4))
    assert list(Activity.objects.visible_to(org.county_staff, "change")) == [county]
    assert not Activity.objects.visible_to(org.other_county_staff, "change").filter(pk=county.pk).exists()
    # The city office changes what its county bureaus record (延伸管控).
    assert can(org.staff, "change", county)


def test_child_records_follow_their_parent(org, city_activity):
    for model in (Evidence, ActivityTarget, TargetCredit):
        assert model.objects.visible_to(org.staff).filter(activity=city_activity).exists(), model
        assert model.objects.visible_to(org.staff, "change").filter(activity=city_activity).exists(), model
        assert not model.objects.visible_to(org.county_staff).filter(activity=city_activity).exists(), model
        assert not model.objects.visible_to(org.auditor).exists(), model
    # A cadre of the office sees the unit's activity and its evidence, but may change neither.
    assert Evidence.objects.visible_to(org.cadre).filter(activity=city_activity).exists()
    assert not Evidence.objects.visible_to(org.cadre, "change").exists()


def test_the_owner_changes_their_own_record_without_the_capability(org):
    secretary = make_user("secretary_cadre", Role.CADRE, org.office, "学习秘书")
    group = StudyGroup.objects.create(name="第一党支部", org_unit=org.office, secretary=secretary)
    assert can(secretary, "change", group)
    assert not can(org.cadre, "change", group)  # sees the group of their unit, does not run it
    assert can(org.staff, "change", group)
    assert not can(org.county_staff, "change", group)


def test_an_undeclared_action_is_an_error_not_a_silent_no(org, city_activity):
    with pytest.raises(ImproperlyConfigured):
        Activity.objects.visible_to(org.staff, "launch")


def test_access_answers_404_when_hidden_and_a_chinese_403_when_not_allowed(org, city_activity):
    assert access_activity(org.staff, city_activity.pk, "change") == city_activity
    with pytest.raises(Http404):
        access_activity(org.county_staff, city_activity.pk)
    with pytest.raises(Http404):
        access_activity(org.staff, "not-a-number")
    with pytest.raises(PermissionDenied) as denied:
        access_activity(org.cadre, city_activity.pk, "change")
    assert "无权" in str(denied.value)
    with pytest.raises(Http404):
        access(Activity, org.sysadmin, city_activity.pk)


def test_can_act_in_is_the_unit_tree_half_of_every_rule(org):
    assert can_act_in(org.staff, org.county_a, "ledger.record")
    assert not can_act_in(org.county_staff, org.city, "ledger.record")
    assert not can_act_in(org.cadre, org.office, "ledger.record")
    assert can_act_in(org.cadre, org.office)  # in scope, no capability asked
    assert not can_act_in(org.auditor, org.city)
