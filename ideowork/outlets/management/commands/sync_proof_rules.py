"""``ideowork sync_proof_rules``: load the shipped proofreading rules into the database.

Adds new rules, updates the ones nobody edited, keeps local edits; safe to run after every upgrade.
"""

from django.core.management.base import BaseCommand

from ...actions.proofreading import do_sync_shipped_rules


class Command(BaseCommand):
    help = "载入系统内置的校对规则：新增新规则，更新未经修改的规则，保留各单位已修改的规则。"

    def handle(self, *args, **options):
        counts = do_sync_shipped_rules(None)
        self.stdout.write(
            f"内置校对规则已载入：新增{counts['added']}条，更新{counts['updated']}条，未变{counts['unchanged']}条，"
            f"保留本地修改{counts['kept']}条，停用已撤销的规则{counts['retired']}条。")
