"""Two connections appending to the audit trail at once never fork its chain (PostgreSQL: the chain
head's row lock serialises them; SQLite allows one writer at a time anyway).

Run with ``DATABASE_URL=postgres://postgres@127.0.0.1:5432/ideowork pytest -p no:xdist
tests/core/test_audit_chain_concurrency.py``."""

import threading

import pytest
from django.db import connection, connections, transaction

from ideowork.core.audit import record
from ideowork.core.audit_verify import verify_chain
from ideowork.core.models import AuditEvent

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor == "sqlite", reason="needs two connections writing at once (PostgreSQL)"),
]

PER_THREAD = 40


def test_concurrent_appends_keep_one_valid_chain(org):
    before = AuditEvent.objects.count()
    barrier = threading.Barrier(2)
    errors = []

    def append(user):
        try:
            barrier.wait(timeout=10)
            for n in range(PER_THREAD):
                with transaction.atomic():
                    record("core.user.update", user, actor=user, new={"n": n, "by": user.username})
                    if n % 10 == 9:  # some business transactions fail after auditing: their links go too
                        transaction.set_rollback(True)
        except Exception as error:  # noqa: BLE001  (reported below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=append, args=(user,)) for user in (org.staff, org.cadre)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    seqs = list(AuditEvent.objects.order_by("seq").values_list("seq", flat=True))
    assert len(seqs) == before + 2 * (PER_THREAD - PER_THREAD // 10)
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))
    report = verify_chain()
    assert report.ok, report.summary
    writers = AuditEvent.objects.filter(event_type="core.user.update").values_list("actor_name", flat=True)
    assert set(writers) == {"staff", "cadre"}
