"""ideowork restore PATH — check a backup and restore the database and the uploaded files from it."""

from django.core.management.base import BaseCommand, CommandError

from ideowork.core.actions.backups import do_restore
from ideowork.core.backups import BackupError, read_verified_manifest


class Command(BaseCommand):
    help = ("校验备份后恢复数据库和上传文件（恢复前请停止 Web 和任务队列服务）。"
            "Verify a backup, then restore the database and the uploaded files from it.")

    def add_arguments(self, parser):
        parser.add_argument("path", help="备份目录（ideowork-backup-…）")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive",
                            help="不询问确认")
        parser.add_argument("--check", action="store_true", help="只校验备份，不恢复（verify only）")

    def handle(self, *args, path, interactive=True, check=False, **options):
        try:
            manifest = read_verified_manifest(path)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        database = manifest["database"]
        self.stdout.write(f"备份校验通过（verified）：{manifest['created']}，{database['vendor']}，"
                          f"{len(database['tables'])} 张表 {database['rows']} 行，上传文件 {manifest['media']['files']} 个")
        if check:
            return
        if interactive:
            answer = input("恢复将以备份内容替换当前数据库和全部上传文件，确定继续？输入 yes 确认：")
            if answer.strip().lower() != "yes":
                raise CommandError("已取消，未做任何改动。（cancelled; nothing changed）")
        try:
            do_restore(path)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(
            "恢复完成（restored）。如系统版本比备份新，请运行 ideowork migrate；然后重启 Web 和任务队列服务。"))
