"""Group-robot webhooks of 政务钉钉 and 企业微信 (no database here).

Both gateways take a JSON POST of ``{"msgtype": "text", "text": {"content": …}}`` or
``{"msgtype": "markdown", …}`` (钉钉: ``{"title", "text"}``; 企业微信: ``{"content"}``) and answer
``{"errcode": 0, …}`` when they accepted it. 钉钉's 加签 appends ``timestamp`` and ``sign`` (HMAC-SHA256
of ``timestamp\\nsecret``, base64, URL-encoded) to the address. ``post_message`` sends within a
timeout and raises ``WebhookError`` (a Chinese message) on anything but an accepted answer. An address
is checked by ``check_webhook_url`` and shown only masked (``mask_webhook_url``): its token is a
credential.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

__all__ = ["WebhookError", "check_webhook_url", "mask_webhook_url", "message", "post_message"]

USER_AGENT = "ideowork-opinion/1.0 (warning robot)"
MAX_ANSWER = 64 * 1024
# The gateways cap a message's size (钉钉 20,000 bytes, 企业微信 4,096 for markdown): stay under both.
MAX_CONTENT = 3800


class WebhookError(Exception):
    """A sending that failed; the message is Chinese and says why."""


def check_webhook_url(url: str) -> str:
    """The address, stripped, when it is an http(s) address with a host and no user name or
    password in it; else a ``ValueError`` with a Chinese message."""
    url = (url or "").strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise ValueError("机器人地址应以 https:// 或 http:// 开头。")
    if not parts.hostname:
        raise ValueError("机器人地址缺少主机名。")
    try:
        parts.port
    except ValueError:
        raise ValueError("机器人地址的端口有误。") from None
    if parts.username or parts.password:
        raise ValueError("机器人地址不能包含用户名或密码。")
    if any(ch.isspace() for ch in url):
        raise ValueError("机器人地址不能包含空格。")
    if len(url) > 500:
        raise ValueError("机器人地址不能超过500个字符。")
    return url


def _mask(value: str) -> str:
    return value[:4] + "****" + value[-4:] if len(value) > 10 else "****"


def mask_webhook_url(url: str) -> str:
    """The address with every query value and the path's last segment masked: what pages show."""
    parts = urllib.parse.urlsplit(url)
    query = "&".join(f"{key}={_mask(value)}" for key, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True))
    path = parts.path
    if not query and path.strip("/"):
        head, _, last = path.rstrip("/").rpartition("/")
        path = f"{head}/{_mask(last)}"
    host = (parts.hostname or "") + (f":{parts.port}" if parts.port else "")
    return urllib.parse.urlunsplit((parts.scheme, host, path, query, ""))


def message(kind: str, title: str, lines: list[str], *, markdown: bool = True) -> dict:
    """The JSON body a robot of ``kind`` ("dingtalk" or "wecom") accepts."""
    if not markdown:
        return {"msgtype": "text", "text": {"content": "\n".join([title, *lines])[:MAX_CONTENT]}}
    text = "\n\n".join([f"### {title}", *lines])[:MAX_CONTENT]
    if kind == "dingtalk":
        return {"msgtype": "markdown", "markdown": {"title": title[:60], "text": text}}
    return {"msgtype": "markdown", "markdown": {"content": text}}


def signed_url(url: str, secret: str, now_ms: int | None = None) -> str:
    """钉钉's 加签: the address with ``timestamp`` and ``sign`` appended."""
    timestamp = str(now_ms if now_ms is not None else int(time.time() * 1000))
    digest = hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
    sign = urllib.parse.quote_plus(base64.b64encode(digest))
    return f"{url}{'&' if '?' in url else '?'}timestamp={timestamp}&sign={sign}"


def post_message(url: str, body: dict, *, secret: str = "", timeout: float = 5) -> None:
    """POST ``body`` to the robot at ``url``; return when the gateway accepted it."""
    target = signed_url(url, secret) if secret else url
    request = urllib.request.Request(target, data=json.dumps(body, ensure_ascii=False).encode(),
                                     headers={"Content-Type": "application/json; charset=utf-8",
                                              "User-Agent": USER_AGENT}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (checked http(s))
            answer = response.read(MAX_ANSWER)
    except urllib.error.HTTPError as exc:
        raise WebhookError(f"机器人网关返回HTTP {exc.code}。") from None
    except (TimeoutError, socket.timeout):
        raise WebhookError(f"机器人网关在{timeout:g}秒内没有响应。") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise WebhookError(f"机器人网关在{timeout:g}秒内没有响应。") from None
        if isinstance(reason, ConnectionRefusedError):
            raise WebhookError("无法连接机器人网关：连接被拒绝。") from None
        if isinstance(reason, socket.gaierror):
            raise WebhookError("无法连接机器人网关：找不到该主机。") from None
        raise WebhookError(f"无法连接机器人网关：{str(reason)[:120]}") from None
    try:
        data = json.loads(answer.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise WebhookError("机器人网关的应答不是JSON。") from None
    code = data.get("errcode", 0) if isinstance(data, dict) else None
    if code != 0:
        detail = data.get("errmsg", "") if isinstance(data, dict) else ""
        raise WebhookError(f"机器人网关拒绝了消息（错误码{code}{'：' + str(detail)[:100] if detail else ''}）。")
