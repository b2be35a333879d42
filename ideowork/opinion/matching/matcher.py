"""One-pass matching of items against every scheme: one Aho–Corasick automaton for all their words.

``Matcher.compile(schemes)`` puts the distinct normalised words of all schemes into one automaton
(pyahocorasick) and turns each scheme's expression into a small Python function of the words found.
``match(title, text)`` scans the item once, collecting each word's occurrences, and evaluates only
the schemes that use a word that occurred; every other scheme's answer is its answer on an item
with no words at all, computed once at compile time (``-A`` and ``-(A|B)`` match such items).

Normalisation without normalising: the automaton also holds, as one-character markers, every
character whose normalised form differs from it *and* could matter — one whose normalised form has
another length (…, ㈠), or shares a character with some word (國 when a word has 国, Ａ or A when a
word has a). A text without markers has the same occurrences, at the same positions, as its
normalised form (each of its characters either is normalised already or normalises to characters
no word contains), so it is scanned as it is; a text with a marker is normalised and scanned again.
Simplified Chinese news meets a marker rarely (a traditional character, an ellipsis ……).

Positions are in the normalised ``item_text(title, text)`` (title, a line break, text), counted
after normalisation; ``explain`` leads them back to the original.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

import ahocorasick

from .expression import And, Near, Node, Not, Or, Word, parse, render, words_of
from .normalise import item_text, normalisation_table, normalise, normalise_with_offsets, original_span

__all__ = ["Matcher", "MatcherCache", "Explanation", "WordHits", "Occurrence", "NodeResult"]

_SET_AT = 3  # an OR of this many words or more is tested as one set intersection


def _near(a: list[int] | None, b: list[int] | None, la: int, lb: int, n: int, same: bool) -> bool:
    """Whether an occurrence of A (ends ``a``, length ``la``) and one of B are at most ``n`` apart.

    ``a`` and ``b`` are sorted inclusive end positions. A pair qualifies when
    ``start(A) - lb - n <= start(B) <= start(A) + la + n``; one merge pass over both lists.
    """
    if not a or not b:
        return False
    j, nb = 0, len(b)
    for end in a:
        start = end - la + 1
        low, high = start - lb - n, start + la + n
        while j < nb and b[j] - lb + 1 < low:
            j += 1
        if j == nb:
            return False
        k = j
        if same and b[k] == end:
            k += 1
        if k < nb and b[k] - lb + 1 <= high:
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
    """Turns expressions into functions ``f(occurrences, found_ids) -> bool``."""

    def __init__(self, word_ids: dict[str, int]):
        self.word_ids = word_ids
        self.constants: dict[str, object] = {"_near": _near}

    def source(self, node: Node) -> str:
        if isinstance(node, Word):
            return f"({self.word_ids[node.text]} in k)"
        if isinstance(node, Not):
            return f"(not {self.source(node.operand)})"
        if isinstance(node, Near):
            a, b = self.word_ids[node.left.text], self.word_ids[node.right.text]
            return (f"_near(o.get({a}), o.get({b}), {len(node.left.text)}, {len(node.right.text)}, "
                    f"{node.distance}, {a == b})")
        if isinstance(node, Or) and len(node.operands) >= _SET_AT and all(isinstance(o, Word) for o in node.operands):
            name = f"_s{len(self.constants)}"
            self.constants[name] = frozenset(self.word_ids[o.text] for o in node.operands)
            return f"(not {name}.isdisjoint(k))"
        joiner = " and " if isinstance(node, And) else " or "
        return "(" + joiner.join(self.source(o) for o in node.operands) + ")"

    def functions(self, nodes: list[Node]) -> list[Callable]:
        bodies = [f"lambda o, k: {self.source(node)}" for node in nodes]
        code = compile("[\n" + ",\n".join(bodies) + "\n]", "<opinion schemes>", "eval")
        return eval(code, dict(self.constants))  # built from integers and our own names only


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
            for word in words_of(node):
                wid = word_ids.get(word.text)
                if wid is None:
                    wid = word_ids[word.text] = len(self.words)
                    self.words.append(word.text)
                    users.append(set())
                users[wid].add(index)
        self._word_ids = word_ids
        self._lengths = [len(w) for w in self.words]
        self._users = [tuple(sorted(u)) for u in users]
        self._evaluate = _Compiler(word_ids).functions(self.expressions)
        self._vacuous = frozenset(i for i, f in enumerate(self._evaluate) if f({}, frozenset()))
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for wid, word in enumerate(self.words):
            self._automaton.add_word(word, wid)
        self._marker_id = len(self.words)
        for marker in self._markers():
            self._automaton.add_word(marker, self._marker_id)
        if len(self._automaton):
            self._automaton.make_automaton()

    @classmethod
    def compile(cls, schemes: Iterable[tuple[Hashable, Node | str]]) -> Matcher:
        """A matcher for ``(id, expression)`` pairs; a text expression is parsed (``ExpressionError``)."""
        return cls([(scheme_id, parse(expr) if isinstance(expr, str) else expr) for scheme_id, expr in schemes])

    def __len__(self) -> int:
        return len(self.scheme_ids)

    def _markers(self) -> list[str]:
        alphabet = {c for word in self.words for c in word}
        if not alphabet:
            return []
        return [chr(code) for code, mapped in normalisation_table().items()
                if len(mapped) != 1 or mapped in alphabet or any(c in alphabet for c in mapped)]

    # -- scanning ---------------------------------------------------------------------------------

    def _scan(self, text: str, *, markers: bool = True) -> dict[int, list[int]] | None:
        """Word id → sorted inclusive end positions; None when ``markers`` and a marker is met."""
        found: dict[int, list[int]] = {}
        marker = self._marker_id
        for end, wid in self._automaton.iter(text):
            if wid == marker:
                if markers:
                    return None
                continue
            ends = found.get(wid)
            if ends is None:
                found[wid] = [end]
            else:
                ends.append(end)
        return found

    def occurrences(self, text: str) -> dict[int, list[int]]:
        """Occurrences of every word in ``normalise(text)``: word id → sorted inclusive end positions."""
        if not self.words or not text:
            return {}
        found = self._scan(text)
        if found is None:
            found = self._scan(normalise(text), markers=False)
        return found

    # -- matching ---------------------------------------------------------------------------------

    def match_text(self, text: str) -> list[Hashable]:
        """The ids of the schemes that ``text`` (an ``item_text``) matches, in compile order."""
        found = self.occurrences(text)
        if not found:
            return [self.scheme_ids[i] for i in sorted(self._vacuous)]
        keys = found.keys()
        users = self._users
        candidates: set[int] = set()
        for wid in keys:
            candidates.update(users[wid])
        evaluate = self._evaluate
        matched = [i for i in candidates if evaluate[i](found, keys)]
        matched.extend(self._vacuous - candidates)
        matched.sort()
        ids = self.scheme_ids
        return [ids[i] for i in matched]

    def match(self, title: str, text: str) -> list[Hashable]:
        """The ids of the schemes the item matches, in compile order."""
        return self.match_text(item_text(title, text))

    # -- explaining -------------------------------------------------------------------------------

    def explain(self, scheme_id: Hashable, title: str, text: str) -> Explanation:
        """Which of the scheme's words occur where, and the truth value of each part of its expression."""
        node = self.expressions[self._index[scheme_id]]
        original = item_text(title, text)
        normalised, origins = normalise_with_offsets(original)
        found = self._scan(normalised, markers=False) if self.words and normalised else {}
        spans: dict[str, list[tuple[int, int]]] = {}
        hits: list[WordHits] = []
        for word in dict.fromkeys(words_of(node)):
            if word.text in spans:
                continue
            length = len(word.text)
            ends = found.get(self._word_ids[word.text], [])
            spans[word.text] = [(end - length + 1, end + 1) for end in ends]
            occurrences = []
            for start, end in spans[word.text]:
                first, last = original_span(origins, len(original), start, end)
                occurrences.append(Occurrence(start, end, original[first:last]))
            hits.append(WordHits(word, tuple(occurrences)))
        tree = _explain(node, spans)
        return Explanation(scheme_id, tree.value, normalised, tuple(hits), tree)


def _pair(a: list[tuple[int, int]], b: list[tuple[int, int]], n: int) -> tuple[tuple[int, int], tuple[int, int], int] | None:
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

