"""De-duplication and event keys: which items tell the same story.

Each item gets a small ``Signature`` (ints only, so the ingestion service can store it beside the
item and restore the index from the database), computed on the normalised item (the one
normalisation, so a traditional-character repost is the same text):

- ``exact``: a 64-bit hash of the normalised title and text with white space taken out — an exact
  reprint;
- ``sketch``: a bottom-k MinHash sketch (the ``SKETCH_SIZE`` smallest hashed values of a consistent
  sample of the body's 4-character shingles, letters and digits only; see ``_sketch``): two items
  whose sketches estimate a Jaccard similarity of at least ``NEAR_AT`` are near-duplicates (a
  changed headline, a trimmed footer, a repost with its own preface). Candidates come from an
  inverted index on the sketch values, so the cost per item does not grow with the items seen;
- ``features``: what identifies an incident whoever tells it — place names with an administrative
  suffix (towns, villages and named sites — a 小区, 厂, 学校, 市场 — weigh most, provinces least;
  names every city has, 开发区 or 人民路, not at all), figures with their unit (76人, 278毫米),
  calendar dates (5月27日) — and the title's character bigrams, weakly, less those of words every
  opinion item's title uses (反映, 回应, 网传 …: ``GENERIC_TITLE_WORDS``). An item joins an
  event when the features it shares with the event weigh at least ``JOIN_AT`` (two floods in two
  counties share neither place nor figures, so they stay apart), and, when both carry a publication
  day, they are at most ``DAYS_APART`` days apart. A feature seen in many events weighs less; when
  both the item and the event name the incident's day (5月27日) and none of them are within
  ``DATES_NEAR`` days, it is another incident, whatever else they share (two accidents on the same
  road on different days); only a near-duplicate joins then.

An event is known by the features of its first ``EVENT_FEATURE_ITEMS`` items, so a long-running
story cannot grow into one that every item joins. ``EventIndex.add(signature)`` gives the event key
(the first item's exact hash in hex, "e…") and how the item joined; ``EventIndex.restore(key,
signature)`` puts a stored item back; ``assign_events`` is the batch form.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import and_, not_

from ..matching.normalise import normalise

__all__ = ["Signature", "Assignment", "EventIndex", "signature", "signature_of_normalised", "assign_events",
           "feature_names"]

SKETCH_SIZE = 32
SAMPLE_MASK = 0x3_0001      # bits of the shingle's first two characters: about one shingle in 8
_MIX = 0x9E3779B97F4A7C15   # Fibonacci hashing
_MASK63 = (1 << 63) - 1     # every int of a signature fits a signed 64-bit column (PostgreSQL bigint)
SHINGLE = 4
SKETCH_CHARS = 300         # the body's first characters that the sketch reads (after the title)
FEATURE_CHARS = 300        # the first characters that features are read from
NEAR_AT = 0.5
NEAR_CANDIDATE_SHARE = 3   # sketch values shared before a near-duplicate is checked
JOIN_AT = 3.5
DATES_NEAR = 2             # days apart that one incident's reports still give (the eve, the day after)
DAYS_APART = 31
COMMON_EVENTS = 8          # a feature in more events than this weighs less, in proportion
NEAR_CHECKS = 8            # candidates (most sketch values shared first) whose Jaccard is estimated
EVENT_FEATURE_ITEMS = 8    # an event is known by the features of its first items, so it cannot swallow all
POSTING_CAP = 64           # a sketch value or feature carried this often proposes no candidates: too common

# Feature kinds: the high bits of a feature's int; the weight of each kind.
PLACE_TOWN, PLACE_COUNTY, PLACE_CITY, PLACE_PROVINCE, FIGURE, DATE, BIGRAM, PLACE_ROAD, NAMED_SITE = range(1, 10)
KIND_WEIGHT = {PLACE_TOWN: 4.0, NAMED_SITE: 4.0, PLACE_COUNTY: 2.0, PLACE_ROAD: 2.0, PLACE_CITY: 1.0,
               PLACE_PROVINCE: 0.5, FIGURE: 1.5, DATE: 1.0, BIGRAM: 0.5}
BIGRAM_CAP = 3.0
_BIGRAM_KIND = BIGRAM << 32
KIND_LABEL = {PLACE_TOWN: "乡镇村社区", NAMED_SITE: "单位或场所", PLACE_COUNTY: "县区", PLACE_ROAD: "道路",
              PLACE_CITY: "市", PLACE_PROVINCE: "省", FIGURE: "数字", DATE: "日期", BIGRAM: "标题用字"}

_NON_WORD = re.compile(r"[\W_]+")
_SUFFIX_KIND = {"省": PLACE_PROVINCE, "市": PLACE_CITY, "县": PLACE_COUNTY, "区": PLACE_COUNTY, "旗": PLACE_COUNTY,
                "镇": PLACE_TOWN, "乡": PLACE_TOWN, "村": PLACE_TOWN, "街道": PLACE_TOWN, "社区": PLACE_TOWN,
                "路": PLACE_ROAD, "街": PLACE_ROAD, "巷": PLACE_ROAD, "大道": PLACE_ROAD, "国道": PLACE_ROAD}
_SITES = ("小区", "花园", "新苑", "家园", "厂", "公司", "集团", "学校", "中学", "小学", "高中", "幼儿园", "医院",
          "市场", "商场", "大厦", "楼盘", "水库", "煤矿", "景区")
_SUFFIX_KIND.update({site: NAMED_SITE for site in _SITES})
_SUFFIXES = "|".join(sorted(_SUFFIX_KIND, key=len, reverse=True))
_SUFFIX = re.compile(_SUFFIXES)
_HAN = re.compile(r"[\u4e00-\u9fff]+")
# Characters that do not begin a place name: 全县, 该镇, 本市, 各村, 在桐城市, 城市社区 …
_NOT_FIRST = frozenset("全该本我各每此其在于从到向对由据经和与及或等的了是为有个两多几首某城市县区镇乡村街社这那一")
# … except the town quarters named after the county seat, which many counties have: 城关镇, 城东街道,
# 城西区, 城南村 (城中村, a kind of village, not a place, is among the names every city has).
_SEAT_QUARTER = re.compile("城[关东西南北中]")
# Names that every city has: not an incident's place.
_GENERIC = frozenset(("经开区", "开发区", "高新区", "保税区", "工业区", "示范区", "自治区", "风景区", "居民区", "生活区",
                      "住宅区", "商业区", "中心区", "安置区", "新城区", "老城区", "主城区", "辖区", "农村", "乡村", "山村",
                      "人民路", "解放路", "中山路", "建设路", "农贸市场", "菜市场", "劳务公司", "物业公司", "施工单位",
                      "建筑公司", "自来水公司", "供水公司", "城中村"))
# Words that opinion items' titles use whatever the incident — who speaks, what they do, what the
# organ does (反映, 投诉, 回应, 网传 …): shared, they say nothing about which incident it is, so they are
# no title bigrams. Otherwise a county's name (a feature, and its characters again as bigrams) and one
# such word made two stories of one county one event: 临河县入学报名系统拥堵，家长反映… and
# 临河县营商环境：有企业在留言板反映….
GENERIC_TITLE_WORDS = frozenset((
    "网友", "市民", "居民", "群众", "家长", "业主", "村民", "记者", "官方", "部门", "相关", "有关",
    "反映", "投诉", "咨询", "求助", "举报", "建议", "希望", "呼吁", "质疑", "关注", "热议", "曝光", "网传",
    "回应", "回复", "答复", "通报", "核实", "调查", "处理", "处置", "辟谣", "表示", "来了",
    "问题", "情况", "最新", "进展", "事件", "视频", "今天", "昨天", "多名", "一名"))
_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:多|余)?\s*(万元|亿元|万人|平方米|公里|毫米|小时|天|元|人|户|名|辆|间|岁|起|个|件|家|所|处|吨|米|亩|栋|层)")
_DATE = re.compile(r"(\d{1,2})月(\d{1,2})日")


@dataclass(frozen=True, slots=True)
class Signature:
    """What the index keeps of an item: ints only, each below 2**63 so that it fits a bigint column
    (see the module's docstring)."""

    exact: int
    sketch: tuple[int, ...]
    features: tuple[int, ...]
    day: int | None = None          # publication day (days since 1970-01-01), if known


@dataclass(frozen=True, slots=True)
class Assignment:
    key: str
    how: str                        # "new" | "exact" | "near" | "event"
    score: float = 0.0
    shared: tuple[int, ...] = field(default=())

    @property
    def how_zh(self) -> str:
        return {"new": "新事件", "exact": "完全转载", "near": "近似重复", "event": "同一事件"}[self.how]


def _feature(kind: int, text: str) -> int:
    return (kind << 32) | zlib.crc32(text.encode("utf-8"))


def _date_feature(month: int, day: int) -> int:
    """A calendar day as its feature: the day of the year, roughly (month × 31 + day), not hashed, so
    that two days can be compared."""
    return (DATE << 32) | (month * 31 + day)


def _dates_apart(mine: set[int], theirs: set[int]) -> bool:
    """Whether no day of ``mine`` is within ``DATES_NEAR`` days of one of ``theirs``."""
    return all(abs((a & 0xFFFF) - (b & 0xFFFF)) > DATES_NEAR for a in mine for b in theirs)


def signature(title: str, text: str, day: int | None = None) -> Signature:
    """The item's signature; ``day`` is its publication day as days since 1970-01-01, or None."""
    return signature_of_normalised(normalise(title or ""), normalise(text or ""), day)


def signature_of_normalised(title_n: str, body_n: str, day: int | None = None) -> Signature:
    """``signature`` of a title and text already normalised (``analyse`` normalises once for all)."""
    exact_text = "".join(title_n.split()) + "\n" + "".join(body_n.split())
    exact = int.from_bytes(hashlib.blake2b(exact_text.encode("utf-8"), digest_size=8).digest(), "big") & _MASK63
    # Punctuation is dropped for the sketch; twice the characters are read so that enough are left.
    body_w = _NON_WORD.sub("", body_n[:2 * SKETCH_CHARS])[:SKETCH_CHARS]
    content = body_w if len(body_w) >= 2 * SHINGLE else _NON_WORD.sub("", title_n) + body_w
    sketch = _sketch(content)
    head = f"{title_n}\n{body_n[:FEATURE_CHARS]}"
    features: set[int] = set()
    for name, kind in _places(head):
        features.add(_feature(kind, name))
    for number, unit in _FIGURE.findall(head):
        if len(number) >= 2 or unit not in ("人", "个", "名", "起", "家", "所", "处", "件", "层", "栋"):
            features.add(_feature(FIGURE, number + unit))
    for month, dayno in _DATE.findall(head):
        features.add(_date_feature(int(month), int(dayno)))
    features.update(_title_bigrams(_NON_WORD.sub("", title_n)))
    return Signature(exact, sketch, tuple(sorted(features)), day)


_GENERIC_WORDS = re.compile("|".join(map(re.escape, sorted(GENERIC_TITLE_WORDS, key=len, reverse=True))))


def _bigram_values(text: str) -> set[int]:
    """Each two adjacent characters of ``text`` as one int: their UTF-16 code units, read four bytes at
    a time at the two two-byte offsets (no hashing needed: the int is the bigram)."""
    data = text.encode("utf-16-le", "surrogatepass")
    values: set[int] = set()
    for offset in (0, 2):
        usable = (len(data) - offset) // 4 * 4
        if usable > 0:
            values.update(memoryview(data[offset:offset + usable]).cast("I").tolist())
    return values


_GENERIC_BIGRAMS = frozenset(value for word in GENERIC_TITLE_WORDS for value in _bigram_values(word))


def _title_bigrams(title: str) -> set[int]:
    """The title's bigrams as features, in the pieces the generic words leave (官方回应 leaves no 方回
    either); a title with none of their bigrams, the usual case, is read in one pass."""
    values = _bigram_values(title)
    if not values.isdisjoint(_GENERIC_BIGRAMS):
        values = set().union(*map(_bigram_values, _GENERIC_WORDS.split(title)))
    return {_BIGRAM_KIND | value for value in values}


def _sketch(content: str) -> tuple[int, ...]:
    """The bottom-k sketch of a consistent sample of the 4-character shingles of ``content``.

    In UTF-16 each shingle is exactly one 64-bit integer, read eight bytes at a time at the four
    two-byte offsets (C speed, no hashing of each shingle); a shingle is sampled when bits of its
    first and second characters' codes are zero (about one in ``SAMPLE``; a function of the shingle
    alone, so two texts sample their common shingles alike), then mixed (multiplicative hashing) and
    the ``SKETCH_SIZE`` smallest kept.
    """
    data = content.encode("utf-16-le", "surrogatepass")
    shingles: list[int] = []
    for offset in (0, 2, 4, 6):
        usable = (len(data) - offset) // 8 * 8
        if usable > 0:
            shingles.extend(memoryview(data[offset:offset + usable]).cast("Q").tolist())
    sampled = compress(shingles, map(not_, map(and_, shingles, repeat(SAMPLE_MASK))))
    mixed = {(value * _MIX) & _MASK63 for value in sampled}
    return tuple(sorted(mixed)[:SKETCH_SIZE])


def _places(text: str) -> list[tuple[str, int]]:
    """Place and site names: two or three Chinese characters before an administrative or site suffix
    (one before 县: 高县, 沛县), the longest that does not begin with a function word (浦东新区, not
    东新区; 向山镇 in 在向山镇); names every city has are left out."""
    found = []
    for match in _SUFFIX.finditer(text):
        end, suffix = match.start(), match.group()
        for length in (3, 2, 1) if suffix == "县" else (3, 2):
            prefix = text[max(end - length, 0):end]
            if len(prefix) < length or not _HAN.fullmatch(prefix):
                continue
            if prefix[0] in _NOT_FIRST and not _SEAT_QUARTER.match(prefix):
                continue
            name = prefix + suffix
            if name not in _GENERIC:
                found.append((name, _SUFFIX_KIND[suffix]))
            break
    return found


def _jaccard(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Bottom-k estimate of the Jaccard similarity of the two shingle sets."""
    if not a or not b:
        return 0.0
    union_bottom = sorted(set(a) | set(b))[:SKETCH_SIZE]
    sa, sb = set(a), set(b)
    both = sum(1 for h in union_bottom if h in sa and h in sb)
    return both / len(union_bottom)


class EventIndex:
    """Items seen so far, grouped into events; ``add`` one at a time (see the module's docstring)."""

    def __init__(self):
        self._exact: dict[int, str] = {}
        self._sketch_postings: dict[int, list[int]] = {}
        self._sketches: list[tuple[int, ...]] = []
        self._item_event: list[str] = []
        self._feature_events: dict[int, set[str]] = {}
        self._event_features: dict[str, set[int]] = {}
        self._event_days: dict[str, tuple[int, int]] = {}
        self._event_members: dict[str, int] = {}
        self._event_dates: dict[str, set[int]] = {}

    def __len__(self) -> int:
        return len(self._item_event)

    @property
    def events(self) -> int:
        return len(self._event_features)

    def find(self, sig: Signature) -> Assignment | None:
        """The event the item would join, and how, without adding it; None for a new event."""
        key = self._exact.get(sig.exact)
        if key is not None:
            return Assignment(key, "exact", 1.0)
        near = self._near(sig)
        if near is not None:
            return near
        return self._event(sig)

    def add(self, sig: Signature) -> Assignment:
        """Add the item; its event key and how it joined."""
        found = self.find(sig)
        assignment = found or Assignment(f"e{sig.exact:016x}", "new")
        self._store(assignment.key, sig)
        return assignment

    def restore(self, key: str, sig: Signature) -> None:
        """Put back an item stored earlier under ``key`` (rebuilding the index from the database)."""
        self._store(key, sig)

    def _store(self, key: str, sig: Signature) -> None:
        self._exact.setdefault(sig.exact, key)
        number = len(self._item_event)
        self._item_event.append(key)
        self._sketches.append(sig.sketch)
        for value in sig.sketch:
            postings = self._sketch_postings.setdefault(value, [])
            if len(postings) <= POSTING_CAP:   # past the cap the value is never read again
                postings.append(number)
        mine = self._event_features.setdefault(key, set())
        members = self._event_members.get(key, 0) + 1
        self._event_members[key] = members
        if members <= EVENT_FEATURE_ITEMS:
            dates = [feature for feature in sig.features if feature >> 32 == DATE]
            if dates:
                self._event_dates.setdefault(key, set()).update(dates)
        for feature in sig.features if members <= EVENT_FEATURE_ITEMS else ():
            if feature not in mine:
                mine.add(feature)
                keys = self._feature_events.setdefault(feature, set())
                if len(keys) <= POSTING_CAP:
                    keys.add(key)
        if sig.day is not None:
            first, last = self._event_days.get(key, (sig.day, sig.day))
            self._event_days[key] = (min(first, sig.day), max(last, sig.day))

    def _near(self, sig: Signature) -> Assignment | None:
        counts: dict[int, int] = {}
        for value in sig.sketch:
            postings = self._sketch_postings.get(value, ())
            if len(postings) < POSTING_CAP:
                for number in postings:
                    counts[number] = counts.get(number, 0) + 1
        best, best_score = None, 0.0
        needed = min(NEAR_CANDIDATE_SHARE, max(len(sig.sketch) // 4, 1))
        likeliest = sorted(((shared, number) for number, shared in counts.items() if shared >= needed), reverse=True)
        for _shared, number in likeliest[:NEAR_CHECKS]:
            score = _jaccard(sig.sketch, self._sketches[number])
            if score >= NEAR_AT and score > best_score:
                best, best_score = number, score
        if best is None:
            return None
        return Assignment(self._item_event[best], "near", round(best_score, 3))

    def _weight(self, feature: int) -> float:
        weight = KIND_WEIGHT[feature >> 32]
        events = len(self._feature_events.get(feature, ()))
        if events > COMMON_EVENTS:
            weight *= COMMON_EVENTS / events
        return weight

    def _event(self, sig: Signature) -> Assignment | None:
        scores: dict[str, float] = {}
        bigrams: dict[str, float] = {}
        shared: dict[str, list[int]] = {}
        for feature in sig.features:
            keys = self._feature_events.get(feature)
            if not keys or len(keys) >= POSTING_CAP:   # weighs at most 4 × 8/64 = 0.5; not worth the scan
                continue
            weight = self._weight(feature)
            target = bigrams if feature >> 32 == BIGRAM else scores
            for key in keys:
                target[key] = target.get(key, 0.0) + weight
                shared.setdefault(key, []).append(feature)
        best, best_score = None, 0.0
        dates = {feature for feature in sig.features if feature >> 32 == DATE}
        # In key order: of two events scoring the same, the same one wins in every process (a set of
        # strings is iterated in an order that changes with the process's hash seed).
        for key in sorted(scores.keys() | bigrams.keys()):
            score = scores.get(key, 0.0) + min(bigrams.get(key, 0.0), BIGRAM_CAP)
            if dates and key in self._event_dates and _dates_apart(dates, self._event_dates[key]):
                continue   # both name the incident's day, and no two days are near: another incident
            if score < JOIN_AT or score <= best_score:
                continue
            if sig.day is not None and key in self._event_days:
                first, last = self._event_days[key]
                if sig.day < first - DAYS_APART or sig.day > last + DAYS_APART:
                    continue
            best, best_score = key, score
        if best is None:
            return None
        return Assignment(best, "event", round(best_score, 3), tuple(shared[best]))


def feature_names(title: str, text: str) -> dict[int, str]:
    """The item's place, site, figure and date features by int, as Chinese labels (“县区：桐城市”), so
    that the item page can say which ones an ``Assignment.shared`` names. Title bigrams are left out."""
    title_n, body_n = normalise(title or ""), normalise(text or "")
    head = f"{title_n}\n{body_n[:FEATURE_CHARS]}"
    names = {_feature(kind, name): f"{KIND_LABEL[kind]}：{name}" for name, kind in _places(head)}
    for number, unit in _FIGURE.findall(head):
        names[_feature(FIGURE, number + unit)] = f"{KIND_LABEL[FIGURE]}：{number}{unit}"
    for month, dayno in _DATE.findall(head):
        names[_date_feature(int(month), int(dayno))] = f"{KIND_LABEL[DATE]}：{int(month)}月{int(dayno)}日"
    return names


def assign_events(items) -> list[Assignment]:
    """The batch form: ``items`` are ``(title, text, day-or-None)``; one assignment each, in order."""
    index = EventIndex()
    return [index.add(signature(title, text, day)) for title, text, day in items]
