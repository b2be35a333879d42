"""What an API client acts as: an ``ApiActor`` the scoping policy reads like a user.

The client has no account and cannot sign in. For ``visible_to(actor, action)`` it is a manager of
its unit (it sees its organ's subtree — a county client its county — and what is published down to
it), and it holds exactly the capabilities the 系统管理员 gave it, never those of a role. It is not a
leader (no "decide" fallback) and owns nothing: its ``pk`` is 0, which no account has, so a rule
naming a person (``owner_field``, ``Allow(people=…)``) never matches it. Every record an endpoint
reads goes through ``Model.objects.visible_to(request.auth, …)`` exactly as a page does.
"""

from functools import cached_property

from ..capabilities import get_capability
from ..choices import Role

__all__ = ["ApiActor"]


class ApiActor:
    is_authenticated = True
    is_active = True
    is_anonymous = False
    is_staff = False
    is_superuser = False
    # Sees as a manager of its unit; acts only through its own capabilities (below).
    role = Role.STAFF
    is_sysadmin = is_secadmin = is_auditor = is_pending = is_leader = False
    is_business = is_manager = True
    # No account has id 0: relations naming a person never name the client.
    pk = id = 0

    def __init__(self, client):
        self.client = client
        self.org_unit = client.org_unit
        self.org_unit_id = client.org_unit_id

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return f"接口客户端“{self.client.name}”"

    @property
    def username(self) -> str:
        """The name the audit trail shows as the actor."""
        return f"api:{self.client.name}"[:150]

    @property
    def capabilities(self) -> frozenset:
        return frozenset(self.client.capabilities)

    def has_capability(self, code: str) -> bool:
        get_capability(code)  # an unregistered code is an error, not a no
        return code in self.client.capabilities

    @cached_property
    def scope_root(self):
        unit = self.org_unit
        return unit.organ if unit.organ_id else unit
