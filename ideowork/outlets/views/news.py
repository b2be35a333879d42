"""News releases and policy interpretation: press conferences, the expert library, interpretations
and the public's questions."""

from datetime import timedelta

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Q, Value, When
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.access import can, require_can
from ideowork.core.idempotency import idempotent
from ideowork.core.outcomes import form_outcome, report_outcome
from ideowork.core.permissions import capability_required, is_business

from ..access import access_expert, access_interpretation, access_press_conference, access_public_question
from ..actions import news as services
from ..forms.news import (AnswerForm, ExpertForm, ExpertSearchForm, InterpretationEntryForm, PressForm,
                          QuestionFilterForm, QuestionForm)
from ..models import Expert, PolicyInterpretation, PressConference, PublicQuestion, QuestionStatus

PRESS_FIELDS = ["org_unit", "title", "held_on", "place", "host", "spokespeople", "topics", "media_count",
                "media_names", "release", "summary"]
EXPERT_FIELDS = ["org_unit", "name", "organisation", "position", "expertise", "contact", "active", "note"]
INTERPRETATION_FIELDS = ["org_unit", "policy_title", "issuing_body", "published_on", "form", "channel", "experts",
                         "link", "summary"]
QUESTION_FIELDS = ["org_unit", "channel", "received_on", "topic", "question", "due_on"]
# The ledger's own field names, where a service error is about the activity it records.
ALIASES = {"date": None, "targets": None}


def _form_page(request, form, *, title, cancel_url, submit_label="保存"):
    return render(request, "core/form.html", {"form": form, "title": title, "cancel_url": cancel_url,
                                              "submit_label": submit_label})


def _save_page(request, form, act, success, *, title, cancel_url, done_url=None):
    """The form page of one record: a valid POST runs ``act()`` and goes on to ``done_url`` (by default the
    saved record's own page); otherwise, or when the service refuses, the form again."""
    if request.method == "POST" and form.is_valid():
        saved = form_outcome(request, form, act, success, aliases=ALIASES)
        if saved:
            return redirect(done_url or saved.result.get_absolute_url())
    return _form_page(request, form, title=title, cancel_url=cancel_url)


def _require_can_edit(request, obj) -> None:
    """The record's declared "change" policy (``outlets.publish`` in the user's own subtree)."""
    require_can(request.user, "change", obj, "您无权修改该记录。")


def _initial(obj, fields) -> dict:
    return {name: getattr(obj, name) for name in fields}


def _record_page(request, template, record, **context):
    """A record's own page: whether the user may change it, and the targets its ledger activity counts for."""
    return render(request, template, {**context, "can_edit": can(request.user, "change", record),
                                      "targets": list(record.activity.targets.all()) if record.activity else []})


def _delete_view(access, delete, success, done_url: str):
    """The delete button of a record: ``access(user, pk)`` fetches it, the service ``delete(user, record)``
    deletes it and the list ``done_url`` follows with ``success(record)``; a refusal goes back to the
    record's own page (the list, for a record without one)."""
    @capability_required("outlets.publish")
    @require_POST
    def view(request, pk):
        record = access(request.user, pk)
        _require_can_edit(request, record)
        if report_outcome(request, lambda: delete(request.user, record), success(record)):
            return redirect(done_url)
        return redirect(record.get_absolute_url() if hasattr(record, "get_absolute_url") else done_url)
    return view


# --- press conferences -------------------------------------------------------------------------------
@is_business
def press_list(request):
    conferences = PressConference.objects.visible_to(request.user).select_related("org_unit", "release")
    year = timezone.localdate().year
    return render(request, "outlets/press_list.html", {
        "page": Paginator(conferences, 20).get_page(request.GET.get("page")), "tab": "press",
        "this_year": conferences.filter(held_on__year=year).count(), "year": year})


@capability_required("outlets.publish")
@require_http_methods(["GET", "POST"])
@idempotent
def press_create(request):
    form = PressForm(request.POST or None, user=request.user, initial={"held_on": timezone.localdate()})
    return _save_page(request, form, lambda: services.do_save_press_conference(request.user, **form.cleaned_data),
                      "已登记新闻发布会，并记入工作台账。", title="登记新闻发布会",
                      cancel_url=reverse("outlets:press_list"))


