"""The API's registry: each area adds its router in its ``AppConfig.ready`` (core names no area)."""

from ninja import Router

__all__ = ["register_api_router", "registered_routers"]

_routers: dict[str, Router] = {}


def register_api_router(prefix: str, router: Router) -> None:
    """Serve ``router``'s operations under ``/api/v1/<prefix>``. Registering the same router under the
    same prefix again is harmless (``ready`` may run twice in tests); another router is an error."""
    existing = _routers.get(prefix)
    if existing is not None and existing is not router:
        raise ValueError(f"API prefix {prefix!r} is already taken by another router.")
    _routers[prefix] = router


def registered_routers() -> list[tuple[str, Router]]:
    return sorted(_routers.items())
