"""Plain multi-row INSERTs for the few hot paths that create many rows at once (an exam paper at
开始答题, a batch of opinion items): ``QuerySet.bulk_create`` compiles every value of every row through
the ORM (preparing, quoting and checking each), which cost more than the database's own work there.

- ``insert_rows(model, names, rows)`` writes tuples in the order of ``names``; every other column
  gets its field's default, prepared once.
- ``insert_objects(objects)`` writes unsaved instances of one model and sets their primary keys from
  the database (``RETURNING``), as ``bulk_create`` does, so that the caller can go on with them.

Values are prepared by their fields where the type needs it (dates and times, JSON, decimals, UUIDs);
strings, integers, booleans and ``None`` go to the driver as they are. Foreign keys are given as ids.
Neither calls ``save()`` or sends signals, as ``bulk_create`` does not; both raise the database's
``IntegrityError`` as it does. Use them only where a benchmark shows the ORM's cost.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connections, models, router

__all__ = ["insert_rows", "insert_objects"]

_PLAIN_VALUES = (str, int, float, bool, type(None))
PSYCOPG_CACHED_QUERY = 4000  # psycopg caches the parsing of queries up to 4,096 bytes
# Fields whose prepared value is the value itself when it already has a plain type.
_PLAIN_FIELDS = (models.CharField, models.TextField, models.IntegerField, models.BooleanField, models.ForeignKey,
                 models.FloatField)


def _preparer(field, connection):
    plain = isinstance(field, _PLAIN_FIELDS)

    def prepare(value):
        if plain and isinstance(value, _PLAIN_VALUES):
            return value
        return field.get_db_prep_save(value, connection)

    return prepare


def _execute(model, connection, fields, values: list[list], returning: bool) -> list:
    """INSERT ``values`` (prepared) into ``fields``' columns, in statements as large as the database
    allows; the new primary keys in order when ``returning``."""
    quote = connection.ops.quote_name
    meta = model._meta
    head = f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) VALUES "
    one = f"({', '.join(['%s'] * len(fields))})"
    tail = f" RETURNING {quote(meta.pk.column)}" if returning else ""
    size = max(connection.ops.bulk_batch_size(fields, values), 1)
    if connection.vendor == "postgresql":
        # psycopg splits a query at its placeholders on every call unless the query is short enough to
        # be cached (4 KB): one 500-row statement cost it 20 ms, more than the server's insert.
        size = min(size, max(1, (PSYCOPG_CACHED_QUERY - len(head) - len(tail)) // (len(one) + 2)))
    keys = []
    with connection.cursor() as cursor:
        for start in range(0, len(values), size):
            batch = values[start:start + size]
            cursor.execute(head + ", ".join([one] * len(batch)) + tail, [v for row in batch for v in row])
            if returning:
                keys += [row[0] for row in cursor.fetchall()]
    return keys


def _columns(model, names: Sequence[str] | None):
    """The fields written: ``names`` (attribute or field names), else every concrete field but an
    automatic primary key."""
    meta = model._meta
    if names is not None:
        return [meta.get_field(name) for name in names]
    return [f for f in meta.concrete_fields if not (f.primary_key and isinstance(f, models.AutoField))]


def insert_rows(model, names: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Insert ``rows`` (tuples in the order of ``names``; foreign keys as ids). Columns not named get
    their field's default (a field with neither default nor ``null`` is an error, as in SQL)."""
    connection = connections[router.db_for_write(model)]
    named = _columns(model, names)
    others = [f for f in _columns(model, None) if f not in named]
    fields = named + others
    preparers = [_preparer(f, connection) for f in named]
    defaults = [f.get_db_prep_save(f.get_default(), connection) for f in others]
    values = [[prepare(v) for prepare, v in zip(preparers, row)] + defaults for row in rows]
    if values:
        _execute(model, connection, fields, values, returning=False)


def insert_objects(objects: Sequence[models.Model]) -> None:
    """Insert unsaved instances of one model, every concrete field as the instance holds it, and set
    their primary keys. Models with ``auto_now``/``auto_now_add`` fields are refused (nothing here
    would set them): give those a default of ``timezone.now`` instead."""
    if not objects:
        return
    model = type(objects[0])
    connection = connections[router.db_for_write(model)]
    if not connection.features.can_return_rows_from_bulk_insert:  # an old SQLite: the ORM's way
        model._default_manager.bulk_create(objects)
        return
    fields = _columns(model, None)
    if any(getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False) for f in fields):
        raise ValueError(f"{model.__name__} has auto_now fields: insert_objects() would not set them")
    preparers = [(f.attname, _preparer(f, connection)) for f in fields]
    values = [[prepare(getattr(obj, attname)) for attname, prepare in preparers] for obj in objects]
    keys = _execute(model, connection, fields, values, returning=True)
    for obj, key in zip(objects, keys):
        obj.pk = key
        obj._state.adding = False
        obj._state.db = connection.alias
