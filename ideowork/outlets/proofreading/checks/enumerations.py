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
    # A list of all members but one is the set with a member left out (not for sets whose parts are
    # quoted on their own, like the national level of the core values); from this date on.
    whole: bool = False
    whole_since: str = ""
    # Sizes of the set's levels, in order (the core values' 4+4+4): when two levels or more are written
    # out, each must be whole ("富强、民主、和谐，自由、平等、公正、法治" leaves out 文明).
    levels: tuple[int, ...] = ()


ENUMERATIONS = (
    Enumeration("sigeyishi", "四个意识", ("政治意识", "大局意识", "核心意识", "看齐意识"), suffix="意识", whole=True),
    Enumeration("sigezixin", "四个自信", ("道路自信", "理论自信", "制度自信", "文化自信"), suffix="自信", whole=True,
                whole_since="2016-07-01"),
    Enumeration("sigequanmian", "“四个全面”战略布局",
                ("全面建设社会主义现代化国家", "全面深化改革", "全面依法治国", "全面从严治党"), whole=True,
                whole_since="2020-10-29"),
    Enumeration("wuweiyiti", "“五位一体”总体布局",
                ("经济建设", "政治建设", "文化建设", "社会建设", "生态文明建设"), whole=True,
                whole_since="2012-11-08"),
    Enumeration("xinfazhanlinian", "新发展理念", ("创新", "协调", "绿色", "开放", "共享"), minimum=4, whole=True),
    Enumeration("zhidaosixiang", "党的指导思想",
                ("马克思列宁主义", "毛泽东思想", "邓小平理论", "“三个代表”重要思想", "科学发展观",
                 "习近平新时代中国特色社会主义思想")),
    Enumeration("hexinjiazhiguan", "社会主义核心价值观",
                ("富强", "民主", "文明", "和谐", "自由", "平等", "公正", "法治", "爱国", "敬业", "诚信", "友善"),
                minimum=4, levels=(4, 4, 4)),
    # 来源：“三严三实”专题教育方案（2015年）；党的十九大报告（四个伟大）；党史学习教育（四史）；
    # 《中国共产党章程》（四个服从）；党的十八届六中全会公报（四个自我）；《中国共产党支部工作条例（试行）》（三会一课）；
    # 《中共中央政治局关于改进工作作风、密切联系群众的八项规定》及党的群众路线教育实践活动（四风）。
    Enumeration("sanyansanshi", "“三严三实”", ("严以修身", "严以用权", "严以律己", "谋事要实", "创业要实", "做人要实")),
    Enumeration("sigeweida", "“四个伟大”", ("伟大斗争", "伟大工程", "伟大事业", "伟大梦想"), whole=True),
    Enumeration("sishi", "“四史”", ("党史", "新中国史", "改革开放史", "社会主义发展史"), whole=True),
    Enumeration("sigefucong", "“四个服从”", ("个人服从组织", "少数服从多数", "下级服从上级", "全党服从中央"), whole=True),
    Enumeration("sigeziwo", "“四个自我”", ("自我净化", "自我完善", "自我革新", "自我提高"), whole=True),
    Enumeration("sanhuiyike", "“三会一课”", ("支部党员大会", "支部委员会", "党小组会", "党课")),
    Enumeration("sifeng", "“四风”", ("形式主义", "官僚主义", "享乐主义", "奢靡之风")),
    # 来源：党的二十大报告（2022年10月，六个必须坚持；一体推进不敢腐、不能腐、不想腐）；习近平在全国宣传思想工作会议上的
    # 讲话（2018年8月，使命任务）；党的十九届六中全会《决议》（政治判断力、政治领悟力、政治执行力）；党史学习教育动员大会讲话（2021年2月）；
    # 学习贯彻习近平新时代中国特色社会主义思想主题教育工作会议讲话（2023年4月）；党纪学习教育（2024年4月）。
    Enumeration("liugebixu", "“六个必须坚持”", ("人民至上", "自信自立", "守正创新", "问题导向", "系统观念", "胸怀天下"),
                minimum=4),
    Enumeration("sanbufu", "“三不腐”", ("不敢腐", "不能腐", "不想腐")),
    Enumeration("shimingrenwu", "宣传思想工作的使命任务", ("举旗帜", "聚民心", "育新人", "兴文化", "展形象")),
    Enumeration("zhengzhinengli", "政治能力", ("政治判断力", "政治领悟力", "政治执行力")),
    Enumeration("dangshixuexi", "党史学习教育的总要求", ("学党史", "悟思想", "办实事", "开新局")),
    Enumeration("zhutijiaoyu", "主题教育的总要求", ("学思想", "强党性", "重实践", "建新功")),
    Enumeration("yixue", "主题教育的目标", ("以学铸魂", "以学增智", "以学正风", "以学促干")),
    Enumeration("dangjixuexi", "党纪学习教育的要求", ("学纪", "知纪", "明纪", "守纪")),
)

