"""Fetch and authorise learning records in one step (see ``core/access.py``): 404 when not visible,
a Chinese 403 when visible but not allowed (``action="change"``: the organisers of the record's part
of the tree, or its owner where the model names one)."""

from ideowork.core.access import access

from .models import (Answer, Attempt, Competition, Course, EssayContest, Exam, ExemplarNominee, ExemplarSelection,
                     MakeupStudy, Match, Material, MentorPair, Question, QuizRun, Reflection, SessionMaterial,
                     SpecialQuiz, StudyGroup, StudySession, Topic)

__all__ = ["access_attempt", "access_competition", "access_course", "access_contest", "access_exam",
           "access_nominee", "access_selection", "access_match", "access_material", "access_mentor_pair",
           "access_question", "access_quiz_run", "access_reflection", "access_special_quiz", "access_group",
           "access_session", "access_topic", "access_session_material", "access_makeup",
           "access_answer"]


def access_attempt(user, pk, action="view") -> Attempt:
    return access(Attempt.objects.select_related("exam__org_unit", "user"), user, pk, action)


def access_competition(user, pk, action="view") -> Competition:
    return access(Competition.objects.select_related("org_unit", "category"), user, pk, action)


def access_course(user, pk, action="view") -> Course:
    return access(Course.objects.select_related("topic", "org_unit"), user, pk, action)


def access_contest(user, pk, action="view") -> EssayContest:
    return access(EssayContest.objects.select_related("org_unit", "activity"), user, pk, action)


def access_exam(user, pk, action="view") -> Exam:
    return access(Exam.objects.select_related("org_unit"), user, pk, action, "您无权管理该考试。")


def access_nominee(user, pk, action="view") -> ExemplarNominee:
    return access(ExemplarNominee.objects.select_related("selection"), user, pk, action)


def access_selection(user, pk, action="view") -> ExemplarSelection:
    return access(ExemplarSelection.objects.select_related("org_unit", "created_by"), user, pk, action)


def access_match(user, pk, action="view") -> Match:
    return access(Match.objects.select_related("created_by"), user, pk, action)


def access_material(user, pk, action="view") -> Material:
    return access(Material.objects.select_related("topic", "org_unit", "attachment"), user, pk, action)


def access_mentor_pair(user, pk, action="view") -> MentorPair:
    return access(MentorPair.objects.select_related("mentor__org_unit", "mentee__org_unit"), user, pk, action)


def access_question(user, pk, action="view") -> Question:
    return access(Question.objects.select_related("org_unit", "category"), user, pk, action)


def access_quiz_run(user, pk, action="view") -> QuizRun:
    return access(QuizRun.objects.select_related("special", "competition"), user, pk, action)


def access_reflection(user, pk, action="view") -> Reflection:
    return access(Reflection.objects.select_related("author__org_unit", "group", "attachment", "reviewer", "session"),
                  user, pk, action)


def access_special_quiz(user, pk, action="view") -> SpecialQuiz:
    return access(SpecialQuiz, user, pk, action)


def access_group(user, pk, action="view") -> StudyGroup:
    return access(StudyGroup.objects.select_related("org_unit", "secretary"), user, pk, action,
                  "您无权管理该学习小组。")


def access_session(user, pk, action="view") -> StudySession:
    return access(StudySession.objects.select_related("group", "org_unit", "created_by"), user, pk, action,
                  "您无权管理该学习活动。")


def access_topic(user, pk, action="view") -> Topic:
    return access(Topic, user, pk, action)


def access_session_material(user, pk, action="view") -> SessionMaterial:
    return access(SessionMaterial.objects.select_related("attachment"), user, pk, action)


def access_makeup(user, pk, action="view") -> MakeupStudy:
    return access(MakeupStudy.objects.select_related("attachment", "session__group"), user, pk, action)


def access_answer(user, pk, action="view") -> Answer:
    return access(Answer.objects.select_related("attempt__exam"), user, pk, action)
