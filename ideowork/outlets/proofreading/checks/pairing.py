"""Quotation marks and brackets that are not closed or not opened, within one paragraph.

A paragraph is a line, except that text copied from a PDF or a web page is often wrapped by hard
line breaks: a long line (20+ characters) that does not end a sentence continues on the next line.
A quotation over several paragraphs opens each paragraph with “ and closes only at the end of the last
(GB/T 15834), and ’ between English letters is an apostrophe (People’s Daily), not a closing quote.
"""

from __future__ import annotations

import re

from .base import finding

__all__ = ["check_pairing"]

_PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "【": "】", "〔": "〕", "「": "」"}
_OPENERS = {closer: opener for opener, closer in _PAIRS.items()}
_MARKS = re.compile("[" + "".join(_PAIRS) + "".join(_OPENERS) + "\n]")
_SENTENCE_END = frozenset("。！？；：…”’）》】」.!?;:")
_WRAPPED_LINE = 20


def _paragraph_ends(text, newline):
    """True when the line ending at ``newline`` ends its paragraph."""
    line_start = text.rfind("\n", 0, newline) + 1
    line = text[line_start:newline].rstrip()
    return len(line) < _WRAPPED_LINE or line[-1] in _SENTENCE_END or not text[newline + 1:newline + 2].strip()


def _quote_continues(text, newline):
    """Where the next paragraph opens with “ (a quotation running over several paragraphs), else -1."""
    following = newline + 1
    while following < len(text) and text[following] in " \t\u3000\n":
        following += 1
    if text[following:following + 1] != "“":
        return -1
    # A continuation paragraph either does not close the quotation or closes it at its very end.
    end = text.find("\n", following)
    line = text[following + 1:end if end >= 0 else len(text)].rstrip()
    if "”" in line and not (line.rstrip("。！？").endswith("”") and line.count("”") == line.count("“") + 1):
        return -1
    return following


def _apostrophe(text, position, stack):
    """’ as the apostrophe of English words: People’s, Xi’an, officials’ (when no ‘ is open)."""
    before = text[position - 1:position]
    if not (before.isascii() and before.isalpha()):
        return False
    after = text[position + 1:position + 2]
    return (after.isascii() and after.isalpha()) or not any(o == "‘" for o, _ in stack)


_NUMBER_BEFORE = re.compile("[ \t\u3000]*(?:\\d{1,2}|[一二三四五六七八九十]{1,3})")


def check_pairing(text, context):
    stack: list[tuple[str, int]] = []
    continued = -1  # the “ opening a paragraph that continues a quotation (GB/T 15834: only the last closes)
    for match in _MARKS.finditer(text):
        mark, position = match.group(), match.start()
        if mark == "\n":
            if stack and _paragraph_ends(text, position):
                if all(opener == "“" for opener, _ in stack) and len(stack) == 1 and (
                        (continued := _quote_continues(text, position)) >= 0):
                    continue
                yield from (_unclosed(text, opener, at) for opener, at in stack)
                stack.clear()
        elif position == continued:
            continued = -1
        elif mark in _PAIRS:
            stack.append((mark, position))
        else:
            opener = _OPENERS[mark]
            if mark == "’" and _apostrophe(text, position, stack):
                continue
            if stack and stack[-1][0] == opener:
                stack.pop()
            elif any(o == opener for o, _ in stack):
                while stack[-1][0] != opener:
                    yield _unclosed(text, *stack.pop())
                stack.pop()
            elif mark in "）)" and _NUMBER_BEFORE.fullmatch(text, text.rfind("\n", 0, position) + 1, position):
                continue  # a numbering marker "1）" at the start of a line: its form is the numbering check's
            else:
                yield finding(text, position, position + 1, rule="structure.pairing", category="pairing",
                              severity="error", suggestion=None,
                              message=f"“{mark}”前面缺少与之配对的“{opener}”，或此处多了一个“{mark}”。")
    yield from (_unclosed(text, opener, at) for opener, at in stack)


def _unclosed(text, opener, position):
    closer = _PAIRS[opener]
    return finding(text, position, position + 1, rule="structure.pairing", category="pairing", severity="error",
                   suggestion=None, message=f"“{opener}”在本段内没有配对的“{closer}”，请补全或删除。")
