import pytest

from .factories import PASSWORD, build_org


@pytest.fixture(autouse=True)
def _huey_immediate():
    """Tasks run inline in tests; the real consumer runs them in `make run` and production."""
    from huey.contrib.djhuey import HUEY

    HUEY.immediate = True
    yield
    HUEY.immediate = False


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a rolled-back test leaves ledger versions at 0 and
    primary keys free for reuse, so its cached figures would match the next test's keys."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def org(db):
    return build_org()


@pytest.fixture
def login(client):
    """``login(user)`` signs a user in on the test client and returns the client."""

    def _login(user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return _login


@pytest.fixture
def password():
    return PASSWORD


# --- the real browser -------------------------------------------------------------------------
import os
from pathlib import Path

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make there
# are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class BrowserConsole:
    """What the browser reported while a test ran that a user's browser should never report.

    Every console error (a Content-Security-Policy violation above all: the policy blocks inline
    script), every uncaught script error, and every page resource (script, style, image, font,
    favicon) that did not load. Pages and requests answered 4xx on purpose (a 403 page, a refused
    form posted by htmx) are not errors; their console line "Failed to load resource" is left out.
    """

    def __init__(self):
        self.errors: list[str] = []

    def watch(self, context):
        context.on("console", self._console)
        context.on("weberror", lambda error: self.errors.append(f"uncaught script error: {error.error}"))
        context.on("response", self._response)
        return context

    def _console(self, message):
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.errors.append(f"console error on {message.page.url if message.page else '?'}: {message.text}")

    def _response(self, response):
        kind = response.request.resource_type
        if response.status >= 500 or (response.status >= 400 and kind not in ("document", "xhr", "fetch")):
            self.errors.append(f"{kind} {response.url} answered {response.status}")

    def check(self):
        if self.errors:
            pytest.fail("the browser reported errors:\n" + "\n".join(dict.fromkeys(self.errors)), pytrace=False)


@pytest.fixture
def browser_console():
    """Collects the browser's errors; the test fails at teardown if there were any."""
    console = BrowserConsole()
    yield console
    console.check()


def new_browser_page(browser, console: BrowserConsole, base_url: str, *, cookies=(), viewport=None):
    """A page in a fresh context (its own cookies) whose errors ``console`` collects."""
    context = browser.new_context(locale="zh-CN", viewport=viewport or {"width": 1366, "height": 900},
                                  base_url=base_url)
    console.watch(context)
    if cookies:
        context.add_cookies(list(cookies))
    page = context.new_page()
    page.set_default_timeout(15000)
    return page


def session_cookie(settings, client, url: str) -> dict:
    return {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": url}


@pytest.fixture
def page_as(browser, live_server, client, settings, browser_console):
    """``page_as(user)`` opens a browser page already signed in as ``user`` on the live server.

    ``page_as(user, viewport=PHONE)`` opens it at a phone's size.
    """
    contexts = []

    def _page(user, viewport=None):
        client.cookies.clear()  # else a second user's login flushes the previous page's session
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        page = new_browser_page(browser, browser_console, live_server.url, viewport=viewport,
                                cookies=[session_cookie(settings, client, live_server.url)])
        contexts.append(page.context)
        return page

    yield _page
    for context in contexts:
        context.close()


PHONE = {"width": 390, "height": 844}


@pytest.fixture
def anonymous_page(browser, live_server, browser_console):
    page = new_browser_page(browser, browser_console, live_server.url)
    yield page
    page.context.close()


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot under test-artifacts/ for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
