"""One requirement, one number: the reflections page, a study group, 我的工作 and the item page read
the same figure from the ledger."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from ideowork.learning.actions.sessions import do_save_group
from ideowork.ledger.actions import do_record_activity
from ideowork.ledger.requirements import personal_requirement, unit_requirement
from ideowork.plans.models import Target
from tests.factories import make_plan

pytestmark = pytest.mark.django_db


def record(org, kind, target, n, **extra):
    year = timezone.localdate().year
    for day in range(1, n + 1):
        do_record_activity(org.staff, org_unit=org.office, kind=kind, title=f"活动{day}", date=date(year, 1, day),
                           targets=[target], **extra)


def test_a_members_reflections_show_the_same_count_everywhere(org, login):
    plan = make_plan(org.city, year=timezone.localdate().year)
    target = Target.objects.get(item__plan=plan, text="撰写心得体会不少于4篇")
    target.persons.set([org.cadre])
    do_save_group(org.staff, name="秘书科党支部", kind="branch", org_unit=org.office, secretary=org.section_chief,
                  members=[org.cadre, org.section_chief])
    record(org, "reflection", target, 4, participants=[org.cadre])
    requirement = personal_requirement(org.cadre, "reflection", year=plan.year, today=timezone.localdate())
    assert (requirement.target, requirement.done, requirement.required) == (target, 4, 4)
    client = login(org.cadre)
    reflections = client.get(reverse("learning:reflection_list")).content.decode()
    assert 'data-testid="my-count">4 / 4<' in reflections
    mine = client.get(reverse("reports:me")).content.decode()
    assert f'person={org.cadre.pk}">4</a></td><td class="num">4</td>' in mine


def test_a_study_group_shows_its_targets_number(org, login):
    plan = make_plan(org.city, year=timezone.localdate().year)
    target = Target.objects.get(item__plan=plan, text="每月开展1次集中学习研讨")
    group = do_save_group(org.staff, name="市委编办理论学习中心组", kind="center", org_unit=org.city, secretary=org.staff,
                          members=[org.principal, org.deputy])
    record(org, "study", target, 3)
    requirement = unit_requirement(org.city, "study", year=plan.year, today=timezone.localdate())
    assert (requirement.target, requirement.done, requirement.required) == (target, 3, 12)
    client = login(org.staff)
    assert "3 / 12 次" in client.get(reverse("learning:group_list")).content.decode()
    assert "3 / 12 次" in client.get(reverse("learning:group_detail", args=[group.pk])).content.decode()
