"""Near-quotes of canonical formulations: a span that almost quotes a formulation of
``data/reference/formulations.tsv`` but not exactly — members reordered ("青山绿水就是金山银山"), a
member left out of a list of four or more ("举旗帜、聚民心、育新人、展形象"), a word replaced by a
near-synonym ("百年未有之大变革", "“两个拥护”"), a wrong verb ("树立“四个意识”" after 2017-10-18), or the second
words of two four-character members swapped ("大众创新、万众创业"). A list marked ``whole`` (always quoted in full,
"全员育人、全过程育人、全方位育人") is checked for a member left out however short it is.

Linear whatever the number of formulations: every wrong form is derived from the canonical text when the
data is read and all of them, with the canonical texts and the listed correct phrases, go into one
Aho–Corasick automaton; a wrong form is reported unless it lies inside a correct occurrence. Only the
derived forms can match, so a correct quote or a text that merely mentions some members is never reported.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

import ahocorasick

from .base import finding

__all__ = ["check_quotes", "formulations", "variants"]

FORMULATIONS_FILE = Path(__file__).resolve().parents[1] / "data" / "reference" / "formulations.tsv"
_QUOTES = (("“", "”"), ('"', '"'))
_EXCEPT = "例外："
# Lists longer than this are checked for adjacent members swapped only (all orders would be too many).
_ALL_ORDERS = 4
# A member may be left out of lists of at least this many members (a shorter one is often quoted in part).
_MIN_FOR_MISSING = 4


@dataclass(frozen=True)
class Formulation:
    canonical: str
    members: tuple[str, ...]
    substitutions: tuple[tuple[str, tuple[str, ...]], ...]
    since: Date | None
    quoted: bool
    exceptions: tuple[str, ...]
    whole: bool = False


@functools.cache
def formulations() -> tuple[Formulation, ...]:
    result = []
    for raw in FORMULATIONS_FILE.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        canonical, members, substitutions, since, options = (raw.split("\t") + [""] * 4)[:5]
        pairs = []
        for group in filter(None, substitutions.split(";")):
            right, _, wrongs = group.partition(">")
            pairs.append((right, tuple(w for w in wrongs.split(",") if w)))
        exceptions = ()
        if _EXCEPT in options:
            exceptions = tuple(p for p in options.split(_EXCEPT, 1)[1].split("|") if p)
        formulation = Formulation(canonical, tuple(m for m in members.split("|") if m), tuple(pairs),
                                  Date.fromisoformat(since) if since else None, "quoted" in options.split(),
                                  exceptions, "whole" in options.split())
        result.append(formulation)
        result.extend(_separated(formulation))
    return tuple(result)


def _separated(formulation: Formulation) -> list[Formulation]:
    """The same formulation as editors also write it: short members run together with 顿号 between them
    ("忠诚、干净、担当" for "忠诚干净担当"), and a list's last 顿号 as 和 ("政治自觉、思想自觉和行动自觉")."""
    canonical, members = formulation.canonical, formulation.members
    if len(members) < 3:
        return []
    spelled = []
    if "".join(members) in canonical and all(len(m) <= 2 for m in members):
        spelled.append(canonical.replace("".join(members), "、".join(members)))
    listed = "、".join(members)
    if listed in canonical:
        spelled.append(canonical.replace(listed, "、".join(members[:-1]) + "和" + members[-1]))
    return [Formulation(text, members, formulation.substitutions, formulation.since, formulation.quoted, (),
                        formulation.whole) for text in spelled]


