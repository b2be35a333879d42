"""Object-level scoping: the one policy for seeing *and* acting on records.

A scoped model's queryset is a ``ScopedQuerySet`` (or a subclass) and names the path from the model
to its ``OrgUnit`` in ``scope_field``. ``visible_to(user, action="view")`` then returns the records
the user may act on in that way (as NetBox's ``RestrictedQuerySet.restrict(user, action)``).

``"view"``:

- nothing for anonymous users and for the three system roles (they run the system, not the work);
- for managers, everything in the subtree of their organ: a county bureau sees itself, the city
  office sees its sections and the county bureaus under it;
- for a cadre, what ``cadre_filter`` says concerns them (by default, their own unit's records);
- and, for a queryset with ``published_down``, also the records of every unit above the user's
  (what a city office publishes reaches the county bureaus and every section under it).

Any other action (``"change"``, ``"decide"``, ``"inspect"`` …) is declared on the queryset in
``actions``: ``{"change": "ledger.record"}`` says the holders of the ``ledger.record`` capability
change the visible records in their own subtree (never what an organ above published to them).
``owner_field`` names the person a record belongs to, who may ``"change"`` it without the
capability (a cadre's own reflection). ``"decide"`` falls back to the leaders (第一/直接责任人) in
whose subtree the record lies when no capability is declared for it. An undeclared action is an
error, never a silent "no".

A rule that a capability and the subtree do not say is declared with ``Allow`` instead of a code:

- ``Allow(("outlets.publish", "ledger.record"))``: the holders of *every* listed capability;
- ``Allow("outlets.publish", within=ORGAN)``: on the records of their own organ only, not of the
  county bureaus below it (an organ's briefing series is compiled by that organ's staff);
- ``Allow(people=("judges",))`` / ``Allow("learning.manage", people=("mentor", "mentee"))``: the
  persons a relation of the record names act on it whatever their capability (the judges of a
  contest, both members of a mentor pair, ``people=("author",)`` for an action only the author
  takes); a to-many relation is asked through a subquery, so no record is counted twice;
- ``Allow(..., people=("secretary",), people_holding="ledger.record")``: the named persons act only
  while they hold the listed capabilities themselves (a group's secretary records its sessions in the
  ledger, so a secretary without ``ledger.record`` does not run the group);
- ``Allow("learning.manage", at="group__org_unit")``: the capability is asked at the unit a path
  names instead of the record's own ``scope_field`` (a session is run by whoever runs its group,
  wherever the group now sits);
- ``Allow(..., where=Q(kind="briefing"))``: and only on the records that meet a condition;
- ``Allow(leaders=True, within=ORGAN)``: the leaders (第一/直接责任人), with ``capability`` too when one
  is given — the leaders of the record's own organ (a 学习标兵 selection is decided and published by
  its organ's leaders, not the city's for a county bureau's).

A queryset whose records may have no unit at all (the proofreader's shipped rules) says so with
``unitless_at_top = True``: such records sit at the top of the tree, so the capability holders of a
top-level organ (depth 0) act on them, whether ``within`` is the subtree or the organ.

Every part of an ``Allow`` is asked on top of "view": nobody acts on a record they cannot see.

Child records (evidence, answers, versions …) are scoped through their parent: a
``ScopedQuerySet.through("activity")`` queryset answers every action with "the parent answers it",
so a child is never visible or changeable where its parent is not.

Views get single records through the areas' ``access_*`` helpers (``core/access.py``); the
architecture test checks that views neither fetch nor list a scoped model without the policy.
"""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import Q
from django.http import Http404

from .choices import BUSINESS_ROLES, LEADER_ROLES, Role

__all__ = ["VIEW", "CHANGE", "DECIDE", "SUBTREE", "ORGAN", "Allow", "ScopedQuerySet", "PublishedQuerySet",
           "get_visible_or_404", "can_act_in"]

VIEW, CHANGE, DECIDE = "view", "change", "decide"
# Where a capability holder acts: every record of their subtree, or those of their own organ only.
SUBTREE, ORGAN = "subtree", "organ"
NOTHING = Q(pk__in=[])


@dataclass(frozen=True)
class Allow:
    """Who may take one declared action (see the module docstring): the holders of ``capability`` (one
    code, or a tuple of codes all required) on the records ``within`` their subtree or organ, and the
    ``people`` a record's relations name; the record must also meet ``where`` when it is given."""

    capability: str | tuple[str, ...] | None = None
    within: str = SUBTREE
    people: tuple[str, ...] = ()
    where: Q | None = None
    # What the ``people`` must hold themselves to act (one code or a tuple, all required).
    people_holding: str | tuple[str, ...] | None = None
    # The path to the unit ``within`` is asked at, when it is not the queryset's ``scope_field``.
    at: str | None = None
    # The leaders (第一/直接责任人) act — with ``capability`` too when it is given.
    leaders: bool = False

    def __post_init__(self):
        if self.within not in (SUBTREE, ORGAN):
            raise ImproperlyConfigured(f"Allow(within={self.within!r}): say {SUBTREE!r} or {ORGAN!r}.")
        if isinstance(self.people, str):
            raise ImproperlyConfigured("Allow(people=…) takes a tuple of field paths.")
        if self.people_holding is not None and not self.people:
            raise ImproperlyConfigured("Allow(people_holding=…) says what the people must hold: name the people.")

    @staticmethod
    def _codes(value) -> tuple[str, ...]:
        if value is None:
            return ()
        return (value,) if isinstance(value, str) else tuple(value)

    @property
    def capabilities(self) -> tuple[str, ...]:
        return self._codes(self.capability)

    @property
    def people_capabilities(self) -> tuple[str, ...]:
        return self._codes(self.people_holding)


