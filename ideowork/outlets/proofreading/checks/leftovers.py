"""What an older text leaves behind when it is reused as the template of a new one, judged against the
document's date (``Context.date``):

- a review or summary of a year two or more years back ("回顾总结过去的2022年" in January 2024, "一、2021年工作回顾"
  in a report of 2023, "总结了2020年度全镇工作" in 2022): a review looks back on the year just ended (or on the
  current one at its end);
- last year's plan followed as the current one ("按照县人大常委会2022年工作要点" in September 2023);
- a list of one Central Committee's plenums that stops before the latest one held ("十九届二中、三中、四中全会精神"
  studied in March 2021, after the fifth);
- early in the year, last year's plan reported as the coming one ("汇报了2023年工作开展情况和2023年工作计划" in
  January 2024) and a past year's draft budget reviewed ("审议了……和2020年财政预算（草案）报告" in January 2021);
- in a plan, key points or a programme, a target date already past ("到2022年底，……趋于完善" in August 2023);
- work of a past year arranged or drafted as the coming one ("安排部署2022年执法稽查重点任务" in March 2023,
  "审议了……2018年顺德改革工作的安排" in March 2019, "《2019年区级重点改革项目督察计划（送审稿）》" in March 2020), and
  next year's plan draft given the year whose execution it follows ("2022年……执行情况及2022年……计划草案");
- a past year's work, tasks or targets looked ahead to ("围绕2023年任务目标" on 2 January 2024, "就抓好2022年基层党建工作"
  in March 2023) and a year's work meeting convened from March on ("召开2023年农业农村工作会" in April 2024);
- "刚刚过去的2017年" in a report of 2019: the year just past is the one before the document's.

Plans drawn up early in the year and commendations are judged in ``history.py`` (``_template_year_findings``).
"""

from __future__ import annotations

import re
from datetime import date as Date

from ideowork.core.numerals import int_to_cn

from .base import finding
from .history import _PAST_WORDS, _PLAN_OF_YEAR, _STUDY, _around, _number, _plan_label, _sentence, _year_of, events

__all__ = ["check_leftovers"]

_CN = "一二三四五六七八九"
_YEAR = r"((?:19|20)\d\d)年度?"
# "回顾2021年", "总结了过去的2022年", "2021年工作回顾", "2020年度全镇工作" after 总结 — not a span of years
# ("回顾2018年以来", "总结2021—2023年").
_REVIEW = re.compile(f"(?:回顾|总结)(?:总结|回顾)?了?(?:过去的?|刚刚过去的|即将过去的)?{_YEAR}"
                     f"(?:[^。；，、\\d]{{0,8}}?工作|各项工作|的?工作)?(?![以至到—\\-~～\\d])"
                     f"|(?<![\\d—\\-~～至到]){_YEAR}[^。；，、\\d]{{0,4}}?工作回顾")
# A plan or key points of a year followed as the current ones.
_FOLLOWED = re.compile(f"(?:按照|根据|依据|对照|围绕|紧扣|遵照)[^。；，]{{0,16}}?{_YEAR}(?:重点)?(?:工作)?(?:要点|计划|安排)"
                       "(?![^。；，]{0,8}(?:执行|落实|完成|推进)情况)")
_PLENUM_LIST = re.compile(f"(?<![{_CN}十])([{_CN}十]{{1,3}})届((?:[{_CN}]中[、和及与]){{1,6}}[{_CN}]中)全会")
_LOCAL = re.compile("(?:省委|市委|县委|区委|州委|党委|党组|工委)$")
_SPIRIT_AFTER = re.compile("(?:会议)?精神")
_LAG = 30
# The year just ended named without its number: "过去一年，……".
_LAST_YEAR = re.compile("过去一年|过去的一年|去年|上年|上一年")


def check_leftovers(text, context):
    if "过去的" in text:
        yield from _just_past_findings(text, context.date)
    if "召开" in text or "召集" in text:
        yield from _convened_findings(text, context.date)
    if "年" in text:
        yield from _review_findings(text, context.date)
        yield from _followed_plan_findings(text, context.date)
        yield from _coming_plan_findings(text, context.date)
        yield from _target_findings(text, context.date)
        if any(word in text for word in _ARRANGED_WORDS + _LOOKING_AHEAD):
            yield from _arranged_findings(text, context.date)
        if "执行情况" in text:
            yield from _paired_draft_findings(text, context.date)
    if "中全会" in text or "中、" in text:
        yield from _plenum_list_findings(text, context.date)
    if "五" in text and ("起好步" in text or "开好局" in text or "开好头" in text):
        yield from _plan_start_findings(text, context.date)


