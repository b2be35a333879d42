"""ideowork demo — load the demo organisation, both seed work plans and a year of activities."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from ideowork.core.choices import Role
from ideowork.demo.builders import build_demo
from ideowork.demo.people import DEMO_PASSWORD, PEOPLE, demo_exists, leave_two_factor_optional


class Command(BaseCommand):
    help = "载入演示数据：组织机构、各角色用户、两份本年度工作要点、责任分工和全年台账。"

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="清空数据库后重新载入")
        parser.add_argument("--logins", action="store_true", help="只打印演示账号")

    def handle(self, *args, reset=False, logins=False, **options):
        if logins:
            self.print_logins()
            return
        if reset:
            call_command("flush", "--noinput", verbosity=0)
        if demo_exists():
            self.stdout.write("演示数据已存在（如需重建请使用 --reset）。")
            leave_two_factor_optional()  # a demo built before two-factor sign-in existed
        else:
            build_demo(timezone.localdate(), log=lambda msg: self.stdout.write(msg))
            self.stdout.write(self.style.SUCCESS("演示数据载入完成。"))
        self.print_logins()

    def print_logins(self):
        labels = dict(Role.choices)
        self.stdout.write(f"\n演示账号（密码均为 {DEMO_PASSWORD}）：")
        for username, name, role, unit, title in PEOPLE:
            self.stdout.write(f"  {username:<12} {name:<6} {labels[role]}")
        self.stdout.write("演示环境未要求双因素认证，凭密码即可登录；安全管理员（secadmin）可在"
                          "“安全管理 › 双因素认证设置”中为各角色开启。")
