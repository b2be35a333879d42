"""Records for the access walk (tests/test_access.py): quiz runs, special quizzes, competitions, matches.

The competition and special quiz belong to a section of the city office (秘书科), so the county
bureaus and the other organ are outside them; the quiz run and the match are the city cadres'.
"""

from datetime import timedelta

from django.utils import timezone

from ideowork.learning.actions.competitions import do_create_competition
from ideowork.learning.actions.matches import do_create_match, do_join_match
from ideowork.learning.actions.quizzes import do_create_special_quiz, do_start_quiz
from ideowork.learning.models import QuizKind

from .test_quizzes import make_questions

CITY_RECORD_PAGES = {"learning:quiz_run", "learning:quiz_question", "learning:quiz_answer",
                     "learning:special_start", "learning:competition_detail", "learning:competition_enter",
                     "learning:competition_ranking", "learning:competition_close", "learning:match_detail",
                     "learning:match_join", "learning:match_leave", "learning:match_poll", "learning:match_answer"}


def objects(org) -> dict:
    make_questions(org.city, 6, prefix="通行题")
    now = timezone.now()
    window = {"starts_at": now - timedelta(minutes=1), "ends_at": now + timedelta(days=3)}
    run = do_start_quiz(org.cadre, QuizKind.DAILY)
    special = do_create_special_quiz(org.staff, title="专项答题", category=None, question_count=3,
                                     org_unit=org.office, **window)
    competition = do_create_competition(org.staff, org_unit=org.office, title="科室知识竞赛", question_count=3,
                                        **window)
    match = do_join_match(org.staff, do_create_match(org.cadre, 2))
    return {
        "learning:quiz_start": "daily", "learning:quiz_run": run.pk, "learning:quiz_question": run.pk,
        "learning:quiz_answer": run.pk, "learning:special_start": special.pk,
        "learning:competition_detail": competition.pk, "learning:competition_enter": competition.pk,
        "learning:competition_ranking": competition.pk, "learning:competition_close": competition.pk,
        "learning:match_detail": match.pk, "learning:match_join": match.pk, "learning:match_leave": match.pk,
        "learning:match_poll": match.pk, "learning:match_answer": match.pk,
    }
