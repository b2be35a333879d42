"""Credits follow a target when its tracked persons or counting mode change in the plans area."""

from datetime import date

from ideowork.ledger.actions import do_record_activity
from ideowork.ledger.models import TargetCredit
from ideowork.plans.actions.targets import do_update_target
from ideowork.plans.models import Target
from tests.factories import make_plan


def credits_of(target):
    return sorted((c.person_id or 0) for c in TargetCredit.objects.filter(target=target))


def test_changing_tracked_persons_and_counting_mode_rebuilds_credits(org):
    plan = make_plan(org.city)
    reflections = Target.objects.get(item__plan=plan, text="撰写心得体会不少于4篇")
    reflections.persons.set([org.principal])
    do_record_activity(org.staff, org_unit=org.office, kind="reflection", title="心得", date=date(2026, 3, 1),
                       participants=[org.principal, org.deputy], targets=[reflections])
    assert credits_of(reflections) == [org.principal.pk]
    reflections.persons.add(org.deputy)
    assert credits_of(reflections) == sorted([org.principal.pk, org.deputy.pk])
    org.deputy.personal_targets.remove(reflections)  # from the user's side
    assert credits_of(reflections) == [org.principal.pk]
    do_update_target(org.staff, reflections, per="org")
    assert credits_of(reflections) == [0]
    assert TargetCredit.objects.get(target=reflections).month == 3
