"""Operations that areas' data migrations share with the ledger."""

from django.db import migrations

__all__ = ["link_activity_sources"]


def link_activity_sources(app_label: str, prefixes: dict[str, str]) -> migrations.RunPython:
    """Fill ``Activity.source_type``/``source_id`` of an area's activities from the retired
    ``source_ref`` strings ``"<prefix>:<pk>"``, ``prefixes`` naming each prefix's model (reversible)."""

    def forwards(apps, schema_editor):
        Activity = apps.get_model("ledger", "Activity")
        ContentType = apps.get_model("contenttypes", "ContentType")
        for prefix, model in prefixes.items():
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            for activity in Activity.objects.filter(source_ref__startswith=prefix + ":").only("pk", "source_ref"):
                ref = activity.source_ref.split(":", 1)[1]
                if ref.isdigit():
                    Activity.objects.filter(pk=activity.pk).update(source_type=content_type, source_id=int(ref))

    def backwards(apps, schema_editor):
        Activity = apps.get_model("ledger", "Activity")
        ContentType = apps.get_model("contenttypes", "ContentType")
        for prefix, model in prefixes.items():
            content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
            if content_type is None:
                continue
            for activity in Activity.objects.filter(source_type=content_type).only("pk", "source_id"):
                Activity.objects.filter(pk=activity.pk).update(source_ref=f"{prefix}:{activity.source_id}")

    return migrations.RunPython(forwards, backwards)
