"""Organisation management pages (系统管理员)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ..actions.orgs import do_create_org_unit, do_deactivate_org_unit, do_reactivate_org_unit, do_update_org_unit
from ..forms.orgs import OrgUnitForm
from ..models import OrgUnit, User
from ..organ_setup import last_setup
from ..outcomes import form_outcome
from ..permissions import is_sysadmin


def _unit_or_404(request, pk) -> OrgUnit:
    return get_object_or_404(OrgUnit.objects.visible_to(request.user), pk=pk)


def _active_members_in_subtree(user, units) -> dict[int, int]:
    """Active accounts at or below each unit, counted once per account by walking its unit's path."""
    totals = {unit.pk: 0 for unit in units}
    per_unit = (User.objects.visible_to(user).filter(is_active=True, org_unit__isnull=False).order_by()
                .values_list("org_unit__path").annotate(n=Count("pk")))
    for path, n in per_unit:
        for ancestor_id in (int(p) for p in path.split(".") if p):
            if ancestor_id in totals:
                totals[ancestor_id] += n
    return totals


@is_sysadmin
def org_list(request):
    show_inactive = request.GET.get("show") == "all"
    qs = OrgUnit.objects.visible_to(request.user)
    if not show_inactive:
        qs = qs.filter(is_active=True)
    units = qs.in_tree_order()
    totals = _active_members_in_subtree(request.user, units)
    for unit in units:
        unit.member_total = totals[unit.pk]
    return render(request, "core/org_list.html", {"units": units, "show_inactive": show_inactive})


def _org_form_page(request, form, unit=None):
    return render(request, "core/org_form.html", {"form": form, "unit": unit,
                                                  "title": f"编辑单位：{unit.name}" if unit else "新建单位"})


@is_sysadmin
def org_create(request):
    form = OrgUnitForm(request.POST or None, initial={"parent": request.GET.get("parent")})
    if request.method == "POST" and form.is_valid():
        saved = form_outcome(request, form, lambda: do_create_org_unit(request.user, **form.cleaned_data),
                             lambda unit: f"单位“{unit.name}”已创建。" + _setup_note(unit))
        if saved:
            return redirect("core:org_list")
    return _org_form_page(request, form)


def _setup_note(unit: OrgUnit) -> str:
    """What a new organ was given on creation, for the 系统管理员's confirmation."""
    event = last_setup(unit) if unit.is_organ else None
    if event is None:
        return ""
    return "已完成初始配置：" + "；".join(f"{label}：{text}" for label, text in (event.new or {}).items()) + "。"


@is_sysadmin
def org_edit(request, pk):
    unit = _unit_or_404(request, pk)
    form = OrgUnitForm(request.POST or None, instance=unit)
    if request.method == "POST" and form.is_valid():
        saved = form_outcome(request, form, lambda: do_update_org_unit(request.user, unit, **form.cleaned_data),
                             lambda unit: f"单位“{unit.name}”已保存。")
        if saved:
            return redirect("core:org_list")
    return _org_form_page(request, form, _unit_or_404(request, unit.pk))  # unmodified by the form


@is_sysadmin
@require_POST
def org_set_active(request, pk, active: bool):
    unit = _unit_or_404(request, pk)
    try:
        unit = (do_reactivate_org_unit if active else do_deactivate_org_unit)(request.user, unit)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, f"单位“{unit.name}”已{'启用' if active else '停用'}。")
    return redirect(request.POST.get("next") or "core:org_list")