@is_business
def press_detail(request, pk):
    conference = access_press_conference(request.user, pk)
    return _record_page(request, "outlets/press_detail.html", conference, conference=conference)


@capability_required("outlets.publish")
@require_http_methods(["GET", "POST"])
def press_edit(request, pk):
    conference = access_press_conference(request.user, pk)
    _require_can_edit(request, conference)
    form = PressForm(request.POST or None, user=request.user, initial=_initial(conference, PRESS_FIELDS))
    return _save_page(request, form,
                      lambda: services.do_save_press_conference(request.user, conference, **form.cleaned_data),
                      "已保存修改，台账记录已同步更新。",
                      title=f"修改新闻发布会：{conference.title}", cancel_url=conference.get_absolute_url())


press_delete = _delete_view(access_press_conference, services.do_delete_press_conference,
                            lambda conference: f"已删除“{conference.title}”及其台账记录。", "outlets:press_list")


# --- the expert library -----------------------------------------------------------------------------
@is_business
def expert_list(request):
    form = ExpertSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    experts = Expert.objects.visible_to(request.user).select_related("org_unit")
    if not filters.get("inactive"):
        experts = experts.filter(active=True)
    if filters.get("field"):
        experts = experts.filter(expertise__icontains=filters["field"].strip())
    if filters.get("q"):
        q = filters["q"].strip()
        experts = experts.filter(Q(name__icontains=q) | Q(organisation__icontains=q))
    all_fields = sorted({f for e in Expert.objects.visible_to(request.user).filter(active=True) for f in e.fields})
    return render(request, "outlets/expert_list.html", {
        "search": form, "experts": experts, "all_fields": all_fields, "tab": "experts",
        "chosen_field": filters.get("field", ""), "can_edit": request.user.has_capability("outlets.publish")})


@capability_required("outlets.publish")
@require_http_methods(["GET", "POST"])
@idempotent
def expert_create(request):
    form = ExpertForm(request.POST or None, user=request.user)
    experts = reverse("outlets:expert_list")
    return _save_page(request, form, lambda: services.do_save_expert(request.user, **form.cleaned_data),
                      "已加入专家库。", done_url=experts, title="添加解读专家", cancel_url=experts)


@capability_required("outlets.publish")
@require_http_methods(["GET", "POST"])
def expert_edit(request, pk):
    expert = access_expert(request.user, pk)
    _require_can_edit(request, expert)
    form = ExpertForm(request.POST or None, user=request.user, initial=_initial(expert, EXPERT_FIELDS))
    experts = reverse("outlets:expert_list")
    return _save_page(request, form, lambda: services.do_save_expert(request.user, expert, **form.cleaned_data),
                      f"已保存“{expert.name}”的信息。", done_url=experts,
                      title=f"修改专家信息：{expert.name}", cancel_url=experts)


@capability_required("outlets.publish")
@require_POST
def expert_delete(request, pk):
    expert = access_expert(request.user, pk)
    _require_can_edit(request, expert)
    if services.do_delete_expert(request.user, expert):
        messages.success(request, f"已将“{expert.name}”移出专家库。")
    else:
        messages.info(request, f"“{expert.name}”参与过政策解读，专家库保留其记录，已改为“已出库”。")
    return redirect("outlets:expert_list")


# --- policy interpretation --------------------------------------------------------------------------
@is_business
def interpretation_list(request):
    items = (PolicyInterpretation.objects.visible_to(request.user).select_related("org_unit")
             .prefetch_related("experts"))
    year = timezone.localdate().year
    return render(request, "outlets/interpretation_list.html", {
        "page": Paginator(items, 20).get_page(request.GET.get("page")), "tab": "interpretations", "year": year,
        "this_year": items.filter(published_on__year=year).count(), "can_edit": request.user.has_capability("outlets.publish")})


@capability_required("outlets.publish")
@require_http_methods(["GET", "POST"])
@idempotent
def interpretation_create(request):
    form = InterpretationEntryForm(request.POST or None, user=request.user,
                                   initial={"published_on": timezone.localdate()})
    interpretations = reverse("outlets:interpretation_list")
    return _save_page(request, form, lambda: services.do_save_interpretation(request.user, **form.cleaned_data),
                      "已登记政策解读，并记入工作台账。", done_url=interpretations,
                      title="登记政策解读", cancel_url=interpretations)