def _reaches_many(model, path: str) -> bool:
    """True when the field path crosses a to-many relation (a filter on it may repeat rows)."""
    for name in path.split("__"):
        field = model._meta.get_field(name)
        if field.many_to_many or field.one_to_many:
            return True
        model = field.related_model
        if model is None:
            return False
    return False


def can_act_in(user, unit, capability: str | None = None) -> bool:
    """True when ``unit`` lies in the user's own subtree (their organ or county bureau) and, if
    ``capability`` is given, the user holds it: the unit-tree half of every "may act" rule."""
    if not (user.is_authenticated and user.is_active) or unit is None:
        return False
    if capability is not None and not user.has_capability(capability):
        return False
    root = user.scope_root
    return root is not None and unit.path.startswith(root.path)


class ScopedQuerySet(models.QuerySet):
    scope_field = "org_unit"
    # Which capability governs each action beyond "view" (None: no capability grants it), or an
    # ``Allow`` for a rule a capability and the subtree do not say.
    actions: dict[str, "str | Allow | None"] = {}
    # The field naming the person a record belongs to, who may "change" it.
    owner_field: str | None = None
    # Records without a unit sit at the top of the tree: a top-level organ's holders act on them.
    unitless_at_top = False

    def visible_to(self, user, action: str = VIEW):
        """The records ``user`` may ``action``: see the module docstring."""
        visible = self.viewable_by(user)
        if action == VIEW:
            return visible
        return visible.filter(self.action_filter(user, action))

    def viewable_by(self, user):
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

    def action_filter(self, user, action: str) -> Q:
        """The condition, on top of "view", under which ``user`` may ``action`` a record."""
        rule, holds = self._rule(user, action)
        allowed = NOTHING
        root = user.scope_root
        if holds and root is not None:
            at = rule.at or self.scope_field
            if rule.within == ORGAN:
                allowed |= Q(**{f"{at}__organ": root})
            else:
                allowed |= Q(**{f"{at}__path__startswith": root.path})
            if self.unitless_at_top and root.depth == 0:
                allowed |= Q(**{f"{at}__isnull": True})
        if all(user.has_capability(code) for code in rule.people_capabilities):
            for path in rule.people:
                allowed |= self.person_filter(path, user)
        if action == CHANGE and self.owner_field:
            allowed |= Q(**{self.owner_field: user})
        if rule.where is not None:
            allowed &= rule.where
        return allowed

    def _rule(self, user, action: str) -> tuple[Allow, bool]:
        """The ``Allow`` declared for ``action``, and whether ``user`` holds its capabilities."""
        if action not in self.actions and action not in (CHANGE, DECIDE):
            raise ImproperlyConfigured(f"{self.model.__name__} declares no action {action!r}.")
        declared = self.actions.get(action)
        rule = declared if isinstance(declared, Allow) else Allow(declared)
        codes = rule.capabilities
        if rule.leaders:
            holds = user.role in LEADER_ROLES and all(user.has_capability(code) for code in codes)
        elif codes:
            holds = all(user.has_capability(code) for code in codes)
        else:
            holds = action == DECIDE and declared is None and user.role in LEADER_ROLES
        return rule, holds

    def might_act(self, user, action: str) -> bool:
        """False when no part of ``action``'s rule can let ``user`` take it on any record: the test
        in memory before asking the database for each of many people (``core.access.people_who_may``)."""
        if not (user.is_authenticated and user.is_active and user.role in BUSINESS_ROLES):
            return False
        if action == VIEW:
            return True
        rule, holds = self._rule(user, action)
        named = bool(rule.people) and all(user.has_capability(code) for code in rule.people_capabilities)
        return holds or named or (action == CHANGE and self.owner_field is not None)

    def person_filter(self, path: str, user) -> Q:
        """The records whose ``path`` names ``user`` (through a subquery when ``path`` is to-many)."""
        if _reaches_many(self.model, path):
            return Q(pk__in=self.model._base_manager.filter(**{path: user}).values("pk"))
        return Q(**{path: user})

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

    @classmethod
    def declare(cls, **attributes):
        """A subclass with ``attributes`` set: ``PublishedQuerySet.declare(actions={"change": "learning.manage"})``."""
        return type(cls.__name__, (cls,), {**attributes, "__module__": cls.__module__})

    @classmethod
    def through(cls, parent_field: str):
        """A queryset class for child records scoped through ``parent_field``: what the parent answers."""
        return type(f"{cls.__name__}Through_{parent_field}", (ThroughParentQuerySet,),
                    {"parent_field": parent_field, "__module__": cls.__module__})


class ThroughParentQuerySet(ScopedQuerySet):
    """Child records: visible, changeable … exactly where their parent is (``parent_field``)."""

    parent_field = ""

    @property
    def parent_model(self):
        return self.model._meta.get_field(self.parent_field).related_model

    @property
    def scope_field(self):
        parent_qs = self.parent_model._default_manager.get_queryset()
        return f"{self.parent_field}__{parent_qs.scope_field}"

    def might_act(self, user, action: str) -> bool:
        return self.parent_model._default_manager.get_queryset().might_act(user, action)

    def visible_to(self, user, action: str = VIEW):
        parents = self.parent_model._default_manager.visible_to(user, action)
        return self.filter(**{f"{self.parent_field}__in": parents.values("pk")})


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
