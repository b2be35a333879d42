"""What a database holds, table by table: the number of rows and a digest of their contents.

A restore is right when the restored database's fingerprint equals the one taken before the backup
(the tests and ``bench/backup_restore.py`` compare them). Digests compare databases of one kind:
SQLite and PostgreSQL return the same rows as different Python values.
"""

from __future__ import annotations

import hashlib

from django.db import connections

__all__ = ["table_names", "row_counts", "database_fingerprint"]


def table_names(using: str = "default") -> list[str]:
    connection = connections[using]
    with connection.cursor() as cursor:
        return sorted(connection.introspection.table_names(cursor, include_views=False))


def row_counts(using: str = "default") -> dict[str, int]:
    connection = connections[using]
    quote = connection.ops.quote_name
    counts = {}
    with connection.cursor() as cursor:
        for table in table_names(using):
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def database_fingerprint(using: str = "default") -> dict[str, tuple[int, str]]:
    """``{table: (rows, sha256 of the rows in primary-key order)}`` for every table."""
    connection = connections[using]
    quote = connection.ops.quote_name
    fingerprint = {}
    with connection.cursor() as cursor:
        for table in table_names(using):
            order = connection.introspection.get_primary_key_columns(cursor, table)
            if not order:
                order = [column.name for column in connection.introspection.get_table_description(cursor, table)]
            cursor.execute(f"SELECT * FROM {quote(table)} ORDER BY {', '.join(map(quote, order))}")
            digest, rows = hashlib.sha256(), 0
            while batch := cursor.fetchmany(5000):
                for row in batch:
                    digest.update(repr(tuple(_plain(value) for value in row)).encode())
                rows += len(batch)
            fingerprint[table] = (rows, digest.hexdigest())
    return fingerprint


def _plain(value):
    # PostgreSQL returns bytea as a memoryview, whose repr is its address.
    return bytes(value) if isinstance(value, memoryview) else value
