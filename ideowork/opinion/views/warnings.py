"""预警信息: the unit's warnings, a warning's page (its items, deliveries and their state), acknowledging
and closing it, and raising one by hand on an item or an event. Views are thin: ``actions/warnings.py``
writes."""

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.access import can
from ideowork.core.forms.filters import filter_by
from ideowork.core.idempotency import idempotent
from ideowork.core.outcomes import form_outcome, report_outcome
from ideowork.core.permissions import capability_required

from ..access import access_event, access_item, access_warning
from ..actions.deliveries import warning_url
from ..actions.warnings import do_acknowledge_warning, do_close_warning, do_raise_warning
from ..forms.warnings import CloseWarningForm, RaiseWarningForm, WarningFilterForm
from ..models import ItemMatch, Scheme, Warning

HANDLE = "opinion.handle"
PAGE_SIZE = 30


@capability_required(HANDLE)
def warning_list(request):
    form = WarningFilterForm(request.GET or None)
    warnings = Warning.objects.visible_to(request.user).select_related("org_unit", "event")
    if form.is_bound and form.is_valid():
        warnings = filter_by(warnings, form.cleaned_data, {"status": "status", "grade": "grade", "kind": "kind"})
    page = Paginator(warnings.order_by("-last_at", "-id"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "opinion/warning_list.html", {"form": form, "page": page})


@capability_required(HANDLE)
def warning_detail(request, pk):
    warning = access_warning(request.user, pk)
    items = [link.item for link in warning.warning_items.select_related("item__source").order_by("-item__arrived_at")]
    return render(request, "opinion/warning_detail.html", {
        "warning": warning, "items": items, "deliveries": warning.deliveries.order_by("channel", "id"),
        "editable": can(request.user, "change", warning), "close_form": CloseWarningForm()})


@capability_required(HANDLE)
@require_POST
def warning_acknowledge(request, pk):
    warning = access_warning(request.user, pk, "change")
    report_outcome(request, lambda: do_acknowledge_warning(request.user, warning), "已确认该预警。")
    return redirect(warning_url(warning))


@capability_required(HANDLE)
@require_POST
def warning_close(request, pk):
    warning = access_warning(request.user, pk, "change")
    form = CloseWarningForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    report_outcome(request, lambda: do_close_warning(request.user, warning, note), "已关闭该预警。")
    return redirect(warning_url(warning))


def _raise_page(request, *, item=None, event=None):
    subject = item or event
    matched = ItemMatch.objects.visible_to(request.user).filter(**({"item": item} if item else {"event": event}))
    schemes = list(Scheme.objects.visible_to(request.user, "view").filter(pk__in=matched.values("scheme_id")))
    if not schemes:
        schemes = list(Scheme.objects.visible_to(request.user).filter(org_unit_id=request.user.scope_root.pk))
    form = RaiseWarningForm(request.POST or None, schemes=schemes)
    if request.method == "POST" and form.is_valid():
        scheme = next(s for s in schemes if s.pk == form.cleaned_data["scheme"])
        done = form_outcome(request, form, lambda: do_raise_warning(
            request.user, scheme=scheme, item=item, event=event, grade=form.cleaned_data["grade"],
            note=form.cleaned_data["note"]), "预警已发布，正在推送给该方案的接收人。")
        if done:
            return redirect(warning_url(done.result))
    return render(request, "opinion/warning_raise.html", {"form": form, "subject": subject, "item": item,
                                                          "event": event, "has_schemes": bool(schemes)})


@capability_required(HANDLE)
@require_http_methods(["GET", "POST"])
@idempotent
def warning_raise_item(request, pk):
    return _raise_page(request, item=access_item(request.user, pk))


@capability_required(HANDLE)
@require_http_methods(["GET", "POST"])
@idempotent
def warning_raise_event(request, pk):
    return _raise_page(request, event=access_event(request.user, pk))