def variants(formulation: Formulation) -> list[tuple[str, str]]:
    """The wrong forms of a formulation with what is wrong in each (Chinese), canonical quotes kept."""
    canonical = formulation.canonical
    found: dict[str, str] = {}
    members = formulation.members
    if len(members) >= 2:
        cuts, at = [], 0
        for member in members:
            at = canonical.index(member, at)
            cuts.append((at, at + len(member)))
            at += len(member)
        head, tail = canonical[:cuts[0][0]], canonical[cuts[-1][1]:]
        separators = [canonical[cuts[i][1]:cuts[i + 1][0]] for i in range(len(cuts) - 1)]

        def joined(order):
            return joined_members([members[index] for index in order])

        def joined_members(written):
            parts = [written[0]]
            for separator, member in zip(separators, written[1:]):
                parts += [separator, member]
            return head + "".join(parts) + tail

        if len(members) <= _ALL_ORDERS:
            orders = itertools.permutations(range(len(members)))
        else:
            orders = (tuple(range(i)) + (i + 1, i) + tuple(range(i + 2, len(members))) for i in range(len(members) - 1))
        for order in orders:
            if list(order) != sorted(order):
                found.setdefault(joined(order), "顺序不对")
        for i in range(len(members) - 1):
            first, second = members[i], members[i + 1]
            if len(first) == len(second) == 4 and first[:2] != second[:2] and first[2:] != second[2:]:
                swapped = list(members)
                swapped[i], swapped[i + 1] = first[:2] + second[2:], second[:2] + first[2:]
                found.setdefault(joined_members(swapped), f"“{first[2:]}”与“{second[2:]}”互换了位置")
        if len(members) >= _MIN_FOR_MISSING or formulation.whole and len(members) >= 3:
            for lost in range(1, len(members) - 1):
                kept = [i for i in range(len(members)) if i != lost]
                parts = [members[kept[0]]]
                for index in kept[1:]:
                    parts += [separators[min(index - 1, len(separators) - 1)], members[index]]
                found.setdefault(head + "".join(parts) + tail, f"缺少“{members[lost]}”")
        if all(len(m) <= 2 for m in members) and set(separators) == {"、"}:
            for wrong, why in list(found.items()):
                found.setdefault(wrong.replace("、", ""), why)  # "全面准确完整贯彻…" as well as with 顿号
    for right, wrongs in formulation.substitutions:
        at = canonical.find(right)
        while at >= 0:
            for wrong in wrongs:
                found.setdefault(canonical[:at] + wrong + canonical[at + len(right):], f"“{right}”误作“{wrong}”")
            at = canonical.find(right, at + 1)
    found.pop(canonical, None)
    return list(found.items())


def _quote_styles(phrase: str, quoted: bool) -> list[str]:
    """The phrase as written with Chinese quotes, ASCII quotes and (unless ``quoted``) none."""
    if "“" not in phrase:
        return [phrase]
    styles = [phrase.replace("“", left).replace("”", right) for left, right in _QUOTES]
    if not quoted:
        styles.append(phrase.replace("“", "").replace("”", ""))
    return styles


_WRONG, _RIGHT = 0, 1


def _spellings(phrase: str, formulation: Formulation, quoted: bool) -> list[str]:
    """The phrase in every quote style, and with commas for the 顿号 between members ("举旗帜，聚民心，…")."""
    styles = _quote_styles(phrase, quoted)
    if formulation.members and "、" in formulation.canonical:
        styles += [style.replace("、", "，") for style in styles]
    return styles


@functools.cache
def _automaton():
    automaton = ahocorasick.Automaton()
    keys: dict[str, list[tuple]] = {}
    correct = set()
    for formulation in formulations():
        for phrase in (formulation.canonical, *formulation.exceptions):
            for styled in _spellings(phrase, formulation, False):
                correct.add(styled)
                keys.setdefault(styled, []).append((_RIGHT,))
    for formulation in formulations():
        for wrong, why in variants(formulation):
            for styled, canonical in zip(_spellings(wrong, formulation, formulation.quoted),
                                         _spellings(formulation.canonical, formulation, formulation.quoted)):
                if styled not in correct:
                    keys.setdefault(styled, []).append((_WRONG, canonical, why, formulation.since))
    for key, hits in keys.items():
        automaton.add_word(key, (len(key), tuple(hits)))
    automaton.make_automaton()
    return automaton


def check_quotes(text, context):
    right: list[tuple[int, int]] = []
    wrong: list[tuple[int, int, str, str]] = []
    for last, (length, hits) in _automaton().iter(text):
        start, end = last + 1 - length, last + 1
        for hit in hits:
            if hit[0] == _RIGHT:
                right.append((start, end))
            elif hit[3] is None or context.date >= hit[3]:
                wrong.append((start, end, hit[1], hit[2]))
    wrong.sort(key=lambda w: (w[0] - w[1], w[0]))
    taken: list[tuple[int, int]] = []
    for start, end, canonical, why in wrong:
        if any(s <= start and end <= e for s, e in right) or any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        yield finding(text, start, end, rule="formulation.quote", category="formulation", severity="error",
                      suggestion=canonical,
                      message=f"“{text[start:end]}”与规范提法“{canonical}”不符（{why}），请按原文改正。")
