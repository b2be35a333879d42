"""The audit chain's services: verifying it (the auditor, or the daily queue task) and purging events
past their retention, leaving an anchor so that what remains still verifies."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from ..audit import record
from ..audit_chain import locked_head
from ..audit_verify import KIND_LABELS, ChainReport, verify_chain
from ..choices import Role
from ..models import AuditChainHead, AuditEvent, User
from ..notify import notify
from ..permissions import require
from ..system import is_system_actor

__all__ = ["do_verify_audit_chain", "do_purge_audit", "purge_cutoff"]


def do_verify_audit_chain(actor) -> ChainReport:
    """Verify the whole chain, keep the outcome on the chain's head and record it; when it is
    broken, every 审计管理员 is notified (once per broken link)."""
    require(actor.is_auditor or is_system_actor(actor), "只有审计管理员可以校验审计链。")
    report = verify_chain()
    with transaction.atomic():
        AuditChainHead.objects.get_or_create(pk=1)
        AuditChainHead.objects.filter(pk=1).update(checked_at=timezone.now(), checked_ok=report.ok,
                                                   checked_through=report.last_seq,
                                                   check_message=report.summary[:500])
        outcome = {"ok": report.ok, "checked": report.checked, "last_seq": report.last_seq}
        if report.ok:
            record("core.audit_chain.verify", None, actor=actor, subject_repr="审计链", new=outcome)
            return report
        outcome.update(kind=report.kind, seq=report.seq, message=report.message)
        record("core.audit_chain.alert", None, actor=actor, subject_repr="审计链", new=outcome)
        for auditor in User.objects.filter(role=Role.AUDITOR, is_active=True):
            notify(auditor, f"审计链完整性校验失败：{KIND_LABELS.get(report.kind, '')}（第 {report.seq} 号）",
                   body=report.summary, url=reverse("core:audit_integrity"), kind="warning",
                   dedup_key=f"audit-chain-break:{report.kind}:{report.seq}")
    return report


def purge_cutoff(today: date | None = None) -> date:
    """The earliest day whose events must be kept: events written before it may be purged."""
    return (today or timezone.localdate()) - timedelta(days=settings.AUDIT_RETENTION_DAYS)


def do_purge_audit(actor, before: date, *, archive: IO[str] | None = None) -> int:
    """Delete the events written before ``before`` (which must be at least the retention period ago),
    as one run from the start of the chain; the last one's number and MAC become the head's anchor and
    the purge is itself recorded. ``archive`` receives their archive first. Returns the count."""
    require(is_system_actor(actor), "审计记录只能由系统按保存期限清理。")
    if before > purge_cutoff():
        raise ValidationError(f"审计记录至少保存 {settings.AUDIT_RETENTION_DAYS} 天："
                              f"只能清理 {purge_cutoff():%Y年%m月%d日} 以前的记录。")
    from .. import audit_archive

    with transaction.atomic():
        head = locked_head("default")
        report = verify_chain()
        if not report.ok:
            raise ValidationError(f"审计链未通过校验，不能清理：{report.summary}")
        cut = timezone.make_aware(datetime.combine(before, time.min))
        younger = AuditEvent.objects.filter(created_at__gte=cut).order_by("seq").values_list("seq", flat=True).first()
        through = (younger - 1) if younger is not None else head.last_seq
        if through <= head.anchor_seq:
            return 0
        last = AuditEvent.objects.get(seq=through)
        if archive is not None:
            first = AuditEvent.objects.get(seq=head.anchor_seq + 1)
            archive.writelines(audit_archive.seq_archive_lines(
                first.seq, through, timezone.localdate(first.created_at), timezone.localdate(last.created_at)))
        doomed = AuditEvent.objects.filter(seq__gt=head.anchor_seq, seq__lte=through)
        count = QuerySet.delete(doomed)[0]  # the model's own delete() refuses: this is the one purge
        AuditChainHead.objects.filter(pk=1).update(anchor_seq=through, anchor_mac=last.mac, anchor_at=timezone.now())
        record("core.audit.purge", None, actor=actor, subject_repr="审计记录",
               new={"before": before.isoformat(), "rows": count, "through_seq": through, "anchor_mac": last.mac})
    return count