def _review_findings(text, day):
    for match in _REVIEW.finditer(text):
        group = 1 if match.group(1) else 2
        year = int(match.group(group))
        # At the end of a year its own work is reviewed; early in the year, the year just ended.
        if year >= day.year - 1:
            continue
        begin, _stop = _sentence(text, match.start(), match.end())
        if re.search("(?:19|20)\\d\\d年(?:至|到|—|-|～)|以来|五年|三年|十年|两年", text[begin:match.end() + 6]):
            continue  # a review of several years
        yield finding(text, *match.span(group), rule="outdated.year.review", category="outdated", severity="warning",
                      suggestion=str(day.year - 1),
                      message=f"文档日期为{day.year}年{day.month}月{day.day}日，回顾总结的应是{day.year - 1}年"
                              f"（或当年）的工作，“{match.group(group)}年”可能沿用了往年的文稿，请核实。")


def _followed_plan_findings(text, day):
    for match in _FOLLOWED.finditer(text):
        year = int(match.group(1))
        if year >= day.year or (year == day.year - 1 and day.month <= 4):
            continue  # this year's plan, or last year's reviewed early in the year
        begin, _stop = _sentence(text, match.start(), match.end())
        if _PAST_WORDS.search(text, begin, match.start()) or _year_of(text, begin, match.start(1), day)[0] == year:
            continue  # "2022年，按照……2022年工作要点": a sentence about that year
        yield finding(text, *match.span(1), rule="outdated.year.plan_followed", category="outdated",
                      severity="warning", suggestion=str(day.year),
                      message=f"文档日期为{day.year}年{day.month}月{day.day}日，当前依据的应是{day.year}年的工作要点或计划，"
                              f"“{match.group(1)}年”可能沿用了上一年的文稿，请核实。")


def _plenum_list_findings(text, day):
    ev = events()
    for match in _PLENUM_LIST.finditer(text):
        if _LOCAL.search(text, max(0, match.start() - 4), match.start()):
            continue
        term = _number(match.group(1))
        listed = [_CN.index(ch) + 1 for ch in match.group(2) if ch in _CN]
        if len(listed) < 2 or listed != list(range(listed[0], listed[0] + len(listed))):
            continue  # not a run of successive plenums
        if not _SPIRIT_AFTER.match(text, match.end()):
            continue
        begin, _stop = _sentence(text, match.start(), match.end())
        if not _STUDY.search(text, begin, match.start()):
            continue
        year, explicit = _year_of(text, begin, match.start(), day)
        if _PAST_WORDS.search(text, begin, match.start()):
            if not _LAST_YEAR.search(text, begin, match.start()):
                continue
            year, explicit = day.year - 1, True  # "过去一年，……贯彻落实……全会精神": the year just ended
        # A sentence about an earlier year is judged at that year's end: a plenum of its October belongs in it.
        until = Date(year, 12, 31) if explicit and year < day.year else day
        later = [(n, d) for (t, n), d in ev.plenums.items() if t == term and n > listed[-1]
                 and (until - d).days >= _LAG and d <= day]
        if not later:
            continue
        newest, held_on = max(later)
        name = f"{int_to_cn(term)}届{_CN[newest - 1]}中全会"
        yield finding(text, *match.span(), rule="outdated.plenum.list", category="outdated", severity="warning",
                      suggestion=None,
                      message=f"党的{name}已于{held_on.year}年{held_on.month}月召开，列举的全会止于"
                              f"{_CN[listed[-1] - 1]}中全会，漏了此后的全会，请核实表述。")


# A five-year plan's good start ("确保“十三五”起好步", "“十四五”开好局") is the concern of its first year or the one
# before: "十三五" starting well in a text of 2021 is an older text's.
_PLAN_START = re.compile(f"[“\"]?(十[{_CN}]?五|[{_CN}]五)[”\"]?(?:规划|时期)?的?(?:起好步|开好局|开好头)")


def _plan_start_findings(text, day):
    ev = events()
    for match in _PLAN_START.finditer(text):
        token = match.group(1)
        span = ev.plans.get(10 if token == "十五" else _number(token[:-1]))
        if span is None:
            continue
        begin, _stop = _sentence(text, match.start(), match.end())
        year, _explicit = _year_of(text, begin, match.start(), day)
        if span[0] >= year - 1 or _PAST_WORDS.search(text, begin, match.start()) \
                or text.startswith(("后", "以来", "之后"), match.end()):
            continue  # "“十四五”起好步后": looked back on
        right = next((n for n, (a, _b) in ev.plans.items() if a in (year, year + 1)), None)
        yield finding(text, *match.span(1), rule="outdated.plan.start", category="outdated", severity="warning",
                      suggestion=right and _plan_label(right),
                      message=f"“{token}”时期为{span[0]}—{span[1]}年，{year}年已不是它起步、开局的时候"
                              + (f"，应为“{_plan_label(right)}”" if right else "") + "，请核实。")


