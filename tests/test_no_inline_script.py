"""No inline script anywhere: the Content-Security-Policy (``script-src 'self'``) blocks it in the browser.

Code lives in static files; a page passes parameters to it in ``data-`` attributes, and data for a
script in ``<script type="application/json">`` (Django's ``json_script``), which is never run.
Checked in every template, in HTML written by Python code and in the static scripts' own markup.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "ideowork"
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
HANDLER = re.compile(r"^on[a-z]+$")
# The DOM events a handler is usually written for; a dict key in Python is only suspect if it names one.
EVENTS = (r"(?:abort|blur|change|click|contextmenu|dblclick|drag\w*|drop|error|focus\w*|input|invalid|key\w+"
          r"|load\w*|mouse\w+|pointer\w+|paste|reset|resize|scroll|select|submit|touch\w+|unload|wheel)")
# htmx attributes whose values are evaluated as code: hx-on*, and js:/javascript: in hx-vals/hx-vars.
HTMX_CODE = re.compile(r"^(hx-on|data-hx-on)|^(data-)?hx-vars$")
JS_URL = re.compile(r"javascript\s*:", re.I)
HX_VALS_JS = re.compile(r"^\s*(js|javascript)\s*:", re.I)


class InlineScriptFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.offences: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        names = {name.lower(): value or "" for name, value in attrs}
        line = self.getpos()[0]
        if tag == "script" and "src" not in names and names.get("type", "").lower() not in DATA_SCRIPT_TYPES:
            self.offences.append((line, "<script> without src"))
        for name in names:
            if HANDLER.match(name):
                self.offences.append((line, f"event handler attribute {name}="))
            elif HTMX_CODE.match(name):
                self.offences.append((line, f"htmx code attribute {name}="))
        for name in ("hx-vals", "data-hx-vals"):
            if HX_VALS_JS.match(names.get(name, "")):
                self.offences.append((line, f"{name} evaluated as JavaScript"))

    handle_startendtag = handle_starttag


def inline_script_in(html: str) -> list[str]:
    finder = InlineScriptFinder()
    finder.feed(html)
    finder.close()
    found = [f"line {line}: {what}" for line, what in finder.offences]
    for match in JS_URL.finditer(html):
        found.append(f"line {html.count(chr(10), 0, match.start()) + 1}: javascript: URL")
    return found


def templates():
    return sorted(p for p in PACKAGE.rglob("*.html") if "templates" in p.relative_to(PACKAGE).parts)


def test_the_finder_sees_every_kind_of_inline_script():
    page = """<script>alert(1)</script>
<script src="/static/a.js" defer></script>
<script id="chart" type="application/json">{"a": 1}</script>
<select name="plan" onchange="this.form.submit()"></select>
<a href="JavaScript:void(0)">x</a>
<button hx-on:click="alert(1)" data-action="go">x</button>
<div hx-get="/x" hx-vals='js:{a: 1}'></div>
<img src="x.png" onerror="boom()">"""
    assert inline_script_in(page) == [
        "line 1: <script> without src",
        "line 4: event handler attribute onchange=",
        "line 6: htmx code attribute hx-on:click=",
        "line 7: hx-vals evaluated as JavaScript",
        "line 8: event handler attribute onerror=",
        "line 5: javascript: URL",
    ]


def test_no_template_has_inline_script():
    assert len(templates()) > 100
    offences = [f"{path.relative_to(PACKAGE)} {found}"
                for path in templates() for found in inline_script_in(path.read_text(encoding="utf-8"))]
    assert not offences, "move code into a static file (parameters in data- attributes):\n" + "\n".join(offences)


def test_no_python_code_writes_inline_script():
    """Widgets' attrs and HTML built in Python: no handler attributes, no script bodies, no javascript: URLs."""
    patterns = [re.compile(rf"""["']on{EVENTS}["']\s*:"""),        # attrs={"onchange": ...}
                re.compile(rf"""\son{EVENTS}=\\?["']"""),           # '<select onchange="...">'
                re.compile(r"<script(?![^>]*\b(src=|type=.application/json))", re.I),
                JS_URL]
    offences = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if any(p.search(line) for p in patterns):
                offences.append(f"{path.relative_to(PACKAGE)}:{lineno}: {line.strip()}")
    assert not offences, "\n".join(offences)


def test_static_scripts_write_no_inline_handlers():
    offences = []
    for path in sorted(PACKAGE.rglob("static/**/*.js")):
        if "vendor" in path.parts or path.name.endswith(".min.js"):
            continue
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"""\son[a-z]+=\\?["'`]""", line) or JS_URL.search(line) or re.search(r"\beval\(|new Function\(", line):
                offences.append(f"{path.relative_to(PACKAGE)}:{lineno}: {line.strip()}")
    assert not offences, "\n".join(offences)
