import os
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from .factories import PASSWORD, build_org

# --- the clock ----------------------------------------------------------------------------------
# One way to pin "now", through time-machine (it patches the process's clock, so the test, the live
# server's threads and inline tasks all see the same moment; pages take "now" from the server):
#   IDEOWORK_TEST_NOW=2027-01-01T00:30+08:00 pytest -m date_sensitive
#       pins the whole run: from start-up on, and every test starts again at that moment;
#   @pytest.mark.clock("2026-09-30T23:59")   pins one test's start (it wins over the variable);
#   travel("2026-10-01T08:00") / travel.shift(timedelta(days=1))   moves the clock inside a test.
# The clock keeps ticking from the pinned moment. A moment without an offset is Beijing time.
CLOCK_ENV = "IDEOWORK_TEST_NOW"
BEIJING = ZoneInfo("Asia/Shanghai")

# Modules whose tests depend on the date or the time of day. `.ci/run` runs them (`-m date_sensitive`)
# at awkward moments as well; a test elsewhere that reads the clock gets the marker itself.
DATE_SENSITIVE = frozenset({
    "core/test_auth_security.py", "core/test_personal_browser.py", "core/test_reviews.py",
    "learning/test_competitions.py", "learning/test_competitions_browser.py", "learning/test_exams.py",
    "learning/test_exams_browser.py", "learning/test_exemplars.py", "learning/test_home.py",
    "learning/test_matches.py", "learning/test_matches_browser.py", "learning/test_materials.py",
    "learning/test_phone_idempotency.py", "learning/test_points.py", "learning/test_points_browser.py",
    "learning/test_quizzes.py", "learning/test_quizzes_browser.py", "learning/test_reflections.py",
    "learning/test_reflections_browser.py", "learning/test_requirements.py", "learning/test_sessions.py",
    "learning/test_sessions_browser.py", "learning/test_youth.py", "learning/test_youth_browser.py",
    "ledger/test_counting.py", "ledger/test_figures.py", "ledger/test_ledger_browser.py",
    "ledger/test_ledger_edit_browser.py", "ledger/test_list_and_export.py", "ledger/test_progress.py",
    "ledger/test_record_activity.py", "ledger/test_reminders.py", "ledger/test_suggestions.py",
    "ledger/test_target_changes.py", "ledger/test_target_credits.py",
    "outlets/test_briefings.py", "outlets/test_briefings_browser.py", "outlets/test_briefings_demo.py",
    "opinion/test_briefings.py", "opinion/test_briefing_demo.py",
    "outlets/test_briefings_pages.py", "outlets/test_content.py", "outlets/test_content_demo.py",
    "outlets/test_news.py", "outlets/test_outlets.py", "outlets/test_outlets_demo.py",
    "outlets/test_outlets_tasks.py", "outlets/test_outlets_views.py", "outlets/test_publicity.py",
    "outlets/test_publicity_browser.py", "outlets/test_publicity_demo.py",
    "plans/test_assignments.py",
    "reports/test_dashboard_browser.py", "reports/test_dashboards.py",
    "risks/test_pages.py", "risks/test_register.py", "risks/test_risks_browser.py",
    "test_clock.py",
})


def moment(value) -> datetime:
    """An aware datetime from an ISO string (Beijing time when it has no offset) or a datetime."""
    value = datetime.fromisoformat(value) if isinstance(value, str) else value
    return value if value.tzinfo else value.replace(tzinfo=BEIJING)


_run_travel = None  # the whole run's journey when IDEOWORK_TEST_NOW is set


def pytest_configure(config):
    """IDEOWORK_TEST_NOW pins the clock before anything (collection, the live server) reads it."""
    global _run_travel
    if os.environ.get(CLOCK_ENV) and _run_travel is None:
        import time_machine

        _run_travel = time_machine.travel(moment(os.environ[CLOCK_ENV]))
        _run_travel.start()


def pytest_unconfigure(config):
    global _run_travel
    if _run_travel is not None:
        _run_travel.stop()
        _run_travel = None


def pytest_collection_modifyitems(items):
    for item in items:
        if item.nodeid.split("::")[0].removeprefix("tests/") in DATE_SENSITIVE:
            item.add_marker(pytest.mark.date_sensitive)


class Travel:
    """The `travel` fixture: ``travel(moment)`` moves this test's clock, ``travel.shift(delta)``
    moves it by a timedelta; the clock ticks on from there and is put back after the test."""

    def __init__(self):
        self._journey = None
        self._traveller = None

    def __call__(self, to, *, tick: bool = True) -> datetime:
        to = moment(to)
        if self._traveller is None:
            import time_machine

            self._journey = time_machine.travel(to, tick=tick)
            self._traveller = self._journey.start()
        else:
            self._traveller.move_to(to, tick=tick)
        return to

    def shift(self, delta: timedelta) -> None:
        if self._traveller is None:
            raise RuntimeError("travel.shift() needs travel(moment) first")
        self._traveller.shift(delta)

    def stop(self) -> None:
        if self._journey is not None:
            self._journey.stop()
            self._journey = self._traveller = None