# Last year's plan reported early in the year as the coming one, and a past year's draft budget.
_COMING_PLAN = re.compile(r"((?:19|20)\d\d)年度?(?:重点)?工作(?:计划|要点|安排)(?![^。；，]{0,8}(?:执行|落实|完成|推进)情况)"
                          r"|((?:19|20)\d\d)年(?:度)?(?:全[县市区镇乡])?(?:财政|本级)?预算(?=（草案）|\(草案\)|草案)")
_REPORTED = re.compile("汇报|部署|制定|谋划|审议|审查|讨论|提出|听取")
_LOOKING_BACK = re.compile("(?:总结|回顾)[^。；，、]{0,6}$")


def _coming_plan_findings(text, day):
    if day.month > 3:
        return
    for match in _COMING_PLAN.finditer(text):
        group = 1 if match.group(1) else 2
        if int(match.group(group)) != day.year - 1:
            continue
        begin, _stop = _sentence(text, match.start(), match.end())
        if not _REPORTED.search(text, begin, match.start()) or _LOOKING_BACK.search(text, begin, match.start()) \
                or (group == 1 and _PLAN_OF_YEAR.search(text, max(0, match.start() - 10), match.end())):
            continue  # looked back on, or a plan drawn up early in the year (history.py's outdated.year.plan)
        kind = "工作计划" if group == 1 else "预算"
        yield finding(text, *match.span(group), rule="outdated.year.coming", category="outdated", severity="warning",
                      suggestion=str(day.year),
                      message=f"文档日期为{day.year}年{day.month}月{day.day}日，年初汇报、审议的应是{day.year}年的{kind}，"
                              f"“{match.group(group)}年”可能沿用了上一年的文稿，请核实。")


# A target date already past in a plan: "到2022年底，……" in a programme of 2023 (not "到2022年底，已……").
_PLAN_TITLE = re.compile("要点|方案|规划|计划|意见|通知")
_TARGET = re.compile(r"(?:^|(?<=[。；\n]))[ \t\u3000]*到((?:19|20)\d\d)年(?:底|末)?[，,]", re.MULTILINE)
_DONE = re.compile("已|了|实现了|完成了|累计")


def _target_findings(text, day):
    if "到" not in text or not _PLAN_TITLE.search(text, 0, 300):
        return
    for match in _TARGET.finditer(text):
        year = int(match.group(1))
        if year >= day.year:
            continue
        _begin, stop = _sentence(text, match.end(), match.end())
        if _DONE.search(text, match.end(), stop):
            continue
        yield finding(text, *match.span(1), rule="outdated.year.target", category="outdated", severity="warning",
                      suggestion=None,
                      message=f"文档日期为{day.year}年{day.month}月{day.day}日，“到{year}年”的目标时间已经过去，"
                              "可能沿用了往年的文稿，请核实。")


# Work arranged for a year ("安排部署2022年执法稽查重点任务", "研究审议了……2018年顺德改革工作的安排") and a plan in draft
# ("《2019年区级重点改革项目督察计划（送审稿）》"): they look ahead, so the year is the document's own (or the next).
_ARRANGED = re.compile(r"(?:安排部署|部署|谋划|安排)((?:19|20)\d\d)年度?[^。；，、\d]{0,12}?(?:工作|任务)"
                       r"|(?<![\d—\-~～至到])((?:19|20)\d\d)年度?[^。；，、\d]{0,12}?工作的?安排"
                       r"|(?<![\d—\-~～至到])((?:19|20)\d\d)年度?[^。；，、\d《》]{0,16}?(?:计划|方案|要点)[（(](?:送审稿|草案|征求意见稿|讨论稿)")


# Verbs that look ahead to a year's work without naming it as arranged ("围绕2023年任务目标", "抓好2022年基层党建工作");
# a sentence that also reviews is not judged by them. (确保 and 冲刺 are left out: "确保2023年目标任务圆满完成" is as
# often said of a year just closed.) Found by one scan of the text: the verbs are too common to look around each.
_LOOKING_AHEAD = ("围绕", "抓好", "做好", "抓实", "推进", "聚焦", "锚定", "紧扣")
_LOOKED_AHEAD = re.compile(f"(?:{'|'.join(_LOOKING_AHEAD)})" r"((?:19|20)\d\d)年度?[^。；，、\d]{0,12}?(?:工作|任务|目标|做什么)")
_ARRANGED_WORDS = ("安排", "部署", "谋划", "稿", "草案")
_LOOKS_BACK_ON = re.compile("表扬|表彰|考核|考评|评比|评选|奖励|总结|述职|决算|生活会|评议|审计|统计|年报|完成情况")


