"""Read the media level of existing targets from their text, once (plans.qualifiers)."""

from django.db import migrations

from ideowork.plans.qualifiers import required_media_level


def forwards(apps, schema_editor):
    Target = apps.get_model("plans", "Target")
    for target in Target.objects.only("pk", "text"):
        level = required_media_level(target.text)
        if level:
            Target.objects.filter(pk=target.pk).update(media_level=level)


class Migration(migrations.Migration):

    dependencies = [
        ("plans", "0002_target_media_level"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
