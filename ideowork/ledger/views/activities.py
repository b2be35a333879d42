"""The ledger: list, record, read, change and delete activities."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from ideowork.core.access import can
from ideowork.core.activity_kinds import activity_kind_choices
from ideowork.core.outcomes import form_outcome
from ideowork.core.audit import record_read
from ideowork.core.idempotency import idempotent
from ideowork.core.permissions import capability_required, is_business
from ideowork.core.querystrings import query_without

from ..access import access_activity
from ..actions import do_delete_activity, do_record_activity, do_update_activity
from ..choices import ActivitySource
from ..exports import export_response
from ..forms import ActivityFilterForm, ActivityForm, EvidenceForm
from ..models import Activity, Evidence, TargetCredit
from .targets import choices_for_form

# Activities other areas record are changed there, so the two never disagree.
LEDGER_EDITABLE_SOURCES = {ActivitySource.LEDGER, ActivitySource.IMPORT}
PAGE_SIZE = 30


def _count(model):
    """A correlated COUNT(*) subquery, cheaper than joining two many-valued relations."""
    return Coalesce(Subquery(model.objects.filter(activity=OuterRef("pk")).order_by()
                             .values("activity").annotate(n=Count("pk")).values("n")), Value(0))


@is_business
def activity_list(request):
    filters = ActivityFilterForm(request.GET, user=request.user)
    qs = filters.filter(Activity.objects.visible_to(request.user))
    by_kind = dict(qs.order_by().values_list("kind").annotate(n=Count("pk", distinct=True)))
    people = Activity.participants.through.objects.filter(activity__in=qs.values("pk")).count()
    page_qs = (qs.select_related("org_unit", "item", "created_by")
               .prefetch_related("targets")
               .annotate(people=_count(Activity.participants.through), evidence_count=_count(Evidence)))
    page = Paginator(page_qs, PAGE_SIZE).get_page(request.GET.get("page"))
    kinds = [(label, by_kind[value], value) for value, label in activity_kind_choices() if value in by_kind]
    return render(request, "ledger/activity_list.html", {
        "filters": filters, "page": page, "kinds": kinds, "total": sum(by_kind.values()), "people": people,
        "query": query_without(request.GET, "page", "kind"), "export_query": query_without(request.GET, "page"),
    })


@is_business
def activity_export(request):
    filters = ActivityFilterForm(request.GET, user=request.user)
    record_read(request, "ledger.activity.export", subject_repr="工作台账")
    return export_response(filters.filter(Activity.objects.visible_to(request.user)))


@is_business
def activity_detail(request, pk):
    activity = access_activity(request.user, pk)
    evidence = list(Evidence.objects.visible_to(request.user).filter(activity=activity).select_related("attachment"))
    credits = dict(TargetCredit.objects.visible_to(request.user).filter(activity=activity).order_by()
                   .values_list("target")
                   .annotate(n=Count("pk")))
    targets = [(t, credits.get(t.pk, 0)) for t in activity.targets.select_related("item__plan").order_by("pk")]
    return render(request, "ledger/activity_detail.html", {
        "activity": activity, "images": [e for e in evidence if e.attachment.is_image],
        "files": [e for e in evidence if not e.attachment.is_image], "evidence_total": len(evidence),
        "targets": targets,
        "participants": activity.participants.select_related("org_unit").order_by("org_unit__path", "display_name"),
        "can_change": can(request.user, "change", activity), "editable": activity.source in LEDGER_EDITABLE_SOURCES,
        "evidence_form": EvidenceForm(),
    })


def _editable_or_403(request, pk) -> Activity:
    activity = access_activity(request.user, pk, "change")
    if activity.source not in LEDGER_EDITABLE_SOURCES:
        raise PermissionDenied(f"该活动由“{activity.get_source_display()}”登记，请在该功能中修改。")
    return activity


def _render_form(request, form, activity=None):
    return render(request, "ledger/activity_form.html", {
        "form": form, "activity": activity, "choices": choices_for_form(request, form, activity),
        "title": "编辑活动" if activity else "登记活动",
    })


@capability_required("ledger.record")
@require_http_methods(["GET", "POST"])
@idempotent
def activity_create(request):
    if request.method == "POST":
        form = ActivityForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            saved = form_outcome(request, form, lambda: do_record_activity(request.user, **form.service_data()),
                                 lambda activity: f"已登记活动“{activity.title}”。")
            if saved:
                return redirect("ledger:detail", pk=saved.result.pk)
    else:
        form = ActivityForm(user=request.user, initial=_initial_from_query(request))
    return _render_form(request, form)


def _initial_from_query(request) -> dict:
    """Pages that link to 登记活动 may preset the kind and the plan item."""
    initial = {"org_unit": request.user.org_unit_id, "date": timezone.localdate()}
    for name in ("kind", "item"):
        if request.GET.get(name):
            initial[name] = request.GET[name]
    return initial


@capability_required("ledger.record")
@require_http_methods(["GET", "POST"])
def activity_edit(request, pk):
    activity = _editable_or_403(request, pk)
    if request.method == "POST":
        form = ActivityForm(request.POST, request.FILES, instance=activity, user=request.user)
        if form.is_valid():
            saved = form_outcome(request, form,
                                 lambda: do_update_activity(request.user, activity, **form.service_data()),
                                 "活动已保存。")
            if saved:
                return redirect("ledger:detail", pk=activity.pk)
    else:
        form = ActivityForm(instance=activity, user=request.user)
    return _render_form(request, form, activity)


@capability_required("ledger.record")
@require_http_methods(["GET", "POST"])
def activity_delete(request, pk):
    activity = _editable_or_403(request, pk)
    if request.method == "POST":
        do_delete_activity(request.user, activity)
        messages.success(request, f"已删除活动“{activity.title}”。")
        return redirect("ledger:list")
    return render(request, "ledger/activity_confirm_delete.html", {
        "activity": activity, "evidence_count": activity.evidence.count(),
        "credit_count": activity.credits.count(),
    })
