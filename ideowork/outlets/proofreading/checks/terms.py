"""Misspelt fixed terms: a long formulation or official name (six characters or more) with one character
substituted, inserted or dropped ("中国特色社会主意", "国家卫生建康委员会").

Linear in the text whatever the number of terms: every term is split into two halves and all halves are
matched exactly with one Aho–Corasick automaton; one edit leaves at least one half intact (pigeonhole), so
each half found proposes the term's window beside it, which is verified by an edit distance of one. The
edit must lie inside the term (not its first character unless a long formulation of eight characters or more
is substituted there; for names of bodies not their last two:
"市场监督管理分局", "住房和城乡建设局" are other bodies, unless the slip makes no body: "委员员会"), and a
window that is a real term itself, or lies inside one written correctly, is never reported. The terms
are in ``data/reference/terms.txt``; the first section is checked (with the 厅 and 局 of each ministry),
the last lists correct neighbours.

Four-character idioms and fixed phrases (``data/reference/idioms.txt``) and every other four-character word of
jieba's dictionary are checked the same way for one character replaced by one read alike ("承上起下",
"供认不诲"); for a dictionary word only where the slip leaves its half a non-word, since two words side by side
("体质改革", "治理能力") are too often meant as written.
"""

from __future__ import annotations

import bisect
import functools
import re
from pathlib import Path

import ahocorasick

from .base import finding
from .doubled import _tokenizer
from .sounds import homophones, near_sounds

__all__ = ["check_terms", "terms", "homophones", "MIN_LENGTH"]

TERMS_FILE = Path(__file__).resolve().parents[1] / "data" / "reference" / "terms.txt"
IDIOMS_FILE = TERMS_FILE.with_name("idioms.txt")
MIN_LENGTH = 6
_LEFT, _RIGHT, _IDIOM_LEFT, _IDIOM_RIGHT = 1, 2, 3, 4
# An idiom's half that is a very common word ("工作", "发展") proposes too many windows to verify; the idiom
# is still checked through its other half (a slip in that half is then not seen).
_COMMON_HALF = 20000
# For the dictionary's other four-character words a half is an anchor only while it is rarer than this: the
# words are many, and an anchor as common as "建设" would propose a window at nearly every sentence.
_COMMON_DICTIONARY_HALF = 1500


_NEIGHBOURS = "# 相近的正确说法"


@functools.cache
def _read() -> tuple[tuple[str, ...], frozenset[str]]:
    """(the terms checked, every real term: those and their correct neighbours)."""
    lines = TERMS_FILE.read_text(encoding="utf-8").splitlines()
    cut = next((n for n, line in enumerate(lines) if line.startswith(_NEIGHBOURS)), len(lines))

    def words(part):
        return [line.strip() for line in part if line.strip() and not line.startswith("#")]

    listed = words(lines[:cut])
    # A ministry's local counterparts are departments and bureaus of the same name (人力资源和社会保障厅、局).
    local = [term[:-1] + kind for term in listed if term.endswith("部") and not term.startswith(("国家", "中央", "中共"))
             and len(term) >= MIN_LENGTH for kind in "厅局"]
    checked = tuple(dict.fromkeys(listed + local))
    return checked, frozenset(checked) | frozenset(words(lines[cut:]))


@functools.cache
def idioms() -> tuple[str, ...]:
    """The four-character idioms and fixed phrases checked for a character replaced by a homophone."""
    lines = IDIOMS_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(dict.fromkeys(w.strip() for w in lines if len(w.strip()) == 4 and not w.startswith("#")))


# A four-character word of the dictionary (not an idiom) is checked only where the slip leaves its half a
# non-word ("顶力支持", "供认不诲"): two words side by side ("治理能力", "体质改革") are too often right.
_DICTIONARY_MIN_FREQ = 10
# Function characters: a dictionary word holding one is not checked (its halves are too common).
_FUNCTION_CHARS = frozenset("的地得第之和与及在再是有又也了着过把被将从向为于以其")
# 的/地/得/第/之 written for one another ("党的二十届" beside 第二十届) is no slip of a phrase: 的/地 has its own check.
_PARTICLES_READ_ALIKE = frozenset("的地得第之")


