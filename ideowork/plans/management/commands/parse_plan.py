"""``ideowork parse_plan PATH [--json]``: parse a work-plan document and print what was found."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from ideowork.core.documents import DocumentError, read_document
from ideowork.core.management.output import write_utf8
from ideowork.core.periods import PeriodKind
from ideowork.core.uploads import document_limits

from ...choices import Comparator, Per
from ...parser import ParseError, parse_text


class Command(BaseCommand):
    help = "解析工作要点文件（.docx/.txt/.pdf），输出条目与量化指标。"

    def add_arguments(self, parser):
        parser.add_argument("path", help="工作要点文件路径")
        parser.add_argument("--json", action="store_true", help="以JSON格式输出（UTF-8）")

    def handle(self, *args, path, **options):
        file = Path(path)
        try:
            data = file.read_bytes()
        except OSError as exc:
            self._fail(f"无法读取文件“{path}”：{exc.strerror or exc}")
        try:
            parsed = parse_text(read_document(file.name, data, limits=document_limits()).text)
        except (DocumentError, ParseError) as exc:
            self._fail(exc.message)
        data = parsed.to_dict()
        self._write(json.dumps(data, ensure_ascii=False, indent=2) if options["json"] else outline(data))

    def _write(self, text: str) -> None:
        write_utf8(self.stdout, text)

    def _fail(self, message: str):
        self.stderr.write(message)
        raise SystemExit(1)


def _target_line(target: dict) -> str:
    period = PeriodKind(target["period"]).label if target["period"] in PeriodKind.values else target["period"]
    comparator = "" if target["comparator"] == Comparator.EXACTLY else Comparator(target["comparator"]).label
    count = target["count"] if target["count"] is not None else "?"
    per = "（按人）" if target["per"] == Per.PERSON else ""
    return f"      ◆ {target['text']} → {period}{comparator}{count}{target['unit']}{per}"


def outline(data: dict) -> str:
    """A readable Chinese outline: title, year, sections, items and their targets."""
    items = [item for section in data["sections"] for item in section["items"]]
    targets = sum(len(item["targets"]) for item in items)
    lines = [f"标题：{data['title'] or '（未识别）'}", f"年度：{data['year'] or '（未识别）'}",
             f"发文机关：{data['issuer'] or '（未识别）'}", f"共{len(items)}个条目，{targets}项量化指标", ""]
    for section in data["sections"]:
        if section["number"] or section["title"]:
            lines.append(f"{section['number'] or ''}、{section['title'] or ''}")
        for item in section["items"]:
            lines.append(f"  {item['number']}. {item['title']}")
            lines.extend(_target_line(target) for target in item["targets"])
    return "\n".join(lines)
