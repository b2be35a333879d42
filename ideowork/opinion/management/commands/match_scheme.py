"""``ideowork match_scheme 'EXPR' ITEMS.jsonl``: print the ids of the items the expression matches.

ITEMS.jsonl holds one JSON object a line, ``{"id", "title", "text"}`` (UTF-8, a BOM allowed; blank
lines are skipped; a missing or null title or text counts as empty; an id is a string or an
integer). The ids of the matching items are printed one a line, in input order. An expression that
does not parse, or any bad line, prints a Chinese message naming the position or the line number on
stderr and exits with code 2 before anything is printed (every line is checked first). Works
without a database. An expression that starts with ``-`` follows ``--`` (``ideowork match_scheme --
'-广告' items.jsonl``), as for any command-line program.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from ...matching import ExpressionError, Matcher, parse

_EXIT_BAD_INPUT = 2


class Command(BaseCommand):
    help = "用监测方案的表达式匹配JSON Lines文件中的条目，逐行输出匹配条目的id。"
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("expression", help="表达式，如 '暴雨+(转移|安置)-演练'")
        parser.add_argument("items", help="JSON Lines 文件，每行一个 {\"id\", \"title\", \"text\"}")

    def handle(self, *args, expression, items, **options):
        try:
            node = parse(expression)
        except ExpressionError as exc:
            self._fail(f"表达式有误：{exc.message}")
        entries = self._read(Path(items))
        matcher = Matcher.compile([("scheme", node)])
        lines = [str(item_id) for item_id, title, text in entries if matcher.match(title, text)]
        if lines:
            self._write("\n".join(lines))

    def _read(self, path: Path) -> list[tuple[object, str, str]]:
        try:
            data = path.read_bytes()
        except OSError as exc:
            self._fail(f"无法读取文件“{path}”：{exc.strerror or exc}")
        entries = []
        for number, raw in enumerate(data.splitlines(), 1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                self._fail(f"第{number}行不是UTF-8编码的文本")
            if not line.strip():
                continue
            entries.append(_entry(line, number, self._fail))
        return entries

    def _write(self, text: str, *, stream=None) -> None:
        # UTF-8 whatever the console's locale, as `ideowork proofread` writes.
        out = getattr(stream or self.stdout, "_out", sys.stdout)
        buffer = getattr(out, "buffer", None)
        if buffer is not None:
            out.flush()
            buffer.write((text + "\n").encode("utf-8"))
            buffer.flush()
        else:
            out.write(text + "\n")

    def _fail(self, message: str):
        self._write(message, stream=self.stderr)
        raise SystemExit(_EXIT_BAD_INPUT)


def _entry(line: str, number: int, fail) -> tuple[object, str, str]:
    try:
        item = json.loads(line)
    except ValueError as exc:
        fail(f"第{number}行不是有效的JSON（第{getattr(exc, 'colno', '?')}列附近）")
    if not isinstance(item, dict):
        fail(f"第{number}行应为一个JSON对象，如 {{\"id\": \"1\", \"title\": \"…\", \"text\": \"…\"}}")
    item_id = item.get("id")
    if isinstance(item_id, bool) or not isinstance(item_id, (str, int)) or item_id == "":
        fail(f"第{number}行缺少id，或id不是字符串或整数")
    if isinstance(item_id, str) and ("\n" in item_id or "\r" in item_id):
        fail(f"第{number}行的id中不能有换行")
    fields = []
    for key, label in (("title", "标题"), ("text", "正文")):
        value = item.get(key)
        if value is None:
            value = ""
        if not isinstance(value, str):
            fail(f"第{number}行的{key}（{label}）应为字符串")
        fields.append(value)
    return item_id, fields[0], fields[1]
