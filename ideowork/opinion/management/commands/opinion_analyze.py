"""``ideowork opinion_analyze ITEMS.jsonl --json``: each item's sentiment and event key.

ITEMS.jsonl holds one JSON object a line, ``{"id", "title", "text", "source_level"?, "published"?}``
(read as ``ideowork match_scheme`` reads its items: UTF-8, a BOM allowed, blank lines skipped, a
missing or null title or text empty, an id a string or an integer). ``source_level`` is one of
central, province, city, county, forum, social, government (or its Chinese label, 中央媒体 …);
``published`` an ISO 8601 date or date and time (an RSS date, 2026/5/27, 2026年5月27日 and seconds
since 1970 are taken too). With ``--json`` one JSON object a line, in input order:
``{"id", "sentiment": "negative"|"neutral"|"positive", "event": "<key>"}`` — items of the same story
share the event key (``opinion.analysis.events``); without it, a tab-separated line with the Chinese
labels and the grade. Any bad line prints a Chinese message naming the line on stderr and exits with
code 2 before anything is printed (every line is checked first). Works without a database.
"""

import json
import re
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path

from ...analysis import EventIndex, grade, sentiment, signature
from ...analysis.grade import SOURCE_LEVEL_LABELS
from ..jsonl import JsonLinesCommand

_EPOCH = date(1970, 1, 1)


class Command(JsonLinesCommand):
    help = "分析JSON Lines文件中条目的情感倾向，并判断哪些条目属于同一事件，逐行输出。"

    def add_arguments(self, parser):
        parser.add_argument("items", help="JSON Lines 文件，每行一个 {\"id\", \"title\", \"text\", "
                                          "\"source_level\"?, \"published\"?}")
        parser.add_argument("--json", action="store_true", help="每行输出一个JSON对象 {\"id\", \"sentiment\", \"event\"}")

    def handle(self, *args, items, json=False, **options):
        entries = self._read(Path(items))
        index = EventIndex()
        lines = []
        for item_id, title, text, level, day in entries:
            mood = sentiment(title, text)
            event = index.add(signature(title, text, day)).key
            if json:
                lines.append(_json({"id": item_id, "sentiment": mood.label, "event": event}))
            else:
                graded = grade(title, text, sentiment=mood.label, source_level=level)
                lines.append(f"{item_id}\t{mood.label_zh}\t{graded.label}\t{event}")
        if lines:
            self.write("\n".join(lines))

    def _read(self, path: Path) -> list[tuple]:
        return [(item_id, title, text, _level(item, number, self.fail), _day(item, number, self.fail))
                for number, item, item_id, title, text in self.read_items(path)]


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


_LEVEL_BY_LABEL = {label: code for code, label in SOURCE_LEVEL_LABELS.items()}
_CHINESE_DATE = re.compile(r"^\s*(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*日?")


def _level(item: dict, number: int, fail) -> str | None:
    level = item.get("source_level")
    if level is None or level == "":
        return None
    level = _LEVEL_BY_LABEL.get(level, level) if isinstance(level, str) else level
    if level not in SOURCE_LEVEL_LABELS:
        fail(f"第{number}行的source_level（来源级别）应为 {'、'.join(SOURCE_LEVEL_LABELS)} 之一"
             f"（或 {'、'.join(SOURCE_LEVEL_LABELS.values())}）")
    return level


def _day(item: dict, number: int, fail) -> int | None:
    """The publication day: ISO 8601, an RSS date (RFC 2822), 2026/5/27 or 2026年5月27日, or seconds
    (or milliseconds) since 1970."""
    published = item.get("published")
    if published is None or published == "":
        return None
    moment = None
    if isinstance(published, str):
        try:
            moment = datetime.fromisoformat(published.strip().replace("Z", "+00:00")).date()
        except ValueError:
            try:
                moment = parsedate_to_datetime(published).date()
            except (TypeError, ValueError, IndexError):
                found = _CHINESE_DATE.match(published)
                if found:
                    try:
                        moment = date(*map(int, found.groups()))
                    except ValueError:
                        moment = None
    elif isinstance(published, (int, float)) and not isinstance(published, bool) and published >= 0:
        seconds = published / 1000 if published > 10**11 else published
        try:
            moment = datetime.fromtimestamp(seconds, tz=timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            moment = None
    if moment is None:
        fail(f"第{number}行的published（发布时间）应为ISO 8601格式的日期或时间，如 2026-05-27 或 "
             f"2026-05-27T08:30:00+08:00")
    return (moment - _EPOCH).days
