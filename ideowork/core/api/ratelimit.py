"""A per-client sliding window in Django's cache (Redis in production, so every worker counts the
same calls): the calls of the current fixed window plus those of the previous one weighted by how
much of it still lies inside the sliding window. A call that is refused is not counted. A cache
that cannot be reached limits nothing (as ``core/caching.py`` skips it)."""

import math

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

__all__ = ["take_call", "rate_limit"]


def rate_limit() -> tuple[int, int]:
    """(calls, seconds) allowed per client."""
    return settings.API_RATE_LIMIT, settings.API_RATE_WINDOW_SECONDS


def take_call(key: str, limit: int | None = None) -> int | None:
    """Count one call of ``key``: None when it is allowed, else the seconds to wait. ``limit``
    replaces the per-client limit (refused tokens from one address have a smaller one)."""
    default, window = rate_limit()
    limit = default if limit is None else limit
    now = timezone.now().timestamp()
    index = int(now // window)
    elapsed = now - index * window
    current_key, previous_key = f"api-rate:{key}:{index}", f"api-rate:{key}:{index - 1}"
    try:
        cache.add(current_key, 0, timeout=2 * window + 1)
        try:
            current = cache.incr(current_key)
        except ValueError:  # expired between add and incr
            cache.set(current_key, 1, timeout=2 * window + 1)
            current = 1
        previous = cache.get(previous_key, 0)
    except Exception:  # noqa: BLE001  (an unreachable cache limits nothing)
        return None
    weight = 1 - elapsed / window
    if previous * weight + current <= limit:
        return None
    try:
        cache.decr(current_key)
    except Exception:  # noqa: BLE001
        pass
    if current > limit or previous == 0:
        wait = window - elapsed + window / limit
    else:
        wait = window * (1 - (limit - current) / previous) - elapsed
    return max(1, math.ceil(wait))