@capability_required("outlets.publish")
@require_http_methods(["GET", "POST"])
def interpretation_edit(request, pk):
    item = access_interpretation(request.user, pk)
    _require_can_edit(request, item)
    initial = _initial(item, [f for f in INTERPRETATION_FIELDS if f != "experts"])
    initial["experts"] = list(item.experts.all())
    form = InterpretationEntryForm(request.POST or None, user=request.user, initial=initial,
                                   chosen=initial["experts"])
    interpretations = reverse("outlets:interpretation_list")
    return _save_page(request, form, lambda: services.do_save_interpretation(request.user, item, **form.cleaned_data),
                      "已保存修改，台账记录已同步更新。", done_url=interpretations,
                      title=f"修改政策解读：《{item.policy_title}》", cancel_url=interpretations)


interpretation_delete = _delete_view(access_interpretation, services.do_delete_interpretation,
                                     lambda item: f"已删除《{item.policy_title}》的解读记录及其台账记录。",
                                     "outlets:interpretation_list")


# --- the public's questions -------------------------------------------------------------------------
@is_business
def question_list(request):
    form = QuestionFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    today = timezone.localdate()
    everything = PublicQuestion.objects.visible_to(request.user).select_related("org_unit", "answered_by")
    questions = everything
    status = filters.get("status")
    if status == "overdue":
        questions = questions.filter(status=QuestionStatus.PENDING, due_on__lt=today)
    elif status:
        questions = questions.filter(status=status)
    if filters.get("channel"):
        questions = questions.filter(channel=filters["channel"])
    if filters.get("q"):
        q = filters["q"].strip()
        questions = questions.filter(Q(topic__icontains=q) | Q(question__icontains=q))
    pending = everything.filter(status=QuestionStatus.PENDING)
    counts = {"pending": pending.count(), "overdue": pending.filter(due_on__lt=today).count(),
              "answered": everything.filter(status=QuestionStatus.ANSWERED).count(),
              "published": everything.filter(status=QuestionStatus.PUBLISHED).count()}
    # Unanswered first, the most urgent deadline on top.
    questions = questions.annotate(answered=Case(When(status=QuestionStatus.PENDING, then=Value(0)), default=Value(1),
                                                 output_field=IntegerField())).order_by("answered", "due_on", "-id")
    return render(request, "outlets/question_list.html", {
        "filter_form": form, "page": Paginator(questions, 30).get_page(request.GET.get("page")),
        "counts": counts, "tab": "questions", "can_edit": request.user.has_capability("outlets.publish")})


@capability_required("outlets.publish")
@require_http_methods(["GET", "POST"])
@idempotent
def question_create(request):
    today = timezone.localdate()
    form = QuestionForm(request.POST or None, user=request.user,
                        initial={"received_on": today, "due_on": today + timedelta(days=21)})
    return _save_page(request, form, lambda: services.do_record_question(request.user, **form.cleaned_data),
                      "已登记群众关切，请在答复期限前答复。", title="登记群众关切", cancel_url=reverse("outlets:question_list"))


@is_business
def question_detail(request, pk):
    item = access_public_question(request.user, pk)
    return _record_page(request, "outlets/question_detail.html", item, item=item, overdue=item.is_overdue())


@capability_required("outlets.publish")
@require_http_methods(["GET", "POST"])
def question_answer(request, pk):
    item = access_public_question(request.user, pk)
    _require_can_edit(request, item)
    initial = {"answered_on": item.answered_on or timezone.localdate(), "answer": item.answer,
               "publish": item.status == QuestionStatus.PUBLISHED}
    form = AnswerForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = form_outcome(request, form,
                             lambda: services.do_answer_question(request.user, item, **form.cleaned_data),
                             "已答复，并记入工作台账。", aliases=ALIASES)
        if saved:
            return redirect(item.get_absolute_url())
    return render(request, "outlets/question_answer.html", {"item": item, "form": form,
                                                            "overdue": item.is_overdue()})


question_delete = _delete_view(access_public_question, services.do_delete_question,
                               lambda item: f"已删除群众关切“{item.topic}”。", "outlets:question_list")
