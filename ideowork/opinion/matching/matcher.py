"""One-pass matching of items against every scheme: one Aho–Corasick automaton for all their words.

``Matcher.compile(schemes)`` puts the distinct normalised words of all schemes into one automaton
(pyahocorasick) and turns each scheme's expression into a small Python function of the words found.
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

Positions are in the normalised ``item_text(title, text)`` (title, a line break, text), counted
after normalisation; ``explain`` leads them back to the original.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from operator import itemgetter

import ahocorasick

from .expression import And, Near, Node, Not, Or, Word, parse, render, words_of
from .normalise import item_text, normalisation_table, normalise, normalise_with_offsets, original_span

__all__ = ["Matcher", "MatcherCache", "Explanation", "WordHits", "Occurrence", "NodeResult"]

_SECOND = itemgetter(1)
_SET_AT = 3  # an OR of this many words or more is tested as one set intersection


def _bytes_key(text: str) -> str:
    """``text`` as its UTF-8 bytes, one character per byte (how words and items meet the automaton)."""
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


class _Scan:
    """One item's scan: the word ids found, and each word's character positions when asked."""

    __slots__ = ("data", "hits", "ids", "shifts", "_starts")

    def __init__(self, data: bytes, hits: list[tuple[int, int]], ids: set[int], shifts: dict[int, int] | None = None):
        self.data = data
        self.hits = hits        # (inclusive end byte, id), in order of end
        self.ids = ids          # the word ids found
        self.shifts = shifts or {}  # length-marker id → characters it adds when normalised
        self._starts: dict[int, list[int]] = {}

    def starts(self, wid: int, byte_length: int) -> list[int]:
        """Sorted start positions, in characters of the normalised text, of word ``wid``."""
        found = self._starts.get(wid)
        if found is None:
            found = []
            data, shifts, previous, count, shift = self.data, self.shifts, 0, 0, 0
            for end, hit in self.hits:
                if hit == wid:
                    start = end - byte_length + 1
                    count += len(data[previous:start].decode("utf-8", "surrogatepass"))
                    previous = start
                    found.append(count + shift)
                elif hit in shifts:
                    shift += shifts[hit]  # a marker before this point (none can be inside a word)
            self._starts[wid] = found
        return found


def _near(scan: _Scan, a: int, b: int, a_bytes: int, b_bytes: int, la: int, lb: int, n: int) -> bool:
    """Whether an occurrence of word ``a`` (``la`` characters) and one of ``b`` are at most ``n`` apart.

    A pair qualifies when ``start(A) - lb - n <= start(B) <= start(A) + la + n`` (and, for the same
    word, the two are different occurrences); one merge pass over both sorted lists.
    """
    if a not in scan.ids or b not in scan.ids:
        return False
    first, second = scan.starts(a, a_bytes), scan.starts(b, b_bytes)
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
            return (f"_near(s, {self.word_ids[left]}, {self.word_ids[right]}, {len(left.encode())}, "
                    f"{len(right.encode())}, {len(left)}, {len(right)}, {node.distance})")
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
        empty = _Scan(b"", [], set())
        self._vacuous = frozenset(i for i, f in enumerate(self._evaluate) if f(empty, empty.ids))
        # Keys and texts go in as UTF-8 bytes: pyahocorasick looks a node's children up one by one, and
        # a byte has at most 256 of them where a Chinese character can have thousands. UTF-8 keys only
        # match at character boundaries, so nothing is lost.
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for wid, word in enumerate(self.words):
            self._automaton.add_word(_bytes_key(word), wid)
        # Markers: one id for the characters that may change which words occur, and one id per change
        # of length for those that only move positions (see the module docstring).
        self._marker_id = len(self.words)
        self._shifts: dict[int, int] = {}
        for marker, mapped, content in self._markers():
            if content:
                self._automaton.add_word(_bytes_key(marker), self._marker_id)
            else:
                mid = self._marker_id + 1 + len(mapped)
                self._shifts[mid] = len(mapped) - 1
                self._automaton.add_word(_bytes_key(marker), mid)
        self._marker_ids = frozenset(self._shifts)
        if len(self._automaton):
            self._automaton.make_automaton()

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

    def _scan(self, text: str, *, markers: bool = True) -> _Scan:
        """The words found in ``text`` (normalised first if ``markers`` and it holds a content marker)."""
        data = text.encode("utf-8", "surrogatepass")
        hits = list(self._automaton.iter(data.decode("latin-1")))
        ids = set(map(_SECOND, hits))
        if self._marker_id in ids:
            if markers:
                return self._scan(normalise(text), markers=False)
            ids.discard(self._marker_id)
        if ids.isdisjoint(self._marker_ids):
            return _Scan(data, hits, ids)
        ids.difference_update(self._marker_ids)
        return _Scan(data, hits, ids, self._shifts)

    def scan(self, text: str) -> _Scan:
        """The words found in ``normalise(text)``."""
        if not self.words or not text:
            return _Scan(b"", [], set())
        return self._scan(text)

    # -- matching ---------------------------------------------------------------------------------

    def match_text(self, text: str) -> list[Hashable]:
        """The ids of the schemes that ``text`` (an ``item_text``) matches, in compile order."""
        found = self.scan(text)
        ids = found.ids
        if not ids:
            return [self.scheme_ids[i] for i in sorted(self._vacuous)]
        users = self._users
        candidates: set[int] = set()
        for wid in self._trigger_ids.intersection(ids):
            candidates.update(users[wid])
        evaluate = self._evaluate
        matched = [i for i in candidates if evaluate[i](found, ids)]
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
        found = self._scan(normalised, markers=False) if self.words and normalised else _Scan(b"", [], set())
        spans: dict[str, list[tuple[int, int]]] = {}
        hits: list[WordHits] = []
        for word in dict.fromkeys(words_of(node)):
            if word.text in spans:
                continue
            length = len(word.text)
            starts = found.starts(self._word_ids[word.text], len(word.text.encode("utf-8", "surrogatepass")))
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

