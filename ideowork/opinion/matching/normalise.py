"""The one normalisation of items and of an expression's words: NFKC, case folding, traditional→simplified.

It is a map of each code point on its own: ``M(c)`` is the NFKC form of ``c``, case-folded
(``str.casefold``: lower case, plus ß→ss and the like, and no context rule such as Greek final
sigma), each resulting character then mapped by OpenCC's t2s *character* table (the first
candidate of each traditional character, never a phrase rule). ``normalise(text)`` is the
concatenation of ``M(c)`` over the text, so a position in the normalised text is well defined and
can be led back to the original (``normalise_with_offsets``); characters are counted after it.
Because it is per code point, canonical composition across characters is not applied (a letter
followed by a combining accent stays two characters); Chinese text does not meet this.

The table is built once per process (about a second): the t2s character table by asking OpenCC for
each CJK code point alone, the NFKC/case part by asking ``unicodedata`` for every code point, and
the whole closed under itself so that ``normalise(normalise(x)) == normalise(x)``.

The matcher does not call ``normalise`` on every item: it scans the raw text and falls back to it
only when the text holds a character that could make a difference (``MatchAlphabet``).
"""

from __future__ import annotations

import threading
import unicodedata

__all__ = ["normalise", "normalise_with_offsets", "normalisation_table", "changes_length", "original_span",
           "ITEM_SEPARATOR", "item_text"]

# Title and text are joined with a line break; no word of an expression can contain one (phrases
# refuse line breaks), so no occurrence spans the boundary. It counts as one character.
ITEM_SEPARATOR = "\n"

_CJK_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00), (0x20000, 0x2A6E0), (0x2A700, 0x2EBF0),
               (0x2F800, 0x2FA20), (0x30000, 0x3134B))
_lock = threading.Lock()
_table: dict[int, str] | None = None


def _t2s_characters() -> dict[str, str]:
    import opencc

    converter = opencc.OpenCC("t2s")
    table = {}
    for low, high in _CJK_RANGES:
        for code in range(low, high):
            char = chr(code)
            converted = converter.convert(char)
            if converted != char and len(converted) == 1:
                table[char] = converted
    return table


def _candidate_code_points():
    """Every code point but the surrogates, the unassigned planes 4–13 and the private-use planes."""
    yield from range(0xD800)
    yield from range(0xE000, 0x40000)
    yield from range(0xE0000, 0xE1000)


def _build_table() -> dict[int, str]:
    t2s = _t2s_characters()

    def once(text: str) -> str:
        return "".join(t2s.get(c, c) for c in unicodedata.normalize("NFKC", text).casefold())

    table: dict[int, str] = {}
    for code in _candidate_code_points():
        char = chr(code)
        if char not in t2s and char.casefold() == char and unicodedata.is_normalized("NFKC", char):
            continue
        mapped = once(char)
        if mapped != char:
            # Close under itself: the image of a character is a fixed point.
            for _ in range(4):
                again = "".join(once(c) for c in mapped)
                if again == mapped:
                    break
                mapped = again
            table[code] = mapped
    return table


def normalisation_table() -> dict[int, str]:
    """``{code point: its normalised form}`` for every code point that normalisation changes."""
    global _table
    if _table is None:
        with _lock:
            if _table is None:
                _table = _build_table()
    return _table


def normalise(text: str) -> str:
    """``text`` normalised (see the module's docstring)."""
    return text.translate(normalisation_table())


def changes_length(char: str) -> bool:
    """Whether normalising ``char`` gives other than one character (… → ..., ㈠ → (一))."""
    mapped = normalisation_table().get(ord(char))
    return mapped is not None and len(mapped) != 1


def normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """``normalise(text)`` and, for each of its characters, the index in ``text`` it came from."""
    table = normalisation_table()
    parts: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        mapped = table.get(ord(char), char)
        parts.append(mapped)
        origins.extend([index] * len(mapped))
    return "".join(parts), origins


def original_span(origins: list[int], text_length: int, start: int, end: int) -> tuple[int, int]:
    """The span of the original text that normalised characters ``start:end`` came from."""
    if start >= len(origins):
        return text_length, text_length
    first = origins[start]
    last = origins[end - 1] + 1 if end > start else first
    return first, last


def item_text(title: str, text: str) -> str:
    """What an item's words are looked for in: title and text joined by ``ITEM_SEPARATOR``."""
    return f"{title or ''}{ITEM_SEPARATOR}{text or ''}"

