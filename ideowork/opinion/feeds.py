"""Fetching and reading a source's RSS/Atom feed (no database here).

``fetch_feed`` makes a conditional GET (``If-None-Match`` / ``If-Modified-Since`` from the last
answer; 304 means nothing new) within one deadline for the whole exchange — a server that hangs or
trickles its answer is cut off — and refuses an answer larger than the cap before reading past it.
``parse_feed`` reads the body with feedparser (which fetches nothing itself here) into ingest records:
title, text (HTML stripped), link and publication time; author names are not taken. Every failure is
a ``FeedError`` whose Chinese message is what the source page shows.
"""

from __future__ import annotations

import html
import re
import socket
import time
import urllib.error
import urllib.request
import xml.sax
from calendar import timegm
from dataclasses import dataclass
from datetime import datetime, timezone as dt_timezone

__all__ = ["FeedError", "FeedResponse", "fetch_feed", "parse_feed"]

USER_AGENT = "ideowork-opinion/1.0 (+intranet feed reader)"
_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t\r\f\v]+")


class FeedError(Exception):
    """A poll that failed; the message is Chinese and says why."""


@dataclass
class FeedResponse:
    not_modified: bool
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""


class _NoRedirectToOtherSchemes(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not newurl.lower().startswith(("http://", "https://")):
            raise FeedError(f"订阅地址重定向到了不支持的地址：{newurl[:100]}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_feed(url: str, *, etag: str = "", last_modified: str = "", timeout: float = 10,
               max_bytes: int = 5 * 1024 * 1024) -> FeedResponse:
    if not url.lower().startswith(("http://", "https://")):
        raise FeedError("订阅地址应以 http:// 或 https:// 开头。")
    headers = {"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(_NoRedirectToOtherSchemes)
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FeedError(f"订阅内容过大（{int(declared) // 1024}KB），超过上限{max_bytes // 1024}KB。")
            chunks, size = [], 0
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise FeedError(f"抓取超时：服务器在{timeout:g}秒内没有返回完整内容。")
                _set_timeout(response, left)
                chunk = response.read(64 * 1024)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise FeedError(f"订阅内容过大，超过上限{max_bytes // 1024}KB。")
                chunks.append(chunk)
            return FeedResponse(False, b"".join(chunks), response.headers.get("ETag", "")[:300],
                                response.headers.get("Last-Modified", "")[:100])
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return FeedResponse(True, etag=etag, last_modified=last_modified)
        raise FeedError(f"服务器返回错误 {exc.code}（{_reason(exc.code)}）。") from None
    except (socket.timeout, TimeoutError):
        raise FeedError(f"抓取超时：服务器在{timeout:g}秒内没有响应。") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (socket.timeout, TimeoutError)):
            raise FeedError(f"抓取超时：服务器在{timeout:g}秒内没有响应。") from None
        raise FeedError(f"无法连接订阅地址：{exc.reason}") from None
    except (ConnectionError, OSError) as exc:
        raise FeedError(f"抓取中断：{exc}") from None


def _set_timeout(response, seconds: float) -> None:
    sock = getattr(getattr(getattr(response, "fp", None), "raw", None), "_sock", None)
    if sock is not None:
        sock.settimeout(max(seconds, 0.01))


def _reason(code: int) -> str:
    return {401: "需要登录", 403: "拒绝访问", 404: "地址不存在", 410: "已下线", 429: "请求过于频繁",
            500: "服务器内部错误", 502: "网关错误", 503: "服务暂不可用", 504: "网关超时"}.get(code, "请求失败")


def _plain(value: str) -> str:
    text = html.unescape(_TAGS.sub(" ", value or ""))
    return "\n".join(line for line in (_SPACES.sub(" ", l).strip() for l in text.splitlines()) if line)


def _moment(entry) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(timegm(parsed), tz=dt_timezone.utc)


def parse_feed(body: bytes) -> list[dict]:
    """The feed's entries as ingest records (newest as the feed orders them)."""
    import feedparser

    parsed = feedparser.parse(body)
    reason = parsed.get("bozo_exception") if parsed.get("bozo") else None
    # XML that is not well formed is refused whole: what a lenient reading would guess from it is
    # not stored (a declared encoding that differs from the real one is only a warning).
    if isinstance(reason, xml.sax.SAXParseException) or (reason is not None and not parsed.entries):
        line = getattr(reason, "getLineNumber", lambda: None)()
        where = f"（第{line}行）" if line else ""
        raise FeedError(f"订阅内容不是有效的RSS/Atom{where}，无法解析。")
    if not parsed.get("version") and not parsed.entries:
        raise FeedError("订阅内容不是RSS/Atom格式。")
    records = []
    for entry in parsed.entries:
        content = entry.get("content")
        text = content[0].get("value", "") if content else entry.get("summary", "")
        records.append({"title": _plain(entry.get("title", "")).replace("\n", " "), "text": _plain(text),
                        "url": entry.get("link", ""), "published": _moment(entry)})
    return records
