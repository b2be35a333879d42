"""The navigation menu and the phone's bottom bar (registered by each app, see ``core/menu.py``),
with the current page's entry marked, and the unread count."""

from .menu import home_url, menu_for, tabs_for

__all__ = ["navigation", "mark_current"]


def mark_current(links: list[dict], path: str) -> None:
    """Set ``current`` on the link for the page at ``path``: the one naming it exactly, else the one
    whose address is the longest that contains it (a record's page marks its list: ``/ledger/12/``
    marks ``/ledger/``). The root ``/`` marks only itself. A link's ``also`` lists further addresses
    it stands for (a tab 学习 for the courses and topics beside the materials)."""
    def covers(url: str) -> bool:
        return url == path or (url.endswith("/") and url != "/" and path.startswith(url))

    def fit(link: dict) -> tuple[bool, int] | None:
        urls = [url for url in [link["url"], *link.get("also", ())] if covers(url)]
        return max(((url == path, len(url)) for url in urls), default=None)

    scored = [(score, link) for link in links if (score := fit(link))]
    best = max(scored, key=lambda pair: pair[0])[1] if scored else None
    for link in links:
        link["current"] = link is best


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"home_url": home_url()}
    from .models import Notification

    menu, tabs = menu_for(user), tabs_for(user)
    mark_current([entry for section in menu for entry in section["entries"]], request.path)
    mark_current(tabs, request.path)
    return {
        "home_url": home_url(),
        "menu": menu,
        "tabs": tabs,
        "unread_notifications": Notification.objects.visible_to(user).unread().count(),
    }