@pytest.fixture(autouse=True)
def travel(request):
    """Start each test at its `clock` marker's moment, else at IDEOWORK_TEST_NOW, else really now."""
    journey = Travel()
    marker = request.node.get_closest_marker("clock")
    start = marker.args[0] if marker else os.environ.get(CLOCK_ENV)
    if start:
        journey(start)
    yield journey
    journey.stop()


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
    primary keys free for reuse, so its cached figures would match the next test's keys. (With Redis,
    each xdist worker has a database of its own — tests/settings.py — so this never empties the
    other worker's cache in the middle of its test.)"""
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


def new_browser_page(browser, console: BrowserConsole, base_url: str, *, cookies=(), viewport=None,
                     javascript=True):
    """A page in a fresh context (its own cookies) whose errors ``console`` collects.

    A viewport narrower than a tablet is a phone: the context has touch and a mobile user agent's
    behaviour (``has_touch``, ``is_mobile``), so taps are real touch events. ``javascript=False``
    is a browser with scripts switched off."""
    viewport = viewport or {"width": 1366, "height": 900}
    phone = viewport["width"] < 600
    context = browser.new_context(locale="zh-CN", viewport=viewport, base_url=base_url,
                                  has_touch=phone, is_mobile=phone, java_script_enabled=javascript)
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

    ``page_as(user, viewport=PHONE)`` opens it at a phone's size; ``javascript=False`` with scripts off.
    """
    contexts = []

    def _page(user, viewport=None, javascript=True):
        client.cookies.clear()  # else a second user's login flushes the previous page's session
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        page = new_browser_page(browser, browser_console, live_server.url, viewport=viewport, javascript=javascript,
                                cookies=[session_cookie(settings, client, live_server.url)])
        contexts.append(page.context)
        return page

    yield _page
    for context in contexts:
        context.close()


PHONE = {"width": 390, "height": 844}
# How many pixels the page is wider than the screen (0 or less when it fits): ``page.evaluate(OVERFLOW)``.
# In a phone's browser (a mobile context) window.innerWidth grows with a page that is too wide (the
# browser zooms out to show it all), so the layout viewport's width (the root's clientWidth) is the
# measure as well.
OVERFLOW = """() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)
                  - Math.min(window.innerWidth, document.documentElement.clientWidth)"""


def submit(page, form="main form[method=post]"):
    """Press the first submit button of ``form`` (the page's main form unless named)."""
    page.locator(f"{form} button[type=submit]").first.click()


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


class _LiveServerGate:
    """Lets browser requests reach the application only while a test's database is in place.

    A request the browser sent just before a test ended (a navigation nobody waited for, a closed
    page's last fetch, a study-time heartbeat) would otherwise run while the test thread flushes
    the database. On SQLite the live server's threads share the test's one in-memory connection,
    which is left in a broken transaction that fails every later test on the worker; on
    PostgreSQL the request's row locks and the flush's TRUNCATE deadlock. Closing the gate waits
    for the requests in flight to finish; requests arriving while it is closed are answered 503
    without touching the database.

    On SQLite requests are also served one at a time: two browsers requesting at once (a
    head-to-head match) would otherwise run two statements on the one shared connection together
    ("cannot open savepoint - SQL statements in progress")."""

    def __init__(self):
        import threading

        self.changed = threading.Condition()
        self.open = False
        self.in_flight = 0
        self.serial = threading.Lock()

    def enter(self) -> bool:
        with self.changed:
            if not self.open:
                return False
            self.in_flight += 1
            return True

    def leave(self):
        with self.changed:
            self.in_flight -= 1
            self.changed.notify_all()

    def close(self):
        with self.changed:
            self.open = False
            self.changed.wait_for(lambda: self.in_flight == 0)

    def reopen(self):
        with self.changed:
            self.open = True


LIVE_SERVER_GATE = _LiveServerGate()


def _gate_the_live_server():
    """Serve browser requests only between a test's database setup and its flush (see
    `_LiveServerGate`)."""
    import contextlib

    from django.core.servers.basehttp import ThreadedWSGIServer
    from django.db import connection
    from django.test.testcases import LiveServerThread, TransactionTestCase

    gate = LIVE_SERVER_GATE
    serial = gate.serial if connection.vendor == "sqlite" else contextlib.nullcontext()

    class GatedWSGIServer(ThreadedWSGIServer):
        def set_app(self, application):
            def gated(environ, start_response):
                if not gate.enter():
                    start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                    return [b"the test's database is being reset"]
                try:
                    with serial:
                        response = application(environ, start_response)
                        try:
                            return list(response)
                        finally:
                            if hasattr(response, "close"):
                                response.close()
                finally:
                    gate.leave()

            super().set_app(gated)

    LiveServerThread.server_class = GatedWSGIServer

    fixture_setup = TransactionTestCase._fixture_setup.__func__
    fixture_teardown = TransactionTestCase._fixture_teardown

    def gated_setup(cls):
        fixture_setup(cls)
        gate.reopen()

    def gated_teardown(self):
        gate.close()
        fixture_teardown(self)

    TransactionTestCase._fixture_setup = classmethod(gated_setup)
    TransactionTestCase._fixture_teardown = gated_teardown


_gate_the_live_server()
