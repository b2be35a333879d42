"""Item and target pickers: grouped by plan, the current year first, every option naming its plan."""

import re
import pytest

from ideowork.ledger.forms import ActivityFilterForm, ActivityForm
from ideowork.outlets.forms.outlets import OutletForm
from ideowork.plans.forms.fields import PlanItemChoiceField, TargetChoiceField
from ideowork.plans.models import PlanItem, Target
from tests.factories import make_plan

pytestmark = pytest.mark.django_db


def optgroups(html: str) -> list[str]:
    return re.findall(r'<optgroup label="([^"]*)">', html)


def options(html: str) -> list[str]:
    return [label for value, label in re.findall(r'<option value="(\d+)"[^>]*>([^<]*)</option>', html)]


@pytest.fixture
def plans(org):
    """The city's plans of last year and this year, and a county bureau's copy of this year's."""
    return {
        "city_2025": make_plan(org.city, year=2025, title="2025年测试工作要点"),
        "city_2026": make_plan(org.city, year=2026, title="2026年测试工作要点"),
        "county_2026": make_plan(org.county_a, year=2026, title="2026年测试工作要点"),
    }


@pytest.mark.clock("2026-05-10T10:00")
def test_items_are_grouped_by_plan_current_year_first_and_named_unambiguously(org, plans):
    field = PlanItemChoiceField(queryset=PlanItem.objects.visible_to(org.principal), empty_label="全部要点")
    html = field.widget.render("item", None)
    # Two organs' plans share a title: the organ tells them apart; last year comes last.
    assert optgroups(html) == ["2026年测试工作要点（市委编办）", "2026年测试工作要点（甲县委编办）",
                               "2025年测试工作要点"]
    labels = options(html)
    assert len(labels) == 9 and len(set(labels)) == 9
    assert labels[0] == "1. 深化理论武装体系建设（市委编办2026年）"
    assert "1. 深化理论武装体系建设（甲县委编办2026年）" in labels
    assert labels[-1] == "3. 完善应急处置预案体系（市委编办2025年）"
    assert html.index("全部要点") < html.index("<optgroup")


@pytest.mark.clock("2027-01-05T10:00")
def test_the_current_year_leads_even_when_a_later_plan_exists(org, plans):
    make_plan(org.city, year=2027, title="2027年测试工作要点")
    make_plan(org.city, year=2028, title="2028年测试工作要点")
    field = PlanItemChoiceField(queryset=PlanItem.objects.visible_to(org.principal))
    groups = [label for label, _ in list(field.choices)[1:]]
    assert groups[:2] == ["2027年测试工作要点", "2028年测试工作要点"]


def test_options_name_only_what_tells_the_plans_apart(org):
    make_plan(org.city, year=2026, title="2026年测试工作要点")
    make_plan(org.county_a, year=2026, title="2026年测试工作要点")
    make_plan(org.city, year=2026, title="2026年专项工作要点")
    field = PlanItemChoiceField(queryset=PlanItem.objects.visible_to(org.principal).filter(number=1))
    labels = [label for _, group in list(field.choices)[1:] for _, label in group]
    # One organ with two plans in the year: their titles; the county's plan: its organ, no year.
    assert sorted(labels) == ["1. 深化理论武装体系建设（市委编办 2026年专项工作要点）",
                              "1. 深化理论武装体系建设（市委编办 2026年测试工作要点）",
                              "1. 深化理论武装体系建设（甲县委编办）"]


def test_one_plan_keeps_options_short(org):
    make_plan(org.county_a, year=2026, title="甲县意识形态工作要点")
    field = TargetChoiceField(queryset=Target.objects.visible_to(org.county_staff))
    choices = list(field.choices)
    assert choices[1][0] == "2026年 甲县意识形态工作要点"  # the year is added when the title lacks it
    assert [label for _, label in choices[1][1]][:2] == ["要点1：每月开展1次集中学习研讨", "要点1：全年集中学习不少于12次"]


def test_a_county_sees_only_its_own_plan(org, plans):
    field = PlanItemChoiceField(queryset=PlanItem.objects.visible_to(org.county_staff))
    assert [label for label, _ in list(field.choices)[1:]] == ["2026年测试工作要点"]


def test_a_hidden_item_is_refused_in_chinese(org, plans):
    form = ActivityFilterForm({"item": PlanItem.objects.filter(plan=plans["city_2026"]).first().pk},
                              user=org.county_staff)
    assert not form.is_valid()
    assert form.errors["item"] == ["所选要点不存在或无权查看。"]


@pytest.mark.clock("2026-05-10T10:00")
def test_every_form_that_picks_an_item_or_target_groups_by_plan(org, plans):
    for form, field in [(ActivityForm(user=org.principal), "item"),
                        (ActivityFilterForm({}, user=org.principal), "item"),
                        (ActivityFilterForm({}, user=org.principal), "target"),
                        (OutletForm(user=org.principal), "item")]:
        html = str(form[field])
        assert optgroups(html)[:2] == ["2026年测试工作要点（市委编办）", "2026年测试工作要点（甲县委编办）"], (form, field)
        assert len(set(options(html))) == len(options(html)), (form, field)
