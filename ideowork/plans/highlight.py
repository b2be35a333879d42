"""Showing an item's text with its targets marked: ``<mark class="target">…</mark>``."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

__all__ = ["target_spans", "highlight_targets"]


def target_spans(text: str, targets: Iterable[dict]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans of the targets' phrases in ``text``, in reading order.

    A target's own ``start``/``end`` offsets are used when they still point at its phrase (the
    parser's output); otherwise, after an edit, the phrase is looked up in the text.
    """
    spans: list[tuple[int, int]] = []
    for target in targets:
        phrase = (target.get("text") or "").strip()
        if not phrase:
            continue
        start, end = target.get("start"), target.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and text[start:end] == phrase):
            start = _free_occurrence(text, phrase, spans)
            if start < 0:
                continue
            end = start + len(phrase)
        if not any(start < e and s < end for s, e in spans):
            spans.append((start, end))
    return sorted(spans)


def _free_occurrence(text: str, phrase: str, taken: list[tuple[int, int]]) -> int:
    start = text.find(phrase)
    while start >= 0 and any(start < e and s < start + len(phrase) for s, e in taken):
        start = text.find(phrase, start + 1)
    return start


def highlight_targets(text: str, targets: Iterable[dict]) -> SafeString:
    """The escaped text with each target phrase wrapped in ``<mark class="target">``."""
    out, pos = [], 0
    for start, end in target_spans(text, targets):
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="target">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))
