"""core 0008 numbers the audit events that existed before it in time order and chains them."""

from datetime import datetime, timedelta, timezone

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from ideowork.core.audit_verify import verify_chain
from ideowork.core.models import AuditChainHead, AuditEvent

BEFORE = [("core", "0005_workflow_purposes")]
AFTER = [("core", "0008_audit_chain")]


@pytest.mark.django_db(transaction=True)
def test_existing_events_are_numbered_in_time_order_and_chained():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_state = executor.loader.project_state(BEFORE).apps
    Event = old_state.get_model("core", "AuditEvent")
    Event.objects.all().delete()
    start = datetime(2026, 5, 1, tzinfo=timezone.utc)
    ids = [Event.objects.create(event_type="core.user.update", actor_name=f"u{n}", new={"n": n, "x": 1.0},
                                ip="10.0.0.1").pk for n in range(5)]
    for n, pk in enumerate(ids):  # written out of id order: the chain follows time
        Event.objects.filter(pk=pk).update(created_at=start + timedelta(minutes=(n * 3) % 5))

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    try:
        rows = list(AuditEvent.objects.order_by("seq").values_list("seq", "actor_name", "mac_alg"))
        assert [seq for seq, *_ in rows] == [1, 2, 3, 4, 5]
        assert [name for _, name, _ in rows] == ["u0", "u2", "u4", "u1", "u3"]
        assert {alg for *_, alg in rows} == {"HMAC-SM3"}
        assert AuditChainHead.objects.get(pk=1).last_seq == 5
        assert verify_chain().ok
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
