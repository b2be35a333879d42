"""What opinion's command-line contracts share: reading ITEMS.jsonl and answering in UTF-8.

ITEMS.jsonl holds one JSON object a line (UTF-8, a BOM allowed on the first line; blank lines are
skipped). Every line is checked before anything is printed: a bad one prints a Chinese message naming
the line on stderr and exits with code 2.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from ideowork.core.management.output import write_utf8

__all__ = ["EXIT_BAD_INPUT", "JsonLinesCommand"]

EXIT_BAD_INPUT = 2


class JsonLinesCommand(BaseCommand):
    requires_system_checks: list = []

    def read_items(self, path: Path) -> list[tuple[int, dict, object, str, str]]:
        """Each non-blank line as ``(line number, the object, id, title, text)``; a missing or null
        title or text is empty, an id is a string or an integer."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.fail(f"无法读取文件“{path}”：{exc.strerror or exc}")
        items = []
        for number, raw in enumerate(data.splitlines(), 1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                self.fail(f"第{number}行不是UTF-8编码的文本")
            if not line.strip():
                continue
            item = self._object(line, number)
            items.append((number, item, *self._fields(item, number)))
        return items

    def _object(self, line: str, number: int) -> dict:
        try:
            item = json.loads(line)
        except ValueError as exc:
            self.fail(f"第{number}行不是有效的JSON（第{getattr(exc, 'colno', '?')}列附近）")
        if not isinstance(item, dict):
            self.fail(f"第{number}行应为一个JSON对象，如 {{\"id\": \"1\", \"title\": \"…\", \"text\": \"…\"}}")
        return item

    def _fields(self, item: dict, number: int) -> tuple[object, str, str]:
        item_id = item.get("id")
        if isinstance(item_id, bool) or not isinstance(item_id, (str, int)) or item_id == "":
            self.fail(f"第{number}行缺少id，或id不是字符串或整数")
        if isinstance(item_id, str) and ("\n" in item_id or "\r" in item_id):
            self.fail(f"第{number}行的id中不能有换行")
        fields = []
        for key, label in (("title", "标题"), ("text", "正文")):
            value = item.get(key)
            if value is None:
                value = ""
            if not isinstance(value, str):
                self.fail(f"第{number}行的{key}（{label}）应为字符串")
            fields.append(value)
        return item_id, fields[0], fields[1]

    def write(self, text: str, *, stream=None) -> None:
        write_utf8(stream or self.stdout, text)

    def fail(self, message: str):
        self.write(message, stream=self.stderr)
        raise SystemExit(EXIT_BAD_INPUT)
