"""What opinion's records share in the scoping policy."""

from django.db.models import Q

from ideowork.core.scoping import ScopedQuerySet

__all__ = ["OpinionQuerySet"]


class OpinionQuerySet(ScopedQuerySet):
    """Monitoring is the office's work, not a cadre's: a cadre sees none of it."""

    def cadre_filter(self, user) -> Q:
        return Q(pk__in=[])