def _arranged_findings(text, day):
    matches = {m.span(): m for word in _ARRANGED_WORDS if word in text
               for m in _around(_ARRANGED, text, word, reach=30)}
    matches.update((m.span(), m) for m in _LOOKED_AHEAD.finditer(text))
    for _span, match in sorted(matches.items()):
        group = next(g for g in range(1, (match.re.groups or 1) + 1) if match.group(g))
        year = int(match.group(group))
        if year >= day.year or _LOOKS_BACK_ON.search(match.group()):
            continue  # "2022年度优秀政协委员通报表扬方案（送审稿）": a scheme that looks back on the year
        begin, stop = _sentence(text, match.start(), match.end())
        clause = max(begin, max(text.rfind(mark, begin, match.start()) for mark in "，,：") + 1)
        if match.group().startswith(_LOOKING_AHEAD) and (_LOOKS_BACK_ON.search(text, begin, stop)
                                                          or f"{year + 1}年" in text[begin:stop]):
            continue  # "围绕2022年社区工作、2023年工作计划作述职报告": a review beside the plan that follows it
        if _PAST_WORDS.search(text, clause, match.start()) or _LOOKING_BACK.search(text, begin, match.start()) \
                or re.match(rf"[\s\u3000]*(?:[^。；，]{{0,6}}[，,])?{year}年", text[begin:match.start(group)]):
            continue  # "回顾……2022年工作安排", "2022年，……部署2022年工作": a clause or sentence about that year
        yield finding(text, *match.span(group), rule="outdated.year.arranged", category="outdated", severity="warning",
                      suggestion=str(day.year),
                      message=f"文档日期为{day.year}年{day.month}月{day.day}日，安排部署或起草的应是{day.year}年"
                              f"（或以后）的工作，“{match.group(group)}年”可能沿用了往年的文稿，请核实。")


# "审查2022年……计划执行情况及2022年……计划草案的报告": the draft is for the year after the one executed.
_PAIRED_DRAFT = re.compile(r"((?:19|20)\d\d)年[^。；]{0,24}?执行情况(?:和|及|与)((?:19|20)\d\d)年[^。；]{0,24}?草案")


def _paired_draft_findings(text, day):
    for match in _PAIRED_DRAFT.finditer(text):
        executed, drafted = int(match.group(1)), int(match.group(2))
        if drafted > executed:
            continue
        yield finding(text, *match.span(2), rule="outdated.year.draft", category="outdated", severity="warning",
                      suggestion=str(executed + 1),
                      message=f"与{executed}年执行情况一并审查的应是{executed + 1}年的草案，“{drafted}年”可能沿用了往年的文稿，"
                              "请核实。")


# "刚刚过去的2017年" in January 2019: the year just past is the one before the document's (or, at its very end,
# the document's own).
_JUST_PAST = re.compile(r"(?:刚刚|刚)过去的((?:19|20)\d\d)年")


def _just_past_findings(text, day):
    for match in _JUST_PAST.finditer(text):
        year = int(match.group(1))
        if year == day.year - 1 or (year == day.year and day.month >= 11):
            continue
        yield finding(text, *match.span(1), rule="outdated.year.just_past", category="outdated", severity="warning",
                      suggestion=str(day.year - 1),
                      message=f"文档日期为{day.year}年{day.month}月{day.day}日，“刚刚过去的”应是{day.year - 1}年，"
                              f"“{year}年”可能沿用了往年的文稿，请核实。")


# A year's work meeting convened ("召开2023年农业农村工作会") looks ahead: from March on it is this year's (early in the
# year a meeting may still close the last one).
_CONVENED = re.compile(r"(?:召开|召集|举行)((?:19|20)\d\d)年度?[^。；，、\d“”《》]{0,12}?工作(?:会议|会|推进会|部署会|大会)")


def _convened_findings(text, day):
    for match in _CONVENED.finditer(text):
        year = int(match.group(1))
        if year >= day.year or (year == day.year - 1 and day.month < 3) or _LOOKS_BACK_ON.search(match.group()):
            continue
        begin, _stop = _sentence(text, match.start(), match.end())
        if _PAST_WORDS.search(text, begin, match.start()) or _year_of(text, begin, match.start(1), day)[0] == year:
            continue
        yield finding(text, *match.span(1), rule="outdated.year.convened", category="outdated", severity="warning",
                      suggestion=str(day.year),
                      message=f"文档日期为{day.year}年{day.month}月{day.day}日，召开的应是{day.year}年的工作会议，"
                              f"“{year}年”可能沿用了往年的文稿，请核实。")
