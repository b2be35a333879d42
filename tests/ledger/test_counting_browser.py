"""On 登记活动 the suggestions follow the chosen 要点 and say why each target is suggested."""

import pytest

from ideowork.plans.models import PlanItem, Target

from .test_ledger_browser import fill_study_session

pytestmark = pytest.mark.browser


def test_suggestions_follow_the_chosen_item_and_show_their_reason(org, page_as, plan, targets):
    third = PlanItem.objects.get(plan=plan, number=3)
    Target.objects.create(item=third, text="组织应急处置专题学习不少于1次", count=1, unit="次", period="year",
                          activity_kinds=["study"], order=2)
    page = page_as(org.staff)
    fill_study_session(page, org)
    # Two items ask for 学习研讨: nothing is ticked by the kind alone, and the form says why.
    page.wait_for_selector("#target-choices >> text=系统不自动勾选")
    assert page.locator('input[name=targets]:checked').count() == 0
    page.select_option("#id_item", str(third.pk))
    page.dispatch_event("#id_item", "change")
    reason = page.locator('[data-testid="suggestion-reason"]')
    reason.first.wait_for()
    assert reason.count() == 1 and "建议理由：属于所选要点" in reason.inner_text()
    page.wait_for_function(f'document.querySelector(\'input[name=targets]:checked\')'
                           f' && document.querySelector(\'input[name=targets]:checked\').value == "{third.targets.get(order=2).pk}"')
    monthly = page.locator(f'input[name=targets][value="{targets["monthly_study"].pk}"]')
    assert not monthly.is_checked()
