"""Shared bits of the plans feature tests: the seed documents, submitting forms as a browser would, and
the import page driven in a real browser."""

from html.parser import HTMLParser
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import screenshot

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
SEED_000 = SEEDS / "000_556bd5534a8c027b.txt"
SEED_001 = SEEDS / "001_5c1c457176fed4ac.txt"


def preview_import(page, path: Path) -> None:
    """In the browser: upload ``path`` on the import page and wait for the preview."""
    page.set_input_files("#id_file", str(path))
    page.click("text=解析并预览")
    page.wait_for_selector("text=导入预览")


def save_import(page, screenshot_name: str) -> None:
    """In the browser: the preview from the top (screenshot ``screenshot_name``), then saved."""
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, screenshot_name)
    page.locator(".sticky-head").get_by_role("button", name="保存导入").click()
    page.wait_for_selector("text=已导入")


def upload(path: Path, name: str | None = None, data: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name or path.name, data if data is not None else path.read_bytes())


class _FormFields(HTMLParser):
    """Collects what a browser submits: text inputs, checked boxes, selected options, textareas."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, str] = {}
        self._select = None
        self._first_option = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") == "checkbox":
                if "checked" in a:
                    self.data[name] = a.get("value") or "on"
            else:
                self.data[name] = a.get("value") or ""
        elif tag == "select":
            self._select, self._first_option = name, None
        elif tag == "option" and self._select:
            if self._first_option is None:
                self._first_option = a.get("value", "")
                self.data.setdefault(self._select, self._first_option)
            if "selected" in a:
                self.data[self._select] = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data.lstrip("\n") if not self.data[self._textarea] else data


def form_data(html: str, **overrides) -> dict:
    parser = _FormFields()
    parser.feed(html)
    data = parser.data
    data.pop("csrfmiddlewaretoken", None)
    data.update(overrides)
    return data
