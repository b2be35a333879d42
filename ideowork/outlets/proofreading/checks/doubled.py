"""Doubled function characters (的的, 了了 …), a typical typing slip.

Legitimate sequences such as 目的的, 不了了之, 但是是否, 稳定和和谐 are told apart by word segmentation:
a pair is reported only when both characters stand as words of their own. Reduplicated words (常常,
天天, 研究研究) are never considered.
"""

from __future__ import annotations

import functools
import re

from .base import finding

__all__ = ["check_doubled"]

_DOUBLED = re.compile(r"([的地得了是在和与对及并从向为于就都也还又而但或被将把])\1")
_WINDOW = 6


@functools.cache
def _tokenizer():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def _standalone(text: str, start: int) -> bool:
    """True when text[start] and text[start + 1] are both one-character words."""
    left = max(0, start - _WINDOW)
    window = text[left:start + 2 + _WINDOW]
    singles = {begin for _word, begin, end in _tokenizer().tokenize(window) if end - begin == 1}
    return start - left in singles and start - left + 1 in singles


def check_doubled(text, context):
    for match in _DOUBLED.finditer(text):
        start = match.start()
        if not _standalone(text, start):
            continue
        char = match.group(1)
        yield finding(text, start, start + 2, rule="structure.doubled", category="doubled", severity="error",
                      suggestion=char, message=f"“{match.group()}”重复，疑为多打了一个“{char}”。")
