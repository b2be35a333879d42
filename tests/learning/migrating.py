"""Running learning's data migrations in a test: go back to the state before one, make the rows the
old schema had, go forward, and always leave the schema as the other tests expect it."""

from contextlib import contextmanager

from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(target):
    """Migrate the database to ``target`` (app label, migration name); the apps as they were there."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


@contextmanager
def migrated_to(target):
    """The historical apps at ``target``, the database migrated there; back to the latest state after."""
    try:
        yield migrate(target)
    finally:
        call_command("migrate", verbosity=0)
