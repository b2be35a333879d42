"""Sentiment toward the organ's work: negative, neutral or positive, from a lexicon and a few rules.

The item (title, a line break, text) is normalised by the one normalisation and scanned once by the
lexicon's automaton (leftmost-longest: 不作为 is one negative word, not 不 + 作为). Then, in text order:

- a clause ends at ，,。！？；;:：and line breaks; a sentence at 。！？!?；; and line breaks;
- **negation**: a negator (不、没有、未、并非…) turns the next sentiment word of the same clause if
  that word starts within ``NEGATION_REACH`` characters of it; a negated positive word counts as
  negative in full, a negated negative word as mildly positive (×``NEGATED_NEGATIVE``: 不严重 is not
  praise); two negators cancel;
- **degree**: an adverb (非常、极其、稍微…) multiplies the next sentiment word within
  ``DEGREE_REACH`` characters of the same clause; after a negator (不太满意) it weakens instead;
- **contrast**: a conjunction (但是、然而、不过…) weighs the rest of its sentence by its factor and
  what came before it in the sentence by ``BEFORE_CONTRAST``;
- **rhetorical question**: a sentence ending with a question mark that holds a marker (难道、凭什么、
  到底…) counts its positive words as negative, and one more point against; in any other question a
  positive word is asked about, not asserted (何时能解决？), and counts ×``QUESTIONED_POSITIVE``;
- **frame**: a plan (将会、尽快、正在、列入…) or the topic a reply answers (针对、关于、回应) scales the
  sentiment words after it, to the end of its clause, by its factor: "will repair" is not a repair,
  and the complaint a reply restates is not news of its own;
- **repetition**: a word met again in the same item counts ×``REPEATED`` (the problem a reply names
  three times is one problem);
- **turn**: a marker of the organ's response turning things round (现已、目前已、终于) followed in its
  sentence by a positive word, or a word that itself tells of a fix done (全部结清、已修复、恢复供水 —
  a sentiment word that is also a turn, not inside a frame), scales every negative word before it in
  the item that no turn has scaled yet by its factor (before contrast within their sentence);
  an **answer** (回复称、答复、回应称: the organ has answered) does so without waiting for a positive
  word — a complaint that has been answered weighs less than one left standing;
- words of the title weigh ``TITLE_WEIGHT``.

The sum is the score; at least ``POSITIVE_AT`` is positive, at most ``NEGATIVE_AT`` negative, the rest
neutral. ``explain`` gives every word that counted, the rules applied to it, and its contribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..matching.normalise import item_text, normalise
from .lexicon import Entry, Lexicon

__all__ = ["SentimentResult", "WordDecision", "sentiment", "sentiment_of_normalised", "explain_sentiment", "LABELS"]

LABELS = {"negative": "负面", "neutral": "中性", "positive": "正面"}
NEGATION_REACH = 4   # characters between a negator's end and the word's start
DEGREE_REACH = 3
NEGATED_NEGATIVE = -0.3
NEGATED_DEGREE = 0.5
BEFORE_CONTRAST = 0.5
RHETORICAL_PENALTY = -1.0
TITLE_WEIGHT = 1.5
REPEATED = 0.5
QUESTIONED_POSITIVE = 0.0
POSITIVE_AT = 1.5
NEGATIVE_AT = -1.5

# UTF-8 bytes as latin-1 characters, as the automaton sees the text.
_CLAUSE_CHARS = "，,。！？!?；;:：\n"
_SENTENCE_CHARS = "。！？!?；;\n"
_QUESTION_CHARS = "？?"


def _enc(text: str) -> str:
    """``text`` as its UTF-8 bytes, one latin-1 character per byte (how the automaton reads)."""
    return text.encode("utf-8").decode("latin-1")


_CUT = re.compile("|".join(re.escape(_enc(c)) for c in _CLAUSE_CHARS))
_SENTENCE_END = re.compile("|".join(re.escape(_enc(c)) for c in _SENTENCE_CHARS))
_QUESTIONS = frozenset(_enc(c) for c in _QUESTION_CHARS)


@dataclass(frozen=True, slots=True)
class WordDecision:
    """One sentiment word that counted: where (normalised characters), its weight, rules, contribution."""

    word: str
    position: int
    weight: float
    rules: tuple[str, ...]
    contribution: float


@dataclass(frozen=True, slots=True)
class SentimentResult:
    label: str                      # "negative" | "neutral" | "positive"
    score: float
    words: tuple[WordDecision, ...] = field(default=())
    reasons: tuple[str, ...] = field(default=())   # sentence-level rules (Chinese), for explain
    sensitive: tuple[tuple[str, float, str], ...] = field(default=())  # (topic, points, word) found, for grade

    @property
    def label_zh(self) -> str:
        return LABELS[self.label]


def sentiment(title: str, text: str, lexicon: Lexicon | None = None) -> SentimentResult:
    """The item's sentiment (label and score, no explanation: the fast path)."""
    return _analyse(title, text, lexicon or Lexicon.default(), explain=False)


