"""Create an administrator account (系统/安全/审计管理员), or re-issue one's activation code, from the
server's console: the first three administrators cannot be made through the pages (the 系统管理员
grants no role and only the 安全管理员 does), and no administrator resets another's password."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ideowork.core.actions.activation import issue_activation
from ideowork.core.audit import record
from ideowork.core.choices import SYSTEM_ROLES, ActivationReason, Role
from ideowork.core.models import User

ROLES = {Role(r).label: r for r in SYSTEM_ROLES} | {r: r for r in SYSTEM_ROLES}


class Command(BaseCommand):
    help = "新建管理员账号或为管理员账号重新发放激活码（在服务器控制台执行）。"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", choices=sorted(ROLES), help="新建时的角色：sysadmin、secadmin、auditor")
        parser.add_argument("--name", default="", help="新建时的姓名")

    def handle(self, username, role=None, name="", **options):
        with transaction.atomic():
            user = User.objects.select_for_update(of=("self",)).filter(username__iexact=username).order_by("pk").first()
            if user is None:
                if role is None:
                    raise CommandError("新建管理员账号须用 --role 指定角色（sysadmin、secadmin 或 auditor）。")
                user = User(username=username, display_name=name or username, role=ROLES[role])
                user.set_unusable_password()
                try:
                    user.full_clean(exclude=["password", "org_unit"])
                except ValidationError as exc:
                    raise CommandError("；".join(exc.messages)) from None
                user.save()
                event = "core.user.create"
                reason = ActivationReason.CREATE
            elif user.role not in SYSTEM_ROLES:
                raise CommandError(f"“{username}”不是管理员账号；业务账号由系统管理员在页面上管理。")
            elif role is not None and ROLES[role] != user.role:
                raise CommandError(f"“{username}”已是{user.get_role_display()}，管理员账号的角色不能变更。")
            else:
                event = "core.user.reset_password"
                reason = ActivationReason.RESET
            issued = issue_activation(None, user, reason)
            record(event, user, actor=None, new={"source": "console", "role": user.role,
                                                  "activation_expires_at": issued.expires_at})
        self.stdout.write(f"账号：{user.username}（{user.get_role_display()}）\n激活码：{issued.code}\n"
                          f"有效期至：{issued.expires_at:%Y-%m-%d %H:%M} UTC\n"
                          "请本人打开 /activate/ 页面，凭用户名和激活码设置密码。")
