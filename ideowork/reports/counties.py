"""Which county bureaus a manager compares (延伸管控): the county units in their organ's subtree."""

from ideowork.core.choices import OrgKind
from ideowork.core.models import OrgUnit

__all__ = ["county_units", "has_counties"]


def county_units(user):
    """The county bureaus under the user's organ that the user may see, in tree order."""
    root = user.scope_root
    if root is None:
        return OrgUnit.objects.none()
    return (OrgUnit.objects.visible_to(user).filter(kind=OrgKind.COUNTY, path__startswith=root.path)
            .exclude(pk=root.pk).order_by("path"))


def has_counties(user) -> bool:
    """A manager whose organ has county bureaus under it (a county itself, or an organ without
    counties, has nothing to compare). Remembered on the user object, i.e. for one request."""
    if not user.is_manager:
        return False
    if not hasattr(user, "_has_counties"):
        user._has_counties = county_units(user).exists()
    return user._has_counties
