"""The word lists of sentiment and grading, read from ``data/`` and compiled into one automaton.

A ``Lexicon`` holds sentiment words (weights from -3 to +3), modifiers (negators, degree adverbs,
contrast conjunctions, rhetorical-question markers) and sensitive-topic words, every key normalised
by the one normalisation (``matching.normalise``). Three modifier kinds are about what a sentence
does rather than what it feels: a ``frame`` (a plan — 将会、尽快、列入 —, a hypothesis — 如遇、一旦 —,
the past — 以前 — or the topic a reply answers — 针对、回应) scales the sentiment words after it to
the end of its clause; a ``turn`` (现已、终于, or a sentiment word that tells of a fix done: 全部结清)
and an ``answer`` (回复称、答复) mark the organ's response to a complaint (see ``sentiment``). The
defaults are read once per process (``Lexicon.default()``); the users' own lists are laid over them
with ``Lexicon.extended(...)``, which returns a new lexicon and leaves the defaults (and their
compiled automaton) alone. A word of the user's list wins over the same word in the defaults.

The automaton holds UTF-8 bytes, one latin-1 character per byte, as the matcher's does: pyahocorasick
looks a node's children up one by one, and a byte has at most 256 of them.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

import ahocorasick

from ..matching.normalise import normalise

__all__ = ["Entry", "Lexicon", "LexiconError", "DATA"]

DATA = Path(__file__).resolve().parent / "data"
SENTIMENT_FILES = ("general.tsv", "government.tsv")  # later files win
MODIFIER_KINDS = ("negator", "degree", "contrast", "rhetorical", "frame", "turn", "answer")
SENTIMENT = "sentiment"
SENSITIVE = "sensitive"


class LexiconError(ValueError):
    """A word list that cannot be read; ``message`` (Chinese) names the file or list and the line."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class Entry:
    """One key of the automaton: a sentiment word, a modifier, a sensitive word, or several at once."""

    word: str
    weight: float = 0.0          # sentiment weight; 0 for none
    modifier: str = ""           # one of MODIFIER_KINDS, or ""
    factor: float = 1.0          # a degree's multiplier or a contrast's weight
    topic: str = ""              # a sensitive word's topic, or ""
    points: float = 0.0          # a sensitive word's points
    length: int = 0              # UTF-8 bytes of the normalised word
    has_weight: bool = False     # a sentiment entry, even of weight 0 (it shields shorter words)


def _rows(path: Path, columns: int) -> Iterable[tuple[int, list[str]]]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != columns:
            raise LexiconError(f"词表“{path.name}”第{number}行应有{columns}列（以制表符分隔）")
        yield number, parts


