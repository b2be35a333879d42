from django.db import migrations


class Migration(migrations.Migration):
    """source_ref ("session:12", "placement:3" …) was written by hand by each area; the source record
    is now ``source_type``/``source_id``, filled from it by the areas' migrations that run before this."""

    dependencies = [
        ('ledger', '0003_activity_source_record'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='activity',
            name='source_ref',
        ),
    ]
