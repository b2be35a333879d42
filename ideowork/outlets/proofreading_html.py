"""Showing a text with the proofreader's findings marked in place.

``render_highlighted`` cuts the text at every finding's start and end, escapes every piece and wraps
each marked piece in ``<mark>``; the user's text is never trusted as HTML. Overlapping findings are
not nested: the text is split into runs covered by the same set of findings, so a character belongs
to exactly one ``<mark>``, whose class is the most severe of its findings and whose tooltip lists them
all. Line breaks become ``<br>``; put the result in an element of class ``proof-text``
(``outlets/proofread.css``) to keep spaces and indentation as typed.

Findings may be ``proofreading.Finding`` objects or their ``as_dict()`` (what ``content_findings``
returns): only ``start``, ``end``, ``severity``, ``message`` and ``suggestion`` are read, and two
optional keys (or attributes): ``waived`` (true for a finding the reviewers decided to keep) and
``waived_reason``. A waived finding is marked ``<mark class="pf proof-waived">`` (muted, dotted) and
its tooltip says 已确认保留 with the reason; where it overlaps an open finding, the open one decides
the mark's look.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from html import escape

from django.utils.safestring import SafeString, mark_safe

__all__ = ["render_highlighted", "finding_tooltip", "is_waived"]

_RANK = {"error": 2, "warning": 1}
_WAIVED_RANK = 0
_SEVERITY_LABEL = {"error": "错误", "warning": "提示"}


def _get(finding, name: str, default=None):
    if isinstance(finding, Mapping):
        return finding.get(name, default)
    return getattr(finding, name, default)


def is_waived(finding) -> bool:
    return bool(_get(finding, "waived", False))


def finding_tooltip(finding) -> str:
    """One line for a finding: its level (or that it was kept, and why), what is wrong and, if any,
    what to write instead."""
    severity = _get(finding, "severity", "warning")
    message = _get(finding, "message") or ""
    suggestion = _get(finding, "suggestion")
    if is_waived(finding):
        reason = (_get(finding, "waived_reason") or "").strip()
        label = f"已确认保留：{reason}" if reason else "已确认保留"
    else:
        label = _SEVERITY_LABEL.get(severity, severity)
    line = f"【{label}】{message}"
    if suggestion:
        line += f"（建议：{suggestion}）"
    return line


def _text_html(piece: str) -> str:
    return escape(piece, quote=False).replace("\r\n", "<br>").replace("\r", "<br>").replace("\n", "<br>")


def render_highlighted(text: str, findings: Sequence, *, id_prefix: str = "pf") -> SafeString:
    """``text`` as HTML with each finding marked.

    The ``<mark>`` where finding ``i`` (its index in ``findings``) begins carries ``id="<id_prefix>-<i>"``
    so a findings table can link to it; every mark lists its findings in ``data-findings``. Findings
    with offsets outside the text are ignored; an empty span marks the character at its start.
    Runs in O((n + k) log k) for n characters and k findings.
    """
    length = len(text)
    spans = []  # (start, end, index)
    for index, finding in enumerate(findings):
        start, end = int(_get(finding, "start", 0)), int(_get(finding, "end", 0))
        if start < 0 or start >= length or end > length:
            continue
        spans.append((start, max(end, start + 1), index))
    if not spans:
        return mark_safe(_text_html(text))
    spans.sort()
    tooltips = {i: escape(finding_tooltip(findings[i])) for _, _, i in spans}
    ranks = {i: _WAIVED_RANK if is_waived(findings[i]) else _RANK.get(_get(findings[i], "severity"), 1)
             for _, _, i in spans}

    # Sweep the boundaries; ``active`` holds the findings covering the current run.
    boundaries = sorted({p for s, e, _ in spans for p in (s, e)})
    ending: list[tuple[int, int]] = []  # heap of (end, index)
    active: dict[int, None] = {}  # insertion-ordered set
    out: list[str] = []
    cursor, next_span, starting = 0, 0, []
    for position in boundaries:
        if position > cursor:
            piece = _text_html(text[cursor:position])
            if active:
                out.append(_mark(piece, list(active), starting, tooltips, ranks, id_prefix))
            else:
                out.append(piece)
            cursor = position
        while ending and ending[0][0] <= position:
            active.pop(heapq.heappop(ending)[1], None)
        starting = []
        while next_span < len(spans) and spans[next_span][0] == position:
            _, end, index = spans[next_span]
            active[index] = None
            heapq.heappush(ending, (end, index))
            starting.append(index)
            next_span += 1
    out.append(_text_html(text[cursor:]))
    return mark_safe("".join(out))


def _mark(piece: str, covering: list[int], starting: list[int], tooltips: dict, ranks: dict,
          id_prefix: str) -> str:
    top = max(ranks[i] for i in covering)
    look = "pf-error" if top >= _RANK["error"] else "pf-warning" if top > _WAIVED_RANK else "proof-waived"
    ident = f' id="{id_prefix}-{starting[0]}"' if starting else ""
    # Other findings starting here too get an empty anchor, so every table row has a target.
    anchors = "".join(f'<span id="{id_prefix}-{i}"></span>' for i in starting[1:])
    title = "&#10;".join(tooltips[i] for i in covering)
    indexes = " ".join(str(i) for i in covering)
    return (f'{anchors}<mark class="pf {look}{" pf-multi" if len(covering) > 1 else ""}"{ident} '
            f'data-findings="{indexes}" title="{title}">{piece}</mark>')