def explain_sentiment(title: str, text: str, lexicon: Lexicon | None = None) -> SentimentResult:
    """The item's sentiment with every word that decided it and the rules applied, in Chinese."""
    return _analyse(title, text, lexicon or Lexicon.default(), explain=True)


def label_of(score: float) -> str:
    if score >= POSITIVE_AT:
        return "positive"
    if score <= NEGATIVE_AT:
        return "negative"
    return "neutral"


def sentiment_of_normalised(title: str, text: str, lexicon: Lexicon | None = None) -> SentimentResult:
    """``sentiment`` of a title and text already normalised (``analyse`` normalises once for all)."""
    return _scored(_enc(f"{title}\n{text}"), lexicon or Lexicon.default(), explain=False)


def _analyse(title: str, text: str, lexicon: Lexicon, *, explain: bool) -> SentimentResult:
    return _scored(_enc(normalise(item_text(title, text))), lexicon, explain=explain)


def _scored(data: str, lexicon: Lexicon, *, explain: bool) -> SentimentResult:
    title_end = data.find("\n")
    hits = lexicon.scan(data)
    total = 0.0
    decisions: list[WordDecision] = []
    reasons: list[str] = []
    # One sentence at a time: [contribution, (entry, start, rules) or None], settled at its end.
    sentence: list[list] = []
    contrast_at, contrast_factor, rhetorical = -1, 1.0, ""
    negators, negator_end, degree, degree_end, degree_word = 0, -1, 1.0, -1, ""
    frame, frame_word = 1.0, ""
    seen: dict[str, int] = {}
    # Negative contributions not yet scaled by a turn or an answer, and the turn armed in this sentence.
    pending, turn, turn_word = 0.0, 1.0, ""
    previous_end = 0
    # Only the stretches between two words are searched for punctuation; the end of the text closes all.
    for start, entry in [*hits, (len(data) + 1, None)]:
        if start > previous_end:
            cut = _CUT.search(data, previous_end, start)
            if cut is not None:
                # The clause ends: modifiers do not reach past it.
                negators, negator_end, degree, degree_end, frame = 0, -1, 1.0, -1, 1.0
                end = _SENTENCE_END.search(data, cut.start(), start)
                if end is not None and (sentence or rhetorical):
                    total += _settle(sentence, contrast_at, contrast_factor, rhetorical, end.group() in _QUESTIONS,
                                     data, decisions, reasons if explain else None)
                    sentence = []
                    contrast_at, contrast_factor, rhetorical, turn = -1, 1.0, "", 1.0
                elif end is not None:
                    contrast_at, contrast_factor, turn = -1, 1.0, 1.0
        if entry is None:
            break
        previous_end = start + entry.length
        kind = entry.modifier
        if entry.has_weight and (entry.weight or not kind):
            if entry.weight:
                contribution, rules = _word(entry, start, negators, negator_end, degree, degree_end, degree_word,
                                            title_end, explain)
                if frame != 1.0:
                    contribution *= frame
                    if explain:
                        rules.append(f"“{frame_word}”之后（计划、假设、往事或答复的话题）×{frame:g}")
                met = seen.get(entry.word, 0)
                seen[entry.word] = met + 1
                if met:
                    contribution *= REPEATED
                    if explain:
                        rules.append(f"重复出现×{REPEATED:g}")
                if contribution < 0:
                    pending += contribution
                elif pending and (turn != 1.0 or (kind == "turn" and frame == 1.0)):
                    # A marker armed this sentence, or the word itself tells of a fix done (not planned).
                    factor, marker = (turn, turn_word) if turn != 1.0 else (entry.factor, entry.word)
                    total -= pending * (1.0 - factor)
                    if explain:
                        reasons.append(f"转机“{marker}”：此前的负面按×{factor:g}计（{-pending * (1.0 - factor):+g}）")
                    pending = 0.0
                sentence.append([contribution, (entry, start, rules) if explain else None])
            negators, negator_end, degree, degree_end = 0, -1, 1.0, -1
        elif kind == "negator":
            negators = negators + 1 if start - negator_end <= 3 * NEGATION_REACH else 1
            negator_end = start + entry.length
        elif kind == "degree":
            degree, degree_end, degree_word = entry.factor, start + entry.length, entry.word
        elif kind == "contrast":
            contrast_at, contrast_factor = len(sentence), entry.factor
            if explain:
                reasons.append(f"转折词“{entry.word}”：其后加重（×{entry.factor:g}），其前减轻（×{BEFORE_CONTRAST:g}）")
        elif kind == "rhetorical":
            rhetorical = entry.word
        elif kind == "frame":
            frame, frame_word = entry.factor, entry.word
        elif kind == "turn":
            turn, turn_word = entry.factor, entry.word
        elif kind == "answer" and pending:
            total -= pending * (1.0 - entry.factor)
            if explain:
                reasons.append(f"答复词“{entry.word}”：此前的负面按×{entry.factor:g}计（{-pending * (1.0 - entry.factor):+g}）")
            pending = 0.0
    if sentence or rhetorical:   # a last sentence with no closing punctuation
        total += _settle(sentence, contrast_at, contrast_factor, rhetorical, False, data, decisions,
                         reasons if explain else None)
    label = label_of(total)
    sensitive = tuple((entry.topic, entry.points, entry.word) for _start, entry in hits if entry.topic)
    return SentimentResult(label, round(total, 3), tuple(decisions), tuple(reasons), sensitive)


