"""The navigation menu: sections and entries registered by each app in its ``AppConfig.ready``.

Core cannot name the areas above it, so each area adds its own section and entries (its
``navigation.py``)::

    register_menu("learning", "理论学习", order=40)
    register_menu_entry("learning", "题库管理", "learning:question_list",
                        visible=holds("learning.manage"), order=100)

A section is shown when at least one of its entries is visible to the signed-in user; sections and
entries are shown in ``order``, then in the order they were registered.

On a phone the menu is a drawer, and a bottom bar (tab bar) holds a person's few main places. Each
area registers its own tabs the same way::

    register_tab("learning_quiz", "答题", "learning:quiz_home", visible=is_cadre, order=30, icon="quiz")

``tabs_for(user)`` gives the first ``MAX_TABS`` tabs visible to ``user`` in ``order``.
"""

from dataclasses import dataclass
from typing import Callable

from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse

__all__ = ["register_menu", "register_menu_entry", "register_menu_entries", "menu_for", "register_tab", "tabs_for",
           "TAB_ICONS", "MAX_TABS", "home_url", "signed_in", "business", "holds"]


def home_url() -> str:
    """The start page, named by the project's settings (``LOGIN_REDIRECT_URL``): core does not
    name the app that provides it."""
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def signed_in(user) -> bool:
    return user.is_authenticated


def business(user) -> bool:
    return user.is_business


def holds(capability: str) -> Callable:
    """The predicate "holds ``capability``" (see ``core/capabilities.py``)."""
    return lambda user: user.has_capability(capability)


_urls: dict[tuple, str] = {}


def _url(url_name: str) -> str:
    """The address of ``url_name``, reversed once per URL configuration and script prefix: every page
    draws the menu and the bottom bar, and reversing their twenty-odd names cost about 0.6 ms a page."""
    key = (url_name, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
    url = _urls.get(key)
    if url is None:
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            url = "#"
        _urls[key] = url
    return url


@dataclass(frozen=True)
class MenuEntry:
    label: str
    url_name: str
    visible: Callable
    order: int

    @property
    def url(self) -> str:
        return _url(self.url_name)


@dataclass
class MenuSection:
    key: str
    label: str
    order: int
    entries: list[MenuEntry]


_sections: dict[str, MenuSection] = {}


def register_menu(section: str, label: str, order: int = 50) -> None:
    """Declare a menu section (idempotent: ``ready`` may run more than once in tests)."""
    existing = _sections.get(section)
    if existing is not None:
        existing.label, existing.order = label, order
        return
    _sections[section] = MenuSection(section, label, order, [])


def register_menu_entry(section: str, label: str, url_name: str, *, visible: Callable = business,
                        order: int = 50) -> None:
    """Add an entry to a registered section; ``visible(user)`` decides who sees it (default: every
    business role)."""
    if section not in _sections:
        raise LookupError(f"menu section {section!r} is not registered")
    entries = _sections[section].entries
    entries[:] = [e for e in entries if e.url_name != url_name]
    entries.append(MenuEntry(label, url_name, visible, order))
    entries.sort(key=lambda e: e.order)  # stable: equal orders keep their registration order


def register_menu_entries(section: str, entries: list[tuple[str, str]], *, visible: Callable = business,
                          order: int = 50) -> None:
    """``register_menu_entry`` for each ``(label, url_name)``, all seen by the same users."""
    for label, url_name in entries:
        register_menu_entry(section, label, url_name, visible=visible, order=order)


def menu_for(user) -> list[dict]:
    """``[{"title": …, "entries": [{"label": …, "url": …}, …]}, …]`` for the signed-in ``user``."""
    if not user.is_authenticated:
        return []
    menu = []
    for section in sorted(_sections.values(), key=lambda s: s.order):
        entries = [{"label": e.label, "url": e.url} for e in section.entries if e.visible(user)]
        if entries:
            menu.append({"title": section.label, "entries": entries})
    return menu


# The bottom bar's icons, drawn as inline SVG by ``templates/tab_icon.html`` (no icon font).
TAB_ICONS = ("home", "book", "quiz", "exam", "user", "chart", "list", "flag")
MAX_TABS = 5  # what fits a phone's width with a readable label under each icon


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    url_name: str
    visible: Callable
    order: int
    icon: str
    covers: tuple[str, ...] = ()


_tabs: dict[str, Tab] = {}


def register_tab(key: str, label: str, url_name: str, *, visible: Callable = business, order: int = 50,
                 icon: str = "flag", covers: tuple[str, ...] = ()) -> None:
    """Add a place to the phone's bottom bar (registering ``key`` again replaces it). ``label`` is
    short (two characters fit best); ``icon`` is one of ``TAB_ICONS``; ``covers`` names further
    list pages (URL names) whose pages mark this tab as the current place."""
    if icon not in TAB_ICONS:
        raise ValueError(f"tab icon {icon!r} is not one of {TAB_ICONS}")
    _tabs[key] = Tab(key, label, url_name, visible, order, icon, tuple(covers))


def tabs_for(user) -> list[dict]:
    """``[{"key": …, "label": …, "url": …, "icon": …, "also": [url, …]}, …]``: at most ``MAX_TABS``, in
    ``order``."""
    if not user.is_authenticated:
        return []
    visible = [t for t in sorted(_tabs.values(), key=lambda t: t.order) if t.visible(user)]
    return [{"key": t.key, "label": t.label, "url": _url(t.url_name), "icon": t.icon,
             "also": [_url(name) for name in t.covers]} for t in visible[:MAX_TABS]]
