"""How an activity counts toward its targets: one credit per activity, or one per credited person."""

from datetime import date

from ideowork.ledger.actions import do_update_activity
from ideowork.ledger.models import TargetCredit


def credited(activity, target):
    return sorted(TargetCredit.objects.filter(activity=activity, target=target)
                  .values_list("person__username", flat=True), key=str)


def test_per_org_target_gets_one_credit_per_activity(org, record, targets):
    activity = record(participants=[org.staff, org.cadre, org.section_chief],
                      targets=[targets["monthly_study"], targets["yearly_study"]])
    assert credited(activity, targets["monthly_study"]) == [None]
    assert credited(activity, targets["yearly_study"]) == [None]
    assert TargetCredit.objects.get(activity=activity, target=targets["monthly_study"]).date == date(2026, 3, 10)


def test_per_person_target_credits_only_the_tracked_people(org, record, targets):
    reflections = targets["reflections"]
    reflections.persons.set([org.staff, org.cadre])
    activity = record(kind="reflection", participants=[org.staff, org.cadre, org.section_chief],
                      targets=[reflections])
    assert credited(activity, reflections) == ["cadre", "staff"]


def test_per_person_target_without_persons_credits_every_participant(org, record, targets):
    activity = record(kind="reflection", participants=[org.staff, org.cadre], extra_participants=5,
                      targets=[targets["reflections"]])
    assert credited(activity, targets["reflections"]) == ["cadre", "staff"]


def test_changing_participants_targets_and_date_rebuilds_credits(org, record, targets):
    reflections = targets["reflections"]
    reflections.persons.set([org.staff, org.cadre, org.section_chief])
    activity = record(kind="reflection", participants=[org.staff, org.cadre],
                      targets=[reflections, targets["yearly_study"]])
    do_update_activity(org.staff, activity, participants=[org.cadre, org.section_chief, org.supervisor])
    assert credited(activity, reflections) == ["cadre", "section_chief"]
    do_update_activity(org.staff, activity, targets=[reflections], date=date(2026, 6, 1))
    assert credited(activity, targets["yearly_study"]) == []
    assert set(TargetCredit.objects.filter(activity=activity).values_list("date", flat=True)) == {date(2026, 6, 1)}


def test_credits_are_removed_with_the_target_link(org, record, targets):
    activity = record(targets=[targets["monthly_study"]])
    do_update_activity(org.staff, activity, targets=[])
    assert not TargetCredit.objects.filter(activity=activity).exists()
    assert not activity.target_links.exists()
