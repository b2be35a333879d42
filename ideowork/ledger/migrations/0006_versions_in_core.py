"""The ledger's per-organ versions move to core's DataVersion (topic "ledger"), numbers kept, so
that no figure cached under an old number can be read again after the move."""

from django.db import migrations


def copy_versions(apps, schema_editor):
    LedgerVersion = apps.get_model("ledger", "LedgerVersion")
    DataVersion = apps.get_model("core", "DataVersion")
    DataVersion.objects.bulk_create([DataVersion(topic="ledger", organ_id=row.organ_id, version=row.version)
                                     for row in LedgerVersion.objects.all()], ignore_conflicts=True)


def copy_back(apps, schema_editor):
    LedgerVersion = apps.get_model("ledger", "LedgerVersion")
    DataVersion = apps.get_model("core", "DataVersion")
    LedgerVersion.objects.bulk_create([LedgerVersion(organ_id=row.organ_id, version=row.version)
                                       for row in DataVersion.objects.filter(topic="ledger")], ignore_conflicts=True)


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0011_data_version"),
        ("ledger", "0005_ledger_version"),
    ]

    operations = [
        migrations.RunPython(copy_versions, copy_back),
        migrations.DeleteModel(name="LedgerVersion"),
    ]