def _settle(sentence: list[list], contrast_at: int, contrast_factor: float, rhetorical: str, question: bool,
            data: str, decisions: list[WordDecision], reasons: list[str] | None) -> float:
    """A sentence's contribution, its rhetorical question and contrast applied; its words' decisions
    are appended when ``reasons`` is a list (explaining)."""
    explain = reasons is not None
    total = 0.0
    if rhetorical and question:
        for item in sentence:
            if item[0] > 0:
                item[0] = -item[0]
                if explain and item[1]:
                    item[1][2].append(f"反问句（“{rhetorical}”）中正面词按负面计")
        total += RHETORICAL_PENALTY
        if explain:
            reasons.append(f"反问句（“{rhetorical}…？”）：{RHETORICAL_PENALTY:g}")
    elif question:
        for item in sentence:
            if item[0] > 0:
                item[0] *= QUESTIONED_POSITIVE
                if explain and item[1]:
                    item[1][2].append(f"问句中的正面词未被断言×{QUESTIONED_POSITIVE:g}")
    if contrast_at >= 0:
        for index, item in enumerate(sentence):
            factor = BEFORE_CONTRAST if index < contrast_at else contrast_factor
            item[0] *= factor
            if explain and item[1]:
                item[1][2].append(f"{'转折前' if index < contrast_at else '转折后'}×{factor:g}")
    for contribution, detail in sentence:
        total += contribution
        if explain and detail:
            entry, start, rules = detail
            position = len(data[:start].encode("latin-1").decode("utf-8", "replace"))
            decisions.append(WordDecision(entry.word, position, entry.weight, tuple(rules), round(contribution, 3)))
    return total


def _word(entry: Entry, start: int, negators: int, negator_end: int, degree: float, degree_end: int,
          degree_word: str, title_end: int, explain: bool) -> tuple[float, list[str] | None]:
    value = entry.weight
    rules: list[str] | None = [] if explain else None
    negated = negators % 2 == 1 and negator_end >= 0 and start - negator_end <= 3 * NEGATION_REACH
    if degree_end >= 0 and start - degree_end <= 3 * DEGREE_REACH:
        factor = NEGATED_DEGREE if negated and degree_end > negator_end else degree
        value *= factor
        if explain:
            rules.append(f"程度词“{degree_word}”×{factor:g}")
    if negated:
        value = -value if value > 0 else value * NEGATED_NEGATIVE
        if explain:
            rules.append("被否定：正面转为负面" if entry.weight > 0 else f"被否定：负面减为×{NEGATED_NEGATIVE:g}")
    elif negators and negator_end >= 0 and start - negator_end <= 3 * NEGATION_REACH and explain:
        rules.append("双重否定：不改变")
    if 0 <= start < title_end or title_end < 0:
        value *= TITLE_WEIGHT
        if explain:
            rules.append(f"标题中×{TITLE_WEIGHT:g}")
    return value, rules