@functools.cache
def phrases() -> tuple[str, ...]:
    """The idioms, then every other four-character word of jieba's dictionary used at least ten times in its
    corpus (its entries with digits, Latin letters, rare characters or function characters left out)."""
    listed = idioms()
    same, words = homophones(), _tokenizer().FREQ
    seen = set(listed)
    extra = sorted(word for word, freq in words.items()
                   if len(word) == 4 and freq >= _DICTIONARY_MIN_FREQ and word not in seen
                   and all(ch in same and ch not in _FUNCTION_CHARS for ch in word))
    return listed + tuple(extra)


def terms() -> tuple[str, ...]:
    """The fixed terms checked for misspellings."""
    return _read()[0]


@functools.cache
def _automaton():
    automaton = ahocorasick.Automaton()
    keys: dict[str, list[tuple[int, int]]] = {}
    checked, real = _read()
    for term in real:
        keys.setdefault(term, [])
    for index, term in enumerate(checked):
        if len(term) >= MIN_LENGTH:
            half = len(term) // 2
            keys.setdefault(term[:half], []).append((_LEFT, index))
            keys.setdefault(term[half:], []).append((_RIGHT, index))
    words = _tokenizer().FREQ
    listed = len(idioms())
    for index, idiom in enumerate(phrases()):
        common = _COMMON_HALF if index < listed else _COMMON_DICTIONARY_HALF
        for kind, half, three in ((_IDIOM_LEFT, idiom[:2], idiom[:3]), (_IDIOM_RIGHT, idiom[2:], idiom[1:])):
            if words.get(half, 0) < common:
                keys.setdefault(half, []).append((kind, index))
            elif index < listed:
                # A half too common to key on ("重要" of "至关重要"): the three characters on that side key the
                # idiom instead, so a slip in the first or last character of the other side is still found.
                keys.setdefault(three, []).append((kind, index))
    for key, hits in keys.items():
        # Grouped by kind once here, so that the scan does one test per kind, not one per hit.
        hits = set(hits)
        automaton.add_word(key, (len(key), key in real,
                                 tuple((kind, index) for kind, index in hits if kind in (_LEFT, _RIGHT)),
                                 tuple((kind, index) for kind, index in hits if kind >= _IDIOM_LEFT)))
    automaton.make_automaton()
    return automaton, real


def _edit(candidate: str, term: str) -> int | None:
    """Where ``candidate`` differs from ``term`` by exactly one edit (the index in ``term`` of the
    substituted or dropped character, or in ``candidate`` of the inserted one); else None."""
    la, lb = len(candidate), len(term)
    i = 0
    shorter = min(la, lb)
    while i < shorter and candidate[i] == term[i]:
        i += 1
    if la == lb:
        return i if i < la and candidate[i + 1:] == term[i + 1:] else None
    if la == lb + 1:
        return i if candidate[i + 1:] == term[i:] else None
    if la == lb - 1:
        return i if candidate[i:] == term[i + 1:] else None
    return None


# The name of a body ends with its kind (部, 局, 委员会 …): 住房和城乡建设局 and 市场监督管理分局 are other
# bodies, so an edit in its last two characters is not an error.
_BODY_ENDINGS = tuple("部局厅委会署院室台行校办组")
# Formulations that end like a body's kind but name none: "百年未有之大变局", "新发展格局", "和谐社会".
_NOT_BODIES = ("格局", "布局", "变局", "全局", "大局", "社会", "体会", "机会", "大会")


def _is_body(term: str) -> bool:
    return term.endswith(_BODY_ENDINGS) and not term.endswith(_NOT_BODIES)


