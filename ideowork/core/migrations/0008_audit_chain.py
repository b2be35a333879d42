"""The audit trail becomes a tamper-evident HMAC chain: every event gets a sequence number and the
MAC linking it to the one before; existing events are numbered in the order they were written and
chained with the key the application runs with (IDEOWORK_AUDIT_KEY / IDEOWORK_AUDIT_KEY_FILE)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def chain_existing(apps, schema_editor):
    from ideowork.core.audit_chain import rechain_from

    AuditEvent = apps.get_model("core", "AuditEvent")
    AuditChainHead = apps.get_model("core", "AuditChainHead")
    ids = list(AuditEvent.objects.order_by("created_at", "id").values_list("id", flat=True))
    for start in range(0, len(ids), 2000):
        rows = [AuditEvent(id=pk, seq=start + n + 1) for n, pk in enumerate(ids[start:start + 2000])]
        AuditEvent.objects.bulk_update(rows, ["seq"])
    AuditChainHead.objects.get_or_create(pk=1)
    rechain_from(AuditEvent, AuditChainHead, 1)


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0007_two_factor"),
    ]

    operations = [
        migrations.CreateModel(
            name="AuditChainHead",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("last_seq", models.BigIntegerField(default=0, verbose_name="最后序号")),
                ("last_mac", models.CharField(blank=True, max_length=64, verbose_name="最后校验码")),
                ("anchor_seq", models.BigIntegerField(default=0, help_text="最后清理的审计事件序号",
                                                      verbose_name="锚点序号")),
                ("anchor_mac", models.CharField(blank=True, max_length=64, verbose_name="锚点校验码")),
                ("anchor_at", models.DateTimeField(blank=True, null=True, verbose_name="清理时间")),
                ("checked_at", models.DateTimeField(blank=True, null=True, verbose_name="最近校验时间")),
                ("checked_ok", models.BooleanField(null=True, verbose_name="校验结果")),
                ("checked_through", models.BigIntegerField(default=0, verbose_name="校验至序号")),
                ("check_message", models.CharField(blank=True, max_length=500, verbose_name="校验说明")),
            ],
            options={"verbose_name": "审计链头", "verbose_name_plural": "审计链头", "ordering": ["id"]},
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="actor",
            field=models.ForeignKey(blank=True, db_constraint=False, null=True,
                                    on_delete=django.db.models.deletion.DO_NOTHING, related_name="+",
                                    to=settings.AUTH_USER_MODEL, verbose_name="操作人"),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="org_unit",
            field=models.ForeignKey(blank=True, db_constraint=False, null=True,
                                    on_delete=django.db.models.deletion.DO_NOTHING, related_name="+",
                                    to="core.orgunit", verbose_name="单位"),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="created_at",
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name="时间"),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="seq",
            field=models.BigIntegerField(null=True, verbose_name="序号"),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="mac",
            field=models.CharField(default="", max_length=64, verbose_name="校验码"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditevent",
            name="mac_alg",
            field=models.CharField(default="", max_length=16, verbose_name="校验算法"),
            preserve_default=False,
        ),
        migrations.RunPython(chain_existing, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="auditevent",
            name="seq",
            field=models.BigIntegerField(unique=True, verbose_name="序号"),
        ),
        migrations.AlterModelOptions(
            name="auditevent",
            options={"ordering": ["-seq"], "verbose_name": "审计事件", "verbose_name_plural": "审计事件"},
        ),
    ]
