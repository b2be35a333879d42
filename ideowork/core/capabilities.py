"""Capabilities: what a role may *do* in an area, registered by the area itself.

Seeing records is scoping (``visible_to``); acting on them needs a capability. Each app registers
the capabilities it defines in its ``AppConfig.ready``::

    register_capability("learning.manage", "管理学习平台", roles={Role.HEAD, Role.DEPUTY, Role.STAFF})

and checks them with ``user.has_capability("learning.manage")`` in Python,
``{% if "learning.manage" in user.capabilities %}`` in templates and
``@capability_required("learning.manage")`` on views. Core never names an area's capability, so a
new area adds its own without touching a lower layer.
"""

from dataclasses import dataclass

from .choices import BUSINESS_ROLES

__all__ = ["Capability", "register_capability", "get_capability", "capabilities", "capabilities_of",
           "UnknownCapability"]


class UnknownCapability(LookupError):
    """Raised when code asks for a capability no app registered: a typo, never a silent 'no'."""


@dataclass(frozen=True)
class Capability:
    code: str
    label: str
    roles: frozenset

    @property
    def area(self) -> str:
        return self.code.split(".", 1)[0]


_registry: dict[str, Capability] = {}


def register_capability(code: str, label: str, *, roles) -> Capability:
    """Register ``code`` (``<area>.<verb>``) with its Chinese label and the roles that hold it.

    Only business roles can hold a capability: the three system roles run the system, not the work.
    Registering the same code twice with the same definition is harmless (``ready`` may run twice
    in tests); a different definition is a programming error.
    """
    if "." not in code:
        raise ValueError(f"Capability code {code!r} must be '<area>.<verb>'.")
    roles = frozenset(roles)
    if not roles <= BUSINESS_ROLES:
        raise ValueError(f"Capability {code!r} given to a system role.")
    capability = Capability(code, label, roles)
    existing = _registry.get(code)
    if existing is not None and existing != capability:
        raise ValueError(f"Capability {code!r} registered twice with different definitions.")
    _registry[code] = capability
    return capability


def get_capability(code: str) -> Capability:
    try:
        return _registry[code]
    except KeyError:
        raise UnknownCapability(f"No app registered the capability {code!r}.") from None


def capabilities() -> list[Capability]:
    """Every registered capability, ordered by code (for the role matrix and tests)."""
    return [_registry[code] for code in sorted(_registry)]


def capabilities_of(role) -> frozenset:
    """The codes a role holds."""
    return frozenset(code for code, capability in _registry.items() if role in capability.roles)
