"""Page panels: how an app adds a section to a page of an app it depends on.

Dependencies point one way (core ← plans ← ledger ← … ← reports), yet the plan item page must
show the ledger's progress and evidence. The item page asks for the panels of its slot; the ledger
registers one in its ``AppConfig.ready``::

    register_panel("plans.item", render_item_progress, order=10)

A panel is a callable ``(request, obj) -> str | None`` returning rendered HTML.

A slot is named after the page that shows it. A page of an upper layer that lower ones fill (the
office dashboard, where every area adds its card) has its slot named here, so that no area names
the app that renders it.
"""

from collections import defaultdict

from django.utils.safestring import mark_safe

__all__ = ["register_panel", "render_panels", "OFFICE_DASHBOARD", "OFFICE_START"]

# The office dashboard, given the selected plan (or None): one card per area.
OFFICE_DASHBOARD = "dashboard.office"
# The top of the office dashboard, shown with or without a plan (a new organ has none yet): notices
# such as what the organ's setup made for it (core.organ_setup).
OFFICE_START = "dashboard.office.start"

_panels: dict[str, list[tuple[int, object]]] = defaultdict(list)


def register_panel(slot: str, render, *, order: int = 50) -> None:
    if all(existing is not render for _, existing in _panels[slot]):
        _panels[slot].append((order, render))
        _panels[slot].sort(key=lambda pair: pair[0])


def render_panels(slot: str, request, obj) -> str:
    parts = [render(request, obj) for _, render in _panels.get(slot, [])]
    return mark_safe("".join(part for part in parts if part))
