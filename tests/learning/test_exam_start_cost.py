"""What an exam's page and its start cost on exam morning (docs/performance.md): a published exam's
paper size and audience read once (they cannot change once it is published), the start reading its
questions' kinds and options from the paper's cached entries."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ideowork.learning.actions.exams import do_add_exam_question, do_start_attempt, is_for, paper_for_taking, paper_size

from .access_exams import make_exam

pytestmark = pytest.mark.django_db


def test_a_published_papers_size_is_read_once(org, bank):
    exam = make_exam(org.staff, org.city, bank)
    assert paper_size(exam) == (len(bank), Decimal(20) * len(bank))
    with CaptureQueriesContext(connection) as again:
        assert paper_size(exam) == (len(bank), Decimal(20) * len(bank))
    assert len(again) == 0


def test_a_drafts_size_follows_every_change(org, bank):
    draft = make_exam(org.staff, org.city, bank[:2], publish=False)
    assert paper_size(draft) == (2, Decimal(40))
    do_add_exam_question(org.staff, draft, bank[2], Decimal(10))
    assert paper_size(draft) == (3, Decimal(50))


def test_a_published_exams_audience_is_read_once_and_judged_by_the_persons_unit(org, bank):
    exam = make_exam(org.staff, org.city, bank, publish=False)
    exam.audience.set([org.county_a])
    from ideowork.learning.actions.exams import do_publish_exam
    exam = do_publish_exam(org.staff, exam)
    assert is_for(org.county_staff, exam) and not is_for(org.cadre, exam)
    with CaptureQueriesContext(connection) as again:
        assert is_for(org.county_staff, exam) and not is_for(org.cadre, exam)
    assert len(again) == 0
    open_to_all = make_exam(org.staff, org.city, bank)
    assert is_for(org.cadre, open_to_all) and is_for(org.county_staff, open_to_all)


def test_the_start_reads_the_questions_from_the_papers_cached_entries(org, bank):
    exam = make_exam(org.staff, org.city, bank)
    paper_for_taking(do_start_attempt(org.county_staff, exam))  # the entries into the cache
    with CaptureQueriesContext(connection) as start:
        attempt = do_start_attempt(org.cadre, exam)
    assert not [q["sql"] for q in start.captured_queries if q["sql"].startswith('SELECT "learning_question"')]
    paper = paper_for_taking(attempt)
    by_id = {q.pk: q for q in bank}
    for row in paper:
        question = by_id[row["id"]]
        assert sorted(o["value"] for o in row["options"]) == sorted(o["key"] for o in question.options)
