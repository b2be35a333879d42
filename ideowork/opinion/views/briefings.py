"""舆情简报: the unit's briefings, asking for one, the web view (each statement linked to the items
behind it), the Word file, issuing, and the items behind a statement. Views are thin: the services
in ``actions/briefings.py`` write, ``briefing_figures.py`` computed what a briefing says."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ideowork.core.access import can
from ideowork.core.audit import record_read
from ideowork.core.idempotency import idempotent
from ideowork.core.outcomes import form_outcome, report_outcome
from ideowork.core.permissions import capability_required

from ..access import access_briefing, access_event
from ..actions.briefings import (briefing_filename, can_generate_briefings, do_generate_briefing, do_issue_briefing)
from ..briefing_docx import SECTIONS
from ..briefing_figures import OPEN_STATUSES, basis_item_ids, items_in_order
from ..choices import BriefingKind
from ..forms.briefings import BriefingGenerateForm
from ..models import Briefing, Event

MONITOR = "opinion.monitor"
PAGE_SIZE = 30
EVENT_CHOICES = 200


def _special_events(user):
    """The events a special report may be about: the live ones of the user's subtree, latest first."""
    events = Event.objects.visible_to(user).live().order_by("-last_seen_at")
    root = user.scope_root
    return events.filter(org_unit__path__startswith=root.path)[:EVENT_CHOICES] if root else events.none()


def _list_page(request, form, *, kind: str = "", status: int = 200):
    """The list of the briefings the user sees (of one kind), under the generate form."""
    briefings = Briefing.objects.visible_to(request.user).select_related("org_unit", "event", "issued_by")
    if kind:
        briefings = briefings.filter(kind=kind)
    return render(request, "opinion/briefing_list.html", {
        "page": Paginator(briefings, PAGE_SIZE).get_page(request.GET.get("page")), "kind": kind,
        "kinds": BriefingKind.choices, "form": form, "can_generate": form is not None}, status=status)


@capability_required(MONITOR)
def briefing_list(request):
    user = request.user
    form = None
    if can_generate_briefings(user):
        # A special report asked for from an event's page: ?event=<id>.
        event = request.GET.get("event", "")
        initial = {"event": event, "kind": BriefingKind.SPECIAL} if event.isdigit() else {}
        form = BriefingGenerateForm(initial=initial, events=_special_events(user))
    kind = request.GET.get("kind", "")
    return _list_page(request, form, kind=kind if kind in BriefingKind.values else "")


@capability_required(MONITOR)
@require_POST
@idempotent
def briefing_generate(request):
    user = request.user
    if not can_generate_briefings(user):
        raise PermissionDenied("只有本单位舆情监测人员可以编发本单位的舆情简报。")
    form = BriefingGenerateForm(request.POST, events=_special_events(user))
    if form.is_valid():
        data = form.cleaned_data
        event = access_event(user, data["event"]) if data.get("event") else None
        done = form_outcome(request, form, lambda: do_generate_briefing(user, user.scope_root, data["kind"], data["day"],
                                                                         event=event),
                            lambda b: f"已生成{b.get_kind_display()}{b.number_label}，请核对后签发。")
        if done:
            return redirect("opinion:briefing_detail", pk=done.result.pk)
    return _list_page(request, form, status=400)


def _chart(figures: dict, briefing: Briefing) -> dict:
    """The web view's ECharts spec of the sentiment by day; a bar opens that day's items."""
    days = figures["days"]
    series = [("负面", "negative", "#c82626"), ("中性", "neutral", "#969696"), ("正面", "positive", "#2e8b57"),
              ("未研判", "unknown", "#d7d7d7")]
    shown = [s for s in series if any(d[s[1]] for d in days)]
    base = reverse("opinion:briefing_basis", args=[briefing.pk])
    return {"option": {"tooltip": {"trigger": "axis"}, "legend": {"bottom": 0},
                       "grid": {"left": 40, "right": 16, "top": 24, "bottom": 48},
                       "xAxis": {"type": "category", "data": [d["label"] for d in days]},
                       "yAxis": {"type": "value", "minInterval": 1},
                       "series": [{"name": name, "type": "bar", "stack": "all", "data": [d[key] for d in days],
                                   "itemStyle": {"color": colour}} for name, key, colour in shown]},
            "links": {d["label"]: f"{base}?s=0&day={d['day']}" for d in days}}


