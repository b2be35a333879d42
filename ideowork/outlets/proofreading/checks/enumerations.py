"""Fixed political enumerations whose members and order are prescribed (四个意识, 四个自信 …).

When at least ``minimum`` members of a set are written as one enumeration (separated by 、，和 及 与,
possibly quoted), they must follow the canonical order; for sets whose members share a suffix
(…意识, …自信) a word of that shape inside or next to the enumeration that is not a member is a wrong
member ("政治意识、大局意识、责任意识、看齐意识").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from .base import HAN, finding

__all__ = ["check_enumerations", "ENUMERATIONS"]


@dataclass(frozen=True)
class Enumeration:
    code: str
    name: str
    members: tuple[str, ...]
    minimum: int = 3
    suffix: str = ""


ENUMERATIONS = (
    Enumeration("sigeyishi", "四个意识", ("政治意识", "大局意识", "核心意识", "看齐意识"), suffix="意识"),
    Enumeration("sigezixin", "四个自信", ("道路自信", "理论自信", "制度自信", "文化自信"), suffix="自信"),
    Enumeration("sigequanmian", "“四个全面”战略布局",
                ("全面建设社会主义现代化国家", "全面深化改革", "全面依法治国", "全面从严治党")),
    Enumeration("wuweiyiti", "“五位一体”总体布局",
                ("经济建设", "政治建设", "文化建设", "社会建设", "生态文明建设")),
    Enumeration("xinfazhanlinian", "新发展理念", ("创新", "协调", "绿色", "开放", "共享"), minimum=4),
    Enumeration("zhidaosixiang", "党的指导思想",
                ("马克思列宁主义", "毛泽东思想", "邓小平理论", "“三个代表”重要思想", "科学发展观",
                 "习近平新时代中国特色社会主义思想")),
    Enumeration("hexinjiazhiguan", "社会主义核心价值观",
                ("富强", "民主", "文明", "和谐", "自由", "平等", "公正", "法治", "爱国", "敬业", "诚信", "友善"),
                minimum=4),
)

_SEP = r"[、，,；和及与以\s“”\"]*"
_SEPARATOR = re.compile(_SEP)
_MAX_GAP = 4
_HAN_CHAR = re.compile(f"[{HAN}]")
# A word of a set's shape between separators: "、责任意识、" (not 意识形态: the word must end there).
_SHAPED = {e.suffix: (re.compile(f"{_SEP}([{HAN}]{{2}}{e.suffix})(?![{HAN}])(?<!的{e.suffix}){_SEP}"),
                      re.compile(f"{_SEP}([{HAN}]{{2}}{e.suffix})(?![{HAN}])"),
                      re.compile(f"(?:^|(?<=[{HAN}]))([{HAN}]{{2}}{e.suffix}){_SEP}$"))
           for e in ENUMERATIONS if e.suffix}


def _build():
    automaton = ahocorasick.Automaton()
    for set_index, enumeration in enumerate(ENUMERATIONS):
        for member_index, member in enumerate(enumeration.members):
            automaton.add_word(member, (len(member), set_index, member_index))
    automaton.make_automaton()
    return automaton


_AUTOMATON = _build()


def _members(text):
    """Member occurrences as (start, end, set index, member index); nested ones (文明 in 生态文明建设) dropped."""
    kept: list[tuple[int, int, int, int]] = []
    # The automaton reports matches by ascending end: a match starting no later than the last kept one
    # contains it and replaces it (生态文明建设 over 文明); any other overlap is dropped.
    for last, (length, set_index, member_index) in _AUTOMATON.iter(text):
        start, end = last + 1 - length, last + 1
        while kept and start <= kept[-1][0]:
            kept.pop()
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, set_index, member_index))
    return kept


def _groups(text, items):
    """Runs of members separated only by separators, or by one wrong word of the set's shape."""
    group = []
    for item in items:
        if group:
            previous = group[-1]
            gap = text[previous[1]:item[0]]
            if len(gap) <= _MAX_GAP and _SEPARATOR.fullmatch(gap):
                pass
            elif previous[2] == item[2] and ENUMERATIONS[item[2]].suffix and len(gap) <= 2 * _MAX_GAP + 4 and (
                    shaped := _SHAPED[ENUMERATIONS[item[2]].suffix][0].fullmatch(gap)):
                start = previous[1] + shaped.start(1)
                group.append((start, start + len(shaped.group(1)), item[2], -1))
            else:
                yield group
                group = []
        group.append(item)
    if group:
        yield group


def _with_neighbours(text, group, set_index):
    """The group extended by a wrong word of the set's shape right before or after it."""
    suffix = ENUMERATIONS[set_index].suffix
    if not suffix:
        return group
    _, after, before = _SHAPED[suffix]
    head = text[max(0, group[0][0] - 2 * _MAX_GAP):group[0][0]]
    found = before.search(head)
    if found:
        start = group[0][0] - len(head) + found.start(1)
        group = [(start, start + len(found.group(1)), set_index, -1)] + group
    found = after.match(text, group[-1][1])
    if found and found.end() - group[-1][1] <= 2 * _MAX_GAP:
        group = group + [(found.start(1), found.end(1), set_index, -1)]
    return group


def check_enumerations(text, context):
    for group in _groups(text, _members(text)):
        if len(group) < 3:
            continue
        for set_index, enumeration in enumerate(ENUMERATIONS):
            members = [item for item in group if item[2] == set_index and item[3] >= 0]
            if len({item[3] for item in members}) < enumeration.minimum:
                continue
            if len({item[3] for item in members}) < len(enumeration.members):
                # A word of the set's shape next to an incomplete set stands for a missing member;
                # next to the complete set it is a further item ("…看齐意识和责任意识").
                group = _with_neighbours(text, group, set_index)
            yield from _judge(text, group, set_index, enumeration, members)


def _judge(text, group, set_index, enumeration, members):
    canonical = "、".join(enumeration.members)
    for item in group:
        if item[2] == set_index and item[3] < 0:
            word = text[item[0]:item[1]]
            yield finding(text, item[0], item[1], rule=f"formulation.{enumeration.code}.member",
                          category="formulation", severity="error", suggestion=None,
                          message=f"“{word}”不属于{enumeration.name}；{enumeration.name}是：{canonical}。")
    order = [item[3] for item in members]
    if order != sorted(order) or len(set(order)) != len(order):
        start, end = members[0][0], members[-1][1]
        written = text[start:end]
        in_order = "、".join(enumeration.members[i] for i in sorted(set(order)))
        yield finding(text, start, end, rule=f"formulation.{enumeration.code}.order", category="formulation",
                      severity="error", suggestion=in_order,
                      message=f"{enumeration.name}的顺序不对：“{written}”应为“{in_order}”"
                              f"（完整表述：{canonical}）。")
