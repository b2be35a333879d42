"""/healthz for the load balancer: can this machine reach its database?

No login, no audit event, nothing about the installation in the answer: 200 "ok" or 503
"unavailable" (the reason goes to the server's log). The cache is tried too, but a cache that cannot
be reached only logs a warning: pages compute their figures without it (``core/caching.py``), and
Redis is shared by every machine, so failing on it would take them all out of the balancer at once.
"""

import logging
import secrets

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from ideowork.core.caching import cache_get, cache_set

log = logging.getLogger(__name__)


@login_not_required
@never_cache
@require_safe
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        log.exception("health check failed: the database cannot be reached")
        return HttpResponse("unavailable\n", status=503, content_type="text/plain")
    token = secrets.token_hex(8)
    if cache_get("healthz") is None and (cache_set("healthz", token, 10) or cache_get("healthz") != token):
        log.warning("health check: the cache cannot be reached (pages work without it)")
    return HttpResponse("ok\n", content_type="text/plain")