@capability_required(MONITOR)
def briefing_detail(request, pk):
    briefing = access_briefing(request.user, pk)
    figures = briefing.figures
    statements = [dict(s, index=n) for n, s in enumerate(figures.get("statements", []))]
    sections = [(key, heading, [s for s in statements if s["section"] == key]) for key, heading in SECTIONS]
    return render(request, "opinion/briefing_detail.html", {
        "briefing": briefing, "figures": figures, "sections": sections, "chart": _chart(figures, briefing),
        "overdue": set(figures.get("handling", {}).get("overdue", [])),
        "can_issue": not briefing.issued and can(request.user, "issue", briefing),
        "can_regenerate": not briefing.issued and can(request.user, "change", briefing),
    })


@capability_required(MONITOR)
def briefing_download(request, pk):
    briefing = access_briefing(request.user, pk)
    if not briefing.document:
        raise Http404("该简报没有文件。")
    try:
        handle = briefing.document.open("rb")
    except FileNotFoundError:
        raise Http404("简报文件已不在存储中，请重新生成。") from None
    record_read(request, "opinion.briefing.download", briefing)
    return FileResponse(handle, as_attachment=True, filename=briefing_filename(briefing))


@capability_required("opinion.handle")
@require_POST
def briefing_issue(request, pk):
    briefing = access_briefing(request.user, pk, "issue")
    report_outcome(request, lambda: do_issue_briefing(request.user, briefing), "简报已签发，本单位舆情工作人员已收到通知。")
    return redirect("opinion:briefing_detail", pk=briefing.pk)


@capability_required(MONITOR)
@require_POST
def briefing_regenerate(request, pk):
    briefing = access_briefing(request.user, pk, "change")
    report_outcome(request, lambda: do_generate_briefing(request.user, briefing.org_unit, briefing.kind,
                                                         briefing.period_end, event=briefing.event),
                   "已按最新数据重新生成。")
    return redirect("opinion:briefing_detail", pk=briefing.pk)


@capability_required(MONITOR)
def briefing_basis(request, pk):
    """The items behind statement ``?s=N`` (or, with ``?day=``, one day of the chart), as the reader
    may see them now; the count the briefing was built on is shown beside them."""
    briefing = access_briefing(request.user, pk)
    figures = briefing.figures
    try:
        index = int(request.GET.get("s", "0"))
    except ValueError:
        raise Http404("该表述没有对应的信息。") from None
    statements = figures.get("statements", [])
    if not 0 <= index < len(statements) or not statements[index].get("basis"):
        raise Http404("该表述没有对应的信息。")
    statement = statements[index]
    basis = dict(statement["basis"])
    day = request.GET.get("day", "")
    if day:
        try:
            chosen = date.fromisoformat(day)
        except ValueError:
            raise Http404("日期有误。") from None
        known = {d["day"] for d in figures.get("days", [])}
        if day not in known:
            raise Http404("该日期不在简报的图表中。")
        basis = {**{k: v for k, v in basis.items() if k == "events"}, "since": day, "until": day}
        statement = {"text": f"{chosen.month}月{chosen.day}日的信息", "count": next(
            d["total"] for d in figures["days"] if d["day"] == day)}
    page = Paginator(basis_item_ids(request.user, briefing.org_unit, basis), PAGE_SIZE).get_page(request.GET.get("page"))
    items = items_in_order(list(page.object_list))
    events = list(Event.objects.visible_to(request.user).filter(pk__in=basis.get("events", [])).order_by("title"))
    return render(request, "opinion/briefing_basis.html", {
        "briefing": briefing, "statement": statement, "page": page, "items": items, "events": events,
        "day": day, "open_statuses": OPEN_STATUSES})
