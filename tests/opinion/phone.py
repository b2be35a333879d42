"""The opinion pages at a phone's width: nothing wider than the screen, and a screenshot to look at."""

from tests.conftest import PHONE, screenshot


def fits_the_phone(page, name: str) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, name)
