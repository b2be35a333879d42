"""The audit trail is a tamper-evident HMAC chain: an edited, deleted or reordered event is always
found, in the database and in an exported archive; purging keeps what remains verifiable."""

import io
import json
from datetime import timedelta

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from ideowork.core.actions.audit import do_purge_audit
from ideowork.core.audit import record
from ideowork.core.audit_archive import archive_lines
from ideowork.core.audit_chain import default_algorithm
from ideowork.core.audit_verify import verify_archive, verify_chain
from ideowork.core.models import AuditChainHead, AuditEvent, Notification
from ideowork.core.system import system_actor
from ideowork.core.tasks import audit_chain_check
from tests.factories import build_org


def _events(org, count=6):
    return [record("core.user.update", org.cadre, actor=org.sysadmin, old={"n": n}, new={"n": n + 1, "f": 1.0})
            for n in range(count)]


def _sql(statement, *params):
    with connection.cursor() as cursor:
        cursor.execute(statement.replace("%table", AuditEvent._meta.db_table), params)


def test_every_event_is_chained_in_sequence(org):
    events = _events(org)
    seqs = [e.seq for e in events]
    assert seqs == list(range(seqs[0], seqs[0] + 6))
    assert {e.mac_alg for e in events} == {default_algorithm()} == {"HMAC-SM3"}
    report = verify_chain()
    assert report.ok and report.last_seq == seqs[-1], report.summary
    head = AuditChainHead.objects.get(pk=1)
    assert (head.last_seq, head.last_mac) == (events[-1].seq, events[-1].mac)


def test_an_edited_event_is_found(org):
    events = _events(org)
    AuditEvent.objects.filter(pk=events[2].pk).update(actor_name="someone", ip="10.9.9.9")
    report = verify_chain()
    assert not report.ok and report.kind == "edited" and report.seq == events[2].seq
    assert f"第 {events[2].seq} 号" in report.summary


@pytest.mark.parametrize("field,value", [("new", {"n": 99}), ("created_at", "2026-01-01T00:00:00Z"),
                                         ("event_type", "core.user.create"), ("actor_id", None)])
def test_any_chained_field_edited_is_found(org, field, value):
    events = _events(org)
    AuditEvent.objects.filter(pk=events[3].pk).update(**{field: value})
    report = verify_chain()
    assert (report.ok, report.kind, report.seq) == (False, "edited", events[3].seq)


def test_a_deleted_event_is_found(org):
    events = _events(org)
    _sql("DELETE FROM %table WHERE seq = %s", events[3].seq)
    report = verify_chain()
    assert (report.ok, report.kind, report.seq) == (False, "deleted", events[3].seq)


def test_the_deleted_last_event_is_found(org):
    events = _events(org)
    _sql("DELETE FROM %table WHERE seq = %s", events[-1].seq)
    report = verify_chain()
    assert (report.ok, report.kind, report.seq) == (False, "deleted", events[-1].seq)


def test_a_deleted_and_renumbered_event_is_found(org):
    events = _events(org)
    _sql("DELETE FROM %table WHERE seq = %s", events[3].seq)
    for event in events[4:]:
        _sql("UPDATE %table SET seq = seq - 1 WHERE seq = %s", event.seq)
    report = verify_chain()
    assert not report.ok and report.seq == events[3].seq


def test_reordered_events_are_found(org):
    events = _events(org)
    a, b = events[2].seq, events[3].seq
    _sql("UPDATE %table SET seq = -1 WHERE seq = %s", a)
    _sql("UPDATE %table SET seq = %s WHERE seq = %s", a, b)
    _sql("UPDATE %table SET seq = %s WHERE seq = -1", b)
    report = verify_chain()
    assert (report.ok, report.kind, report.seq) == (False, "reordered", a)
    assert f"原为第 {b} 号" in report.message


def test_the_model_refuses_changes_and_deletions(org):
    event = _events(org, 1)[0]
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).delete()


def test_a_rolled_back_transaction_leaves_the_chain_whole(org):
    _events(org, 2)
    with pytest.raises(RuntimeError), transaction.atomic():
        record("core.user.update", org.cadre, actor=org.sysadmin, new={"rolled": "back"})
        raise RuntimeError
    _events(org, 2)
    assert verify_chain().ok
    assert not AuditEvent.objects.filter(new__rolled="back").exists()


def test_an_archive_verifies_offline_and_tampering_with_it_is_found(org):
    _events(org)
    today = timezone.localdate()
    lines = list(archive_lines(today, today))
    manifest = json.loads(lines[0])
    assert manifest["rows"] == len(lines) - 1 >= 6 and manifest["anchor"]["seq"] == manifest["first_seq"] - 1
    assert verify_archive(lines).ok

    edited = [*lines]
    row = json.loads(edited[3])
    row["actor_name"] = "someone"
    edited[3] = json.dumps(row, ensure_ascii=False) + "\n"
    report = verify_archive(edited)
    assert (report.ok, report.kind, report.seq) == (False, "edited", row["seq"])

    report = verify_archive(lines[:3] + lines[4:])
    assert (report.ok, report.kind) == (False, "deleted")
    report = verify_archive(lines[:-1])
    assert (report.ok, report.kind) == (False, "archive")
    forged = json.loads(lines[0])
    forged["rows"] -= 1
    assert verify_archive([json.dumps(forged)] + lines[1:-1]).kind == "archive"


