"""Object-level scoping: the one way a list of scoped records is fetched.

A scoped model's queryset is a ``ScopedQuerySet`` (or a subclass) and names the path from the model
to its ``OrgUnit`` in ``scope_field``. ``visible_to(user)`` then returns:

- nothing for anonymous users and for the three system roles (they run the system, not the work);
- for managers, everything in the subtree of their organ: a county bureau sees itself, the city
  office sees its sections and the county bureaus under it;
- for a cadre, what ``cadre_filter`` says concerns them (by default, their own unit's records);
- and, for a queryset with ``published_down``, also the records of every unit above the user's
  (what a city office publishes reaches the county bureaus and every section under it).

Views never list or fetch a scoped model without it; ``tests/core/test_architecture.py`` checks.
"""

from django.db import models
from django.db.models import Q
from django.http import Http404

from .choices import BUSINESS_ROLES, Role

__all__ = ["ScopedQuerySet", "PublishedQuerySet", "get_visible_or_404"]


class ScopedQuerySet(models.QuerySet):
    scope_field = "org_unit"

    def visible_to(self, user):
        if not user.is_authenticated or not user.is_active or user.role not in BUSINESS_ROLES:
            return self.none()
        root = user.scope_root
        if root is None:
            return self.none()
        published = self.published_filter(user)
        if user.role == Role.CADRE:
            mine = self.filter(self.cadre_filter(user) | published)
            return mine.distinct() if self.cadre_needs_distinct else mine
        return self.filter(Q(**{f"{self.scope_field}__path__startswith": root.path}) | published)

    # Records an organ publishes to everyone below it (an exam, a course, a competition) set this:
    # they are then also visible to every user in a unit under the record's unit.
    published_down = False

    def published_filter(self, user) -> Q:
        if not self.published_down or user.org_unit_id is None:
            return Q(pk__in=[])
        ancestors = [int(p) for p in user.org_unit.path.split(".") if p]
        return Q(**{f"{self.scope_field}__in": ancestors})

    # Subclasses widen or narrow what a cadre sees; a filter across a to-many relation needs distinct.
    cadre_needs_distinct = False

    def cadre_filter(self, user) -> Q:
        return Q(**{self.scope_field: user.org_unit_id})

    def in_unit(self, unit):
        """Records of ``unit`` and the units below it."""
        return self.filter(**{f"{self.scope_field}__path__startswith": unit.path})


class PublishedQuerySet(ScopedQuerySet):
    """Records an organ publishes to every unit under it: a course, a question bank, a contest."""

    published_down = True


def get_visible_or_404(queryset_or_model, user, **lookup):
    """Fetch one scoped record the user may see, or 404 — never 403, so existence is not leaked."""
    qs = queryset_or_model if isinstance(queryset_or_model, models.QuerySet) else queryset_or_model.objects
    try:
        return qs.visible_to(user).get(**lookup)
    except qs.model.DoesNotExist:
        raise Http404("记录不存在或您无权查看。") from None
