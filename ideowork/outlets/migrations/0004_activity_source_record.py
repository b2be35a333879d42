"""Fill ``Activity.source_type``/``source_id`` of this area's activities from the old ``source_ref``."""

from django.db import migrations

from ideowork.ledger.migration_ops import link_activity_sources

PREFIXES = {"content": "contentitem", "placement": "externalplacement", "press": "pressconference",
            "interpretation": "policyinterpretation", "question": "publicquestion", "outlet_update": "outlet",
            "outlet_inspection": "outletinspection"}


class Migration(migrations.Migration):

    dependencies = [
        ("outlets", "0003_workflow_purposes"),
        ("ledger", "0003_activity_source_record"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    run_before = [("ledger", "0004_remove_activity_source_ref")]

    operations = [link_activity_sources("outlets", PREFIXES)]
