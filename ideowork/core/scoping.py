"""Object-level scoping: the one way a list of scoped records is fetched.

A scoped model's queryset is a ``ScopedQuerySet`` (or a subclass) and names the path from the model
to its ``OrgUnit`` in ``scope_field``. ``visible_to(user)`` then returns:

- nothing for anonymous users and for the three system roles (they run the system, not the work);
- for managers, everything in the subtree of their organ: a county bureau sees itself, the city
  office sees its sections and the county bureaus under it;
- for a cadre, what ``cadre_filter`` says concerns them (by default, their own unit's records).

Views never list or fetch a scoped model without it; ``tests/core/test_architecture.py`` checks.
"""

from django.db import models
from django.db.models import Q
from django.http import Http404

from .choices import BUSINESS_ROLES, Role

__all__ = ["ScopedQuerySet", "get_visible_or_404"]


class ScopedQuerySet(models.QuerySet):
    scope_field = "org_unit"

    def visible_to(self, user):
        if not user.is_authenticated or not user.is_active or user.role not in BUSINESS_ROLES:
            return self.none()
        root = user.scope_root
        if root is None:
            return self.none()
        if user.role == Role.CADRE:
            mine = self.filter(self.cadre_filter(user))
            return mine.distinct() if self.cadre_needs_distinct else mine
        return self.filter(**{f"{self.scope_field}__path__startswith": root.path})

    # Subclasses widen or narrow what a cadre sees; a filter across a to-many relation needs distinct.
    cadre_needs_distinct = False

    def cadre_filter(self, user) -> Q:
        return Q(**{self.scope_field: user.org_unit_id})

    def in_unit(self, unit):
        """Records of ``unit`` and the units below it."""
        return self.filter(**{f"{self.scope_field}__path__startswith": unit.path})


def get_visible_or_404(queryset_or_model, user, **lookup):
    """Fetch one scoped record the user may see, or 404 — never 403, so existence is not leaked."""
    qs = queryset_or_model if isinstance(queryset_or_model, models.QuerySet) else queryset_or_model.objects
    try:
        return qs.visible_to(user).get(**lookup)
    except qs.model.DoesNotExist:
        raise Http404("记录不存在或您无权查看。") from None