_SEP = r"[、，,；和及与以\s“”\"]*"
_SEPARATOR = re.compile(_SEP)
# The core values' levels as the 2013 opinion writes them: "倡导富强、民主、文明、和谐，倡导自由、平等、公正、法治".
_LEVEL_SEPARATOR = re.compile(r"[，,；;]\s*倡导")
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
            if len(gap) <= _MAX_GAP and (_SEPARATOR.fullmatch(gap) or _LEVEL_SEPARATOR.fullmatch(gap)):
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
            yield from _missing(text, group, set_index, enumeration, members, context)


def _missing(text, group, set_index, enumeration, members, context):
    """All members but one, and nothing else of the set's shape: a member left out ("增强政治意识、大局意识、
    核心意识"). Judged only when the list stands on its own (it is not followed by a further member-like item)."""
    present = {item[3] for item in members}
    if enumeration.levels:
        yield from _level_missing(text, group, set_index, enumeration, members, present)
        return
    if not enumeration.whole or len(present) != len(enumeration.members) - 1 or len(members) != len(present):
        return
    if any(item[2] == set_index and item[3] < 0 for item in group):
        return  # a wrong member stands in for the missing one: reported as such
    if enumeration.whole_since and context is not None and context.date.isoformat() < enumeration.whole_since:
        return
    after = text[members[-1][1]:members[-1][1] + 2]
    if after[:1] in ("、", "和", "及", "与") or (after[:1] == "”" and after[1:2] in ("、", "和")):
        return  # the list goes on with something else
    lost = next(m for i, m in enumerate(enumeration.members) if i not in present)
    start, end = members[0][0], members[-1][1]
    yield finding(text, start, end, rule=f"formulation.{enumeration.code}.missing", category="formulation",
                  severity="error", suggestion="、".join(enumeration.members),
                  message=f"{enumeration.name}缺少“{lost}”；完整表述是：{'、'.join(enumeration.members)}。")


def _level_missing(text, group, set_index, enumeration, members, present):
    """Two levels or more of a levelled set written out, one of them with a single member left out."""
    if len(members) != len(present) or any(item[2] == set_index and item[3] < 0 for item in group):
        return
    bounds, first = [], 0
    for size in enumeration.levels:
        bounds.append(range(first, first + size))
        first += size
    written = [level for level in bounds if present.intersection(level)]
    short = [level for level in written if len(present.intersection(level)) == len(level) - 1]
    if len(written) < 2 or len(short) != 1 or any(len(present.intersection(level)) < len(level) - 1
                                                  for level in written):
        return
    lost = next(enumeration.members[i] for i in short[0] if i not in present)
    level_words = "、".join(enumeration.members[i] for i in short[0])
    start, end = members[0][0], members[-1][1]
    yield finding(text, start, end, rule=f"formulation.{enumeration.code}.missing", category="formulation",
                  severity="error", suggestion=None,
                  message=f"{enumeration.name}缺少“{lost}”；这一层面是：{level_words}。")


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
