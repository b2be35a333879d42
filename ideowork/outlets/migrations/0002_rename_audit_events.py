"""Stored audit events take the one naming grammar, <area>.<thing>.<verb>, of the registered types."""

from django.db import migrations

from ideowork.core.migration_ops import rename_audit_events

RENAMES = {
    "outlets.inspection.rectified": "outlets.inspection.rectify",
    "outlets.outlet.updated": "outlets.outlet.mark_updated",
    "outlets.outlet.update_recorded": "outlets.outlet.record_update",
}


class Migration(migrations.Migration):
    dependencies = [
        ("outlets", "0001_initial"),
        ("core", "0004_rename_audit_events"),
    ]

    operations = [rename_audit_events(RENAMES)]