def _number(text: str, where: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise LexiconError(f"{where}的数值“{text}”不是数字") from None


class Lexicon:
    """Sentiment words, modifiers and sensitive words, compiled (see the module's docstring)."""

    _default: Lexicon | None = None
    _lock = threading.Lock()

    def __init__(self, sentiment: Mapping[str, float], modifiers: Mapping[str, tuple[str, float]],
                 sensitive: Mapping[str, tuple[str, float]]):
        self.sentiment = dict(sentiment)
        self.modifiers = dict(modifiers)
        self.sensitive = dict(sensitive)
        entries: dict[str, Entry] = {}
        for word in set(self.sentiment) | set(self.modifiers) | set(self.sensitive):
            kind, factor = self.modifiers.get(word, ("", 1.0))
            topic, points = self.sensitive.get(word, ("", 0.0))
            entries[word] = Entry(word, self.sentiment.get(word, 0.0), kind, factor, topic, points,
                                  len(word.encode("utf-8")), word in self.sentiment)
        self.entries = entries
        self.automaton = ahocorasick.Automaton()
        for word, entry in entries.items():
            self.automaton.add_word(word.encode("utf-8").decode("latin-1"), entry)
        if entries:
            self.automaton.make_automaton()

    # -- reading ----------------------------------------------------------------------------------

    @classmethod
    def from_files(cls, directory: Path = DATA) -> Lexicon:
        sentiment: dict[str, float] = {}
        for name in SENTIMENT_FILES:
            for number, (word, weight) in _rows(directory / name, 2):
                sentiment[normalise(word.strip())] = _number(weight, f"词表“{name}”第{number}行")
        modifiers: dict[str, tuple[str, float]] = {}
        for number, (word, kind, value) in _rows(directory / "modifiers.tsv", 3):
            if kind not in MODIFIER_KINDS:
                raise LexiconError(f"词表“modifiers.tsv”第{number}行的类别“{kind}”不是 {'、'.join(MODIFIER_KINDS)} 之一")
            modifiers[normalise(word.strip())] = (kind, _number(value, f"词表“modifiers.tsv”第{number}行"))
        sensitive: dict[str, tuple[str, float]] = {}
        for number, (word, topic, points) in _rows(directory / "sensitive.tsv", 3):
            sensitive[normalise(word.strip())] = (topic.strip(), _number(points, f"词表“sensitive.tsv”第{number}行"))
        return cls(sentiment, modifiers, sensitive)

    @classmethod
    def default(cls) -> Lexicon:
        """The lexicon of the data files, read and compiled once per process."""
        if cls._default is None:
            with cls._lock:
                if cls._default is None:
                    cls._default = cls.from_files()
        return cls._default

    def extended(self, *, sentiment: Mapping[str, float] | None = None,
                 sensitive: Mapping[str, tuple[str, float]] | None = None,
                 modifiers: Mapping[str, tuple[str, float]] | None = None,
                 removed: Iterable[str] = ()) -> Lexicon:
        """A new lexicon: this one with the users' words laid over it (and ``removed`` words taken out).

        ``sentiment`` maps a word to its weight (-3…3); ``sensitive`` a word to (topic, points);
        ``modifiers`` a word to (kind, factor), kind one of ``MODIFIER_KINDS`` (a negator's factor is
        unused, a degree's 0…5, a frame's, a turn's or an answer's 0…1). A word that is empty after
        normalisation, or a value out of range, is a ``LexiconError`` naming it.
        """
        merged = dict(self.sentiment)
        merged_sensitive = dict(self.sensitive)
        merged_modifiers = dict(self.modifiers)
        for word in removed:
            key = normalise(word.strip())
            merged.pop(key, None)
            merged_sensitive.pop(key, None)
        for word, weight in (sentiment or {}).items():
            key = normalise(str(word).strip())
            if not key:
                raise LexiconError("用户词表中有空词语")
            if not isinstance(weight, (int, float)) or isinstance(weight, bool) or not -3 <= weight <= 3:
                raise LexiconError(f"用户词表中“{word}”的权重应为 -3 到 3 之间的数")
            merged[key] = float(weight)
        for word, (topic, points) in (sensitive or {}).items():
            key = normalise(str(word).strip())
            if not key:
                raise LexiconError("敏感词表中有空词语")
            if not isinstance(points, (int, float)) or isinstance(points, bool) or not 0 <= points <= 10:
                raise LexiconError(f"敏感词表中“{word}”的分值应为 0 到 10 之间的数")
            merged_sensitive[key] = (str(topic), float(points))
        for word, (kind, factor) in (modifiers or {}).items():
            key = normalise(str(word).strip())
            if not key:
                raise LexiconError("修饰词表中有空词语")
            if kind not in MODIFIER_KINDS:
                raise LexiconError(f"修饰词“{word}”的类别“{kind}”不是 {'、'.join(MODIFIER_KINDS)} 之一")
            if not isinstance(factor, (int, float)) or isinstance(factor, bool) or not 0 <= factor <= 5:
                raise LexiconError(f"修饰词“{word}”的倍数应为 0 到 5 之间的数")
            merged_modifiers[key] = (kind, float(factor))
        return Lexicon(merged, merged_modifiers, merged_sensitive)

    # -- scanning ---------------------------------------------------------------------------------

    def scan(self, data: str) -> list[tuple[int, Entry]]:
        """The entries in ``data`` (normalised text as UTF-8 bytes, one latin-1 character per byte).

        ``(start byte, entry)`` in text order; where entries overlap, the longest wins and the rest of
        the overlap is dropped (leftmost-longest), so 不作为 is one word, not 不 + 作为.
        """
        hits = [(end + 1 - entry.length, entry) for end, entry in self.automaton.iter(data)]
        if len(hits) < 2:
            return hits
        hits.sort(key=_leftmost_longest)
        kept = []
        reach = -1
        for start, entry in hits:
            if start >= reach:
                kept.append((start, entry))
                reach = start + entry.length
        return kept


def _leftmost_longest(hit: tuple[int, Entry]) -> tuple[int, int]:
    return hit[0], -hit[1].length
