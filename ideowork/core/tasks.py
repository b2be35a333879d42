"""Periodic work of core, on the Huey task queue (`ideowork run_huey` runs the consumer)."""

from django.conf import settings
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task, lock_task

from .actions.audit import do_verify_audit_chain
from .actions.reviews import notify_overdue_stages
from .actions.backups import do_back_up
from .idempotency import forget_old_keys
from .system import system_actor


@db_periodic_task(crontab(hour="8", minute="30"))
def overdue_review_reminders():
    """Every morning: tell deciders and authors about review stages past their due time."""
    return notify_overdue_stages()


@db_periodic_task(crontab(hour=str(settings.BACKUP_HOUR), minute="10"))
@lock_task("ideowork-daily-backup")
def daily_backup():
    """Every night: a backup into ``BACKUP_DIR``, keeping the newest ``BACKUP_KEEP``. The lock keeps
    two consumers (several worker machines on one Redis) from backing up at once."""
    if not settings.BACKUP_DAILY:
        return None
    path, _ = do_back_up(settings.BACKUP_DIR, keep=settings.BACKUP_KEEP, actor=system_actor())
    return str(path)


@db_periodic_task(crontab(hour="3", minute="10"))
def old_idempotency_keys():
    """Every night: forget the create forms' keys older than a day (core.idempotency)."""
    return forget_old_keys()


@db_periodic_task(crontab(hour="2", minute="40"))
def audit_chain_check():
    """Every night: verify the audit trail's HMAC chain; a broken link alerts the 审计管理员."""
    return do_verify_audit_chain(system_actor()).ok


@db_task()
def verify_audit_chain_for(user_id: int):
    """An 审计管理员's "立即校验": verifying a long chain takes tens of seconds, so it runs on the
    queue; the outcome is kept on the chain's head (shown on the page) and sent to the auditor."""
    from django.urls import reverse

    from .models import User
    from .notify import notify

    auditor = User.objects.get(pk=user_id)
    report = do_verify_audit_chain(auditor)
    if report.ok:  # a broken chain already notified every auditor
        notify(auditor, "审计链校验完成：完整", body=report.summary, url=reverse("core:audit_integrity"))
    return report.ok
