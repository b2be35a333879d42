"""The question bank: list, add, change, disable, and import from Excel (organisers only)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.exports.excel import XLSX_MIME, content_disposition
from ideowork.core.forms.errors import add_service_errors
from ideowork.core.idempotency import idempotent
from ideowork.core.imports.page import import_page
from ideowork.core.permissions import capability_required
from ideowork.core.access import can
from ideowork.core.outcomes import report_outcome

from ..access import access_question
from ..actions.questions import do_create_question, do_import_questions, do_set_question_active, do_update_question
from ..choices import QuestionKind
from ..forms.questions import QuestionFilterForm, QuestionForm, QuestionImportForm, bank_units
from ..imports.questions import COLUMNS, build_template, read_question_rows
from ..models import Question

PAGE_SIZE = 30


@capability_required("learning.manage")
def question_list(request):
    filters = QuestionFilterForm(request.GET, user=request.user)
    qs = filters.filter(Question.objects.visible_to(request.user))
    page = Paginator(qs.select_related("category", "org_unit").prefetch_related("tags"), PAGE_SIZE).get_page(
        request.GET.get("page"))
    counts = dict(Question.objects.visible_to(request.user).filter(is_active=True).order_by()
                  .values_list("kind").annotate(n=Count("pk")))
    return render(request, "learning/questions/question_list.html", {
        "filters": filters, "page": page,
        "kinds": [(label, counts.get(value, 0)) for value, label in QuestionKind.choices],
        "total": sum(counts.values()),
        "own_units": set(bank_units(request.user).values_list("pk", flat=True)),
    })


def _save(request, question=None):
    form = QuestionForm(request.POST or None, user=request.user, question=question)
    if request.method == "POST" and form.is_valid():
        try:
            if question is None:
                question = do_create_question(request.user, org_unit=form.cleaned_data["org_unit"],
                                              **form.service_data())
                messages.success(request, "试题已加入题库。")
            else:
                do_update_question(request.user, question, **form.service_data())
                messages.success(request, "试题已保存。")
        except ValidationError as exc:
            add_service_errors(form, exc, aliases={"options": "option_A", "kind": "kind"})
        else:
            return redirect("learning:question_list")
    return render(request, "learning/questions/question_form.html", {
        "form": form, "question": question, "title": "编辑试题" if question else "新增试题",
        "option_fields": [form[f"option_{k}"] for k in "ABCDEF"],
    })


@capability_required("learning.manage")
@require_http_methods(["GET", "POST"])
@idempotent
def question_create(request):
    return _save(request)


def _own_question_or_403(request, pk) -> Question:
    """A question of the user's own bank: the banks above theirs can be drawn from, not changed."""
    question = access_question(request.user, pk)
    if not can(request.user, "change", question):
        raise PermissionDenied(f"该题属于“{question.org_unit.name}”的题库，您不能修改。")
    return question


@capability_required("learning.manage")
@require_http_methods(["GET", "POST"])
def question_edit(request, pk):
    return _save(request, _own_question_or_403(request, pk))


@capability_required("learning.manage")
@require_POST
def question_toggle(request, pk):
    question = _own_question_or_403(request, pk)
    report_outcome(request, lambda: do_set_question_active(request.user, question, not question.is_active),
                   "试题已停用。" if question.is_active else "试题已重新启用。")
    return redirect("learning:question_list")


@capability_required("learning.manage")
def question_import_template(request):
    response = HttpResponse(build_template(), content_type=XLSX_MIME)
    response["Content-Disposition"] = content_disposition("试题导入模板.xlsx")
    return response


@capability_required("learning.manage")
@require_http_methods(["GET", "POST"])
def question_import(request):
    form = QuestionImportForm(request.POST or None, request.FILES or None, user=request.user)

    def unit():  # chosen on the form, known once it is valid
        return form.cleaned_data["org_unit"]

    return import_page(
        request, form, "learning/questions/question_import.html", COLUMNS,
        read=lambda uploaded: read_question_rows(uploaded, unit()),
        save=lambda uploaded, rows: do_import_questions(request.user, unit(), rows, filename=uploaded.name),
        done=lambda uploaded, created: render(request, "learning/questions/question_import_result.html", {
            "created": created, "filename": uploaded.name, "unit": unit()}))
