"""The outlet register (阵地管理台账): the list, an outlet's page, its updates, inspections and flags.

Every business user in scope reads; the publicity staff of the outlet's organ write.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.access import can
from ideowork.core.forms.errors import add_service_errors
from ideowork.core.idempotency import idempotent
from ideowork.core.models import OrgUnit
from ideowork.core.audit import record_read
from ideowork.core.permissions import capability_required, is_business
from ideowork.core.outcomes import form_outcome, report_outcome
from ideowork.ledger.models import Activity

from ..access import access_inspection, access_outlet
from ..actions import outlet_inspections as inspections
from ..actions import outlets as services
from ..choices import ContentStatus, OutletKind, OutletStatus
from ..exports import outlet_register_response
from ..forms.outlets import CloseForm, FlagForm, InspectionForm, OutletForm, OutletUpdateForm, RectifyForm
from ..models import ContentItem, Outlet, OutletInspection
from ..upkeep import days_overdue, register_counts

PAGE_SIZE = 50
HISTORY_SIZE = 40


def _filtered(request, today):
    """The outlets the user sees, filtered by the query string; also the filter values."""
    qs = Outlet.objects.visible_to(request.user).select_related("org_unit", "responsible")
    f = {k: request.GET.get(k, "") for k in ("kind", "status", "unit", "overdue", "q")}
    if f["kind"] in OutletKind.values:
        qs = qs.filter(kind=f["kind"])
    if f["status"] in OutletStatus.values:
        qs = qs.filter(status=f["status"])
    else:
        qs = qs.exclude(status=OutletStatus.CLOSED)
    if f["unit"].isdigit():
        unit = OrgUnit.objects.visible_to(request.user).filter(pk=f["unit"]).first()
        if unit is not None:
            qs = qs.filter(org_unit__path__startswith=unit.path)
    if f["q"].strip():
        qs = qs.filter(name__icontains=f["q"].strip())
    outlets = list(qs)
    if f["overdue"]:
        outlets = [o for o in outlets if o.is_overdue(today)]
    return outlets, f


def _rows(outlets, today) -> list[dict]:
    return [{"outlet": o, "due": o.next_due(), "overdue": o.is_overdue(today), "late_days": days_overdue(o, today)}
            for o in outlets]


@is_business
def outlet_list(request):
    today = timezone.localdate()
    outlets, f = _filtered(request, today)
    everything = list(Outlet.objects.visible_to(request.user))
    return render(request, "outlets/outlet_list.html", {
        "page": Paginator(_rows(outlets, today), PAGE_SIZE).get_page(request.GET.get("page")),
        "counts": register_counts(everything, today), "f": f, "today": today,
        "kinds": OutletKind.choices, "statuses": OutletStatus.choices,
        "units": OrgUnit.objects.visible_to(request.user).filter(is_active=True).in_tree_order(),
        "can_edit": request.user.has_capability("outlets.publish"),
    })


@is_business
def outlet_export(request):
    today = timezone.localdate()
    outlets, _ = _filtered(request, today)
    record_read(request, "outlets.outlet.export", subject_repr="宣传阵地管理台账")
    return outlet_register_response(outlets, today)


def _history(request, outlet) -> list[dict]:
    """The outlet's updates, newest first: content published to it and updates recorded by hand."""
    published = (ContentItem.objects.visible_to(request.user)
                 .filter(outlet=outlet, publication=ContentStatus.PUBLISHED).select_related("published_by", "author")
                 .order_by("-published_at")[:HISTORY_SIZE])
    recorded = (Activity.objects.visible_to(request.user).for_source(outlet)
                .select_related("created_by").prefetch_related("evidence__attachment")
                .order_by("-date", "-id")[:HISTORY_SIZE])
    entries = [{"date": timezone.localdate(c.published_at), "what": "发布稿件", "title": c.title,
                "url": c.get_absolute_url(), "by": (c.published_by or c.author).name, "note": c.published_where,
                "images": [], "files": []} for c in published if c.published_at]
    for a in recorded:
        evidence = list(a.evidence.all())
        entries.append({"date": a.date, "what": "登记更新", "title": a.summary, "url": reverse("ledger:detail", args=[a.pk]),
                        "by": a.created_by.name if a.created_by else "", "note": "",
                        "images": [e for e in evidence if e.attachment.is_image],
                        "files": [e for e in evidence if not e.attachment.is_image]})
    entries.sort(key=lambda e: e["date"], reverse=True)
    return entries[:HISTORY_SIZE]


@is_business
def outlet_detail(request, pk):
    outlet = access_outlet(request.user, pk)
    today = timezone.localdate()
    inspections = list(OutletInspection.objects.visible_to(request.user).filter(outlet=outlet)
                       .select_related("inspector", "activity"))
    return render(request, "outlets/outlet_detail.html", {
        "outlet": outlet, "today": today, "due": outlet.next_due(), "overdue": outlet.is_overdue(today),
        "late_days": days_overdue(outlet, today), "history": _history(request, outlet),
        "inspections": inspections, "open_count": sum(1 for i in inspections if i.needs_rectification),
        "can_manage": can(request.user, "change", outlet),
        "can_inspect": can(request.user, "inspect", outlet),
        "is_closed": outlet.status == OutletStatus.CLOSED, "is_flagged": outlet.status in services.FLAG_STATUSES,
        "flag_form": FlagForm(), "close_form": CloseForm(),
    })


