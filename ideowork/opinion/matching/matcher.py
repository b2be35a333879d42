"""One-pass matching of items against every scheme: one Aho–Corasick automaton for all their words.

``Matcher.compile(schemes)`` puts the distinct normalised words of all schemes into one automaton
(daachorse's character-wise double-array Aho–Corasick, from Rust: it takes the ``str`` itself and
returns every occurrence, overlapping ones included, as ``(start, end, pattern)`` in characters, in
one call) and turns each scheme's expression into a small Python function of the words found.
``match(title, text)`` scans the item once, collecting the words found, and evaluates only the
schemes one of whose trigger words occurred (``_triggers``: words of which every matching item holds
one — for ``(地域)+(主体)+(事件)-(排除)`` the smallest group; a scheme without such words, as ``-A``
or ``A|-B``, is triggered by any of its words). Every scheme not triggered has the answer it has on
an item with no words at all, computed once at compile time (``-A`` and ``-(A|B)`` match such items).
Occurrence positions are worked out only for the words of a proximity that is evaluated.

Normalisation without normalising: the automaton also holds, as one-character markers, every
character whose normalised form differs from it *and* could matter. A *content* marker normalises to
something that shares a character with some word (國 when a word has 国, Ａ or A when a word has a);
a *length* marker normalises to another number of characters none of which is in a word (…… → six
dots, Ⅳ → iv). A text without content markers has the same occurrences as its normalised form (each
of its characters either is normalised already or normalises to characters no word contains), so
it is scanned as it is, and the length markers found on the way shift the positions after them. A
text with a content marker is normalised and scanned again. Simplified Chinese news meets a content
marker rarely (a traditional character, a full-width letter).

Each word's id is its index in the automaton's patterns; the length markers come after the words and
the content markers after them, so one intersection of the ids found with the trigger words and the
markers (``_keys``) says both which schemes to evaluate and whether the text needs more than a plain
scan. The automaton cannot take a lone surrogate (a JSON ``"\\ud800"`` escape): such a text is scanned
run by run between them (no word may hold one: the parser refuses it).

Positions are in the normalised ``item_text(title, text)`` (title, a line break, text), counted
after normalisation; ``explain`` leads them back to the original.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from operator import itemgetter

import re

import daachorse

from .expression import And, Near, Node, Not, Or, Word, parse, render, words_of
from .normalise import item_text, normalisation_table, normalise_with_offsets, original_span

__all__ = ["Matcher", "MatcherCache", "Explanation", "WordHits", "Occurrence", "NodeResult"]

_THIRD = itemgetter(2)
_SET_AT = 3  # an OR of this many words or more is tested as one set intersection
_NOT_SURROGATES = re.compile("[^\ud800-\udfff]+")


class _Scan:
    """One item's scan: the word ids found, and each word's character positions when asked."""

    __slots__ = ("hits", "ids", "shifts", "_starts")

    def __init__(self, hits: list[tuple[int, int, int]], ids: set[int], shifts: dict[int, int] | None = None):
        self.hits = hits        # (start, end, pattern index) in characters of the text scanned, in order of end
        self.ids = ids          # the word ids found (and the length markers', which no evaluation asks for)
        self.shifts = shifts    # length-marker index → characters it adds when normalised; None: no such marker
        self._starts: dict[int, list[int]] = {}

    def starts(self, wid: int) -> list[int]:
        """Sorted start positions, in characters of the normalised text, of word ``wid``."""
        found = self._starts.get(wid)
        if found is None:
            shifts = self.shifts
            if shifts is None:
                # In order of end, and every occurrence of one word has the same length: in order of start.
                found = [start for start, _, hit in self.hits if hit == wid]
            else:
                found, shift = [], 0
                for start, _, hit in self.hits:
                    if hit == wid:
                        found.append(start + shift)
                    elif hit in shifts:
                        shift += shifts[hit]  # a marker before this point (none can be inside a word)
            self._starts[wid] = found
        return found


_EMPTY_SCAN = _Scan([], set())


def _find_around_surrogates(find: Callable[[str], list], text: str) -> list[tuple[int, int, int]]:
    """``find(text)`` for a text holding lone surrogates, which the automaton cannot take: each run of
    other characters is scanned on its own (no word holds a surrogate, so no occurrence spans one)."""
    hits: list[tuple[int, int, int]] = []
    for run in _NOT_SURROGATES.finditer(text):
        offset = run.start()
        hits.extend((start + offset, end + offset, hit) for start, end, hit in find(run.group()))
    return hits


def _near(scan: _Scan, a: int, b: int, la: int, lb: int, n: int) -> bool:
    """Whether an occurrence of word ``a`` (``la`` characters) and one of ``b`` are at most ``n`` apart.

    A pair qualifies when ``start(A) - lb - n <= start(B) <= start(A) + la + n`` (and, for the same
    word, the two are different occurrences); one merge pass over both sorted lists.
    """
    if a not in scan.ids or b not in scan.ids:
        return False
    first, second = scan.starts(a), scan.starts(b)
    same = a == b
    j, count = 0, len(second)
    for start in first:
        low, high = start - lb - n, start + la + n
        while j < count and second[j] < low:
            j += 1
        if j == count:
            return False
        k = j
        if same and second[k] == start:
            k += 1
        if k < count and second[k] <= high:
            return True
    return False


@dataclass(frozen=True)
class Occurrence:
    start: int     # in the normalised item text
    end: int       # exclusive
    snippet: str   # the original characters it came from


@dataclass(frozen=True)
class WordHits:
    word: Word
    occurrences: tuple[Occurrence, ...]


@dataclass(frozen=True)
class NodeResult:
    expression: str                 # the node written in the language
    value: bool
    reason: str                     # Chinese
    children: tuple[NodeResult, ...] = ()


@dataclass(frozen=True)
class Explanation:
    scheme_id: Hashable
    matched: bool
    text: str                       # the normalised item text positions refer to
    words: tuple[WordHits, ...]
    tree: NodeResult


class _Compiler:
    """Turns expressions into functions ``f(scan, found_ids) -> bool``."""

    def __init__(self, word_ids: dict[str, int]):
        self.word_ids = word_ids
        self.constants: dict[str, object] = {"_near": _near}

    def source(self, node: Node) -> str:
        if isinstance(node, Word):
            return f"({self.word_ids[node.text]} in k)"
        if isinstance(node, Not):
            return f"(not {self.source(node.operand)})"
        if isinstance(node, Near):
            left, right = node.left.text, node.right.text
            return f"_near(s, {self.word_ids[left]}, {self.word_ids[right]}, {len(left)}, {len(right)}, {node.distance})"
        if isinstance(node, Or) and len(node.operands) >= _SET_AT and all(isinstance(o, Word) for o in node.operands):
            name = f"_s{len(self.constants)}"
            self.constants[name] = frozenset(self.word_ids[o.text] for o in node.operands)
            return f"(not {name}.isdisjoint(k))"
        joiner = " and " if isinstance(node, And) else " or "
        return "(" + joiner.join(self.source(o) for o in node.operands) + ")"

    def functions(self, nodes: list[Node]) -> list[Callable]:
        bodies = [f"lambda s, k: {self.source(node)}" for node in nodes]
        code = compile("[\n" + ",\n".join(bodies) + "\n]", "<opinion schemes>", "eval")
        return eval(code, dict(self.constants))  # built from integers and our own names only


def _triggers(node: Node) -> frozenset[str] | None:
    """Words at least one of which occurs in every item ``node`` matches (None: no such set).

    A scheme is evaluated only on items where one of its trigger words occurred: for an AND, the
    operand with the fewest trigger words stands for the whole (an item without them fails it).
    """
    if isinstance(node, Word):
        return frozenset((node.text,))
    if isinstance(node, Near):
        return frozenset((node.left.text,))
    if isinstance(node, Not):
        return None
    found = [_triggers(o) for o in node.operands]
    if isinstance(node, Or):
        return None if any(f is None for f in found) else frozenset().union(*found)
    usable = [f for f in found if f is not None]
    return min(usable, key=len) if usable else None


class Matcher:
    """Every scheme compiled into one automaton; ``match`` may then be called on any number of items."""

    def __init__(self, schemes: list[tuple[Hashable, Node]]):
        self.scheme_ids = [scheme_id for scheme_id, _ in schemes]
        if len(set(self.scheme_ids)) != len(self.scheme_ids):
            raise ValueError("scheme ids must be unique")
        self.expressions = [node for _, node in schemes]
        self._index = {scheme_id: i for i, scheme_id in enumerate(self.scheme_ids)}
        self.words: list[str] = []
        word_ids: dict[str, int] = {}
        users: list[set[int]] = []
        for index, node in enumerate(self.expressions):
            triggers = _triggers(node)
            for word in words_of(node):
                wid = word_ids.get(word.text)
                if wid is None:
                    wid = word_ids[word.text] = len(self.words)
                    self.words.append(word.text)
                    users.append(set())
                if triggers is None or word.text in triggers:
                    users[wid].add(index)
        self._word_ids = word_ids
        self._users = [tuple(sorted(u)) for u in users]
        self._trigger_ids = frozenset(wid for wid, u in enumerate(users) if u)
        self._evaluate = _Compiler(word_ids).functions(self.expressions)
        self._vacuous = frozenset(i for i, f in enumerate(self._evaluate) if f(_EMPTY_SCAN, _EMPTY_SCAN.ids))
        self._vacuous_ids = [self.scheme_ids[i] for i in sorted(self._vacuous)]
        # The automaton's patterns, each found as the index of its pattern: the words (their ids), then
        # the length markers, then the content markers (see the module docstring).
        patterns = list(self.words)
        self._marker_from = len(patterns)
        self._shifts: dict[int, int] = {}
        self._images: list[str] = []  # each marker's normalised form, by pattern index - _marker_from
        content = []
        for marker, mapped, changes_words in self._markers():
            if changes_words:
                content.append((marker, mapped))
            else:
                self._shifts[len(patterns)] = len(mapped) - 1
                patterns.append(marker)
                self._images.append(mapped)
        self._content_from = len(patterns)
        patterns += [marker for marker, _ in content]
        self._images += [mapped for _, mapped in content]
        self._keys = self._trigger_ids.union(range(self._marker_from, len(patterns)))
        # Character-wise: the automaton takes the str itself and reports positions in characters.
        self._find = daachorse.CharwiseDoubleArrayAhoCorasick(patterns).find_overlapping if self.words else None

    @classmethod
    def compile(cls, schemes: Iterable[tuple[Hashable, Node | str]]) -> Matcher:
        """A matcher for ``(id, expression)`` pairs; a text expression is parsed (``ExpressionError``)."""
        return cls([(scheme_id, parse(expr) if isinstance(expr, str) else expr) for scheme_id, expr in schemes])

    def __len__(self) -> int:
        return len(self.scheme_ids)

    def _markers(self) -> list[tuple[str, str, bool]]:
        """(character, its normalised form, whether that form shares a character with some word)."""
        alphabet = {c for word in self.words for c in word}
        if not alphabet:
            return []
        found = []
        for code, mapped in normalisation_table().items():
            content = any(c in alphabet for c in mapped)
            if content or len(mapped) != 1:
                found.append((chr(code), mapped, content))
        return found

    # -- scanning ---------------------------------------------------------------------------------

    def _scan(self, text: str) -> tuple[_Scan, set[int]]:
        """The words found in ``normalise(text)``, and the trigger words among them.

        ``text`` is scanned as it is, and normalised and scanned again only when it holds a content
        marker. One set intersection finds both the trigger words and the markers (the keys)."""
        try:
            hits = self._find(text)
        except UnicodeEncodeError:  # a lone surrogate (from a JSON "\\ud800" escape, say)
            hits = _find_around_surrogates(self._find, text)
        if not hits:
            return _EMPTY_SCAN, _EMPTY_SCAN.ids
        ids = set(map(_THIRD, hits))
        keys = self._keys.intersection(ids)
        if not keys or max(keys) < self._marker_from:
            return _Scan(hits, ids), keys
        marker_from = self._marker_from
        if max(keys) >= self._content_from:
            return self._scan(self._markers_normalised(text, hits))  # it holds no marker: no recurrence
        # Length markers only: the ids keep them (no word id is one); the trigger words leave them out.
        return _Scan(hits, ids, self._shifts), {i for i in keys if i < marker_from}

    def _markers_normalised(self, text: str, hits: list[tuple[int, int, int]]) -> str:
        """``text`` with each marker found replaced by its normalised form.

        It has the words of ``normalise(text)`` at the same positions: every other character that
        normalisation changes becomes one character, and neither it nor its image is in any word (so
        not in any occurrence). Cheaper than ``normalise`` (a dictionary look-up a character): the
        markers' positions are in the hits already."""
        marker_from, images = self._marker_from, self._images
        parts, previous = [], 0
        for start, _, hit in hits:  # in order of end; a marker is one character and inside no word
            if hit >= marker_from:
                parts.append(text[previous:start])
                parts.append(images[hit - marker_from])
                previous = start + 1
        parts.append(text[previous:])
        return "".join(parts)

    def scan(self, text: str) -> _Scan:
        """The words found in ``normalise(text)`` (``ids``: the words' ids, markers left out)."""
        if self._find is None or not text:
            return _EMPTY_SCAN
        found = self._scan(text)[0]
        if found.shifts is not None:
            marker_from = self._marker_from
            found.ids = {i for i in found.ids if i < marker_from}
        return found

    # -- matching ---------------------------------------------------------------------------------

    def match_text(self, text: str) -> list[Hashable]:
        """The ids of the schemes that ``text`` (an ``item_text``) matches, in compile order."""
        if self._find is None or not text:
            return list(self._vacuous_ids)
        found, triggers = self._scan(text)
        if not triggers:
            return list(self._vacuous_ids)
        users = self._users
        candidates: set[int] = set()
        for wid in triggers:
            candidates.update(users[wid])
        evaluate, ids = self._evaluate, found.ids
        matched = [i for i in candidates if evaluate[i](found, ids)]
        if self._vacuous:
            matched.extend(self._vacuous - candidates)
        matched.sort()
        scheme_ids = self.scheme_ids
        return [scheme_ids[i] for i in matched]

    def match(self, title: str, text: str) -> list[Hashable]:
        """The ids of the schemes the item matches, in compile order."""
        return self.match_text(item_text(title, text))

    # -- explaining -------------------------------------------------------------------------------

    def explain(self, scheme_id: Hashable, title: str, text: str) -> Explanation:
        """Which of the scheme's words occur where, and the truth value of each part of its expression."""
        node = self.expressions[self._index[scheme_id]]
        original = item_text(title, text)
        normalised, origins = normalise_with_offsets(original)
        found = self.scan(normalised)
        spans: dict[str, list[tuple[int, int]]] = {}
        hits: list[WordHits] = []
        for word in dict.fromkeys(words_of(node)):
            if word.text in spans:
                continue
            length = len(word.text)
            starts = found.starts(self._word_ids[word.text])
            spans[word.text] = [(start, start + length) for start in starts]
            occurrences = []
            for start, end in spans[word.text]:
                first, last = original_span(origins, len(original), start, end)
                occurrences.append(Occurrence(start, end, original[first:last]))
            hits.append(WordHits(word, tuple(occurrences)))
        tree = _explain(node, spans)
        return Explanation(scheme_id, tree.value, normalised, tuple(hits), tree)


