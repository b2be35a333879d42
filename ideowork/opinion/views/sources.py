"""信息来源: the unit's sources, with each feed's state, created, edited and deactivated by the
monitoring staff (``opinion.monitor``)."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.access import can
from ideowork.core.idempotency import idempotent
from ideowork.core.outcomes import form_outcome, report_outcome
from ideowork.core.permissions import capability_required

from ..access import access_source
from ..actions import sources as services
from ..forms.sources import SourceForm
from ..models import Item, Source

MONITOR = "opinion.monitor"


@capability_required(MONITOR)
def source_list(request):
    sources = Source.objects.visible_to(request.user).select_related("org_unit")
    return render(request, "opinion/source_list.html", {"sources": sources})


@capability_required(MONITOR)
def source_detail(request, pk):
    source = access_source(request.user, pk)
    recent = Item.objects.visible_to(request.user).filter(source=source).defer("text", "analysis")[:10]
    return render(request, "opinion/source_detail.html", {
        "source": source, "recent": recent, "can_change": can(request.user, "change", source)})


@capability_required(MONITOR)
@require_http_methods(["GET", "POST"])
@idempotent
def source_create(request):
    if request.method == "POST":
        form = SourceForm(request.POST, user=request.user)
        if form.is_valid():
            saved = form_outcome(request, form,
                                 lambda: services.do_create_source(request.user, **form.service_data()),
                                 lambda source: f"已新建信息来源“{source.name}”。")
            if saved:
                return redirect("opinion:source_detail", pk=saved.result.pk)
    else:
        form = SourceForm(user=request.user, initial={"org_unit": request.user.scope_root, "kind": "import",
                                                      "level": "city"})
    return render(request, "opinion/source_form.html", {"form": form, "source": None})


@capability_required(MONITOR)
@require_http_methods(["GET", "POST"])
def source_edit(request, pk):
    source = access_source(request.user, pk, "change")
    if request.method == "POST":
        form = SourceForm(request.POST, user=request.user, editing=True)
        if form.is_valid():
            saved = form_outcome(request, form,
                                 lambda: services.do_update_source(request.user, source, **form.service_data()),
                                 "已保存。")
            if saved:
                return redirect("opinion:source_detail", pk=source.pk)
    else:
        form = SourceForm(user=request.user, editing=True,
                          initial={name: getattr(source, name) for name in services.SOURCE_FIELDS})
    return render(request, "opinion/source_form.html", {"form": form, "source": source})


@capability_required(MONITOR)
@require_POST
def source_deactivate(request, pk):
    source = access_source(request.user, pk, "change")
    report_outcome(request, lambda: services.do_set_source_active(request.user, source, False),
                   "已停用该来源，不再接收新信息；已收到的信息保留。")
    return redirect("opinion:source_detail", pk=source.pk)


@capability_required(MONITOR)
@require_POST
def source_activate(request, pk):
    source = access_source(request.user, pk, "change")
    report_outcome(request, lambda: services.do_set_source_active(request.user, source, True), "已重新启用该来源。")
    return redirect("opinion:source_detail", pk=source.pk)
