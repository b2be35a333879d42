"""The publicity demo builds through the services: 市级以上 placements, conferences, the expert
library, interpretations and questions in every state, all in the ledger."""

from django.utils import timezone

from ideowork.ledger.models import Activity
from ideowork.outlets.actions.publicity import media_kpi
from ideowork.outlets.models import (Expert, ExternalPlacement, PolicyInterpretation, PressConference,
                                     PublicQuestion, QuestionStatus)

from .publicity_builders import build_publicity_demo, plan_with_media_target


def test_the_demo_builds_a_year_of_publicity(org):
    plan_with_media_target(org)
    log = []
    build_publicity_demo(org, log.append)

    assert ExternalPlacement.objects.count() == 15 and len(log) == 5
    kpi = media_kpi(org.staff, ExternalPlacement.objects.visible_to(org.staff), year=timezone.localdate().year)
    assert (kpi["progress"].done_year, kpi["progress"].required_year) == (13, 20)
    assert PressConference.objects.count() == 2 and Expert.objects.count() == 8
    assert PolicyInterpretation.objects.count() == 3
    statuses = [q.status for q in PublicQuestion.objects.all()]
    assert {s: statuses.count(s) for s in set(statuses)} == {
        QuestionStatus.PENDING: 4, QuestionStatus.ANSWERED: 3, QuestionStatus.PUBLISHED: 3}
    assert sum(q.is_overdue() for q in PublicQuestion.objects.all()) == 2
    assert Activity.objects.filter(source="outlets").count() == 15 + 2 + 3 + 6
