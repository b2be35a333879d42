"""The proofreader's pages: the online checker (every business user) and the rules (publicity staff edit)."""

from bisect import bisect_right
from collections import Counter

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, Count, Q, Value, When
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.exports.excel import content_disposition
from ideowork.core.outcomes import form_outcome
from ideowork.core.audit import record_read
from ideowork.core.idempotency import idempotent
from ideowork.core.permissions import capability_required, is_business
from ideowork.core.uploads import check_pasted_text

from ..access import access_proof_rule
from ..actions.proofreading import (can_add_rules, do_delete_rule, do_import_rules, do_reset_rule,
                                    do_save_rule, do_toggle_rule, export_rules, require_rule_editor, rule_owner)
from ..choices import RuleCategory, Severity
from ..forms.proofreading import ProofreadForm, RuleFilterForm, RuleForm, RuleImportForm
from ..models import ProofRule
from ..proofreading import extract_text, proofread
from ..proofreading_files import COLUMNS, template_file
from ..proofreading_html import render_highlighted

PAGE_SIZE = 50
CONTEXT_CHARS = 12
TABLE_ROWS = 500  # beyond this the table is cut (the text still marks every finding)
CATEGORY_LABELS = dict(RuleCategory.choices)
SEVERITY_LABELS = dict(Severity.choices)
# The list shows the political formulations first, in the order of ``RuleCategory``.
CATEGORY_ORDER = Case(*(When(category=value, then=Value(i)) for i, value in enumerate(RuleCategory.values)),
                      default=Value(len(RuleCategory.values)))


# --- the checker -------------------------------------------------------------------------------
@is_business
@require_http_methods(["GET", "POST"])
def proofread_page(request):
    form = ProofreadForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid() and (got := _text_to_check(form)):
        text, source = got
        findings = proofread(text, unit=request.user.org_unit, date=form.cleaned_data["date"])
        context.update(_result_context(text, findings), source=source,
                       rule_count=ProofRule.objects.visible_to(request.user)
                       .applying_to(request.user.org_unit).filter(enabled=True).count())
        if form.cleaned_data["file"]:  # show the extracted text in the box: a re-check needs no new upload
            form.data = form.data.copy()
            form.data["text"] = text
        form.fields["text"].widget.attrs["rows"] = 8
    return render(request, "outlets/proofreading/checker.html", context)


def _text_to_check(form) -> tuple[str, str] | None:
    """(text, where it came from), or None with the reason added to the form."""
    upload = form.cleaned_data["file"]
    text, source = form.cleaned_data["text"] or "", "粘贴的文字"
    if upload:
        try:
            text, source = extract_text(upload), f"文件“{upload.name}”"
        except ValidationError as exc:
            form.add_error("file", exc)
            return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # browsers send a textarea's lines as CRLF
    try:
        check_pasted_text(text)
    except ValidationError as exc:
        form.add_error("file" if upload else "text", exc)
        return None
    if not text.strip():
        form.add_error("file" if upload else "text", "没有可以校对的文字。")
        return None
    return text, source


def _result_context(text: str, findings: list) -> dict:
    line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    rows = []
    for index, f in enumerate(findings[:TABLE_ROWS]):
        line = bisect_right(line_starts, f.start)
        rows.append({
            "index": index, "finding": f, "line": line, "column": f.start - line_starts[line - 1] + 1,
            "before": text[max(f.start - CONTEXT_CHARS, line_starts[line - 1]):f.start].lstrip(),
            "after": text[f.end:f.end + CONTEXT_CHARS].split("\n", 1)[0],
            "category": CATEGORY_LABELS.get(f.category, f.category),
            "severity": SEVERITY_LABELS.get(f.severity, f.severity),
        })
    by_category = Counter(f.category for f in findings)
    by_severity = Counter(f.severity for f in findings)
    return {
        "checked": True, "text_length": len(text), "rows": rows, "total": len(findings),
        "cut": max(len(findings) - TABLE_ROWS, 0), "highlighted": render_highlighted(text, findings),
        "by_category": [(label, by_category[value]) for value, label in RuleCategory.choices if by_category[value]],
        "errors": by_severity.get(Severity.ERROR, 0), "warnings": by_severity.get(Severity.WARNING, 0),
    }