def _submitted(request) -> tuple:
    """A form's data and files when the page was posted; nothing (an unbound form) otherwise."""
    return (request.POST, request.FILES) if request.method == "POST" else ()


def _outlet_form_page(request, form, act, success, template, outlet, **context):
    """A form page of an outlet (``outlet`` None while registering one): a valid POST runs ``act()`` and goes
    on to the outlet's page; otherwise, or when the service refuses, the form again."""
    if form.is_bound and form.is_valid():
        saved = form_outcome(request, form, act, success)
        if saved:
            return redirect("outlets:outlet_detail", pk=(outlet or saved.result).pk)
    return render(request, template, {"form": form, "outlet": outlet, **context})


@capability_required("outlets.publish")
@require_http_methods(["GET", "POST"])
@idempotent
def outlet_create(request):
    form = OutletForm(*_submitted(request), user=request.user, initial={"org_unit": request.user.scope_root})
    return _outlet_form_page(request, form, lambda: services.do_create_outlet(request.user, **form.service_data()),
                             lambda outlet: f"已登记阵地“{outlet.name}”。", "outlets/outlet_form.html", None)


@capability_required("outlets.publish")
@require_http_methods(["GET", "POST"])
def outlet_edit(request, pk):
    outlet = access_outlet(request.user, pk, "change")
    form = OutletForm(*_submitted(request), user=request.user,
                      initial={name: getattr(outlet, name) for name in services.OUTLET_FIELDS})
    return _outlet_form_page(request, form,
                             lambda: services.do_update_outlet(request.user, outlet, **form.service_data()),
                             "已保存。", "outlets/outlet_form.html", outlet)


@capability_required("outlets.publish")
@require_http_methods(["GET", "POST"])
def outlet_update(request, pk):
    """登记更新: a board's new display, an honour-room refresh, a work-group notice."""
    outlet = access_outlet(request.user, pk, "change")
    form = OutletUpdateForm(*_submitted(request))
    return _outlet_form_page(request, form,
                             lambda: services.do_record_outlet_update(request.user, outlet, **form.cleaned_data),
                             "已登记更新，并计入工作台账。", "outlets/outlet_update_form.html", outlet)


@is_business
@require_http_methods(["GET", "POST"])
def outlet_inspect(request, pk):
    """Inspecting is the supervisors' duty as much as the publicity staff's (capability ``outlets.inspect``)."""
    outlet = access_outlet(request.user, pk, "inspect")
    if request.method == "POST":
        form = InspectionForm(request.POST)
        if form.is_valid():
            try:
                inspection = inspections.do_record_inspection(request.user, outlet, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                if inspection.needs_rectification:
                    messages.warning(request, f"已登记检查，阵地已标记为“整改中”，并通知责任人{outlet.responsible.name}。")
                else:
                    messages.success(request, "已登记检查，并计入工作台账。")
                return redirect("outlets:outlet_detail", pk=outlet.pk)
    else:
        form = InspectionForm()
    return render(request, "outlets/inspection_form.html", {"form": form, "outlet": outlet})


@capability_required("outlets.publish")
@require_http_methods(["GET", "POST"])
def inspection_rectify(request, pk):
    inspection = access_inspection(request.user, pk, "change")
    form = RectifyForm(*_submitted(request))
    return _outlet_form_page(request, form,
                             lambda: inspections.do_complete_rectification(request.user, inspection,
                                                                           **form.cleaned_data),
                             "已登记整改完成。", "outlets/inspection_rectify.html", inspection.outlet,
                             inspection=inspection)


def _post_action(request, pk, form_class, action, success: str):
    outlet = access_outlet(request.user, pk, "change")
    form = form_class(request.POST) if form_class else None
    if form is not None and not form.is_valid():
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
        return redirect("outlets:outlet_detail", pk=outlet.pk)
    values = form.cleaned_data if form is not None else {}
    report_outcome(request, lambda: action(request.user, outlet, **values), success)
    return redirect("outlets:outlet_detail", pk=outlet.pk)


def _post_action_view(form_class, action, success: str):
    """A button on the outlet's page: a POST by the publicity staff running ``action`` (``_post_action``)."""
    @capability_required("outlets.publish")
    @require_POST
    def view(request, pk):
        return _post_action(request, pk, form_class, action, success)
    return view


outlet_flag = _post_action_view(FlagForm, services.do_flag_outlet, "已标记，并通知责任人。")
outlet_unflag = _post_action_view(None, services.do_unflag_outlet, "已解除标记，阵地恢复正常运行。")
outlet_close = _post_action_view(CloseForm, services.do_close_outlet, "已关停该阵地。")


@capability_required("outlets.publish")
@require_POST
def outlet_reopen(request, pk):
    outlet = access_outlet(request.user, pk, "change")
    reason = request.POST.get("reason", "")[:300]
    report_outcome(request, lambda: services.do_reopen_outlet(request.user, outlet, reason=reason),
                   "已恢复运行，更新提醒重新开始。")
    return redirect("outlets:outlet_detail", pk=outlet.pk)
