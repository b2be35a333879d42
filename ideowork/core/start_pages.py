"""Start pages: where each person lands after signing in, and where the brand link takes them.

Core names no area: each area registers the start page of the roles whose work it holds, in its
``navigation.py``::

    register_start_page(lambda u: u.role == Role.CADRE, "<area>:home", label="学习首页", order=40)

``start_url_for(user)`` is the URL of the first registered page (in ``order``, then registration
order) whose predicate holds for ``user``. Login (without ``?next=``), the second sign-in step, a
pending account that has just been granted its role and ``reports:home`` (the brand link) all go
through it. Hiding is not permission: a start page must be a page the role may open (the tests walk
every role).
"""

from dataclasses import dataclass
from typing import Callable

from django.urls import reverse

__all__ = ["register_start_page", "start_page_for", "start_url_for", "StartPage", "FALLBACK_URL_NAME"]

# Where someone lands whom no registered predicate fits: their own account page, which every
# signed-in person may open.
FALLBACK_URL_NAME = "core:account_security"


@dataclass(frozen=True)
class StartPage:
    predicate: Callable
    url_name: str
    label: str
    order: int

    @property
    def url(self) -> str:
        return reverse(self.url_name)


_pages: list[StartPage] = []


def register_start_page(predicate: Callable, url_name: str, *, label: str, order: int = 50) -> None:
    """Users for whom ``predicate(user)`` holds start on ``url_name`` (its Chinese ``label`` is shown on
    their account page). Registering the same URL name again replaces it (``ready`` may run twice)."""
    _pages[:] = [p for p in _pages if p.url_name != url_name]
    _pages.append(StartPage(predicate, url_name, label, order))
    _pages.sort(key=lambda p: p.order)  # stable: equal orders keep their registration order


def start_page_for(user) -> StartPage | None:
    """The start page registered for ``user``, or None (anonymous, or no predicate fits)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return next((page for page in _pages if page.predicate(user)), None)


def start_url_for(user) -> str:
    """The URL ``user`` starts on."""
    page = start_page_for(user)
    return page.url if page is not None else reverse(FALLBACK_URL_NAME)
