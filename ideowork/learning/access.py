"""Fetch and authorise learning records in one step (see ``core/access.py``): 404 when not visible,
a Chinese 403 when visible but not allowed (``action="change"``: the organisers of the record's part
of the tree, or its owner where the model names one)."""

from ideowork.core.access import accessor

from .models import (Answer, Attempt, Competition, Course, EssayContest, Exam, ExemplarNominee, ExemplarSelection,
                     MakeupStudy, Match, Material, MentorPair, Question, QuizRun, Reflection, SessionMaterial,
                     SpecialQuiz, StudyGroup, StudySession, Topic)

__all__ = ["access_attempt", "access_competition", "access_course", "access_contest", "access_exam",
           "access_nominee", "access_selection", "access_match", "access_material", "access_mentor_pair",
           "access_question", "access_quiz_run", "access_reflection", "access_special_quiz", "access_group",
           "access_session", "access_topic", "access_session_material", "access_makeup",
           "access_answer"]


access_attempt = accessor(Attempt, "exam__org_unit", "user")
access_competition = accessor(Competition, "org_unit", "category")
access_course = accessor(Course, "topic", "org_unit")
access_contest = accessor(EssayContest, "org_unit", "activity")
access_exam = accessor(Exam, "org_unit", message="您无权管理该考试。")
access_nominee = accessor(ExemplarNominee, "selection")
access_selection = accessor(ExemplarSelection, "org_unit", "created_by")
access_match = accessor(Match, "created_by")
access_material = accessor(Material, "topic", "org_unit", "attachment")
access_mentor_pair = accessor(MentorPair, "mentor__org_unit", "mentee__org_unit")
access_question = accessor(Question, "org_unit", "category")
access_quiz_run = accessor(QuizRun, "special", "competition")
access_reflection = accessor(Reflection, "author__org_unit", "group", "attachment", "session")
access_special_quiz = accessor(SpecialQuiz)
access_group = accessor(StudyGroup, "org_unit", "secretary", message="您无权管理该学习小组。")
access_session = accessor(StudySession, "group", "org_unit", "created_by", message="您无权管理该学习活动。")
access_topic = accessor(Topic)
access_session_material = accessor(SessionMaterial, "attachment")
access_makeup = accessor(MakeupStudy, "attachment", "session__group")
access_answer = accessor(Answer, "attempt__exam")
