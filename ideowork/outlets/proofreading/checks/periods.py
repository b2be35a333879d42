"""Words whose correctness depends on their context, beyond literal rules.

- Five-year-plan periods stated as current ("今年是“十四五”…", "深入实施“十四五”规划", "“十四五”规划的关键之年")
  in a document dated in a later period.
- 象 used for 像 in a comparison ("象……一样").
- Party congresses and plenums written with arabic numerals (党的20大, 20届四中全会).
- 截止 before a point in time ("截止目前", "截止2025年底"), which must be 截至; 截止日期 and
  截止到 are correct (现代汉语词典：“截止到昨天”).
- 必需 before a verb or adverb ("必需认真落实"), which must be the adverb 必须.
"""

from __future__ import annotations

import re

from .base import finding

__all__ = ["check_periods", "check_context_words", "check_congresses"]

_CN = "一二三四五六七八九"
_PLAN = r"[“\"]?(十[一二三四五六七八九]?五|[一二三四五六七八九]五)[”\"]?"
_PERIOD = re.compile(
    r"(?:今年是|当前是|当前正处于|正处于|正处在|处在|正值|时值|适逢|深入实施|全面实施|扎实推进|全力推进|加快推进|"
    r"持续推进|组织实施|正在实施的|正在实施)" + _PLAN + r"(?:规划|时期|期间)?"
    # A year of a plan's course that is not its first or last ("“十四五”规划的关键之年").
    r"|[“\"]?(?P<course>十[一二三四五六七八九]?五|[一二三四五六七八九]五)[”\"]?"
    r"(?:规划)?(?:实施)?的?(?:关键之年|攻坚之年|承上启下之年|突破之年|冲刺之年|中期之年|深化之年)")
# 象 for 像 before a comparison ("要象抓业务一样"); 象 inside words (现象, 形象, 对象 …) is left alone.
_XIANG = re.compile(r"(?<![现形对想印气景抽万迹表假具意星物天大图偶肖录画真乱险幻征心病脉卦兆镜影映事异怪白小巨])"
                    r"象(?![征棋牙形限])"
                    r"(?=[^，。；！？、\n]{1,15}(?:一样|似的|那样|这样))")
# Party congresses and plenums are numbered in Chinese numerals: 党的二十大, 二十届四中全会.
# Both start with a literal, which the regex engine finds fast; the term before 届 is read backwards.
_CONGRESS = re.compile(r"党的(\d{1,2})大")
_PLENUM = re.compile(r"届([一二三四五六七八九]|\d)中全会")
_TERM = re.compile(r"(?:(?<!\d)\d{1,2}|(?<![一二三四五六七八九十])[一二三四五六七八九十]{1,3})$")
_JIEZHI = re.compile(r"截止(?=\d|[〇零一二三四五六七八九十]{2,4}年|目前|今年|去年|本月|上月|本年|当前|现在|发稿|年底|年末|月底)")


# 必需 (indispensable) written for 必须 (must) before a verb or adverb: "必需认真落实".
_BIXU = re.compile(
    r"(?<![所是])必需(?=坚持|加强|严格|按照|做到|始终|认真|高度|切实|全面|进一步|牢固|深刻|及时|立即|依法|依规|落实|"
    r"贯彻|遵守|执行|提高|增强|树立|注意|重视|明确|建立|健全|完善|推进|服从|强化|统筹|坚决|坚定|紧紧|牢牢|充分|积极|"
    r"主动|着力|努力|不断|持续|把|将|在|从|以|对|由|经|向|按|符合|具备|保证|确保|做好|抓好|实行|实施|注重|适应|遵循|"
    r"加快|深化|严守|坚守|防止|避免|克服|杜绝|结合|围绕|聚焦|接受|进行|开展|提交|报送|经过|通过|要(?!素))")
# A sentence about a past time: "2023年，我市正处在“十四五”…".
_PAST_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d年")
_SENTENCE_START = re.compile("[。！？；\n][^。！？；\n]*$")


def _plan_number(token: str) -> int:
    """十四五 → 14, 九五 → 9."""
    body = token[:-1]
    if body == "十":
        return 10
    if body.startswith("十"):
        return 10 + _CN.index(body[1]) + 1
    return _CN.index(body) + 1


def _plan_name(number: int) -> str:
    return ("十" + (_CN[number - 11] if number > 10 else "") if number >= 10 else _CN[number - 1]) + "五"


def check_periods(text, context):
    current = (context.date.year - 1966) // 5 + 3  # 三五 began in 1966; 十五五 covers 2026–2030
    for match in _PERIOD.finditer(text):
        group = 1 if match.group(1) else "course"
        number = _plan_number(match.group(group))
        if number >= current:
            continue
        head = text[max(0, match.start() - 120):match.start()]
        sentence = head[cut.start() + 1:] if (cut := _SENTENCE_START.search(head)) else head
        if any(int(year[:4]) < context.date.year for year in _PAST_YEAR.findall(sentence)) or any(
                word in sentence for word in ("当时", "那时", "彼时", "回顾")):
            continue  # about a past year: "2023年，我市正处在“十四五”…"
        start, end = match.span(group)
        name = _plan_name(current)
        yield finding(text, start, end, rule="outdated.period", category="outdated", severity="warning",
                      suggestion=name,
                      message=f"文档日期为{context.date.year}年，当前应为“{name}”时期，"
                              f"“{match.group(group)}”已经结束，请核实表述。")


def _chinese(number: int) -> str:
    tens, units = divmod(number, 10)
    return (("" if tens == 1 else _CN[tens - 1]) + "十" if tens else "") + (_CN[units - 1] if units else "")


def check_congresses(text, context):
    for match in _CONGRESS.finditer(text):
        fixed = f"党的{_chinese(int(match.group(1)))}大"
        yield _congress(text, match.start(), match.end(), fixed)
    for match in _PLENUM.finditer(text):
        term = _TERM.search(text, max(0, match.start() - 3), match.start())
        if term is None:
            continue
        written, plenum = term.group(), match.group(1)
        if not (written.isdigit() or plenum.isdigit()):
            continue
        fixed = (f"{_chinese(int(written)) if written.isdigit() else written}届"
                 f"{_chinese(int(plenum)) if plenum.isdigit() else plenum}中全会")
        yield _congress(text, term.start(), match.end(), fixed)


def _congress(text, start, end, fixed):
    return finding(text, start, end, rule="formulation.congress_numerals", category="formulation",
                   severity="error", suggestion=fixed,
                   message=f"党的代表大会和全会的届次用汉字数字：“{text[start:end]}”应为“{fixed}”。")


def check_context_words(text, context):
    for match in _JIEZHI.finditer(text):
        yield finding(text, *match.span(), rule="confusable.jiezhi", category="confusable", severity="error",
                      suggestion="截至",
                      message="“截止”表示到某时停止，后面不带时间；表示“到某时为止”应用“截至”。")
    if "必需" in text:
        for match in _BIXU.finditer(text):
            yield finding(text, *match.span(), rule="confusable.bixu", category="confusable", severity="error",
                          suggestion="必须",
                          message="“必需”指不可缺少（必需品、所必需的）；表示“一定要”应用副词“必须”。")
    position = text.find("象")
    while position >= 0:
        match = _XIANG.match(text, position)
        position = text.find("象", position + 1)
        if match is None:
            continue
        yield finding(text, *match.span(), rule="confusable.xiang", category="confusable", severity="error",
                      suggestion="像", message="表示比较、比喻（像……一样）应用“像”，不用“象”。")