def _inside(position: int, length: int, term: str, substituted: bool) -> bool:
    """An edit at ``position`` is inside the term: never its first character; for names of bodies not
    their last two; for formulations a character may be wrong anywhere after the first, but one added or
    dropped only before the last ("中国特色社会主义者" is another word)."""
    if not substituted and position < 2:
        return False  # "构建具有…" read as "建设具有…" with 设 dropped: the window begins inside another word
    if position == 0:
        # The first character of a long formulation (not a body's name, whose first characters may be a
        # place) is its verb or opening word: "筑牢中华民族共同体意识", "坚决拥护“两个确立”".
        return len(term) >= _LONG_FORMULATION and not _is_body(term)
    if _is_body(term):
        # The body's kind (局, 总局, 委员会 …) may differ: 分局, 住房和城乡建设局; its name may not.
        return 1 <= position < len(term) - _kind_length(term)
    return 1 <= position <= length - (1 if substituted else 2)


_LONG_FORMULATION = 8
_LONG_KINDS = ("委员会", "办公室", "办公厅", "研究院", "研究室")
_SHORT_KINDS = ("总局", "总署", "总台", "分局")


def _kind_length(term: str) -> int:
    return 3 if term.endswith(_LONG_KINDS) else 2 if term.endswith(_SHORT_KINDS) else 1


def _slip_at_the_end(window: str, term: str, position: int, delta: int) -> bool:
    """A slip in the last characters of a body's name that makes no other body: a character typed twice
    ("委员员会") or one dropped that is not 总 or 分 ("常务委会"; "管理局" for "管理总局" is another body)."""
    if not _is_body(term) or position < 1:
        return False
    if delta > 0:
        return window[position] in (window[position - 1], window[position + 1:position + 2])
    if delta < 0:
        return position < len(term) - 1 and term[position] not in "总分"
    return False


# Characters that seldom begin a word with the one before them: after a term's last character they leave it
# standing ("中国特色社会主义道理的…" is 道路 misspelt, not the start of another word).
_PARTICLES = frozenset("的地得了着过吗呢吧是有在为和与及或等")
# Conjunctions that stand for one another in a formulation ("统筹发展与安全", "人与自然和谐共生").
_CONJUNCTIONS = frozenset("和与及同")
# A body's or a law's name keeps its own conjunction (国家粮食和物资储备局, 基本医疗卫生与健康促进法).
_NAMES_OF_LAWS = ("法", "条例", "规定", "办法", "规则")


