"""Work of the task queue acts as the system actor: competitions and exams close themselves."""

from datetime import timedelta

import pytest
from django.utils import timezone
from huey.contrib.djhuey import HUEY

from ideowork.core.models import AuditEvent
from ideowork.core.system import SYSTEM_USERNAME, is_system_actor, system_actor
from ideowork.learning.actions.competitions import close_due_competitions
from ideowork.learning.actions.exams import close_due_exams, do_start_attempt
from ideowork.learning.models import Exam
from ideowork.ledger.models import Activity

from .access_exams import make_bank, make_exam
from .test_competitions import open_competition, take

pytestmark = pytest.mark.django_db


def test_the_system_actor_cannot_sign_in_and_is_one_account(org):
    actor = system_actor()
    assert actor.username == SYSTEM_USERNAME and not actor.is_active and not actor.has_usable_password()
    assert actor.org_unit is None and system_actor() == actor and is_system_actor(actor)
    assert not is_system_actor(org.staff)


def test_a_competition_closes_after_its_creator_left(org):
    competition = open_competition(org)
    take(org.cadre, competition)
    org.staff.is_active = False
    org.staff.save(update_fields=["is_active"])
    type(competition).objects.filter(pk=competition.pk).update(ends_at=timezone.now() - timedelta(minutes=1))
    assert close_due_competitions() == 1
    competition.refresh_from_db()
    activity = Activity.objects.for_source(competition).get()
    assert competition.closed_at is not None and competition.activity == activity
    assert activity.created_by == system_actor()
    event = AuditEvent.objects.get(event_type="learning.competition.close")
    assert event.actor == system_actor()


def test_an_exam_nobody_closes_reaches_the_ledger(org):
    exam = make_exam(org.staff, org.city, make_bank(org.staff, org.city))
    do_start_attempt(org.cadre, exam)
    assert close_due_exams() == 0
    Exam.objects.filter(pk=exam.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    assert close_due_exams() == 1
    exam.refresh_from_db()
    activity = Activity.objects.for_source(exam).get()
    assert exam.status == "closed" and exam.activity == activity
    assert set(activity.participants.all()) == {org.cadre} and activity.created_by == system_actor()
    assert close_due_exams() == 0


def test_exam_closing_is_a_periodic_task_of_the_queue(org):
    from ideowork.learning import tasks

    assert "exams_close" in {task.name.rsplit(".", 1)[-1] for task in HUEY._registry.periodic_tasks}
    exam = make_exam(org.staff, org.city, make_bank(org.staff, org.city))
    do_start_attempt(org.cadre, exam)
    Exam.objects.filter(pk=exam.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    tasks.exams_close()  # enqueued; executed by the queue (immediate mode in tests)
    assert Activity.objects.for_source(exam).exists()
