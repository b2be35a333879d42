"""The users' own word lists (本单位词表): saving them, and the lexicon an item is analysed with.

Who may write: the holders of ``opinion.monitor`` whose scope holds the unit (the policy's
``change`` on ``WordLists``, or ``can_act_in`` for a unit with no lists yet). A save is checked line
by line (a Chinese message naming the list and the line, nothing saved), audited with the lists
before and after, and raises the ``opinion.lexicon`` data version in the same transaction, so every
worker's lexicons are rebuilt on their next item without a restart — as schemes do for the matcher.

The lexicon of an item is the shipped one with the lists of its source's unit and of every unit
above it laid over it, the top first, so that the nearer unit's entry wins. Each worker keeps the
lexicons it built by unit, for as long as the sum of the ``opinion.lexicon`` versions stays the same.
"""

from __future__ import annotations

import threading

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum

from ideowork.core.audit import record, snapshot
from ideowork.core.models import DataVersion, OrgUnit, User
from ideowork.core.permissions import require
from ideowork.core.scoping import can_act_in
from ideowork.core.versions import bump_versions

from ..analysis import Lexicon, LexiconError
from ..models import WordLists
from ..models.lexicon import LIST_FIELDS, parse_word_lists

__all__ = ["LEXICON_TOPIC", "lexicon_for_unit", "lexicon_revision", "do_save_word_lists", "can_edit_word_lists"]

LEXICON_TOPIC = "opinion.lexicon"
FIELDS = [name for name, *_ in LIST_FIELDS]

_lock = threading.Lock()
_built: dict[int, Lexicon] = {}
_built_at: int | None = None


def lexicon_revision() -> int:
    return DataVersion.objects.filter(topic=LEXICON_TOPIC).aggregate(n=Sum("version"))["n"] or 0


def lexicon_for_unit(unit: OrgUnit, revision: int | None = None) -> Lexicon:
    """The lexicon the items of ``unit``'s sources are analysed with (see the module's docstring).
    ``revision``: ``lexicon_revision()`` read already by the caller (one read per batch)."""
    global _built_at
    revision = lexicon_revision() if revision is None else revision
    with _lock:
        if _built_at != revision:
            _built.clear()
            _built_at = revision
        found = _built.get(unit.pk)
    if found is not None:
        return found
    above = [int(pk) for pk in unit.path.split(".") if pk]
    lists = sorted(WordLists.objects.filter(org_unit_id__in=above).select_related("org_unit"),
                   key=lambda wl: wl.org_unit.depth)
    lexicon = Lexicon.default()
    for word_lists in lists:
        lexicon = lexicon.extended(**word_lists.lexicon_changes())
    with _lock:
        if _built_at == revision:
            _built[unit.pk] = lexicon
    return lexicon


def can_edit_word_lists(user: User, unit: OrgUnit) -> bool:
    return can_act_in(user, unit, "opinion.monitor")


def do_save_word_lists(actor: User, unit: OrgUnit, **lists: str) -> WordLists:
    """Save ``unit``'s word lists (the fields of ``LIST_FIELDS``); raises ``ValidationError`` with the
    Chinese message on the list it is about, and saves nothing, when a line cannot be read."""
    unknown = set(lists) - set(FIELDS)
    if unknown:
        raise TypeError(f"do_save_word_lists: not a list: {', '.join(sorted(unknown))}")
    require(can_edit_word_lists(actor, unit), f"您无权修改“{unit.display_name}”的词表。")
    cleaned = {name: "\n".join(line.strip() for line in (lists.get(name) or "").splitlines() if line.strip())
               for name in FIELDS}
    changes, errors = parse_word_lists(cleaned)
    if not errors:
        try:
            Lexicon.default().extended(**changes)
        except LexiconError as exc:  # a word that is empty once normalised
            errors["__all__"] = exc.message
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        word_lists, _ = WordLists.objects.select_for_update().get_or_create(org_unit=unit)
        old = snapshot(word_lists, FIELDS)
        if old == cleaned:
            return word_lists
        for name, value in cleaned.items():
            setattr(word_lists, name, value)
        word_lists.updated_by = actor
        word_lists.save()
        record("opinion.lexicon.update", word_lists, actor=actor, old=old, new=cleaned)
        bump_versions(LEXICON_TOPIC, [unit.organ_id or unit.pk])
    return word_lists
