"""The HTTP API (``/api/v1/``): one django-ninja ``NinjaAPI`` that every area adds routers to.

- ``registry.py``: ``register_api_router(prefix, router)``, called in an app's ``AppConfig.ready``;
- ``tokens.py``: client tokens (shown once, stored as a keyed digest) and their check;
- ``actor.py``: ``ApiActor``, what a client acts as — the scoping policy's ``user``;
- ``auth.py``: the bearer authentication and ``require_capability``;
- ``ratelimit.py``: the per-client sliding window in Django's cache;
- ``gateway.py``: the middleware that limits the body, admits JSON only, answers errors in Chinese
  JSON and audits every call;
- ``site.py``: the ``NinjaAPI`` itself, its error bodies and its URLs.

See "HTTP API" in docs/architecture.md.
"""

from .registry import register_api_router

__all__ = ["register_api_router"]
