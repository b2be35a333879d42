"""Who runs publicity for a unit: the one rule the outlets services and pages ask.

The publicity staff (``User.has_capability("outlets.publish")``) whose scope holds the unit: a county bureau's staff
for their bureau, the city office's staff for the office, its sections and the bureaus under it.
"""

from ideowork.core.models import OrgUnit, User

__all__ = ["runs_publicity_for"]


def runs_publicity_for(user: User, unit: OrgUnit) -> bool:
    if not (user.is_authenticated and user.is_active and user.has_capability("outlets.publish")):
        return False
    root = user.scope_root
    return root is not None and unit.is_within(root)
