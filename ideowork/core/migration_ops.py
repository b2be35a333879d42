"""Operations that apps' data migrations share."""

from django.db import migrations

__all__ = ["rename_audit_events"]


def rename_audit_events(renames: dict[str, str]) -> migrations.RunPython:
    """Rename stored audit events' types ``{old: new}`` (reversible), e.g. when an app's event
    types take the one naming grammar."""

    def apply(mapping):
        def run(apps, schema_editor):
            AuditEvent = apps.get_model("core", "AuditEvent")
            for old, new in mapping.items():
                AuditEvent.objects.filter(event_type=old).update(event_type=new)
        return run

    return migrations.RunPython(apply(renames), apply({new: old for old, new in renames.items()}))
