"""``ideowork proofread PATH [--json] [--date YYYY-MM-DD]``: proofread a .txt or .docx file.

``--json`` prints ``{"findings": [{"start", "end", "text", "rule", "category", "severity", "suggestion"}]}``
with character offsets into the file's text as the one document reader gives it (``core.documents``: a
UTF-8 BOM kept as U+FEFF and line ends read as ``\\n``, as Python reads a file in text mode). Broken
encoding exits with code 2 and a Chinese message on stderr, any other unreadable file with code 1.
Works before the database exists (the shipped rule files are used then).
"""

import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand

from ideowork.core.documents import DocumentError, read_document
from ideowork.core.management.output import write_utf8
from ideowork.core.uploads import document_limits

from ...choices import RuleCategory, Severity
from ...proofreading import proofreader_for
from ...proofreading.text import MAX_BYTES, TEXT_KINDS

_JSON_KEYS = ("start", "end", "text", "rule", "category", "severity", "suggestion")


class Command(BaseCommand):
    help = "自动校对公文文本（.txt/.docx），列出政治表述、禁用词、错别字、层次序号、标点、数字等问题。"
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("path", help="要校对的文件路径（.txt 或 .docx）")
        parser.add_argument("--json", action="store_true", help="以JSON格式输出（UTF-8）")
        parser.add_argument("--date", help="文档日期 YYYY-MM-DD，用于判断过时表述；默认取落款日期，否则为今天")

    def handle(self, *args, path, **options):
        day = None
        if options["date"]:
            try:
                day = date.fromisoformat(options["date"])
            except ValueError:
                self._fail(f"日期“{options['date']}”无效，应为 YYYY-MM-DD 格式，如 2026-03-05。", code=1)
        text = self._read(Path(path))
        findings = proofreader_for(None).check(text, date=day)
        if options["json"]:
            payload = {"findings": [{key: getattr(f, key) for key in _JSON_KEYS} for f in findings]}
            self._write(json.dumps(payload, ensure_ascii=False))
        else:
            self._write(report(path, text, findings))

    def _read(self, file: Path) -> str:
        try:
            size = file.stat().st_size
            if size > MAX_BYTES:
                self._fail(f"文件“{file.name}”超过10 MB，无法校对。", code=1)
            return read_document(file.name, file.read_bytes(), kinds=TEXT_KINDS, limits=document_limits()).text
        except OSError as exc:
            self._fail(f"无法读取文件“{file}”：{exc.strerror or exc}", code=1)
        except DocumentError as exc:
            if exc.code == "empty":
                return ""  # nothing to check: no findings
            self._fail(f"无法校对“{file.name}”：{exc.message}", code=2 if exc.code == "encoding" else 1)

    def _write(self, text: str, *, stream=None) -> None:
        write_utf8(stream or self.stdout, text)

    def _fail(self, message: str, *, code: int):
        self._write(message, stream=self.stderr)
        raise SystemExit(code)


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def report(path: str, text: str, findings: list) -> str:
    """The findings as readable Chinese lines, one per finding, with line and column."""
    errors = sum(1 for f in findings if f.severity == Severity.ERROR)
    if not findings:
        return f"{path}：共{len(text)}字，未发现问题。"
    lines = [f"{path}：共{len(text)}字，发现{len(findings)}处问题（错误{errors}处，提示{len(findings) - errors}处）。", ""]
    for f in findings:
        line, column = _line_and_column(text, f.start)
        label = Severity(f.severity).label
        category = RuleCategory(f.category).label if f.category in RuleCategory.values else f.category
        lines.append(f"第{line}行第{column}列 [{label}·{category}] “{f.text}” {f.message}")
    return "\n".join(lines)
