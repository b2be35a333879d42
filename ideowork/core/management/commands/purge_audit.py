"""``ideowork purge_audit --before YYYY-MM-DD [--archive PATH]``: delete audit events written before
a day at least the retention period (``IDEOWORK_AUDIT_RETENTION_DAYS``, 180 days or more) ago.

The chain is verified first (a broken chain is never purged); the last purged event's number and
MAC stay on the chain's head as its anchor, so the rest still verifies, and the purge is recorded.
``--archive`` writes the purged events' archive first (verify it with ``verify_audit --file``).
"""

from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ...actions.audit import do_purge_audit
from ...system import system_actor


class Command(BaseCommand):
    help = "清理超过保存期限（至少180天）的审计记录，保留校验锚点；可先导出归档。"

    def add_arguments(self, parser):
        parser.add_argument("--before", required=True, help="清理此日期（YYYY-MM-DD）以前写入的审计记录")
        parser.add_argument("--archive", help="清理前先把要清理的记录导出为归档文件")

    def handle(self, *args, before, archive=None, **options):
        try:
            day = date.fromisoformat(before)
        except ValueError:
            raise CommandError("日期格式应为 YYYY-MM-DD。")
        if archive and Path(archive).exists():
            raise CommandError(f"归档文件已存在：{archive}")
        try:
            if archive:
                with open(archive, "x", encoding="utf-8") as out:
                    count = do_purge_audit(system_actor(), day, archive=out)
            else:
                count = do_purge_audit(system_actor(), day)
        except ValidationError as error:
            if archive:
                Path(archive).unlink(missing_ok=True)  # nothing was purged: no archive of it
            raise CommandError("；".join(error.messages))
        self.stdout.write(f"已清理 {count} 条审计记录。")
