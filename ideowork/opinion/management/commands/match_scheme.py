"""``ideowork match_scheme 'EXPR' ITEMS.jsonl``: print the ids of the items the expression matches.

ITEMS.jsonl holds one JSON object a line, ``{"id", "title", "text"}`` (UTF-8, a BOM allowed; blank
lines are skipped; a missing or null title or text counts as empty; an id is a string or an
integer). The ids of the matching items are printed one a line, in input order. An expression that
does not parse, or any bad line, prints a Chinese message naming the position or the line number on
stderr and exits with code 2 before anything is printed (every line is checked first). Works
without a database. An expression that starts with ``-`` follows ``--`` (``ideowork match_scheme --
'-广告' items.jsonl``), as for any command-line program.
"""

from pathlib import Path

from ...matching import ExpressionError, Matcher, parse
from ..jsonl import JsonLinesCommand


class Command(JsonLinesCommand):
    help = "用监测方案的表达式匹配JSON Lines文件中的条目，逐行输出匹配条目的id。"

    def add_arguments(self, parser):
        parser.add_argument("expression", help="表达式，如 '暴雨+(转移|安置)-演练'")
        parser.add_argument("items", help="JSON Lines 文件，每行一个 {\"id\", \"title\", \"text\"}")

    def handle(self, *args, expression, items, **options):
        try:
            node = parse(expression)
        except ExpressionError as exc:
            self.fail(f"表达式有误：{exc.message}")
        entries = [(item_id, title, text) for _, _, item_id, title, text in self.read_items(Path(items))]
        matcher = Matcher.compile([("scheme", node)])
        lines = [str(item_id) for item_id, title, text in entries if matcher.match(title, text)]
        if lines:
            self.write("\n".join(lines))
