"""``ideowork setup_organ ID [ID …] | --all``: give organs the working defaults every area registers.

The same setup the 系统管理员's 新建单位 runs for a new organ (``core.organ_setup``), for organs that
exist already: it makes only what is missing, so running it again changes nothing. It acts as the
system actor and prints, per organ, what it made.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ...models import OrgUnit
from ...organ_setup import do_setup_organ
from ...system import system_actor


class Command(BaseCommand):
    help = "为机关或县区单位补齐各业务的默认配置（题库、审核流程、积分规则等）；可重复运行，已有的不再重复创建。"

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="单位编号")
        parser.add_argument("--all", action="store_true", help="所有启用的机关和县区单位")

    def handle(self, *args, ids=(), all=False, **options):
        if all:
            organs = [u for u in OrgUnit.objects.filter(is_active=True).order_by("path") if u.is_organ]
        elif ids:
            found = {u.pk: u for u in OrgUnit.objects.filter(pk__in=ids)}
            missing = [str(i) for i in ids if i not in found]
            if missing:
                raise CommandError(f"没有编号为 {'、'.join(missing)} 的单位。")
            organs = [found[i] for i in ids]
        else:
            raise CommandError("请给出单位编号，或使用 --all。")
        actor = system_actor()
        for organ in organs:
            try:
                made = do_setup_organ(actor, organ)
            except ValidationError as exc:
                raise CommandError(exc.messages[0]) from None
            if made:
                self.stdout.write(f"{organ.name}：" + "；".join(made.values()) + "。")
            else:
                self.stdout.write(f"{organ.name}：默认配置均已存在，未作改动。")
