"""舆情事件: the unit's events (``event_listing.py``), one event's page (figures, spread curve, items,
why the grade), and merging, splitting and naming by hand (``actions/event_edits.py``)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.permissions import capability_required

from ..access import access_event
from ..actions.event_edits import do_merge_events, do_rename_event, do_split_event
from ..event_charts import spread_curve
from ..event_listing import event_page
from ..forms.events import EventFilterForm, RenameForm, SplitForm
from ..listing import parse_cursor
from ..models import Event, ItemMatch

MONITOR, HANDLE = "opinion.monitor", "opinion.handle"
ITEMS_SHOWN = 300
CANDIDATES_SHOWN = 100


def event_url(event: Event) -> str:
    return reverse("opinion:event_detail", args=[event.pk])


@capability_required(MONITOR)
def event_list(request):
    form = EventFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    page = event_page(request.user, status=filters.get("status") or "", grade=filters.get("grade") or "",
                      sentiment=filters.get("sentiment") or "", since=filters.get("since"), until=filters.get("until"),
                      before=parse_cursor(request.GET.get("before")))
    return render(request, "opinion/event_list.html", {"form": form, "page": page, "paged": "before" in request.GET})


def _event_items(user, event: Event) -> list[ItemMatch]:
    """The event's items, each once (the first of its matches), earliest first."""
    seen, rows = set(), []
    for match in (ItemMatch.objects.visible_to(user).filter(event=event).select_related("item", "item__source")
                  .defer("item__text", "item__analysis", "item__signature").order_by("arrived_at", "item_id")):
        if match.item_id not in seen:
            seen.add(match.item_id)
            rows.append(match)
    rows.sort(key=lambda m: (m.item.published_at or m.arrived_at, m.item_id))
    return rows


@capability_required(MONITOR)
def event_detail(request, pk):
    event = access_event(request.user, pk)
    rows = _event_items(request.user, event)
    editable = Event.objects.visible_to(request.user, "change").filter(pk=event.pk).exists()
    return render(request, "opinion/event_detail.html", {
        "event": event, "rows": rows[:ITEMS_SHOWN], "more": max(len(rows) - ITEMS_SHOWN, 0),
        "spread": spread_curve([m.item.published_at or m.arrived_at for m in rows]),
        "editable": editable and not event.merged_into_id, "split_form": SplitForm(),
        "rename_form": RenameForm(initial={"title": event.title}, auto_id="rename_%s"),
        "can_split": editable and not event.merged_into_id and len(rows) > 1,
        "merged": Event.objects.visible_to(request.user).filter(merged_into=event).order_by("-last_seen_at"),
    })


@capability_required(HANDLE)
@require_http_methods(["GET", "POST"])
def event_merge(request, pk):
    event = access_event(request.user, pk, "change")
    if request.method == "POST":
        try:
            do_merge_events(request.user, event, request.POST.getlist("events"))
        except ValidationError as exc:
            messages.error(request, "未能合并：" + "".join(exc.messages))
        else:
            messages.success(request, f"已将所选事件并入“{event.title}”。")
            return redirect(event_url(event))
    query = (request.GET.get("q") or "").strip()[:50]
    candidates = (Event.objects.visible_to(request.user, "change").live().filter(org_unit=event.org_unit)
                  .exclude(pk=event.pk).order_by("-last_seen_at", "-id"))
    if query:
        candidates = candidates.filter(title__icontains=query)
    return render(request, "opinion/event_merge.html", {
        "event": event, "candidates": candidates[:CANDIDATES_SHOWN], "query": query,
        "chosen": {int(v) for v in request.POST.getlist("events") if v.isdigit()}})


@capability_required(HANDLE)
@require_POST
def event_split(request, pk):
    event = access_event(request.user, pk, "change")
    form = SplitForm(request.POST)
    title = form.cleaned_data["title"] if form.is_valid() else request.POST.get("title", "")
    try:
        new = do_split_event(request.user, event, request.POST.getlist("items"), title)
    except ValidationError as exc:
        messages.error(request, "未能拆分：" + "".join(exc.messages))
        return redirect(event_url(event))
    messages.success(request, f"已拆分出新事件“{new.title}”（{new.item_count}条信息）。")
    return redirect(event_url(new))


@capability_required(HANDLE)
@require_POST
def event_rename(request, pk):
    event = access_event(request.user, pk, "change")
    try:
        event = do_rename_event(request.user, event, request.POST.get("title", ""))
    except ValidationError as exc:
        messages.error(request, "未能修改名称：" + "".join(exc.messages))
    else:
        messages.success(request, f"事件名称已改为“{event.title}”。")
    return redirect(event_url(event))
