"""Cached figures: the one way a page keeps an expensive number between requests.

A figure is cached under a key that names everything it was computed from, including the version
of the data behind it (the ledger's per-organ version, ``ledger/figures.py``). Writers move the
version on in the same transaction as the change, so once a write is committed no reader can build
the old key again: nothing is ever invalidated, and nothing stale is ever read. Old entries expire.

Django's cache: Redis when ``REDIS_URL`` is set (shared by every process), else each process's
memory (still never stale, since the version lives in the database). The cache only saves work:
when it cannot be reached (Redis down or slow), ``cache_get`` misses and ``cache_set`` does nothing,
with a warning in the log, and pages compute their figures as if the cache were empty.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.db import connection

__all__ = ["cached_figure", "figure_key", "cache_get", "cache_set", "forget_cached_figures"]

logger = logging.getLogger(__name__)

DAY = 24 * 3600
_MISSING = object()


def figure_key(name: str, parts: Iterable) -> str:
    """The cache key of figure ``name`` computed from ``parts`` (any values with a stable repr).

    The database's name is part of the key, so two databases (test workers, a restored copy)
    sharing one cache never read each other's figures."""
    raw = repr((connection.settings_dict["NAME"], tuple(parts)))
    return f"figure:{name}:{hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()}"


def cache_get(key: str, default=None):
    """``cache.get``, missing instead of failing when the cache cannot be reached."""
    try:
        return cache.get(key, default)
    except Exception:  # redis.exceptions.ConnectionError, TimeoutError …: the cache is an optimisation
        logger.warning("cache unavailable: reading %s without it", key, exc_info=True)
        return default


def cache_set(key: str, value, timeout: int) -> None:
    """``cache.set``, doing nothing when the cache cannot be reached."""
    try:
        cache.set(key, value, timeout)
    except Exception:
        logger.warning("cache unavailable: %s not stored", key, exc_info=True)


def cached_figure(name: str, parts: Iterable, compute: Callable[[], object], *, timeout: int = DAY):
    """The figure under ``(name, parts)``, computed by ``compute()`` and stored when absent."""
    key = figure_key(name, parts)
    value = cache_get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache_set(key, value, timeout)
    return value


def forget_cached_figures() -> None:
    """Throw every cached figure away: only after a backup is restored, when the data versions go
    back in time and a version number could again name data other than the figure was made from.

    On Redis only the figures' keys are deleted (the task queue may share the database); a
    per-process memory cache is emptied here, and the other processes are restarted after a restore."""
    backend = getattr(cache, "_cache", None)
    if hasattr(backend, "get_client"):
        client = backend.get_client(write=True)
        keys = list(client.scan_iter(match=cache.make_key("figure:*"), count=1000))
        for start in range(0, len(keys), 1000):
            client.delete(*keys[start:start + 1000])
    else:
        cache.clear()