def _is_han_like(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _simplified(ch: str) -> bool:
    """True for a character of the simplified set (GB 2312), which is what an input method mistypes; a
    character outside it is a traditional or variant form ("三個代表"), not a typo."""
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


# The title of a law or regulation in book-title marks with a run of characters dropped from its middle
# ("《中华人民共和国各级人民代表大会监督法》" for the law of the 常务委员会): a name is cited whole.
_BOOK_TITLE = re.compile("《([^《》\n]{8,40})》")
_DROPPED = range(2, 7)  # characters a dropped run may hold
_KEPT_BEGIN, _KEPT_END = 4, 2  # what is kept on either side of it


def _dropped_run(text, real):
    for match in _BOOK_TITLE.finditer(text):
        title = match.group(1)
        if title in real:
            continue
        found = {term for term in terms() if len(term) - len(title) in _DROPPED
                 and any(term.startswith(title[:cut]) and term.endswith(title[cut:])
                         for cut in range(_KEPT_BEGIN, len(title) - _KEPT_END + 1))}
        if len(found) != 1:
            continue
        term = found.pop()
        yield finding(text, *match.span(1), rule="formulation.term.dropped", category="formulation", severity="error",
                      suggestion=term,
                      message=f"“{title}”疑为“{term}”漏了几个字，法律法规和文件的名称应完整引用。")


def check_terms(text, context):
    automaton, real = _automaton()
    if "《" in text:
        yield from _dropped_run(text, real)
    table = terms()
    exact: list[tuple[int, int]] = []
    halves: list[tuple[int, int, tuple]] = []        # (start, end, ((kind, term index), …))
    idiom_halves: list[tuple[int, int, tuple]] = []  # (start, end, ((kind, idiom index), …))
    for last, (length, is_term, term_hits, idiom_hits) in automaton.iter(text):
        if is_term:
            exact.append((last + 1 - length, last + 1))
        if term_hits:
            halves.append((last + 1 - length, last + 1, term_hits))
        if idiom_hits:
            idiom_halves.append((last + 1 - length, last + 1, idiom_hits))
    if idiom_halves:
        yield from _idiom_findings(text, idiom_halves)
    if not halves:
        return
    exact.sort()
    starts = [s for s, _e in exact]
    reach, furthest = [], -1
    for _s, e in exact:
        furthest = max(furthest, e)
        reach.append(furthest)

    def covered(begin: int, stop: int) -> bool:
        """Inside a correctly written real term."""
        at = bisect.bisect_right(starts, begin) - 1
        return at >= 0 and reach[at] >= stop

    candidates = []
    for start, end, kind, index in ((start, end, kind, index) for start, end, hits in halves for kind, index in hits):
        term = table[index]
        size = len(term)
        anchor = start if kind == _LEFT else end
        if (text.startswith(term, start) if kind == _LEFT else text.endswith(term, 0, end)):
            continue  # the term itself, written correctly
        if covered(anchor, anchor + size + 1) if kind == _LEFT else covered(anchor - size - 1, anchor):
            continue  # every window lies inside a real term written correctly
        for delta in (0, -1, 1):
            width = size + delta
            begin, stop = (anchor, anchor + width) if kind == _LEFT else (anchor - width, anchor)
            if begin < 0 or stop > len(text):
                continue
            window = text[begin:stop]
            if window[-1] != term[-1] and (delta or window[:-1] != term[:-1]):
                continue  # only a character substituted at the very end may change the last one
            position = _edit(window, term)
            if position is None or not (_inside(position, max(width, size), term, delta == 0)
                                        or _slip_at_the_end(window, term, position, delta)):
                continue
            changed = window[position] if delta >= 0 else term[position]
            if delta > 0 and changed in "的之":
                continue  # a particle added ("习近平总书记的重要讲话精神") leaves the term correct
            if not _is_han_like(changed) or not _simplified(changed) or window in real or covered(begin, stop):
                continue
            if (delta == 0 and window[position] in _CONJUNCTIONS and term[position] in _CONJUNCTIONS
                    and not _is_body(term) and not term.endswith(_NAMES_OF_LAWS)):
                continue  # "统筹发展与安全" for "…和安全": one conjunction for another leaves the term as it is
            if delta == 0 and _other_word(window, term, position):
                continue  # "推进全面从严治党…" for "推动…", "安全生产责任书": another correct word
            if delta == 0 and position == size - 1 and _tokenizer().FREQ.get(text[stop - 1:stop + 1], 0) > 0:
                continue  # "把安全生产责任放在心上": the last character begins a word with the next one
            if delta == 0 and position == size - 1 and stop < len(text) and _is_han_like(text[stop]) \
                    and text[stop] not in _PARTICLES:
                continue  # the last character begins another word: "意识形态工作责任清单"
            candidates.append((begin, stop, term, position, delta))
            break
    # Of overlapping candidates the longest wins ("国家卫生建康委员会" over "国家卫生建康委").
    candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
    taken: list[tuple[int, int]] = []
    for begin, stop, term, position, delta in candidates:
        if any(b < stop and begin < e for b, e in taken):
            continue
        taken.append((begin, stop))
        window = text[begin:stop]
        yield finding(text, begin, stop, rule="formulation.term", category="formulation", severity="error",
                      suggestion=term,
                      message=f"“{window}”疑为“{term}”的误写（{_describe(window, term, position, delta)}），"
                              "请核对规范写法。")


def _other_word(window: str, term: str, position: int) -> bool:
    """A substitution that makes another word of the dictionary where the term has one: the opening verb
    swapped for its synonym ("推进" for "推动"), or the last word ("责任书" for "责任制"). A wrong character
    inside the term ("体质改革") is reported even when it happens to make a word."""
    words = _tokenizer().FREQ
    if position <= 1:
        return window[:2] != term[:2] and words.get(window[:2], 0) > 0 and words.get(term[:2], 0) > 0
    if position == len(term) - 1:
        return words.get(window[-3:], 0) > 0 and words.get(term[-3:], 0) > 0
    return False


def _describe(window: str, term: str, position: int, delta: int) -> str:
    if delta == 0:
        return f"“{term[position]}”写成了“{window[position]}”"
    if delta > 0:
        return f"多了“{window[position]}”"
    return f"少了“{term[position]}”"


# A three-character word at the window's edge leaves the fourth character to the next word; jieba's rare
# entries ("建章立", used 3 times in its corpus) are no such word.
_EDGE_WORD = 20


def _idiom_findings(text, hits):
    """A four-character idiom or fixed phrase with one character replaced by a homophone ("承上起下",
    "严管后爱"): the half found proposes the window beside it, reported when exactly one character differs,
    the two are read alike, and the window is no word of the dictionary itself ("丰富多彩" beside the older
    "丰富多采")."""
    table, same, near, words = phrases(), homophones(), near_sounds(), _tokenizer().FREQ
    listed = len(idioms())
    seen = set()
    size = len(text)
    for start, end, kind, index in ((start, end, kind, index) for start, end, found in hits for kind, index in found):
        idiom = table[index]
        if kind == _IDIOM_LEFT:
            begin, first, second = start, 2, 3
        else:
            begin, first, second = end - 4, 0, 1
        if begin < 0 or begin + 4 > size or begin in seen:
            continue
        # The key matched one side (two characters, or three where a half is too common): only the other side
        # can differ.
        diff = [i for i in (first, second) if text[begin + i] != idiom[i]]
        if not diff:
            continue  # the idiom itself
        window = text[begin:begin + 4]
        if window in words:
            continue
        if diff in ([0, 1], [2, 3]) and window[diff[0]] == window[diff[1]] and idiom[diff[0]] == idiom[diff[1]]:
            diff = diff[:1]  # a reduplicated idiom slips in both of its doubled characters ("勤勤垦垦")
        if len(diff) != 1:
            continue
        position = diff[0]
        wrong, right = window[position], idiom[position]
        if wrong not in near.get(right, ()) or wrong in _PARTICLES_READ_ALIKE:
            continue
        if index >= listed and words.get(window[0:2] if position < 2 else window[2:4], 0):
            continue  # a word of the dictionary with a word beside it: "体质改革", "治理能力" may well be meant
        # The changed character at an edge may belong to the next word ("一年一次" is no slip of "一年一度",
        # but the homophone rule already rules that out); at the edge it must not make a word with its
        # neighbour outside the window.
        if position == 0 and (begin > 0 and words.get(text[begin - 1:begin + 1], 0) or
                              words.get(window[1:], 0) >= _EDGE_WORD):
            continue  # "在进一步推动…": 在 and the word 进一步, not 再进一步 misspelt
        if position == 3 and (begin + 5 <= len(text) and words.get(text[begin + 3:begin + 5], 0)
                              or words.get(window[:3], 0) >= _EDGE_WORD):
            continue
        seen.add(begin)
        yield finding(text, begin, begin + 4, rule="formulation.idiom", category="formulation", severity="error",
                      suggestion=idiom,
                      message=f"“{window}”疑为“{idiom}”的误写（“{right}”写成了"
                              f"{'同音' if wrong in same.get(right, ()) else '音近'}的“{wrong}”），请核对。")
