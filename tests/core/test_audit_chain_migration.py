"""core 0008 numbers the audit events that existed before it in time order and chains them.

The migration's data step runs on the historical models of its own state, over events written
before it (no sequence number, no MAC) and out of id order. Migrating the whole project back to
0005 and forward again would test the same step at the cost of every app's migrations twice; the
schema steps around it are exercised by every test database, which is built by the migrations.
"""

from datetime import datetime, timedelta, timezone
from importlib import import_module

from django.db import connection
from django.db.migrations.loader import MigrationLoader

from ideowork.core.audit_verify import verify_chain
from ideowork.core.models import AuditChainHead, AuditEvent

MIGRATION = import_module("ideowork.core.migrations.0008_audit_chain")


def test_existing_events_are_numbered_in_time_order_and_chained(db):
    state = MigrationLoader(connection).project_state(("core", "0008_audit_chain")).apps
    Event = state.get_model("core", "AuditEvent")
    Event.objects.all().delete()  # the historical model has no append-only guard
    state.get_model("core", "AuditChainHead").objects.all().delete()
    start = datetime(2026, 5, 1, tzinfo=timezone.utc)
    for n in range(5):  # written out of id order: the chain follows time
        Event.objects.create(seq=-(n + 1), created_at=start + timedelta(minutes=(n * 3) % 5), mac="", mac_alg="",
                             event_type="core.user.update", actor_name=f"u{n}", new={"n": n, "x": 1.0},
                             ip="10.0.0.1")

    MIGRATION.chain_existing(state, None)

    rows = list(AuditEvent.objects.order_by("seq").values_list("seq", "actor_name", "mac_alg"))
    assert [seq for seq, *_ in rows] == [1, 2, 3, 4, 5]
    assert [name for _, name, _ in rows] == ["u0", "u2", "u4", "u1", "u3"]
    assert {alg for *_, alg in rows} == {"HMAC-SM3"}
    assert AuditChainHead.objects.get(pk=1).last_seq == 5
    assert verify_chain().ok
