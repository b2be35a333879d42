"""Fill ``Activity.source_type``/``source_id`` of this area's activities from the old ``source_ref``."""

from django.db import migrations

PREFIXES = {"session": "studysession", "exam": "exam", "competition": "competition", "essay_contest": "essaycontest",
            "reflection": "reflection"}


def forwards(apps, schema_editor):
    Activity = apps.get_model("ledger", "Activity")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for prefix, model in PREFIXES.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="learning", model=model)
        for activity in Activity.objects.filter(source_ref__startswith=prefix + ":").only("pk", "source_ref"):
            ref = activity.source_ref.split(":", 1)[1]
            if ref.isdigit():
                Activity.objects.filter(pk=activity.pk).update(source_type=content_type, source_id=int(ref))


def backwards(apps, schema_editor):
    Activity = apps.get_model("ledger", "Activity")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for prefix, model in PREFIXES.items():
        content_type = ContentType.objects.filter(app_label="learning", model=model).first()
        if content_type is None:
            continue
        for activity in Activity.objects.filter(source_type=content_type).only("pk", "source_id"):
            Activity.objects.filter(pk=activity.pk).update(source_ref=f"{prefix}:{activity.source_id}")


class Migration(migrations.Migration):

    dependencies = [
        ("learning", "0002_rename_audit_events"),
        ("ledger", "0003_activity_source_record"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    run_before = [("ledger", "0004_remove_activity_source_ref")]

    operations = [migrations.RunPython(forwards, backwards)]
