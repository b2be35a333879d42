"""舆情信息: the unit's items, newest first, filtered and paged by keyset (``opinion/listing.py``),
and one item's page."""

from django.shortcuts import render

from ideowork.core.permissions import capability_required

from ..access import access_item
from ..actions.lexicon import lexicon_for_unit
from ..analysis import explain_sentiment
from ..forms.sources import ItemFilterForm
from ..listing import item_page, parse_cursor
from ..models import ItemMatch, Scheme, Source

MONITOR = "opinion.monitor"


@capability_required(MONITOR)
def item_list(request):
    sources = list(Source.objects.visible_to(request.user).only("pk", "name", "org_unit_id"))
    schemes = list(Scheme.objects.visible_to(request.user).only("pk", "name", "org_unit_id"))
    form = ItemFilterForm(request.GET or None, sources=sources, schemes=schemes)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    source = next((s for s in sources if s.pk == filters.get("source")), None)
    scheme = next((s for s in schemes if s.pk == filters.get("scheme")), None)
    page = item_page(request.user, source=source, scheme=scheme, sentiment=filters.get("sentiment") or "",
                     grade=filters.get("grade") or "", since=filters.get("since"), until=filters.get("until"),
                     before=parse_cursor(request.GET.get("before")))
    return render(request, "opinion/item_list.html", {"form": form, "page": page, "paged": "before" in request.GET,
                                                      "rows": [(item, page.matched.get(item.pk, [])) for item in page.items]})


@capability_required(MONITOR)
def item_detail(request, pk):
    item = access_item(request.user, pk)
    matches = (ItemMatch.objects.visible_to(request.user).filter(item=item).select_related("scheme", "event")
               .order_by("scheme__name"))
    events = {m.event_id: m.event for m in matches if m.event_id}
    # Why the sentiment: worked out again with the word lists now in force (the text is needed; the
    # stored score says what it was on arrival). Why the grade: as stored on arrival.
    why = None
    if item.sentiment and not item.text_purged_at:
        why = explain_sentiment(item.title, item.text, lexicon_for_unit(item.org_unit))
    return render(request, "opinion/item_detail.html", {
        "item": item, "matches": matches, "events": list(events.values()), "why": why,
        "lists_changed": why is not None and why.label != item.sentiment})
