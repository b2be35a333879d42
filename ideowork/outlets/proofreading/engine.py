"""The proofreader: every word rule in one Aho–Corasick automaton, plus a fixed set of structural checks.

Speed does not depend on the number of word rules: the automaton scans the text once whatever its size,
and the structural checks are a constant number of compiled regular expressions and linear scans.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from datetime import date as Date

import ahocorasick

from ideowork.core.documents import document_date

from ..choices import RuleCategory
from .checks import STRUCTURAL_CHECKS, Context
from .findings import Finding
from .rules import RuleSpec

__all__ = ["Proofreader"]

_SEVERITY_RANK = {"error": 0, "warning": 1}
_RULE, _EXCEPTION = 0, 1


class Proofreader:
    """Compiled once for a set of rules; ``check`` may then be called on any number of texts."""

    def __init__(self, rules: Iterable[RuleSpec]):
        self.rules: list[RuleSpec] = list(rules)
        self._automaton = ahocorasick.Automaton()
        # key -> [(kind, rule index, offsets)]: for an exception, the offsets of the rule's pattern inside it.
        entries: dict[str, list[tuple[int, int, tuple[int, ...]]]] = {}
        for index, rule in enumerate(self.rules):
            entries.setdefault(rule.pattern, []).append((_RULE, index, ()))
            for phrase in rule.exceptions:
                offsets = tuple(i for i in range(len(phrase)) if phrase.startswith(rule.pattern, i))
                entries.setdefault(phrase, []).append((_EXCEPTION, index, offsets))
        for key, hits in entries.items():
            self._automaton.add_word(key, (len(key), tuple(hits)))
        if entries:
            self._automaton.make_automaton()
        self._empty = not entries

    def __len__(self) -> int:
        return len(self.rules)

    def check(self, text: str, *, date: Date | None = None) -> list[Finding]:
        """All findings in ``text``, sorted by position.

        ``date`` is the document's date (for outdated references); by default the date of the text's
        落款, else today.
        """
        day = date or document_date(text) or Date.today()
        findings = self._word_findings(text, day)
        words = sorted((f.start, f.end) for f in findings)
        context = Context(date=day)
        for check in STRUCTURAL_CHECKS:
            findings.extend(f for f in check(text, context)
                            if f.rule not in _FUZZY_RULES or not _overlaps(words, f.start, f.end))
        return _deduplicated(findings)

    def _word_findings(self, text: str, day: Date) -> list[Finding]:
        if self._empty or not text:
            return []
        matches: list[tuple[int, int, int]] = []  # (start, end, rule index)
        shielded: set[tuple[int, int]] = set()     # (start, rule index) inside one of the rule's exceptions
        rules = self.rules
        for last, (length, hits) in self._automaton.iter(text):
            start, end = last + 1 - length, last + 1
            for kind, index, offsets in hits:
                if kind == _EXCEPTION:
                    shielded.update((start + offset, index) for offset in offsets)
                else:
                    cutoff = rules[index].outdated_after
                    if cutoff is not None and (day <= cutoff or _historical(text, start, cutoff)):
                        continue  # not yet outdated, or named as a former body (原国土资源部, 2017年…)
                    matches.append((start, end, index))
        if shielded:
            matches = [m for m in matches if (m[0], m[2]) not in shielded]
        # Overlapping matches: the longest wins (then the earlier, then the more severe rule).
        matches.sort(key=lambda m: (m[0] - m[1], m[0], _SEVERITY_RANK.get(rules[m[2]].severity, 2)))
        taken = bytearray(len(text))
        findings = []
        for start, end, index in matches:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            findings.append(_word_finding(rules[index], start, end, text[start:end]))
        return findings


_CATEGORY_LABELS = dict(RuleCategory.choices)
# Findings of an approximate check, left out where a word rule names the error precisely.
_FUZZY_RULES = frozenset({"formulation.term", "formulation.quote", "formulation.idiom"})


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    at = bisect.bisect_left(spans, (end, end))
    return any(s < end and start < e for s, e in spans[max(0, at - 8):at])

_SENTENCE_MARKS = "。！？；\n"
# Words that make a sentence about a body's past: "不再保留国土资源部", "国家旅游局更名为…".
_HISTORY_WORDS = ("不再保留", "撤并", "更名", "前身", "改革前", "改革以前", "当时", "原来的", "曾")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)年")
_FORMER = re.compile(r"原(?![则因本料始创先])[^，。；：、！？“”（）\n]{0,6}$")


def _historical(text: str, start: int, cutoff: Date) -> bool:
    """True when an outdated name at ``start`` is named as a former body: "原国土资源部", "原市国土资源局",
    a sentence about the time before ``cutoff`` ("2017年，国家旅游局…") or about the reform itself
    ("不再保留国土资源部")."""
    if _FORMER.search(text, max(0, start - 7), start):
        return True
    window = max(0, start - 200)
    begin = max(max(text.rfind(mark, window, start) for mark in _SENTENCE_MARKS) + 1, window)
    end_candidates = [i for i in (text.find(mark, start, start + 200) for mark in _SENTENCE_MARKS) if i >= 0]
    sentence = text[begin:min(end_candidates) if end_candidates else start + 200]
    if any(word in sentence for word in _HISTORY_WORDS):
        return True
    return any(int(year) <= cutoff.year for year in _YEAR.findall(text, begin, start))


def _word_finding(rule: RuleSpec, start: int, end: int, found: str) -> Finding:
    label = _CATEGORY_LABELS.get(rule.category, rule.category)
    message = f"{label}：“{found}”"
    message += f"，建议改为“{rule.suggestion}”。" if rule.suggestion else "，建议删除或改写。"
    if rule.note:
        message += rule.note.rstrip("。") + "。"
    return Finding(start=start, end=end, text=found, rule=rule.code, category=rule.category,
                   severity=rule.severity, suggestion=rule.suggestion, message=message)


def _deduplicated(findings: list[Finding]) -> list[Finding]:
    """Sorted findings; of overlapping findings of one category (a literal rule and a structural check
    on the same words) only the longest is kept, and a width finding inside a numbering or punctuation one is dropped."""
    # Of findings on the same words a precise check's wins over an approximate one's.
    findings.sort(key=lambda f: (f.start, -f.end, _SEVERITY_RANK.get(f.severity, 2), f.rule in _FUZZY_RULES, f.rule))
    result: list[Finding] = []
    reach: dict[str, int] = {}  # category -> end of the last kept finding
    for finding in findings:
        if finding.start < reach.get(finding.category, -1):
            continue
        if finding.category == "width" and finding.start < max(reach.get("numbering", -1),
                                                               reach.get("punctuation", -1)):
            continue
        if not finding.rule.endswith(".order"):  # an enumeration's order spans words checked on their own
            reach[finding.category] = finding.end
        result.append(finding)
    return result
