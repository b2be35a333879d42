"""The publicity demo builds through the services: 市级以上 placements, conferences, the expert
library, interpretations and questions in every state, all in the ledger."""

from types import SimpleNamespace

from django.utils import timezone

from ideowork.core.choices import Role
from ideowork.ledger.models import Activity
from ideowork.outlets.actions.publicity import media_kpi
from ideowork.outlets.models import (Expert, ExternalPlacement, PolicyInterpretation, PressConference,
                                     PublicQuestion, QuestionStatus)
from ideowork.reports import demo_outlets_publicity
from ideowork.reports.demo import _png_photo
from tests.factories import make_user

from .publicity_builders import plan_with_media_target


def _ctx(org):
    users = {"zhoujie": org.staff}
    for username in ("zhangwei", "liuyang", "huangmin", "chenjing", "yangfan", "mayue", "wangqiang", "sunpeng",
                     "xuli"):
        users[username] = make_user(username, Role.CADRE, org.office, username)
    return SimpleNamespace(units={"city": org.city}, users=users, today=timezone.localdate(), photo=_png_photo())


def test_the_demo_builds_a_year_of_publicity(org):
    plan_with_media_target(org)
    log = []
    demo_outlets_publicity.build(_ctx(org), log.append)

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
