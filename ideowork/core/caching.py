"""Cached figures: the one way a page keeps an expensive number between requests.

A figure is cached under a key that names everything it was computed from, including the version
of the data behind it (the ledger's per-organ version, ``ledger/figures.py``). Writers move the
version on in the same transaction as the change, so once a write is committed no reader can build
the old key again: nothing is ever invalidated, and nothing stale is ever read. Old entries expire.

Django's cache: Redis when ``REDIS_URL`` is set (shared by every process), else each process's
memory (still never stale, since the version lives in the database).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.db import connection

__all__ = ["cached_figure", "figure_key"]

DAY = 24 * 3600
_MISSING = object()


def figure_key(name: str, parts: Iterable) -> str:
    """The cache key of figure ``name`` computed from ``parts`` (any values with a stable repr).

    The database's name is part of the key, so two databases (test workers, a restored copy)
    sharing one cache never read each other's figures."""
    raw = repr((connection.settings_dict["NAME"], tuple(parts)))
    return f"figure:{name}:{hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()}"


def cached_figure(name: str, parts: Iterable, compute: Callable[[], object], *, timeout: int = DAY):
    """The figure under ``(name, parts)``, computed by ``compute()`` and stored when absent."""
    key = figure_key(name, parts)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, timeout)
    return value
