"""One arriving record, checked and cleaned before anything is stored (no database here).

A record is a dict with ``title`` (required), ``text``, ``url``, ``published`` (an ISO string or a
datetime; Asia/Shanghai when it names no zone), ``outlet``, ``reads``, ``reposts``, ``comments`` and
``likes``. Any other key (an author handle, a user id …) is dropped and never stored. Phone and
ID-card numbers in title and text are masked here, on arrival (privacy by design). Fingerprints:
``url_key`` is the SHA-256 of the canonical URL (scheme and host lower-cased, fragment dropped),
``content_key`` the SHA-256 of the normalised title, a line break and the normalised text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo

from ..matching import normalise

__all__ = ["CleanRecord", "RecordError", "clean_record", "mask_private_numbers", "url_key", "content_key",
           "FIELDS", "parse_count", "parse_published"]

SHANGHAI = ZoneInfo("Asia/Shanghai")
FIELDS = ("title", "text", "url", "published", "outlet", "reads", "reposts", "comments", "likes")
COUNT_FIELDS = {"reads": "阅读数", "reposts": "转发数", "comments": "评论数", "likes": "点赞数"}
MAX_TITLE, MAX_URL, MAX_OUTLET, MAX_TEXT = 500, 1000, 200, 100_000
MAX_COUNT = 2_147_483_647

# A mainland mobile number, and an 18-digit resident ID number (the last may be X), neither touching
# another digit. The middle digits are replaced, so a number stays recognisable as a number.
_MOBILE = re.compile(r"(?<![0-9])(?:\+?86[- ]?)?(1[3-9][0-9])[- ]?([0-9]{4})[- ]?([0-9]{4})(?![0-9])")
_ID_CARD = re.compile(r"(?<![0-9])([1-9][0-9]{5})(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
                      r"[0-9]{3}([0-9Xx])(?![0-9A-Za-z])")
_DIGIT = re.compile(r"[0-9]")
# Both numbers lie within a stretch of at least 11 ASCII letters, digits, '+', '-' and spaces, and
# their lookarounds test only digits and letters, which such a stretch holds all of: masking each
# stretch on its own masks the text, while the regular expressions skip the Chinese around them at C
# speed instead of trying every position (a third of the cleaning's time before).
_STRETCH = re.compile(r"[0-9A-Za-z+\- ]{11,}")


class RecordError(ValueError):
    """A record that cannot be stored; the message is Chinese and names the field."""


@dataclass(frozen=True, slots=True)
class CleanRecord:
    title: str
    text: str
    url: str
    url_key: str
    content_key: str
    published_at: datetime | None
    outlet_name: str
    reads: int | None
    reposts: int | None
    comments: int | None
    likes: int | None
    # Title and text through the one normalisation (for the fingerprint, and reused by the analysis).
    title_n: str = ""
    text_n: str = ""


def mask_private_numbers(text: str) -> str:
    """``text`` with mobile numbers (138****5678) and ID-card numbers (110105********123X) masked."""
    if not text or not _DIGIT.search(text):
        return text
    return _STRETCH.sub(_masked_stretch, text)


def _masked_stretch(stretch: re.Match) -> str:
    text = _ID_CARD.sub(lambda m: f"{m.group(1)}********{m.group(0)[-4:-1]}{m.group(2)}", stretch.group())
    return _MOBILE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)


def canonical_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def url_key(url: str) -> str:
    return hashlib.sha256(canonical_url(url).encode()).hexdigest() if url else ""


def content_key(title: str, text: str) -> str:
    return _content_key(normalise(title), normalise(text))


def _content_key(title_n: str, text_n: str) -> str:
    return hashlib.sha256(f"{title_n}\n{text_n}".encode()).hexdigest()


def _text(record: dict, key: str, label: str, limit: int) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise RecordError(f"{label}应为文字。")
    value = value.replace("\x00", "").strip()
    if len(value) > limit:
        raise RecordError(f"{label}超过{limit}字（共{len(value)}字）。")
    return value


def parse_count(value, label: str) -> int | None:
    """A reach figure: an integer, a digit string (``1,234``), or ``1.2万`` / ``3亿``; blank is unknown."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise RecordError(f"{label}应为非负整数。")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str):
        raw = value.strip().replace(",", "").replace("，", "")
        factor = 1
        if raw.endswith("万"):
            raw, factor = raw[:-1], 10_000
        elif raw.endswith("亿"):
            raw, factor = raw[:-1], 100_000_000
        try:
            number = round(float(raw) * factor) if factor > 1 or "." in raw else int(raw)
        except ValueError:
            raise RecordError(f"{label}“{value[:20]}”不是数字。") from None
    else:
        raise RecordError(f"{label}应为非负整数。")
    if number < 0 or number > MAX_COUNT:
        raise RecordError(f"{label}应为0到{MAX_COUNT}之间的整数。")
    return number


def parse_published(value) -> datetime | None:
    """An aware datetime from an ISO string (``2026-12-03 08:30``, ``2026/12/03``, with or without a
    zone) or a datetime; one that names no zone is Beijing time."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        raw = value.strip().replace("/", "-")
        if raw.endswith(("Z", "z")):
            raw = raw[:-1] + "+00:00"
        try:
            moment = datetime.fromisoformat(raw)
        except ValueError:
            raise RecordError(f"发布时间“{value[:40]}”无法识别，应形如 2026-12-03 08:30。") from None
    else:
        raise RecordError("发布时间应为日期时间文字，形如 2026-12-03 08:30。")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=SHANGHAI)
    return moment


def clean_record(record) -> CleanRecord:
    """The record checked, masked and fingerprinted; raises ``RecordError`` naming the field."""
    if not isinstance(record, dict):
        raise RecordError("每条信息应为一个对象（键值对）。")
    title = mask_private_numbers(_text(record, "title", "标题", MAX_TITLE))
    if not title:
        raise RecordError("缺少标题。")
    text = mask_private_numbers(_text(record, "text", "正文", MAX_TEXT))
    url = _text(record, "url", "原文链接", MAX_URL)
    if url:
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            raise RecordError(f"原文链接“{url[:60]}”应以 http:// 或 https:// 开头。")
    counts = {key: parse_count(record.get(key), label) for key, label in COUNT_FIELDS.items()}
    title_n, text_n = normalise(title), normalise(text)
    return CleanRecord(title=title, text=text, url=url, url_key=url_key(url), content_key=_content_key(title_n, text_n),
                       published_at=parse_published(record.get("published")),
                       outlet_name=_text(record, "outlet", "发布媒体", MAX_OUTLET), **counts,
                       title_n=title_n, text_n=text_n)
