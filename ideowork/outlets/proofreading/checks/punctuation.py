"""Punctuation (GB/T 15834): doubled marks, wrong ellipses, half-width marks in Chinese text."""

from __future__ import annotations

import re

from .base import HAN, finding

__all__ = ["check_punctuation", "check_width"]

_ELLIPSIS = re.compile(r"\.{3,}|。{3,}|·{3,}|(?<!…)…(?!…)")
_DOUBLED = re.compile(r"[，、；：。！？]{2,}")
_CHINESE_NEAR = re.compile(f"[{HAN}“”‘’（）《》，。、；：！？]")

_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。"}
# A half-width mark touching a Chinese character. The full stop only counts after one and not before a
# letter or digit: "1.深化" is a numbering marker, "3.5" a decimal, "通知.docx" a file name.
_WIDTH = re.compile(f'(?<=[{HAN}])(?:[,;:?!()]|\\.(?![A-Za-z0-9]))|[,;:?!()](?=[{HAN}])|"')


def check_punctuation(text, context):
    # A cheap scan first: most texts have no ellipsis at all.
    ellipses = _ELLIPSIS.finditer(text) if any(mark in text for mark in ("...", "。。。", "···", "…")) else ()
    for match in ellipses:
        start, end = match.span()
        if match.group().startswith((".", "·")) and not (
                _CHINESE_NEAR.match(text, max(start - 1, 0)) or _CHINESE_NEAR.match(text, end)):
            continue
        yield finding(text, start, end, rule="structure.punctuation.ellipsis", category="punctuation",
                      severity="error", suggestion="……",
                      message=f"省略号用法不规范：“{match.group()}”应为占两个字位置的“……”。")
    for match in _DOUBLED.finditer(text):
        run = match.group()
        if set(run) == {"。"} and len(run) >= 3:
            continue  # an ellipsis typed as full stops, reported above
        if set(run) & {"！", "？"} and len(set(run)) > 1:
            continue  # "？！" is an emphatic question, not a slip
        yield finding(text, *match.span(), rule="structure.punctuation.doubled", category="punctuation",
                      severity="error", suggestion=run[-1] if len(set(run)) == 1 else None,
                      message=f"标点符号重复：“{run}”连用，应只保留一个。")


def check_width(text, context):
    quotes_in_line = 0
    line_start = 0
    for match in _WIDTH.finditer(text):
        mark, start = match.group(), match.start()
        if mark == '"':
            line_begin = text.rfind("\n", 0, start) + 1
            if line_begin != line_start:
                line_start, quotes_in_line = line_begin, 0
            quotes_in_line += 1
            before = text[start - 1] if start > line_begin else ""
            after = text[start + 1] if start + 1 < len(text) else ""
            if not (_CHINESE_NEAR.match(before) or _CHINESE_NEAR.match(after)):
                continue
            full = "“" if quotes_in_line % 2 else "”"
        else:
            full = _FULL[mark]
        yield finding(text, start, start + 1, rule="structure.width", category="width", severity="error",
                      suggestion=full, message=f"中文文本中使用了半角标点“{mark}”，应为全角“{full}”。")
