"""The migrations describe the models exactly: a model change without its migration fails here."""

from io import StringIO

from django.core.management import call_command


def test_no_missing_migrations(db):
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exit:
        raise AssertionError(f"models changed without a migration:\n{out.getvalue()}") from exit
