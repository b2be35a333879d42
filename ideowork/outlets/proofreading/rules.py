"""Word rules: the ``RuleSpec`` record, the shipped rule files and their parser.

A rule file is UTF-8 text, one rule per line, seven tab-separated columns::

    code	pattern	suggestion	severity	note	exceptions	outdated_after

- ``code`` is ``<category>.<name>`` (``forbidden.beihan``); the part before the first dot is the rule's
  category (a ``RuleCategory`` value) and codes are unique across all files.
- ``pattern`` is the literal text to find (no regular expressions), at most ``MAX_PATTERN_LENGTH`` characters.
- ``suggestion`` may be empty (the text is to be removed or rephrased); ``severity`` is ``error`` or
  ``warning`` (empty means ``error``); ``note`` is the Chinese explanation shown with the finding.
- ``exceptions`` are longer phrases, separated by ``|``, each containing the pattern: inside them the
  pattern is correct usage (``截止日期`` for the rule ``截止目前``) and not reported.
- ``outdated_after`` (``YYYY-MM-DD``, optional) makes the rule apply only to documents dated after that day.

Trailing empty columns may be left out. Empty lines and lines starting with ``#`` are ignored.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ideowork.core.exports.cleaning import unspreadsheet_cell

from ..choices import RuleCategory, Severity

__all__ = ["RuleSpec", "RuleFileError", "parse_rule_file", "shipped_rules", "DATA_DIR", "MAX_PATTERN_LENGTH",
           "WORD_CATEGORIES"]

DATA_DIR = Path(__file__).resolve().parent / "data"
MAX_PATTERN_LENGTH = 50
_COLUMNS = ("code", "pattern", "suggestion", "severity", "note", "exceptions", "outdated_after")
# The categories a word rule may have; the others are reported only by the structural checks.
WORD_CATEGORIES = frozenset({RuleCategory.FORMULATION, RuleCategory.FORBIDDEN, RuleCategory.CAUTIOUS,
                             RuleCategory.CONFUSABLE, RuleCategory.OUTDATED, RuleCategory.CUSTOM})


@dataclass(frozen=True, slots=True)
class RuleSpec:
    code: str
    category: str
    pattern: str
    suggestion: str | None
    severity: str
    note: str
    exceptions: tuple[str, ...] = ()
    outdated_after: date | None = None


class RuleFileError(ValueError):
    """A bad line in a rule file; ``line`` is 1-based and the message (Chinese) names it."""

    def __init__(self, message: str, *, line: int, source: str = ""):
        self.line = line
        self.source = source
        where = f"{source}第{line}行" if source else f"第{line}行"
        super().__init__(f"{where}：{message}")


def parse_rule_file(text: str, *, source: str) -> list[RuleSpec]:
    """Parse one rule file; raise ``RuleFileError`` at the first bad line."""
    rules: list[RuleSpec] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        spec = _parse_line(raw, number, source)
        if spec.code in seen:
            raise RuleFileError(f"规则编号“{spec.code}”与第{seen[spec.code]}行重复。", line=number, source=source)
        seen[spec.code] = number
        rules.append(spec)
    return rules


def _parse_line(raw: str, number: int, source: str) -> RuleSpec:
    def fail(message: str) -> RuleFileError:
        return RuleFileError(message, line=number, source=source)

    # A cell an export protected from spreadsheets ('=…) reads as it was.
    cells = [unspreadsheet_cell(cell.strip()) for cell in raw.rstrip("\r\n").split("\t")]
    if len(cells) > len(_COLUMNS):
        raise fail(f"列数过多（{len(cells)}列），每行最多{len(_COLUMNS)}列，以制表符分隔。")
    if len(cells) < 2:
        raise fail("至少需要“规则编号”和“查找内容”两列，以制表符分隔。")
    cells += [""] * (len(_COLUMNS) - len(cells))
    code, pattern, suggestion, severity, note, exceptions, outdated_after = cells
    category, _, name = code.partition(".")
    if not name or any(ch.isspace() for ch in code):
        raise fail(f"规则编号“{code}”格式不对，应为“类别.名称”，如 forbidden.beihan。")
    if category not in WORD_CATEGORIES:
        allowed = "、".join(f"{c.value}（{c.label}）" for c in RuleCategory if c in WORD_CATEGORIES)
        raise fail(f"未知的规则类别“{category}”，可用的类别：{allowed}。")
    if not pattern:
        raise fail("查找内容为空。")
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise fail(f"查找内容过长（{len(pattern)}字），最多{MAX_PATTERN_LENGTH}字。")
    severity = severity or Severity.ERROR
    if severity not in Severity.values:
        raise fail(f"级别“{severity}”无效，应为 error（错误）或 warning（提示）。")
    phrases = tuple(p.strip() for p in exceptions.split("|") if p.strip())
    for phrase in phrases:
        if pattern not in phrase or phrase == pattern:
            raise fail(f"例外语境“{phrase}”必须是包含“{pattern}”的更长词句。")
    day = None
    if outdated_after:
        try:
            day = date.fromisoformat(outdated_after)
        except ValueError:
            raise fail(f"过时日期“{outdated_after}”无效，应为 YYYY-MM-DD 格式的日期。") from None
    return RuleSpec(code=code, category=category, pattern=pattern, suggestion=suggestion or None,
                    severity=str(severity), note=note, exceptions=phrases, outdated_after=day)


@functools.cache
def _shipped() -> tuple[RuleSpec, ...]:
    rules: list[RuleSpec] = []
    owner: dict[str, str] = {}
    for path in sorted(DATA_DIR.glob("*.tsv")):
        text = path.read_text(encoding="utf-8")
        for spec in parse_rule_file(text, source=path.name):
            if spec.code in owner:
                line = next(n for n, raw in enumerate(text.splitlines(), 1) if raw.startswith(spec.code + "\t"))
                raise RuleFileError(f"规则编号“{spec.code}”已在{owner[spec.code]}中使用。", line=line, source=path.name)
            owner[spec.code] = path.name
            rules.append(spec)
    return tuple(rules)


def shipped_rules() -> list[RuleSpec]:
    """The rules of the data files shipped with the project, in file order."""
    return list(_shipped())
