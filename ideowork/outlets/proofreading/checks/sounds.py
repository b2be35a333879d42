"""Characters read alike: the homophone table of ``data/reference/homophones.tsv`` (the 3,755 common
characters of GB 2312 grouped by their readings, tones aside) and, for the fixed phrases only, readings
that differ by the flat or retroflex initial (z/zh, c/ch, s/sh), which many speakers do not tell apart and
input by ("通熟易懂" for 通俗易懂)."""

from __future__ import annotations

import functools
from pathlib import Path

__all__ = ["homophones", "near_sounds"]

HOMOPHONES_FILE = Path(__file__).resolve().parents[1] / "data" / "reference" / "homophones.tsv"
_RETROFLEX = (("zh", "z"), ("ch", "c"), ("sh", "s"))


def _readings() -> list[tuple[str, str]]:
    rows = []
    for line in HOMOPHONES_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            reading, chars = line.split("\t")
            rows.append((reading, chars))
    return rows


def _grouped(key) -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for reading, chars in _readings():
        groups.setdefault(key(reading), set()).update(chars)
    table: dict[str, set[str]] = {}
    for chars in groups.values():
        for char in chars:
            table.setdefault(char, set()).update(chars)
    return {char: frozenset(same) for char, same in table.items()}


@functools.cache
def homophones() -> dict[str, frozenset[str]]:
    """Each common character -> the common characters read the same, tones aside (itself included)."""
    return _grouped(lambda reading: reading)


def _flat(reading: str) -> str:
    for retroflex, flat in _RETROFLEX:
        if reading.startswith(retroflex):
            return flat + reading[len(retroflex):]
    return reading


@functools.cache
def near_sounds() -> dict[str, frozenset[str]]:
    """Each common character -> the common characters read the same once z/zh, c/ch and s/sh are merged."""
    return _grouped(_flat)

