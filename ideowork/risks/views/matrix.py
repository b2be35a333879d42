"""The organ's risk matrix: seen by its managers, edited by those holding ``risks.manage``."""

from django.core.exceptions import ValidationError
from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ideowork.core.forms.errors import add_service_errors

from ..actions import do_save_matrix
from ..actions.matrix import can_edit_matrix, current_matrix, organ_of
from ..forms import MatrixForm
from .register import manager_required


def _initial(matrix) -> dict:
    rows, cols = matrix.size
    initial = {"likelihood": "\n".join(matrix.likelihood_labels), "impact": "\n".join(matrix.impact_labels),
               "levels": "\n".join(f"{level['name']} {level['colour']}" for level in matrix.levels)}
    for l in range(1, rows + 1):
        for i in range(1, cols + 1):
            initial[f"cell_{l}_{i}"] = matrix.data["cells"][l - 1][i - 1]
    return initial


@manager_required
@require_http_methods(["GET", "POST"])
def matrix_edit(request):
    organ = organ_of(request.user.scope_root)
    matrix = current_matrix(organ)
    may_edit = can_edit_matrix(request.user, organ)
    form = MatrixForm(request.POST if request.method == "POST" and may_edit else None, matrix=matrix,
                      initial=_initial(matrix))
    if request.method == "POST":
        if not may_edit:
            messages.error(request, "您无权修改本单位的风险矩阵。")
            return redirect("risks:matrix")
        if form.is_valid():
            try:
                do_save_matrix(request.user, organ, form.matrix_data())
            except ValidationError as exc:
                add_service_errors(form, exc, aliases={"cells": None})
            else:
                messages.success(request, "已保存风险矩阵。已登记的风险仍按登记时的矩阵评定等级。")
                return redirect("risks:matrix")
    return render(request, "risks/matrix.html", {"form": form, "matrix": matrix, "organ": organ,
                                                 "may_edit": may_edit})
