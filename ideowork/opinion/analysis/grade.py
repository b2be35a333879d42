"""The grade of an item or event: 一般 "1", 较大 "2", 重大 "3", 特别重大 "4", from readable rules.

The rules are data (``data/grade_rules.json``): points for the sentiment, for the source level, for
each reach figure past a threshold (the highest threshold of a field counts, once), for the spread
(outlets that carried the event), and for sensitive-topic words (each topic once, its highest word;
the sum capped; counted only on a negative item when the rules say so). The grade is the highest
level whose threshold the points reach. ``grade`` returns the code, label, points and, line by line,
why (in Chinese), for the item page.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from ..matching.normalise import item_text, normalise
from .lexicon import DATA, Lexicon

__all__ = ["GradeResult", "GradeRules", "grade", "SOURCE_LEVEL_LABELS"]

SOURCE_LEVEL_LABELS = {"central": "中央媒体", "province": "省级", "city": "市级", "county": "县级", "forum": "论坛",
                       "social": "社交平台", "government": "政务平台"}
REACH_LABELS = {"reads": "阅读", "reposts": "转发", "comments": "评论", "likes": "点赞"}
SENTIMENT_LABELS = {"negative": "负面", "neutral": "中性", "positive": "正面"}


@dataclass(frozen=True, slots=True)
class GradeResult:
    code: str
    label: str
    points: float
    reasons: tuple[str, ...]


class GradeRules:
    """The rules of ``grade_rules.json`` (or a dict of the same shape), checked when read."""

    _default: GradeRules | None = None
    _lock = threading.Lock()

    def __init__(self, rules: Mapping):
        try:
            self.sentiment = {k: float(v) for k, v in rules["sentiment"].items()}
            self.source_level = {k: float(v) for k, v in rules["source_level"].items()}
            self.reach = sorted(((r["field"], float(r["at_least"]), float(r["points"])) for r in rules["reach"]),
                                key=lambda r: -r[1])
            self.spread = sorted(((float(r["outlets_at_least"]), float(r["points"])) for r in rules["spread"]),
                                 key=lambda r: -r[0])
            self.sensitive_cap = float(rules["sensitive_cap"])
            self.sensitive_needs_negative = bool(rules["sensitive_needs_negative"])
            self.levels = sorted(((str(r["code"]), str(r["label"]), float(r["at_least"])) for r in rules["levels"]),
                                 key=lambda r: -r[2])
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"分级规则格式有误：{exc}") from None
        if not self.levels:
            raise ValueError("分级规则中没有级别")

    @classmethod
    def default(cls) -> GradeRules:
        if cls._default is None:
            with cls._lock:
                if cls._default is None:
                    cls._default = cls(json.loads(Path(DATA / "grade_rules.json").read_text(encoding="utf-8")))
        return cls._default


def grade(title: str, text: str, *, sentiment: str, source_level: str | None = None,
          reach: Mapping[str, int] | None = None, outlets: int = 1, lexicon: Lexicon | None = None,
          rules: GradeRules | None = None, normalised: bool = False,
          sensitive: tuple[tuple[str, float, str], ...] | None = None) -> GradeResult:
    """The grade of an item (or of an event: its lead item, its reach summed, its outlets counted).

    ``normalised``: title and text have been through the one normalisation already; ``sensitive``: the
    (topic, points, word) the sentiment's scan found (``SentimentResult.sensitive``), so as not to scan
    again."""
    rules = rules or GradeRules.default()
    lexicon = lexicon or Lexicon.default()
    points = 0.0
    reasons: list[str] = []

    value = rules.sentiment.get(sentiment, 0.0)
    points += value
    reasons.append(f"情感倾向{SENTIMENT_LABELS.get(sentiment, sentiment)}：{value:+g}分")

    if source_level:
        value = rules.source_level.get(source_level, 0.0)
        points += value
        reasons.append(f"来源级别{SOURCE_LEVEL_LABELS.get(source_level, source_level)}：{value:+g}分")

    counted: set[str] = set()
    for field, at_least, value in rules.reach:
        figure = (reach or {}).get(field) or 0
        if field not in counted and figure >= at_least:
            counted.add(field)
            points += value
            reasons.append(f"{REACH_LABELS.get(field, field)}数{figure}（≥{at_least:g}）：{value:+g}分")

    for at_least, value in rules.spread:
        if outlets >= at_least:
            points += value
            reasons.append(f"{outlets}家媒体或账号刊发同一事件（≥{at_least:g}）：{value:+g}分")
            break

    if sentiment == "negative" or not rules.sensitive_needs_negative:
        if sensitive is None:
            joined = item_text(title, text)
            data = (joined if normalised else normalise(joined)).encode("utf-8").decode("latin-1")
            sensitive = tuple((e.topic, e.points, e.word) for _start, e in lexicon.scan(data) if e.topic)
        topics: dict[str, tuple[float, str]] = {}
        for topic, worth, word in sensitive:
            if worth > topics.get(topic, (0.0, ""))[0]:
                topics[topic] = (worth, word)
        if topics:
            total = min(sum(p for p, _w in topics.values()), rules.sensitive_cap)
            points += total
            named = "、".join(f"{topic}（“{word}”）" for topic, (_p, word) in sorted(topics.items()))
            reasons.append(f"敏感话题{named}：{total:+g}分（上限{rules.sensitive_cap:g}分）")

    for index, (code, label, at_least) in enumerate(rules.levels):
        if points >= at_least:
            if index == len(rules.levels) - 1 and index:   # the lowest level: say what it fell short of
                _code, above, needed = rules.levels[index - 1]
                reasons.append(f"合计{points:g}分，不足“{above}”的{needed:g}分，定为“{label}”")
            else:
                reasons.append(f"合计{points:g}分，达到“{label}”的{at_least:g}分")
            return GradeResult(code, label, round(points, 3), tuple(reasons))
    code, label, _ = rules.levels[-1]
    return GradeResult(code, label, round(points, 3), tuple(reasons))
