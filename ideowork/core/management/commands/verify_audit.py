"""``ideowork verify_audit [--file ARCHIVE] [--json]``: verify the audit trail's HMAC chain.

Without ``--file`` the chain in the database is verified (the outcome is kept and recorded, and the
审计管理员 are notified when it is broken, as by the daily task); with ``--file`` an exported archive is
verified offline, with the same key. Prints the outcome in Chinese (or as JSON); exits with 1 when
the chain is broken.
"""

import json
import sys
from dataclasses import asdict

from django.core.management.base import BaseCommand

from ...actions.audit import do_verify_audit_chain
from ...audit_verify import verify_archive
from ...system import system_actor


class Command(BaseCommand):
    help = "校验审计日志的防篡改校验链（数据库中的审计记录，或 --file 指定的审计归档文件）。"

    def add_arguments(self, parser):
        parser.add_argument("--file", help="校验导出的审计归档文件（JSON Lines），不读数据库")
        parser.add_argument("--json", action="store_true", help="以JSON格式输出结果")

    def handle(self, *args, file=None, **options):
        if file:
            with open(file, encoding="utf-8") as archive:
                report = verify_archive(archive)
        else:
            report = do_verify_audit_chain(system_actor())
        if options["json"]:
            result = {k: v for k, v in asdict(report).items() if k != "details"}
            self.stdout.write(json.dumps({**result, "summary": report.summary}, ensure_ascii=False))
        else:
            self.stdout.write(report.summary)
        if not report.ok:
            sys.exit(1)