# --- the rules ---------------------------------------------------------------------------------
@is_business
def rule_list(request):
    owner = rule_owner(request.user)
    visible = ProofRule.objects.visible_to(request.user)
    filters = RuleFilterForm(request.GET)
    qs = filters.filter(visible, owner=owner).select_related("org_unit", "updated_by").order_by(
        CATEGORY_ORDER, "pattern", "pk")
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    editable = set(visible.visible_to(request.user, "change").filter(pk__in=[rule.pk for rule in page])
                   .values_list("pk", flat=True))
    for rule in page:
        rule.editable = rule.pk in editable
        rule.exception_list = rule.exceptions.splitlines()
    counts = dict(visible.filter(enabled=True).order_by().values_list("category").annotate(n=Count("pk")))
    totals = visible.order_by().aggregate(all=Count("pk"), own=Count("pk", filter=Q(org_unit=owner)),
                                          off=Count("pk", filter=Q(enabled=False)))
    return render(request, "outlets/proofreading/rule_list.html", {
        "filters": filters, "page": page, "owner": owner, "totals": totals,
        "categories": [(value, label, counts.get(value, 0)) for value, label in RuleCategory.choices
                       if counts.get(value)],
        "enabled_total": sum(counts.values()), "can_add": can_add_rules(request.user),
        "can_edit_shipped": can_add_rules(request.user) and owner.depth == 0,
        "current_category": filters.data.get("category", ""), "here": request.get_full_path(),
    })


def _back(request):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("outlets:rule_list")


def _editable_rule(request, pk) -> ProofRule:
    rule = access_proof_rule(request.user, pk)
    require_rule_editor(request.user, rule)
    return rule


def _save(request, rule=None):
    form = RuleForm(request.POST or None, rule=rule)
    if request.method == "POST" and form.is_valid():
        if form_outcome(request, form, lambda: do_save_rule(request.user, rule, **form.service_data()),
                        lambda saved: f"规则“{saved.pattern}”已{'保存' if rule else '添加'}。"):
            return redirect(_back(request))
    return render(request, "outlets/proofreading/rule_form.html", {
        "form": form, "rule": rule, "title": "修改校对规则" if rule else "新增校对规则", "next": _back(request),
        "owner": rule_owner(request.user),
    })


@capability_required("outlets.publish")
@require_http_methods(["GET", "POST"])
@idempotent
def rule_create(request):
    return _save(request)


@capability_required("outlets.publish")
@require_http_methods(["GET", "POST"])
def rule_edit(request, pk):
    return _save(request, _editable_rule(request, pk))


def _act_on_rule(request, pk, act, done):
    """A one-click change of a rule: ``act(user, rule)`` then ``done(rule)``'s message, or the refusal."""
    rule = _editable_rule(request, pk)
    try:
        rule = act(request.user, rule)
    except ValidationError as exc:
        messages.error(request, "".join(exc.messages))
    else:
        messages.success(request, done(rule))
    return redirect(_back(request))


@capability_required("outlets.publish")
@require_POST
def rule_toggle(request, pk):
    return _act_on_rule(request, pk, do_toggle_rule,
                        lambda rule: f"规则“{rule.pattern}”已{'启用' if rule.enabled else '停用'}。")


@capability_required("outlets.publish")
@require_POST
def rule_delete(request, pk):
    rule = _editable_rule(request, pk)
    outcome = do_delete_rule(request.user, rule)
    messages.success(request, f"规则“{rule.pattern}”已删除。" if outcome == "deleted"
                     else f"内置规则“{rule.pattern}”不能删除，已停用。")
    return redirect(_back(request))


@capability_required("outlets.publish")
@require_POST
def rule_reset(request, pk):
    return _act_on_rule(request, pk, do_reset_rule, lambda rule: f"规则“{rule.pattern}”已恢复为系统提供的版本。")


@capability_required("outlets.publish")
@require_http_methods(["GET", "POST"])
def rule_import(request):
    form = RuleImportForm(request.POST or None, request.FILES or None)
    context = {"form": form, "columns": [title for _, title, _ in COLUMNS], "owner": rule_owner(request.user)}
    if request.method == "POST" and form.is_valid():
        try:
            result = do_import_rules(request.user, form.cleaned_data["file"])
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            if not result.ok:
                context["result"] = result
            else:
                messages.success(request, f"已从“{result.filename}”导入{len(result.created)}条规则。")
                return redirect(f"{reverse('outlets:rule_list')}?source=own")
    return render(request, "outlets/proofreading/rule_import.html", context)


@is_business
def rule_export(request):
    fmt = "xlsx" if request.GET.get("format") == "xlsx" else "tsv"
    filename, content, content_type = export_rules(request.user, fmt=fmt, include_shipped=bool(request.GET.get("all")))
    record_read(request, "outlets.proof_rule.export", subject_repr=filename)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename)
    return response


@capability_required("outlets.publish")
def rule_template(request):
    fmt = "tsv" if request.GET.get("format") == "tsv" else "xlsx"
    filename, content, content_type = template_file(fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename)
    return response
