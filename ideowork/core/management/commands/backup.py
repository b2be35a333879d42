"""ideowork backup — a consistent backup of the database and the uploaded files, with a manifest."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ideowork.core.actions.backups import do_back_up
from ideowork.core.backups import BackupError


class Command(BaseCommand):
    help = "备份数据库和上传文件（含校验清单 manifest.json）。Back up the database and the uploaded files."

    def add_arguments(self, parser):
        parser.add_argument("--dir", help=f"备份存放目录（默认 IDEOWORK_BACKUP_DIR：{settings.BACKUP_DIR}）")
        parser.add_argument("--keep", type=int, default=None,
                            help="完成后只保留最新的 N 份备份（0 为全部保留；默认不清理）")

    def handle(self, *args, dir=None, keep=None, **options):
        try:
            path, pruned = do_back_up(dir, keep=keep)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        manifest = (path / "manifest.json").read_text(encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"备份完成（backup written）：{path}"))
        if options["verbosity"] > 1:
            self.stdout.write(manifest)
        for old in pruned:
            self.stdout.write(f"已删除旧备份（removed）：{old}")
