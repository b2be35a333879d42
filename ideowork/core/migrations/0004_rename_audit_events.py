"""Stored audit events take the one naming grammar, <area>.<thing>.<verb>, of the registered types."""

from django.db import migrations

from ideowork.core.migration_ops import rename_audit_events

RENAMES = {
    "core.user.password_reset": "core.user.reset_password",
    "core.user.password_change": "core.user.change_password",
    "core.auth.locked_out": "core.auth.lock_out",
    "core.auth.login_failed": "core.auth.fail_login",
    "core.session.timeout": "core.session.time_out",
}


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_reviews"),
    ]

    operations = [rename_audit_events(RENAMES)]
