"""Title, year and issuing organ of a plan, and the signature lines that are not item text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cleaning import Line
from .headings import match_heading
from ideowork.core.numerals import cn_to_int
from .signature import DATE_LINE, ISSUER_LABEL, ORG_AND_DATE, is_org_name

__all__ = ["Metadata", "read_metadata"]

_TITLE_WORDS = re.compile(r"工作要点|要点|工作计划|工作安排|工作方案|实施方案|任务清单|责任清单|工作重点|重点任务")
_CIRCULAR = re.compile(r"^关于印发\s*《(?P<title>[^》]+)》.*$")
_YEAR = re.compile(r"(20\d{2})\s*年")
_CN_YEAR = re.compile(r"(二[〇零○][一二三四五六七八九〇零○]{2})\s*年")
# The kind of work named after the organ in a title: where the organ's name ends.
_WORK_KIND = re.compile(r"网络意识形态|意识形态|宣传思想|思想政治|党建|党风廉政|精神文明|全面从严治党|"
                        r"理论学习|宣传|工作要点|要点|工作计划|工作安排")
_NOT_AN_ORGAN = re.compile(r"^(?:全[省市县区镇乡旗盟州]|本单位|我单位|各单位|本部门|我部门|我局|本局|全系统)")


@dataclass
class Metadata:
    title: str | None
    title_index: int | None  # index of the title line in the cleaned lines
    year: int | None
    issuer: str | None
    skip: frozenset[int]  # indexes of signature/label lines, never item text


def _find_title(lines: list[Line]) -> tuple[int | None, str | None]:
    def usable(line: Line) -> bool:
        return (4 <= len(line.folded) <= 60 and not line.folded.endswith("。")
                and match_heading(line.folded, line.text) is None)

    # A line naming the year wins over a site heading such as "工作要点范文".
    for needs_year in (True, False):
        for index, line in enumerate(lines):
            if (usable(line) and _TITLE_WORDS.search(line.folded)
                    and (not needs_year or _YEAR.search(line.folded) or _CN_YEAR.search(line.folded))):
                circular = _CIRCULAR.match(line.text)
                return index, (circular.group("title") if circular else line.text).strip()
    for index, line in enumerate(lines[:5]):
        if usable(line) and len(line.folded) <= 40 and "," not in line.folded:
            return index, line.text
    return None, None


def _year(title: str | None, lines: list[Line]) -> int | None:
    for text in ([title] if title else []) + [line.folded for line in lines[:40]]:
        match = _YEAR.search(text)
        if match:
            return int(match.group(1))
        match = _CN_YEAR.search(text)
        if match:
            return cn_to_int(match.group(1).replace("○", "〇"))
    return None


def _issuer_from_title(title: str) -> str | None:
    """"2026年市委编办机关意识形态工作要点" → "市委编办机关"; "XX县委宣传部2026年…" → "XX县委宣传部"."""
    year = _YEAR.search(title) or _CN_YEAR.search(title)
    if year and year.start() > 0:
        candidate = title[:year.start()]
    else:
        rest = title[year.end():] if year else title
        rest = re.sub(r"^度", "", rest)
        kind = _WORK_KIND.search(rest)
        candidate = rest[:kind.start()] if kind else ""
    candidate = re.sub(r"(?:关于|的|和|及)$", "", candidate.strip(" 《》“”\""))
    if not candidate or _NOT_AN_ORGAN.match(candidate) or len(candidate) > 30:
        return None
    return candidate


def _signature(lines: list[Line], title_index: int | None) -> tuple[str | None, set[int]]:
    """Find 落款 (organ + date) lines at the end, or right around the title; return organ and lines."""
    skip: set[int] = set()
    issuer = None
    start = max(0, len(lines) - 6)
    around_title = range(max(0, (title_index or 0) - 1), min(len(lines), (title_index or 0) + 3))
    for index in list(range(start, len(lines))) + list(around_title):
        folded = lines[index].folded
        combined = ORG_AND_DATE.match(folded)
        if combined:
            issuer = issuer or lines[index].text[:combined.end("org")].strip()
            skip.add(index)
        elif DATE_LINE.match(folded):
            skip.add(index)
            if index > 0 and is_org_name(lines[index - 1].folded) and index - 1 != title_index:
                issuer = issuer or lines[index - 1].text
                skip.add(index - 1)
    return issuer, skip


def read_metadata(lines: list[Line]) -> Metadata:
    title_index, title = _find_title(lines)
    issuer, skip = _signature(lines, title_index)
    for index, line in enumerate(lines):
        label = ISSUER_LABEL.match(line.folded)
        if label:
            issuer = line.text[label.start("org"):].strip()
            skip.add(index)
    if issuer is None and title:
        issuer = _issuer_from_title(title)
    if issuer is None and title_index and is_org_name(lines[title_index - 1].folded):
        # "中共XX县委宣传部" on the line above "2026年意识形态工作要点".
        issuer = lines[title_index - 1].text
        skip.add(title_index - 1)
    return Metadata(title, title_index, _year(title, lines), issuer, frozenset(skip))
