"""Records for the access walk (tests/test_access.py) of the question bank and exams, and the helpers
the exam tests share to build a bank and an exam through the services."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from ideowork.learning.actions.exams import (do_add_exam_question, do_add_rule, do_publish_exam, do_save_exam,
                                             do_save_answer, do_start_attempt, do_submit_attempt)
from ideowork.learning.actions.questions import do_create_question
from ideowork.learning.models import Answer, ExamQuestion, ExamRule

CITY_RECORD_PAGES = {"learning:question_edit", "learning:question_toggle", "learning:exam_edit",
                     "learning:exam_question_add", "learning:exam_question_remove", "learning:exam_rule_add",
                     "learning:exam_rule_remove", "learning:exam_publish", "learning:exam_close",
                     "learning:exam_grading", "learning:exam_results", "learning:exam_results_export",
                     "learning:attempt_take", "learning:attempt_answer", "learning:attempt_submit",
                     "learning:attempt_result", "learning:answer_grade"}

# (kind, stem, options, answer text)
SAMPLE = [
    ("single", "新时代党的创新理论是（  ）。", ["习近平新时代中国特色社会主义思想", "科学发展观", "三个代表", "邓小平理论"], "A"),
    ("multiple", "意识形态工作责任制的主体有（  ）。", ["党委（党组）", "党委书记", "班子成员", "群众"], "ABC"),
    ("judge", "网络意识形态工作是意识形态工作的重中之重。", [], "对"),
    ("blank", "意识形态工作是党的一项（  ）的工作。", [], "极端重要/极其重要"),
    ("short", "简述意识形态工作责任制的主要内容。", [], "明确责任主体、责任内容、考核监督和责任追究。"),
]


def make_bank(user, unit, *, copies: int = 1, category: str = "党的创新理论"):
    """The five sample questions (``copies`` variants of each) in ``unit``'s bank."""
    made = []
    for n in range(copies):
        for kind, stem, options, answer in SAMPLE:
            made.append(do_create_question(
                user, org_unit=unit, kind=kind, stem=stem if n == 0 else f"（{n}）{stem}", option_texts=options,
                answer=answer, category_name=category, tag_names=["理论"], difficulty=3,
                explanation=f"解析：{stem[:6]}", source="学习读本"))
    return made


def make_exam(user, unit, questions=(), *, minutes: int = 30, publish: bool = True, rules=None, **extra):
    now = timezone.now()
    fields = {"org_unit": unit, "title": "理论学习测试", "description": "", "mode": "random" if rules else "fixed",
              "opens_at": now - timedelta(hours=1), "closes_at": now + timedelta(days=1),
              "time_limit_minutes": minutes, "max_attempts": 1, "grade_policy": "highest",
              "pass_score": Decimal(60), "shuffle_questions": True, "shuffle_options": True,
              "show_answers": "after_submit"}
    fields.update(extra)
    exam = do_save_exam(user, **fields)
    for q in questions:
        do_add_exam_question(user, exam, q, Decimal(20))
    for rule in rules or []:
        do_add_rule(user, exam, **rule)
    if publish:
        exam = do_publish_exam(user, exam)
    return exam


def objects(org) -> dict:
    questions = make_bank(org.staff, org.city)
    exam = make_exam(org.staff, org.city, questions)
    attempt = do_start_attempt(org.cadre, exam)
    short = next(q for q in questions if q.kind == "short")
    do_save_answer(org.cadre, attempt.pk, short.pk, "加强领导，压实责任。")
    do_submit_attempt(org.cadre, attempt)
    draft = make_exam(org.staff, org.city, questions[:1], publish=False)
    rule_exam = make_exam(org.staff, org.city, publish=False, mode="random", rules=None)
    rule = do_add_rule(org.staff, rule_exam, kind="single", count=1, score=Decimal(5))
    return {
        "learning:question_edit": questions[0].pk, "learning:question_toggle": questions[0].pk,
        "learning:exam_detail": exam.pk, "learning:exam_edit": exam.pk, "learning:exam_question_add": draft.pk,
        "learning:exam_question_remove": ExamQuestion.objects.filter(exam=draft).first().pk,
        "learning:exam_rule_add": rule_exam.pk, "learning:exam_rule_remove": rule.pk,
        "learning:exam_publish": draft.pk, "learning:exam_close": exam.pk, "learning:exam_start": exam.pk,
        "learning:exam_grading": exam.pk, "learning:exam_results": exam.pk,
        "learning:exam_results_export": exam.pk,
        "learning:attempt_take": attempt.pk, "learning:attempt_answer": attempt.pk,
        "learning:attempt_submit": attempt.pk, "learning:attempt_result": attempt.pk,
        "learning:answer_grade": Answer.objects.get(attempt=attempt, question=short).pk,
    }


__all__ = ["objects", "CITY_RECORD_PAGES", "make_bank", "make_exam", "SAMPLE", "ExamRule"]
