"""The register's pages: the filtered list, its Excel export, the heat map and the as-of view."""

from datetime import date

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from ideowork.core.audit import record_read
from ideowork.core.models import OrgUnit
from ideowork.core.permissions import role_required

from ..actions.matrix import current_matrix, organ_of
from ..exports import register_response
from ..forms import AsOfForm, RegisterFilterForm
from ..register import PAGE_SIZE, as_of_page, filtered_register, heat_counts, quarter_ends

manager_required = role_required(lambda u: u.is_manager, "风险防控是机关工作人员的工作，您的账号不能查看风险台账。")


def _own_organ(user) -> OrgUnit:
    return organ_of(user.scope_root)


def _filtered(request):
    matrix = current_matrix(_own_organ(request.user))
    form = RegisterFilterForm(request.GET or None, user=request.user, levels=matrix.levels)
    data = form.cleaned_data if form.is_valid() else {}
    organ_id = request.GET.get("organ")
    if organ_id and organ_id.isdigit():
        data = {**data, "organ": _organ_for(request.user, int(organ_id))}
    today = timezone.localdate()
    return form, matrix, data, filtered_register(request.user, data, today), today


def _organ_for(user, pk: int) -> OrgUnit | None:
    """An organ in the user's subtree (their own, or a county bureau under it); None otherwise."""
    root = user.scope_root
    return OrgUnit.objects.visible_to(user).filter(pk=pk, path__startswith=root.path, kind__in=("organ", "county")).first()


@manager_required
def register(request):
    form, matrix, data, risks, today = _filtered(request)
    page = Paginator(risks, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "risks/register.html", {
        "filter_form": form, "page": page, "today": today, "filter_organ": data.get("organ"),
        "can_create": request.user.has_capability("risks.manage"), "matrix": matrix,
    })


@manager_required
def register_export(request):
    _form, _matrix, _data, risks, today = _filtered(request)
    record_read(request, "risks.register.export", subject_repr="风险隐患台账")
    return register_response(risks, today)


@manager_required
def heatmap(request):
    own = _own_organ(request.user)
    organ_id = request.GET.get("organ")
    organ = (_organ_for(request.user, int(organ_id)) if organ_id and organ_id.isdigit() else None) or own
    matrix = current_matrix(organ)
    counts = heat_counts(request.user, organ)
    rows, cols = matrix.size
    grid = [{"label": matrix.likelihood_labels[l - 1], "likelihood": l,
             "cells": [{"impact": i, "count": counts.get((l, i), 0), "level": matrix.level(matrix.data["cells"][l - 1][i - 1])}
                       for i in range(1, cols + 1)]} for l in range(rows, 0, -1)]
    outside = sum(n for (l, i), n in counts.items() if not (1 <= l <= rows and 1 <= i <= cols))
    organs = [own, *OrgUnit.objects.visible_to(request.user).filter(parent__path__startswith=own.path, kind="county", is_active=True)
              .order_by("path")]
    return render(request, "risks/heatmap.html", {
        "organ": organ, "organs": organs, "matrix": matrix, "grid": grid, "impact_labels": matrix.impact_labels,
        "total": sum(counts.values()), "outside": outside,
    })


@manager_required
def as_of(request):
    today = timezone.localdate()
    ends = quarter_ends(today)
    form = AsOfForm(request.GET or None, user=request.user, quarter_ends=ends,
                    levels=current_matrix(_own_organ(request.user)).levels)
    data = form.cleaned_data if form.is_valid() else {}
    day = date.fromisoformat(data["at"]) if data.get("at") else ends[0]
    result = as_of_page(request.user, day, request.GET.get("page"), unit=data.get("unit"), level=data.get("level"),
                        status=data.get("status") or "")
    return render(request, "risks/asof.html", {"form": form, "day": day, "page": result.page, "rows": result.rows,
                                                "offset": result.page.start_index()})
