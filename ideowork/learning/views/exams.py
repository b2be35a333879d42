"""Exams: organisers set, publish, grade and close them; cadres take them in the browser.

The taking page carries the paper without answers or explanations; each answer is posted to
``attempt_answer`` as it is given, which returns small JSON.
"""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.access import can
from ideowork.core.audit import record_read
from ideowork.core.idempotency import idempotent
from ideowork.core.permissions import capability_required, is_business
from ideowork.core.outcomes import form_outcome, report_outcome

from ..access import access_answer, access_attempt, access_exam
from ..actions.exams import (close_expired_attempts, do_add_exam_question, do_add_rule, do_close_exam,
                             do_grade_answer, do_publish_exam, do_remove_exam_question, do_remove_rule,
                             do_save_answer, do_save_exam, do_start_attempt, do_submit_attempt, exam_bank,
                             final_attempts, is_for, paper_for_taking, paper_size, save_time)
from ..actions.questions import answer_text
from ..choices import QuestionKind
from ..exports import exam_results, results_excel
from ..forms.exams import ExamForm, ExamQuestionForm, ExamRuleForm, GradeForm
from ..forms.questions import QuestionFilterForm
from ..models import (Answer, Attempt, AttemptQuestion, AttemptStatus, Exam, ExamMode, ExamQuestion, ExamRule,
                      ExamStatus, Question, ShowAnswers)

OPTION_LABELS = "ABCDEF"


def _organised_or_403(request, pk) -> Exam:
    return access_exam(request.user, pk, "change")


@is_business
def exam_list(request):
    close_expired_attempts(user=request.user)
    exams = list(Exam.objects.visible_to(request.user).select_related("org_unit").prefetch_related("audience"))
    mine = {}
    for a in Attempt.objects.visible_to(request.user).filter(user=request.user):
        mine.setdefault(a.exam_id, []).append(a)
    now = timezone.now()
    rows = []
    for exam in exams:
        organiser = can(request.user, "change", exam)
        if not organiser and not is_for(request.user, exam):
            continue
        attempts = mine.get(exam.pk, [])
        final = final_attempts(exam, attempts).get(request.user.pk)
        rows.append({"exam": exam, "organiser": organiser, "attempts": attempts, "final": final,
                     "open_now": exam.status == ExamStatus.PUBLISHED and exam.opens_at <= now < exam.closes_at,
                     "in_progress": any(a.is_open for a in attempts)})
    return render(request, "learning/exams/exam_list.html", {"rows": rows, "now": now})


