"""Exam results: per person, per unit and per question (difficulty and discrimination), and their Excel.

Difficulty is the share of the question's score earned (the correct rate); discrimination is the
correct rate of the upper 27 % of examinees (by final score) minus that of the lower 27 %.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from ideowork.core.exports.excel import excel_response

from .actions.exams import exam_audience, final_attempts
from .actions.questions import answer_text
from .models import Answer, Attempt, AttemptQuestion, Exam, Question

__all__ = ["ExamResults", "exam_results", "results_excel"]


@dataclass
class ExamResults:
    people: list[dict]
    units: list[dict]
    questions: list[dict]
    absent: list


def _rate(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def exam_results(exam: Exam) -> ExamResults:
    attempts = list(Attempt.objects.filter(exam=exam).select_related("user__org_unit").order_by("user_id", "number"))
    final = final_attempts(exam, attempts)
    counts = defaultdict(int)
    for a in attempts:
        counts[a.user_id] += 1
    people = []
    for a in sorted(final.values(), key=lambda a: (-(a.score or 0), a.user.org_unit.path if a.user.org_unit else "")):
        people.append({"user": a.user, "unit": a.user.org_unit, "attempt": a, "score": a.score,
                       "max_score": a.max_score, "passed": a.score is not None and a.score >= exam.pass_score,
                       "pending": a.status == "submitted", "seconds": a.seconds_used, "time_used": _minutes(a.seconds_used),
                       "attempts": counts[a.user_id]})
    audience = list(exam_audience(exam).select_related("org_unit").order_by("org_unit__path", "display_name"))
    absent = [u for u in audience if u.pk not in final]
    by_unit = defaultdict(lambda: {"people": [], "audience": 0})
    for u in audience:
        by_unit[u.org_unit]["audience"] += 1
    for p in people:
        by_unit[p["unit"]]["people"].append(p)
    units = []
    for unit, data in sorted(by_unit.items(), key=lambda kv: kv[0].path if kv[0] else ""):
        ps = data["people"]
        scores = [float(p["score"] or 0) for p in ps]
        units.append({"unit": unit, "audience": data["audience"], "participants": len(ps),
                      "absent": max(data["audience"] - len(ps), 0),
                      "average": round(sum(scores) / len(scores), 1) if scores else None,
                      "pass_rate": round(100 * sum(p["passed"] for p in ps) / len(ps), 1) if ps else None})
    return ExamResults(people, units, _question_stats(final), absent)


def _question_stats(final: dict) -> list[dict]:
    ids = [a.pk for a in final.values()]
    ranked = sorted(final.values(), key=lambda a: a.score or 0)
    k = max(1, round(len(ranked) * 0.27)) if ranked else 0
    lower, upper = {a.pk for a in ranked[:k]}, {a.pk for a in ranked[-k:]} if k else set()
    maxima = {(i.attempt_id, i.question_id): i.score for i in AttemptQuestion.objects.filter(attempt_id__in=ids)}
    earned = {(a.attempt_id, a.question_id): a.score for a in Answer.objects.filter(attempt_id__in=ids)}
    per_q: dict[int, dict[str, list[float]]] = defaultdict(lambda: {"all": [], "upper": [], "lower": []})
    for (attempt_id, question_id), full in maxima.items():
        got = earned.get((attempt_id, question_id))
        if full <= 0 or (got is None and (attempt_id, question_id) in earned):
            continue  # awaiting a person's grade
        fraction = float((got or Decimal(0)) / full)
        per_q[question_id]["all"].append(fraction)
        if attempt_id in upper:
            per_q[question_id]["upper"].append(fraction)
        if attempt_id in lower:
            per_q[question_id]["lower"].append(fraction)
    questions = Question.objects.in_bulk(list(per_q))
    rows = []
    for qid, data in per_q.items():
        up, low = _rate(data["upper"]), _rate(data["lower"])
        rows.append({"question": questions[qid], "answered": len(data["all"]),
                     "difficulty": round(100 * _rate(data["all"]), 1),
                     "discrimination": round(up - low, 2) if up is not None and low is not None else None})
    rows.sort(key=lambda r: r["difficulty"])
    return rows


def _minutes(seconds) -> str:
    return "" if seconds is None else f"{seconds // 60}分{seconds % 60}秒"


def results_excel(exam: Exam, kind: str):
    results = exam_results(exam)
    if kind == "unit":
        return excel_response("按单位", ["单位", "应考人数", "参考人数", "未参考人数", "平均分", "及格率(%)"],
                              ([r["unit"].name if r["unit"] else "", r["audience"], r["participants"], r["absent"],
                                r["average"], r["pass_rate"]] for r in results.units),
                              filename=f"{exam.title}-按单位.xlsx")
    if kind == "question":
        return excel_response("按题目", ["编号", "题型", "题干", "答案", "作答人数", "得分率(%)", "区分度"],
                              ([r["question"].pk, r["question"].get_kind_display(), r["question"].stem,
                                answer_text(r["question"]), r["answered"], r["difficulty"], r["discrimination"]]
                               for r in results.questions), filename=f"{exam.title}-按题目.xlsx")
    rows = [[p["user"].name, p["unit"].name if p["unit"] else "", p["score"], p["max_score"],
             "待阅卷" if p["pending"] else ("及格" if p["passed"] else "不及格"), _minutes(p["seconds"]), p["attempts"]]
            for p in results.people]
    rows += [[u.name, u.org_unit.name if u.org_unit else "", "", "", "未参考", "", 0] for u in results.absent]
    return excel_response("按人员", ["姓名", "单位", "成绩", "满分", "结果", "用时", "作答次数"], rows,
                          filename=f"{exam.title}-成绩.xlsx")
