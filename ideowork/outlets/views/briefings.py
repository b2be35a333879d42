"""The monthly 工作简报: the year's grid and issues, compiling a new issue, an issue, editing, Word export."""

from datetime import date

from django.db.models import Count

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.actions.reviews import active_stage, latest_review
from ideowork.core.exports.gongwen import docx_response
from ideowork.core.forms.errors import add_service_errors
from ideowork.core.audit import record_read
from ideowork.core.idempotency import idempotent
from ideowork.core.access import can, require_can
from ideowork.core.permissions import capability_required, is_business
from ideowork.core.outcomes import form_outcome, report_outcome

from ..access import access_issue
from ..actions.briefings import (EntryData, briefing_series, compile_body, do_create_issue, do_publish_issue,
                                 do_submit_issue, do_update_issue, entry_from_activity, issue_defaults,
                                 month_activities, next_numbers)
from ..briefing_docx import briefing_document, briefing_filename
from ..choices import ContentStatus
from ..forms.briefings import BriefingCreateForm, EntryFormSet, IssueFieldsForm
from ..models import BriefingIssue

ISSUES = BriefingIssue.objects.select_related("series__org_unit", "content", "created_by")


def _month_grid(issues, year: int, today: date) -> list[dict]:
    """Twelve cells: the issues of each month and whether the month's briefing went out."""
    cells = []
    for month in range(1, 13):
        mine = [i for i in issues if i.month == month]
        issued = [i for i in mine if i.content.status == ContentStatus.PUBLISHED]
        future = (year, month) > (today.year, today.month)
        current = (year, month) == (today.year, today.month)
        if issued:
            state, label = "done", "已印发"
        elif mine and not future:
            state, label = ("ontrack", "编审中") if current else ("behind", "编审中，逾期未印发")
        elif future:
            state, label = "future", "未到"
        elif current:
            state, label = "none", "本月待编发"
        else:
            state, label = "overdue", "缺期"
        cells.append({"month": month, "issues": mine, "issued": issued, "state": state, "label": label,
                      "current": current, "future": future})
    return cells


@is_business
def briefing_list(request):
    user, today = request.user, timezone.localdate()
    series_list = list(briefing_series(user))
    series = next((s for s in series_list if str(s.pk) == request.GET.get("series")),
                  series_list[0] if series_list else None)
    try:
        year = int(request.GET.get("year", today.year))
    except ValueError:
        year = today.year
    issues = (list(ISSUES.visible_to(user).filter(series=series, year=year).annotate(entry_count=Count("entries"))
                   .order_by("number")) if series else [])
    cells = _month_grid(issues, year, today)
    due = [c for c in cells if not c["future"] and not (c["current"] and not c["issued"])]
    return render(request, "outlets/briefing_list.html", {
        "series_list": series_list, "series": series, "year": year, "cells": cells, "issues": issues,
        "years": range(today.year - 3, today.year + 1), "issued_months": sum(1 for c in cells if c["issued"]),
        "months_so_far": sum(1 for c in cells if not c["future"]),
        "missing_months": sum(1 for c in due if not c["issued"]),
        "can_manage": series is not None and can(user, "compile", series),
    })


def _chosen(request, series_qs):
    """The series and month the create page works on (from the query, or the posted form)."""
    data = request.POST if request.method == "POST" else request.GET
    series = next((s for s in series_qs if str(s.pk) == data.get("series")), series_qs[0] if series_qs else None)
    today = timezone.localdate()
    try:
        year, month = (int(part) for part in data.get("month", "").split("-"))
        month = date(year, month, 1)
    except ValueError:
        month = date(today.year, today.month, 1)
    return series, month


@capability_required("outlets.publish")
@require_http_methods(["GET", "POST"])
@idempotent
def briefing_create(request):
    user = request.user
    series_qs = list(briefing_series(user, "compile"))
    if not series_qs:
        raise PermissionDenied("您所在机关还没有登记工作简报，或您无权编辑工作简报。请先在宣传阵地中登记。")
    series, month = _chosen(request, series_qs)
    activities = month_activities(user, series, month.year, month.month)
    ids = [s.pk for s in series_qs]
    kwargs = {"series_qs": briefing_series(user).filter(pk__in=ids), "activities_qs": activities}
    preview = None
    if request.method == "POST":
        form = BriefingCreateForm(request.POST, **kwargs)
        if form.is_valid():
            data = form.cleaned_data
            if request.POST.get("action") == "preview":
                preview = _preview(data["series"], data["month"], data["activities"], form)
            else:
                try:
                    issue = do_create_issue(user, data["series"], month=data["month"],
                                            activities=data["activities"], notes=form.notes(),
                                            first_serial=data["first_serial"], **form.issue_fields())
                except ValidationError as exc:
                    add_service_errors(form, exc, aliases={"entries": "activities"})
                else:
                    messages.success(request, f"已生成{issue.series.name}{issue.year}年{issue.number_label}，请核对后提交审核。")
                    return redirect("outlets:briefing_detail", pk=issue.pk)
    else:
        form = BriefingCreateForm(initial={**issue_defaults(user, series), "series": series, "month": month},
                                  **kwargs)
    number, serial = next_numbers(series, month.year)
    return render(request, "outlets/briefing_create.html", {
        "form": form, "series": series, "month": month, "activities": activities, "preview": preview,
        "number": number, "serial": serial, "first_issue": serial == 1, "series_list": series_qs,
    })


