"""Operations that apps' data migrations share."""

from django.db import migrations

__all__ = ["rename_audit_events"]


def rename_audit_events(renames: dict[str, str]) -> migrations.RunPython:
    """Rename stored audit events' types ``{old: new}`` (reversible), e.g. when an app's event
    types take the one naming grammar. Once the audit trail is chained (core 0008) the renamed events
    and those after them are chained again, with the key the application runs with."""

    def apply(mapping):
        def run(apps, schema_editor):
            AuditEvent = apps.get_model("core", "AuditEvent")
            chained = any(field.name == "mac" for field in AuditEvent._meta.get_fields())
            renamed = AuditEvent.objects.filter(event_type__in=list(mapping))
            first = renamed.order_by("seq").values_list("seq", flat=True).first() if chained else None
            for old, new in mapping.items():
                AuditEvent.objects.filter(event_type=old).update(event_type=new)
            if first is not None:
                from .audit_chain import rechain_from

                rechain_from(AuditEvent, apps.get_model("core", "AuditChainHead"), first)
        return run

    return migrations.RunPython(apply(renames), apply({new: old for old, new in renames.items()}))