def _save(request, exam=None):
    form = ExamForm(request.POST or None, instance=exam, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = form_outcome(request, form,
                             lambda: do_save_exam(request.user, exam, audience=form.cleaned_data["audience"],
                                                  **form.service_data()),
                             "考试设置已保存。")
        if saved:
            return redirect("learning:exam_detail", pk=saved.result.pk)
    return render(request, "learning/exams/exam_form.html", {"form": form, "exam": exam,
                                                             "title": "修改考试设置" if exam else "新建考试"})


@capability_required("learning.manage")
@require_http_methods(["GET", "POST"])
@idempotent
def exam_create(request):
    return _save(request)


@capability_required("learning.manage")
@require_http_methods(["GET", "POST"])
def exam_edit(request, pk):
    return _save(request, _organised_or_403(request, pk))


@is_business
def exam_detail(request, pk):
    exam = access_exam(request.user, pk)
    organiser = can(request.user, "change", exam)
    if not organiser and not is_for(request.user, exam):
        raise Http404("记录不存在或您无权查看。")
    attempts = list(Attempt.objects.visible_to(request.user).filter(exam=exam, user=request.user))
    if any(a.is_open and a.deadline <= timezone.now() for a in attempts):
        close_expired_attempts(exam=exam, user=request.user)
        attempts = list(Attempt.objects.visible_to(request.user).filter(exam=exam, user=request.user))
    count, full = paper_size(exam)
    context = {"exam": exam, "organiser": organiser, "attempts": attempts, "count": count, "full": full,
               "final": final_attempts(exam, attempts).get(request.user.pk),
               "in_progress": next((a for a in attempts if a.is_open), None),
               "left": max(exam.max_attempts - len(attempts), 0),
               "open_now": exam.status == ExamStatus.PUBLISHED and exam.opens_at <= timezone.now() < exam.closes_at}
    if organiser:
        context.update(_setup_context(request, exam))
    return render(request, "learning/exams/exam_detail.html", context)


def _setup_context(request, exam) -> dict:
    stats = Attempt.objects.visible_to(request.user).filter(exam=exam).aggregate(
        people=Count("user", distinct=True), pending=Count("pk", filter=Q(status=AttemptStatus.SUBMITTED)))
    context = {"stats": stats, "draft": exam.status == ExamStatus.DRAFT}
    if exam.mode == ExamMode.FIXED:
        items = list(exam.fixed_questions.select_related("question"))
        context["items"] = items
        if context["draft"]:
            filters = QuestionFilterForm(request.GET, user=request.user)
            picked = {i.question_id for i in items}
            context["filters"] = filters
            context["bank"] = [q for q in filters.filter(exam_bank(exam)).select_related("category")[:60]
                               if q.pk not in picked][:40]
            context["question_form"] = ExamQuestionForm()
    else:
        context["rules"] = list(exam.rules.select_related("category", "tag"))
        context["rule_form"] = ExamRuleForm(user=request.user)
    return context


@capability_required("learning.manage")
@require_POST
def exam_question_add(request, pk):
    exam = _organised_or_403(request, pk)
    form = ExamQuestionForm(request.POST)
    if form.is_valid():
        question = exam_bank(exam).filter(pk=form.cleaned_data["question"]).first()
        try:
            if question is None:
                raise ValidationError("该题不在本考试可用的题库中，或已停用。")
            do_add_exam_question(request.user, exam, question, form.cleaned_data["score"])
        except ValidationError as exc:
            messages.error(request, "".join(exc.messages))
        else:
            messages.success(request, "已加入试卷。")
    else:
        messages.error(request, "分值应在0.5至100之间。")
    return redirect("learning:exam_detail", pk=exam.pk)


def _exam_part_or_404(request, model, pk):
    """A question or rule of an exam the user may see and organise (404 when out of sight)."""
    part = model.objects.select_related("exam").filter(pk=pk, exam__in=Exam.objects.visible_to(request.user)).first()
    if part is None:
        raise Http404("记录不存在或您无权查看。")
    _organised_or_403(request, part.exam_id)
    return part


def _remove_exam_part(request, model, pk, remove):
    """Take a question or a rule out of an exam; the service refuses when the exam may no longer change."""
    part = _exam_part_or_404(request, model, pk)
    try:
        remove(request.user, part)
    except ValidationError as exc:
        messages.error(request, "".join(exc.messages))
    return redirect("learning:exam_detail", pk=part.exam_id)


@capability_required("learning.manage")
@require_POST
def exam_question_remove(request, pk):
    return _remove_exam_part(request, ExamQuestion, pk, do_remove_exam_question)


@capability_required("learning.manage")
@require_POST
def exam_rule_add(request, pk):
    exam = _organised_or_403(request, pk)
    form = ExamRuleForm(request.POST, user=request.user)
    if form.is_valid():
        report_outcome(request, lambda: do_add_rule(request.user, exam, **form.cleaned_data), "已添加抽题规则。")
    else:
        messages.error(request, "；".join(f"{form[f].label}：{e}" for f, es in form.errors.items() for e in es))
    return redirect("learning:exam_detail", pk=exam.pk)


@capability_required("learning.manage")
@require_POST
def exam_rule_remove(request, pk):
    return _remove_exam_part(request, ExamRule, pk, do_remove_rule)


@capability_required("learning.manage")
@require_POST
def exam_publish(request, pk):
    exam = _organised_or_403(request, pk)
    report_outcome(request, lambda: do_publish_exam(request.user, exam), "考试已发布，参考人员可在开始时间后作答。")
    return redirect("learning:exam_detail", pk=exam.pk)


@capability_required("learning.manage")
@require_POST
def exam_close(request, pk):
    exam = _organised_or_403(request, pk)
    report_outcome(request, lambda: do_close_exam(request.user, exam), "考试已结束，未交的答卷已自动提交，考试已记入工作台账。")
    return redirect("learning:exam_detail", pk=exam.pk)


@is_business
@require_POST
def exam_start(request, pk):
    """开始答题 answers with the paper itself (one request fewer per examinee on exam morning); the
    page's script then shows the attempt's own address, so a reload reads the paper again (GET)
    instead of posting 开始答题 a second time."""
    exam = access_exam(request.user, pk)
    try:
        attempt = do_start_attempt(request.user, exam)
    except ValidationError as exc:
        messages.error(request, "".join(exc.messages))
        return redirect("learning:exam_detail", pk=exam.pk)
    return _taking_page(request, attempt, exam)


def _own_attempt(request, pk) -> Attempt:
    attempt = access_attempt(request.user, pk)
    if attempt.user_id != request.user.pk and not can(request.user, "change", attempt.exam):
        raise Http404("记录不存在或您无权查看。")
    return attempt


def _paper(attempt, *, reveal: bool) -> list[dict]:
    """The person's paper in their order; answers and explanations only when ``reveal``.

    Read as plain values (two queries, no model instances): the taking page is part of the exam-start spike.
    The caller has authorised ``attempt``; its answers and questions are read through it.
    """
    answers = {q: (r, s, c) for q, r, s, c in
               attempt.answers.values_list("question_id", "response", "score", "comment")}
    rows = []
    for order, score, option_order, qid, kind, stem, options, key, explanation in (
            attempt.paper.order_by("order").values_list(
                "order", "score", "option_order", "question_id", "question__kind", "question__stem",
                "question__options", "question__answer", "question__explanation")):
        by_key = {o["key"]: o["text"] for o in options}
        keys = option_order or [o["key"] for o in options]
        response, earned, comment = answers.get(qid, (None, None, ""))
        shown = [{"value": k, "label": OPTION_LABELS[i], "text": by_key[k]} for i, k in enumerate(keys) if k in by_key]
        label_of = {o["value"]: o["label"] for o in shown}
        row = {"order": order, "id": qid, "kind": kind, "kind_label": QuestionKind(kind).label, "stem": stem,
               "score": score, "options": shown, "response": response, "earned": earned, "comment": comment}
        if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            chosen = response if isinstance(response, list) else ([response] if response else [])
            row["input_type"] = "radio" if kind == QuestionKind.SINGLE else "checkbox"
            for o in shown:
                o["checked"] = o["value"] in chosen
            row["response_text"] = "".join(sorted(label_of.get(k, "") for k in chosen))
        elif kind == QuestionKind.JUDGE:
            row["response_text"] = "" if response is None else ("对" if response else "错")
        elif kind == QuestionKind.BLANK:
            given = response or []
            row["blank_values"] = [given[i] if i < len(given) else "" for i in range(len(key))]
            row["response_text"] = "；".join(given)
        else:
            row["response_text"] = response or ""
        if reveal:
            if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
                right = key if isinstance(key, list) else [key]
                row["answer_text"] = "".join(sorted(label_of.get(k, "") for k in right))
            else:
                row["answer_text"] = answer_text(Question(kind=kind, answer=key))
            row["explanation"] = explanation
        rows.append(row)
    return rows


@is_business
def attempt_take(request, pk):
    attempt = _own_attempt(request, pk)
    if attempt.user_id != request.user.pk:
        return redirect("learning:attempt_result", pk=attempt.pk)
    if attempt.is_open and timezone.now() >= attempt.deadline:
        attempt = do_submit_attempt(request.user, attempt, auto=True)
        messages.warning(request, "答题时间已到，答卷已自动提交。")
    if not attempt.is_open:
        return redirect("learning:attempt_result", pk=attempt.pk)
    return _taking_page(request, attempt, attempt.exam)


def _taking_page(request, attempt, exam):
    """The taking page of the user's open ``attempt`` (authorised by the caller)."""
    paper = paper_for_taking(attempt)
    # The page's script draws the paper from this data (exam.js): rendering fifty questions in the
    # template cost more CPU than everything else on an exam morning's start.
    return render(request, "learning/exams/attempt_take.html", {
        "attempt": attempt, "exam": exam, "count": len(paper), "answered": sum(q["saved"] for q in paper),
        "paper_data": {"attempt": attempt.pk, "questions": paper}, "now": timezone.now()})


@is_business
@require_POST
def attempt_answer(request, pk):
    """Save one answer: JSON ``{"question": id, "response": …}`` → ``{"ok": true, "saved_at": "…"}``.

    The happy path makes no query of its own beyond the service's; only refusals look the attempt up.
    """
    try:
        data = json.loads(request.body or b"{}")
        question_id = int(data["question"])
        raw = data.get("response")
    except (ValueError, KeyError, TypeError):
        _own_status_or_404(request, pk)
        return JsonResponse({"ok": False, "error": "提交的数据格式不正确，答案未保存。"}, status=400)
    try:
        answer = do_save_answer(request.user, pk, question_id, raw)
    except ValidationError as exc:
        closed = _own_status_or_404(request, pk) != AttemptStatus.IN_PROGRESS
        return JsonResponse({"ok": False, "error": "".join(exc.messages), "closed": closed}, status=409)
    return JsonResponse({"ok": True, "saved_at": timezone.localtime(answer.saved_at).strftime("%H:%M:%S"),
                         "at": save_time(answer.saved_at)})


def _own_status_or_404(request, pk) -> str:
    status = Attempt.objects.visible_to(request.user).filter(pk=pk, user=request.user).values_list(
        "status", flat=True).first()
    if status is None:
        raise Http404("记录不存在或您无权查看。")
    return status


@is_business
@require_POST
def attempt_submit(request, pk):
    attempt = _own_attempt(request, pk)
    if attempt.user_id != request.user.pk:
        raise PermissionDenied("这不是您的答卷。")
    already = not attempt.is_open
    attempt = do_submit_attempt(request.user, attempt)
    if already:
        messages.info(request, "答卷此前已提交，成绩以第一次提交为准。")
    else:
        messages.success(request, "交卷成功。")
    return redirect("learning:attempt_result", pk=attempt.pk)


def _can_reveal(attempt) -> bool:
    exam = attempt.exam
    if attempt.is_open or exam.show_answers == ShowAnswers.NEVER:
        return False
    if exam.show_answers == ShowAnswers.AFTER_CLOSE:
        return exam.status == ExamStatus.CLOSED or timezone.now() >= exam.closes_at
    return True


@is_business
def attempt_result(request, pk):
    attempt = _own_attempt(request, pk)
    if attempt.is_open and attempt.user_id == request.user.pk:
        return redirect("learning:attempt_take", pk=attempt.pk)
    organiser = can(request.user, "change", attempt.exam)
    reveal = (organiser and not attempt.is_open) or _can_reveal(attempt)
    return render(request, "learning/exams/attempt_result.html", {
        "attempt": attempt, "exam": attempt.exam, "paper": _paper(attempt, reveal=reveal), "reveal": reveal,
        "organiser": organiser,
        "passed": attempt.score is not None and attempt.score >= attempt.exam.pass_score})


@capability_required("learning.manage")
def exam_grading(request, pk):
    exam = _organised_or_403(request, pk)
    pending = (Answer.objects.visible_to(request.user)
               .filter(attempt__exam=exam, attempt__status__in=[AttemptStatus.SUBMITTED, AttemptStatus.GRADED],
                       question__kind=QuestionKind.SHORT)
               .select_related("attempt__user__org_unit", "question", "graded_by")
               .order_by("graded_at", "attempt__user__display_name"))
    show_all = request.GET.get("all") == "1"
    if not show_all:
        pending = pending.filter(score__isnull=True)
    maxima = {(i.attempt_id, i.question_id): i.score for i in
              AttemptQuestion.objects.visible_to(request.user)
              .filter(attempt__exam=exam, question__kind=QuestionKind.SHORT)}
    rows = [{"answer": a, "max": maxima.get((a.attempt_id, a.question_id)), "reference": answer_text(a.question),
             "form": GradeForm(prefix=f"a{a.pk}", initial={"score": a.score, "comment": a.comment})}
            for a in pending[:100]]
    return render(request, "learning/exams/exam_grading.html", {"exam": exam, "rows": rows, "show_all": show_all})


@capability_required("learning.manage")
@require_POST
def answer_grade(request, pk):
    answer = access_answer(request.user, pk)
    _organised_or_403(request, answer.attempt.exam_id)
    form = GradeForm(request.POST, prefix=f"a{answer.pk}")
    if form.is_valid():
        report_outcome(request, lambda: do_grade_answer(request.user, answer, form.cleaned_data["score"],
                                                         form.cleaned_data["comment"]),
                       lambda: f"已为{answer.attempt.user.name}的答案评分。")
    else:
        messages.error(request, "得分应为不小于0的数字。")
    return redirect("learning:exam_grading", pk=answer.attempt.exam_id)


@capability_required("learning.manage")
def exam_results_view(request, pk):
    exam = _organised_or_403(request, pk)
    count, full = paper_size(exam)
    return render(request, "learning/exams/exam_results.html", {
        "exam": exam, "results": exam_results(exam), "count": count, "full": full})


@capability_required("learning.manage")
def exam_results_export(request, pk):
    exam = _organised_or_403(request, pk)
    kind = request.GET.get("kind", "person")
    if kind not in ("person", "unit", "question"):
        raise Http404("没有这种导出。")
    record_read(request, "learning.exam.export_results", exam)
    return results_excel(exam, kind)