def _preview(series, month, activities, form) -> dict:
    number, serial = next_numbers(series, month.year, form.cleaned_data["first_serial"])
    issue = BriefingIssue(series=series, year=month.year, month=month.month, number=number, serial=serial,
                          **form.issue_fields())
    entries = [*map(entry_from_activity, sorted(activities, key=lambda a: (a.date, a.pk))),
               *(EntryData(h.strip(), t.strip()) for h, t in form.notes() if h.strip() or t.strip())]
    return {"issue": issue, "entries": entries, "body": compile_body(issue, entries)}


@is_business
def briefing_detail(request, pk):
    issue = access_issue(request.user, pk)
    review = latest_review(issue.content)
    can_manage = can(request.user, "change", issue)
    status = issue.content.status
    return render(request, "outlets/briefing_detail.html", {
        "issue": issue, "entries": issue.entries.select_related("activity"), "review": review,
        "stage": active_stage(review) if review is not None else None,
        "can_edit": can_manage and status not in (ContentStatus.IN_REVIEW, ContentStatus.PUBLISHED),
        "can_submit": can_manage and status in (ContentStatus.DRAFT, ContentStatus.RETURNED),
        "can_publish": can_manage and status == ContentStatus.APPROVED,
    })


@capability_required("outlets.publish")
@require_http_methods(["GET", "POST"])
def briefing_edit(request, pk):
    issue = access_issue(request.user, pk)
    require_can(request.user, "change", issue, "您无权修改该简报。")
    existing = {e.pk: e for e in issue.entries.select_related("activity")}
    if request.method == "POST":
        form = IssueFieldsForm(request.POST, instance=BriefingIssue(pk=issue.pk))
        entries = EntryFormSet(request.POST, prefix="entries")
        if form.is_valid() and entries.is_valid():
            rows = sorted((f.cleaned_data for f in entries.forms if f.cleaned_data and not f.cleaned_data["DELETE"]),
                          key=lambda d: d["order"] if d["order"] is not None else 999)
            data = [EntryData(d["heading"], d["text"], getattr(existing.get(d["entry"]), "activity", None))
                    for d in rows]
            fields = {k: form.cleaned_data[k] for k in IssueFieldsForm.Meta.fields}
            saved = form_outcome(request, form,
                                 lambda: do_update_issue(request.user, issue, entries=data,
                                                         note=request.POST.get("note", ""), **fields),
                                 "已保存修改，并生成新的稿件版本。")
            if saved:
                return redirect("outlets:briefing_detail", pk=issue.pk)
    else:
        form = IssueFieldsForm(instance=issue)
        entries = EntryFormSet(prefix="entries", initial=[
            {"entry": e.pk, "order": n, "heading": e.heading, "text": e.text}
            for n, e in enumerate(existing.values(), 1)])
    return render(request, "outlets/briefing_edit.html", {"issue": issue, "form": form, "entries": entries})


@capability_required("outlets.publish")
@require_POST
def briefing_submit(request, pk):
    issue = access_issue(request.user, pk)
    report_outcome(request, lambda: do_submit_issue(request.user, issue), "已提交审核（三审三校），审核人将收到通知。")
    return redirect("outlets:briefing_detail", pk=issue.pk)


@capability_required("outlets.publish")
@require_POST
def briefing_publish(request, pk):
    issue = access_issue(request.user, pk)
    report_outcome(request, lambda: do_publish_issue(request.user, issue), lambda: f"{issue}已印发，已计入工作台账（每月编发工作简报）。")
    return redirect("outlets:briefing_detail", pk=issue.pk)


@is_business
def briefing_docx(request, pk):
    issue = access_issue(request.user, pk)
    record_read(request, "outlets.briefing.download", issue)
    return docx_response(briefing_document(issue), briefing_filename(issue))
