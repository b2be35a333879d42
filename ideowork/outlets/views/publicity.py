"""External publicity: the year's placements with the 市级以上 figure, recording and editing them,
and the outward materials and interview requests awaiting the leader's approval."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.exports.excel import excel_response
from ideowork.core.forms.errors import add_service_errors
from ideowork.core.audit import record_read
from ideowork.core.idempotency import idempotent
from ideowork.core.permissions import capability_required, is_business
from ideowork.ledger.templatetags.ledger_links import visible_activity_ids

from ..access import access_placement
from ..actions import publicity as services
from ..choices import ContentKind
from ..forms.publicity import PlacementFilterForm, PlacementForm
from ..models import ContentItem, ExternalPlacement

ALIASES = {"date": "published_on", "targets": None}
FORM_FIELDS = ["org_unit", "title", "medium", "level", "column", "published_on", "link", "authors", "author_names",
               "content", "note"]


def _filtered(request):
    form = PlacementFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    year = filters.get("year") or timezone.localdate().year
    placements = (ExternalPlacement.objects.visible_to(request.user).filter(published_on__year=year)
                  .select_related("org_unit", "activity").prefetch_related("authors", "activity__targets"))
    year_placements = placements
    if filters.get("level"):
        placements = placements.filter(level=filters["level"])
    if filters.get("q"):
        q = filters["q"].strip()
        placements = placements.filter(Q(title__icontains=q) | Q(medium__icontains=q) | Q(author_names__icontains=q)
                                       | Q(authors__display_name__icontains=q)).distinct()
    return form, year, year_placements, placements


@is_business
def placement_list(request):
    form, year, year_placements, placements = _filtered(request)
    kpi = services.media_kpi(request.user, year_placements, year=year)
    approvals = (ContentItem.objects.visible_to(request.user)
                 .filter(kind__in=[ContentKind.EXTERNAL, ContentKind.INTERVIEW]).select_related("author")[:20])
    page = Paginator(placements, 30).get_page(request.GET.get("page"))
    return render(request, "outlets/placement_list.html", {
        "filter_form": form, "year": year, "kpi": kpi, "page": page, "approvals": approvals,
        "can_record": request.user.has_capability("outlets.publish"),
        "visible_activity_ids": visible_activity_ids(request.user, [p.activity_id for p in page]),
    })


@is_business
def placement_export(request):
    _form, year, _all, placements = _filtered(request)
    record_read(request, "outlets.placement.export", subject_repr="对外宣传刊发")
    rows = ([p.published_on, p.title, p.medium, p.get_level_display(), p.column, p.byline, p.org_unit.display_name,
             p.link, "是" if p.activity_id and p.activity.targets.all() else "否"] for p in placements)
    return excel_response("对外宣传刊发", ["刊发日期", "稿件标题", "媒体名称", "媒体级别", "栏目/版面", "作者",
                                    "单位", "链接", "计入指标"], rows,
                          widths=[12, 40, 20, 10, 16, 20, 16, 40, 10], title=f"{year}年对外宣传刊发台账",
                          filename=f"{year}年对外宣传刊发台账.xlsx")


def _save(request, form, placement=None):
    data = {name: form.cleaned_data[name] for name in FORM_FIELDS}
    data["clipping"] = form.cleaned_data.get("clipping")
    try:
        if placement is None:
            return services.do_record_placement(request.user, **data)
        return services.do_update_placement(request.user, placement, **data)
    except ValidationError as error:
        add_service_errors(form, error, aliases=ALIASES)
        return None


@capability_required("outlets.publish")
@require_http_methods(["GET", "POST"])
@idempotent
def placement_create(request):
    form = PlacementForm(request.POST or None, request.FILES or None, user=request.user,
                         initial={"published_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        placement = _save(request, form)
        if placement is not None:
            counted = placement.activity.targets.exists()
            messages.success(request, "已登记对外宣传稿件" + ("，并计入工作要点指标。" if counted else "。"))
            return redirect(placement.get_absolute_url())
    return render(request, "outlets/placement_form.html", {"form": form, "placement": None})


def _placement(request, pk):
    return access_placement(request.user, pk)


@is_business
def placement_detail(request, pk):
    placement = _placement(request, pk)
    activity = placement.activity
    return render(request, "outlets/placement_detail.html", {
        "placement": placement,
        "evidence": list(activity.evidence.select_related("attachment")) if activity else [],
        "targets": list(activity.targets.all()) if activity else [],
        "can_edit": services.can_manage_publicity(request.user, placement.org_unit),
    })


@capability_required("outlets.publish")
@require_http_methods(["GET", "POST"])
def placement_edit(request, pk):
    placement = _placement(request, pk)
    if not services.can_manage_publicity(request.user, placement.org_unit):
        messages.error(request, "您无权修改该对外宣传记录。")
        return redirect(placement.get_absolute_url())
    initial = {name: getattr(placement, name) for name in FORM_FIELDS if name != "authors"}
    initial["authors"] = list(placement.authors.all())
    form = PlacementForm(request.POST or None, request.FILES or None, user=request.user, placement=placement,
                         initial=initial)
    if request.method == "POST" and form.is_valid():
        if _save(request, form, placement) is not None:
            messages.success(request, "已保存修改，台账记录已同步更新。")
            return redirect(placement.get_absolute_url())
    return render(request, "outlets/placement_form.html", {"form": form, "placement": placement})


@capability_required("outlets.publish")
@require_POST
def placement_delete(request, pk):
    placement = _placement(request, pk)
    services.do_delete_placement(request.user, placement)
    messages.success(request, f"已删除“{placement.title}”及其台账记录。")
    return redirect("outlets:placement_list")
