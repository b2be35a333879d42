"""The monitoring schemes' pages (监测方案): the list, the form with its live test, the scheme page with
what it matched and its back-run, and the one-click changes. Views are thin: the services in
``actions/schemes.py`` write, ``trial.py`` runs the live test."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.forms.errors import add_service_errors
from ideowork.core.idempotency import idempotent
from ideowork.core.permissions import capability_required

from ..access import access_scheme
from ..actions.schemes import (BACKRUN_DAYS, can_create_schemes, do_backrun_scheme, do_create_scheme,
                               do_delete_scheme, do_set_scheme_active, do_update_scheme, scheme_url)
from ..forms.schemes import GROUP_HELP, BackrunForm, SchemeForm
from ..matching import ExpressionError, render as render_expression
from ..models import ItemMatch, Scheme
from ..models.schemes import WORD_GROUPS
from ..trial import TRIAL_ITEMS, run_trial

MONITOR = "opinion.monitor"
PAGE_SIZE = 30
TRIAL_FIELDS = (*(field for _, field, _ in WORD_GROUPS), "expression")


@capability_required(MONITOR)
def scheme_list(request):
    schemes = (Scheme.objects.visible_to(request.user).select_related("org_unit")
               .annotate(match_count=Count("matches")))
    editable = set(Scheme.objects.visible_to(request.user, "change").values_list("pk", flat=True))
    for scheme in schemes:
        scheme.editable = scheme.pk in editable
    return render(request, "opinion/scheme_list.html", {
        "schemes": schemes, "can_create": can_create_schemes(request.user), "unit": request.user.scope_root})


def _trial_context(request) -> dict:
    """The live test of the form as posted (nothing saved)."""
    fields = {name: request.POST.get(name, "") for name in TRIAL_FIELDS}
    try:
        explain = int(request.POST.get("explain") or 0) or None
    except ValueError:
        explain = None
    return {"trial": run_trial(request.user, fields, explain), "trial_items": TRIAL_ITEMS}


def _form_page(request, scheme: Scheme | None):
    trial = request.method == "POST" and (request.POST.get("do") == "trial" or "explain" in request.POST)
    # 试运行 shows the words as typed without judging the other fields: an unbound form holding them.
    form = SchemeForm(initial=request.POST.dict()) if trial else SchemeForm(request.POST or None, scheme=scheme)
    context = {"form": form, "scheme": scheme, "trial_items": TRIAL_ITEMS, "group_help": GROUP_HELP,
               "title": f"修改监测方案：{scheme.name}" if scheme else "新建监测方案"}
    if trial:
        context.update(_trial_context(request))
    elif request.method == "POST" and form.is_valid():
        try:
            if scheme is None:
                saved = do_create_scheme(request.user, org_unit=request.user.scope_root, **form.service_data())
            else:
                saved = do_update_scheme(request.user, scheme, **form.service_data())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"监测方案“{saved.name}”已{'保存' if scheme else '创建'}，"
                                      f"{'已启用，' if saved.active else ''}对新接收的信息立即生效。")
            return redirect(scheme_url(saved))
    if request.method == "POST" and not trial:  # not saved: the live test shows where the words fail
        context.update(_trial_context(request))
    return render(request, "opinion/scheme_form.html", context)


@capability_required(MONITOR)
@require_http_methods(["GET", "POST"])
@idempotent
def scheme_create(request):
    if not can_create_schemes(request.user):
        messages.error(request, "您所在单位不能制定监测方案。")
        return redirect("opinion:scheme_list")
    return _form_page(request, None)


@capability_required(MONITOR)
@require_http_methods(["GET", "POST"])
def scheme_edit(request, pk):
    return _form_page(request, access_scheme(request.user, pk, "change"))


@capability_required(MONITOR)
@require_POST
def scheme_trial(request):
    """The live test's result alone, for the form's script (the page without scripts posts the form
    to itself with 试运行 and gets the same block in the page)."""
    return render(request, "opinion/scheme_trial.html", _trial_context(request))


@capability_required(MONITOR)
def scheme_detail(request, pk):
    scheme = access_scheme(request.user, pk)
    matches = (ItemMatch.objects.visible_to(request.user).filter(scheme=scheme)
               .select_related("item", "item__source").order_by("-arrived_at", "-id"))
    page = Paginator(matches, PAGE_SIZE).get_page(request.GET.get("page"))
    try:
        compiled = render_expression(scheme.as_expression())
    except ExpressionError as exc:
        compiled, problem = "", exc.message
    else:
        problem = ""
    editable = Scheme.objects.visible_to(request.user, "change").filter(pk=scheme.pk).exists()
    return render(request, "opinion/scheme_detail.html", {
        "scheme": scheme, "page": page, "compiled": compiled, "problem": problem, "editable": editable,
        "backrun_form": BackrunForm(), "backrun_days": BACKRUN_DAYS,
        "groups": [(label, [w for w in getattr(scheme, field).splitlines() if w.strip()])
                   for _, field, label in WORD_GROUPS],
    })


@capability_required(MONITOR)
@require_POST
def scheme_toggle(request, pk):
    scheme = access_scheme(request.user, pk, "change")
    try:
        scheme = do_set_scheme_active(request.user, scheme, not scheme.active)
    except ValidationError as exc:
        messages.error(request, "方案不能启用：" + "".join(exc.messages))
    else:
        messages.success(request, f"监测方案“{scheme.name}”已{'启用' if scheme.active else '停用'}。")
    return redirect(scheme_url(scheme))


@capability_required(MONITOR)
@require_http_methods(["GET", "POST"])
def scheme_delete(request, pk):
    scheme = access_scheme(request.user, pk, "change")
    if request.method == "POST":
        do_delete_scheme(request.user, scheme)
        messages.success(request, f"监测方案“{scheme.name}”已删除。")
        return redirect("opinion:scheme_list")
    return render(request, "opinion/scheme_delete.html", {"scheme": scheme, "match_count": scheme.matches.count()})


@capability_required(MONITOR)
@require_POST
def scheme_backrun(request, pk):
    scheme = access_scheme(request.user, pk, "change")
    form = BackrunForm(request.POST)
    if not form.is_valid():
        messages.error(request, "回溯日期有误：" + "；".join(e for errors in form.errors.values() for e in errors))
        return redirect(scheme_url(scheme))
    try:
        start, end = do_backrun_scheme(request.user, scheme, start=form.cleaned_data["start"],
                                       end=form.cleaned_data["end"])
    except ValidationError as exc:
        messages.error(request, "回溯日期有误：" + "".join(exc.messages))
    else:
        messages.success(request, f"已开始回溯{start:%Y年%m月%d日}至{end:%Y年%m月%d日}接收的信息，"
                                  f"完成后将在通知中心告诉您。")
    return redirect(f"{scheme_url(scheme)}#matches")