def test_the_command_verifies_the_database_and_an_archive(org, tmp_path):
    _events(org)
    out = io.StringIO()
    call_command("verify_audit", stdout=out)
    assert out.getvalue().startswith("审计链完整")
    archive = tmp_path / "a.jsonl"
    today = timezone.localdate()
    archive.write_text("".join(archive_lines(today, today)), encoding="utf-8")
    out = io.StringIO()
    call_command("verify_audit", "--file", str(archive), "--json", stdout=out)
    assert json.loads(out.getvalue())["ok"] is True
    _sql("DELETE FROM %table WHERE seq = %s", AuditEvent.objects.order_by("seq").values_list("seq", flat=True)[1])
    with pytest.raises(SystemExit) as exit_:
        call_command("verify_audit", stdout=io.StringIO())
    assert exit_.value.code == 1


def test_the_daily_check_alerts_the_auditors_when_the_chain_is_broken(org):
    events = _events(org)
    assert audit_chain_check.call_local() is True
    assert AuditEvent.objects.filter(event_type="core.audit_chain.verify").exists()
    AuditEvent.objects.filter(pk=events[1].pk).update(ip="10.0.0.1")
    assert audit_chain_check.call_local() is False
    note = Notification.objects.get(recipient=org.auditor)
    assert "审计链完整性校验失败" in note.title and note.url == reverse("core:audit_integrity")
    alert = AuditEvent.objects.get(event_type="core.audit_chain.alert")
    assert alert.new["seq"] == events[1].seq and alert.actor == system_actor()
    head = AuditChainHead.objects.get(pk=1)
    assert head.checked_ok is False and f"第 {events[1].seq} 号" in head.check_message
    audit_chain_check.call_local()  # the same break is not notified twice
    assert Notification.objects.filter(recipient=org.auditor).count() == 1


@pytest.mark.date_sensitive
def test_purging_keeps_the_retention_and_an_anchor(db, travel):
    now = timezone.now()
    travel(now - timedelta(days=400))
    _sql("DELETE FROM %table")  # migrating wrote events today: start the chain afresh, 400 days ago
    AuditChainHead.objects.update_or_create(pk=1, defaults={"last_seq": 0, "last_mac": ""})
    org = build_org()  # its accounts' events are old too: the purge removes a run from the chain's start
    old = _events(org, 3)
    travel(now - timedelta(days=100))
    recent = _events(org, 2)
    travel(now)
    actor = system_actor()
    from django.core.exceptions import PermissionDenied, ValidationError

    with pytest.raises(PermissionDenied):
        do_purge_audit(org.auditor, timezone.localdate() - timedelta(days=200))
    with pytest.raises(ValidationError, match="至少保存 180 天"):
        do_purge_audit(actor, timezone.localdate() - timedelta(days=90))
    archive = io.StringIO()
    count = do_purge_audit(actor, timezone.localdate() - timedelta(days=200), archive=archive)
    assert count == old[-1].seq and not AuditEvent.objects.filter(pk__in=[e.pk for e in old]).exists()
    assert AuditEvent.objects.filter(pk__in=[e.pk for e in recent]).count() == 2
    head = AuditChainHead.objects.get(pk=1)
    assert (head.anchor_seq, head.anchor_mac) == (old[-1].seq, old[-1].mac)
    assert verify_chain().ok
    assert verify_archive(archive.getvalue().splitlines(keepends=True)).ok
    purge = AuditEvent.objects.get(event_type="core.audit.purge")
    assert purge.new["through_seq"] == old[-1].seq

    AuditChainHead.objects.filter(pk=1).update(anchor_seq=recent[0].seq, anchor_mac=recent[0].mac)
    _sql("DELETE FROM %table WHERE seq = %s", recent[0].seq)
    assert verify_chain().kind == "deleted"  # an anchor moved by hand has no purge recorded


def test_the_purge_command_refuses_a_day_within_retention(org):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="至少保存"):
        call_command("purge_audit", "--before", timezone.localdate().isoformat())


def test_a_missing_key_is_warned_about_outside_development(settings):
    settings.DEBUG, settings.AUDIT_KEY, settings.AUDIT_KEY_FILE = False, "", ""
    assert "ideowork.W001" in [m.id for m in run_checks()]
    settings.AUDIT_KEY = "a-key-kept-outside-the-database"
    assert "ideowork.W001" not in [m.id for m in run_checks()]


def test_the_auditor_page_verifies_and_archives(org, login):
    _events(org)
    client = login(org.auditor)
    menu = client.get(reverse("core:audit_list")).content.decode()
    assert "审计链校验与归档" in menu and reverse("core:audit_integrity") in menu
    page = client.get(reverse("core:audit_integrity")).content.decode()
    assert "尚未校验" in page and "HMAC-SM3" in page
    response = client.post(reverse("core:audit_verify"), follow=True)  # on the queue (immediate in tests)
    assert "已提交校验任务" in response.content.decode() and "审计链完整" in response.content.decode()
    assert org.auditor.notifications.filter(title="审计链校验完成：完整").exists()
    today = timezone.localdate().isoformat()
    response = client.get(reverse("core:audit_archive"), {"from": today, "to": today})
    lines = b"".join(response.streaming_content).decode().splitlines(keepends=True)
    assert response["Content-Disposition"].startswith("attachment") and verify_archive(lines).ok
    read = set(AuditEvent.objects.filter(actor=org.auditor).values_list("event_type", flat=True))
    assert {"core.audit.view", "core.audit_chain.view", "core.audit_chain.verify", "core.audit.archive"} <= read
    for name in ("principal", "sysadmin", "secadmin"):
        assert login(getattr(org, name)).get(reverse("core:audit_integrity")).status_code == 403
