"""Plain multi-row INSERTs for the few hot paths that create many rows at once (an exam paper at
开始答题, a batch of opinion items): ``QuerySet.bulk_create`` compiles every value of every row through
the ORM (preparing, quoting and checking each), which cost more than the database's own work there.

- ``insert_rows(model, names, rows)`` writes tuples in the order of ``names``; every other column
  gets its field's default, prepared once.
- ``insert_objects(objects)`` writes unsaved instances of one model and sets their primary keys from
  the database (``RETURNING``), as ``bulk_create`` does, so that the caller can go on with them.

Values are prepared by their fields where the type needs it (dates and times, JSON, decimals, UUIDs);
strings, integers, booleans and ``None`` go to the driver as they are. Foreign keys are given as ids.

On PostgreSQL the rows go by ``COPY … FROM STDIN`` (psycopg writes them in C), and ``insert_objects``
takes the keys from the primary key's sequence first: a multi-row INSERT there costs psycopg a parse
of the whole statement at every placeholder on every call (it caches only statements of at most 50
parameters), which was half the client's time of an opinion batch. Elsewhere it is multi-row
INSERTs as large as the database allows, with ``RETURNING``.
Neither calls ``save()`` or sends signals, as ``bulk_create`` does not; both raise the database's
``IntegrityError`` as it does. Use them only where a benchmark shows the ORM's cost.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence

from django.db import connections, models, router

__all__ = ["insert_rows", "insert_objects"]

_PLAIN_VALUES = (str, int, float, bool, type(None))
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
    """INSERT ``values`` (prepared) into ``fields``' columns; the new primary keys in order when
    ``returning``."""
    if connection.vendor == "postgresql":
        return _copy(model, connection, fields, values, returning)
    quote = connection.ops.quote_name
    meta = model._meta
    head = f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) VALUES "
    one = f"({', '.join(['%s'] * len(fields))})"
    tail = f" RETURNING {quote(meta.pk.column)}" if returning else ""
    size = max(connection.ops.bulk_batch_size(fields, values), 1)
    keys = []
    with connection.cursor() as cursor:
        for start in range(0, len(values), size):
            batch = values[start:start + size]
            cursor.execute(head + ", ".join([one] * len(batch)) + tail, [v for row in batch for v in row])
            if returning:
                keys += [row[0] for row in cursor.fetchall()]
    return keys


def _copy(model, connection, fields, values: list[list], returning: bool) -> list:
    """PostgreSQL: COPY the rows in, keys drawn from the sequence beforehand when ``returning``."""
    quote = connection.ops.quote_name
    meta = model._meta
    keys = []
    with connection.cursor() as cursor:
        if returning:
            cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                           [quote(meta.db_table), meta.pk.column, len(values)])
            keys = [row[0] for row in cursor.fetchall()]
            fields = [meta.pk, *fields]
            values = [[key, *row] for key, row in zip(keys, values)]
        statement = f"COPY {quote(meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) FROM STDIN"
        started = time.perf_counter()
        with connection.wrap_database_errors, cursor.cursor.copy(statement) as copy:
            for row in values:
                copy.write_row(row)
    if connection.queries_logged:   # seen where the ORM's statements are (tests count them), as one
        connection.queries_log.append({"sql": f"{statement} -- {len(values)} rows",
                                       "time": f"{time.perf_counter() - started:.3f}"})
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