Span = tuple[int, int]


def _pair(a: list[Span], b: list[Span], n: int) -> tuple[Span, Span, int] | None:
    """The closest qualifying pair of occurrences (for the explanation of one item)."""
    best = None
    for sa, ea in a:
        for sb, eb in b:
            if (sa, ea) == (sb, eb):
                continue
            gap = max(sb - ea, sa - eb, 0)
            if gap <= n and (best is None or gap < best[2]):
                best = ((sa, ea), (sb, eb), gap)
    return best


def _explain(node: Node, spans: dict[str, list[tuple[int, int]]]) -> NodeResult:
    shown = render(node)
    if isinstance(node, Word):
        found = spans[node.text]
        if found:
            where = "、".join(f"第{start + 1}字" for start, _ in found[:5]) + ("等" if len(found) > 5 else "")
            return NodeResult(shown, True, f"“{node.text}”出现{len(found)}次（{where}）")
        return NodeResult(shown, False, f"“{node.text}”未出现")
    if isinstance(node, Near):
        a, b = spans[node.left.text], spans[node.right.text]
        pair = _pair(a, b, node.distance)  # explaining one item: the plain double loop is fine
        children = (_explain(node.left, spans), _explain(node.right, spans))
        if pair:
            (sa, _), (sb, _), gap = pair
            return NodeResult(shown, True, f"第{sa + 1}字的“{node.left.text}”与第{sb + 1}字的“{node.right.text}”"
                                           f"之间相隔{gap}字（不超过{node.distance}字）", children)
        return NodeResult(shown, False, f"“{node.left.text}”与“{node.right.text}”没有在{node.distance}字以内"
                                        f"同时出现", children)
    if isinstance(node, Not):
        child = _explain(node.operand, spans)
        reason = f"“{child.expression}”不成立，取反后成立" if not child.value else f"“{child.expression}”成立，取反后不成立"
        return NodeResult(shown, not child.value, reason, (child,))
    children = tuple(_explain(o, spans) for o in node.operands)
    if isinstance(node, And):
        failing = [c.expression for c in children if not c.value]
        if failing:
            return NodeResult(shown, False, "不满足“且”：" + "、".join(f"“{f}”" for f in failing) + "不成立", children)
        return NodeResult(shown, True, "各项均成立", children)
    holding = [c.expression for c in children if c.value]
    if holding:
        return NodeResult(shown, True, "满足“或”：" + "、".join(f"“{h}”" for h in holding) + "成立", children)
    return NodeResult(shown, False, "各项均不成立", children)


class MatcherCache:
    """The matcher of the current schemes, rebuilt when their revision moves (as the proofreader's rules).

    ``revision()`` returns a value that changes whenever the schemes change (a number from the
    database, later); ``load()`` returns the ``(id, expression)`` pairs. The revision is read
    *before* loading, so a change that lands while loading is seen as a newer revision next time.
    Each worker process holds one; a scheme change reaches every worker on its next item.
    """

    def __init__(self, revision: Callable[[], Hashable], load: Callable[[], Iterable[tuple[Hashable, Node | str]]]):
        self._revision = revision
        self._load = load
        self._lock = threading.Lock()
        self._current: tuple[Hashable, Matcher] | None = None

    def matcher(self) -> Matcher:
        revision = self._revision()
        with self._lock:
            current = self._current
            if current is not None and current[0] == revision:
                return current[1]
        matcher = Matcher.compile(self._load())
        with self._lock:
            self._current = (revision, matcher)
        return matcher

    @property
    def revision(self) -> Hashable | None:
        return self._current[0] if self._current else None

