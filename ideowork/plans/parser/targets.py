"""Quantified targets (量化指标) in an item's text: 全年不少于12次, 每季度1次, 每日巡查 …

A target is a count with a unit (12次, 4篇, 40学时) or a frequency word on its own (每日巡查 → once a
day, not written: `explicit=False`). The rules, so a reader can predict the output:

- A count binds to the nearest frequency/scope word before it in the same clause (clauses end at
  ，。；：), else to an unbound 每X in the clause just before it in the same sentence
  (每季度开展专题学习，不少于1次), else to "/年"-style suffixes, else to the year (the plan is annual).
- Comparator: 不少于/至少/不低于/达到/超过 before, or 以上/余/多 after, or a range (3-5次) → ">=";
  不超过/最多/不多于 before, or 以内/以下 after → "<="; a plain number → "=" (as written; the
  progress engine reads "=" as the required number per period).
- A Chinese-numeral count (两次, 一批, 八项规定, 五次全会) is a target only with a 每X frequency, a
  comparator or 各 — otherwise it is almost always a name or an ordinal. Counts after 第/前/近/届,
  inside quotes (“三审三校”), durations (30分钟, 3天内, 3个月) and percentages are never targets.
- Yearly duties without 每 (年度开展综合考核) and 定期 without a period are not reported. Nor are
  asides in brackets, thresholds (超过三次者) and 每X words naming an activity (asides.py), episodes
  (16集专题片) without a frequency, or length limits (控制在500字以内).
- per="person" when the clause names a per-person subject (每人, 人均, 每名, 成员, 党员干部 …)
  that is not the object of an organising verb (组织党员干部… is the organisation's count) — except persons
  organised to write (每半年组织中心组成员…撰写学习调研报告: each one's report, in 篇). Reflections
  counted in 篇 (每季度有一篇心得体会) are a person's; so, under 全体, is what each one earns, writes or
  reads (全体党员每年参训不少于32学时), while 全体干部每月集中学习 stays the organisation's.
- The phrase runs from the frequency word (or the clause start, or a person subject right before the
  frequency: 中心组成员每年…) to the next ，。；、 after the unit.
- 每周五下午集中学习 is weekly, and so is a day fixed for an activity (每周二下午为学习时间, 集中学习时间定为
  每周三下午: the phrase is that clause) unless a count earlier in the item set the duty (集中学习每月不少于
  2次…每周二下午为集中学习时间: the duty's slot); 每年末，…述职
  is yearly (a period's end with an activity; not 每月底前, a deadline); 每年召开一次会议，听一次汇报: a
  clause of verb and count repeats the 每X of the clause before it. A 每X naming the day in the period
  (每季度首月的第一周周五举行) after a count for the same period in the same sentence is that duty's
  schedule, not a second target; so is the period's end describing that duty (每学期开一次生活会,每学期末
  支部要组织…交流).
- Never targets: rates for converting into hours (按每天8学时计算), shifts of a day (后延一天), the units a
  person is assigned to (分别挂包1个党支部). Counts of people are targets with a frequency of their own or
  as a recruitment quota (发展农民党员930名左右 — the year's). 分别 after listed persons (班子成员、副科级
  干部…分别挂包…，每季度至少参加1次) makes the count each one's.
- The study of listed persons (教师、保育员的学习每周一次) is the sessions the organ holds for them; a leader doing the
  organ's business (党委书记每年至少两次专题研究…) counts the organ's meetings, what he gives himself (讲党课) his own.
  Each period's thing (每周的学习主题可由…产生) is no duty.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .cleaning import fold
from .asides import Brackets, is_threshold, names_activity
from .frequency import PERIOD_SUFFIX, PERIOD_SUFFIX_KINDS, Frequency, find_frequencies
from ideowork.core.numerals import number_to_int
from .result import ParsedTarget

__all__ = ["extract_targets", "UNITS"]

UNITS = ("人次", "场次", "课时", "学时", "小时", "批次", "次", "篇", "场", "期", "个", "项", "天", "份", "条",
         "名", "批", "轮", "家", "所", "部", "堂", "节", "件", "本", "册", "集", "门", "支", "人", "字")
# Units that count a target only when a frequency (每周不少于8小时) or a comparator licenses them:
# 24小时值班 is a duty's hours and 500字 a length limit, not counts to reach.
# Episodes (16集专题片) describe a film unless a frequency sets how many to watch (每周观看2集).
_LICENSED_UNITS = {"小时", "字", "集"}
# Units that count people: a target only with a frequency of its own (每年发展2名); "明确1名联络员"
# or "联系选民不少于5人" counts people, not activities.
_PEOPLE_UNITS = {"名", "人"}
# Past this many characters after its unit, a phrase ends at the unit ("每年至少研读2本" rather than
# the whole list of books that follows).
_OBJECT_REACH = 16
# Where a written piece goes (…调研文章向上级刊物推荐, …心得报送党支部) ends its object, which may be long.
_DESTINATION = re.compile(r"(?<=[\u4e00-\u9fff])(?:向|报送|上报|交给|交至|送交)(?=[\u4e00-\u9fff])")
_DESTINATION_REACH = 24
_MAX_COUNT = 100000
# "两个小时" is a duration (of each session) unless a frequency right before makes it hours to reach (每月不少于30个小时).
_HOURS_LICENSED = re.compile(r"每[年月周季日天][^,;:。!?\n]{0,6}$")

_COUNT = re.compile(
    r"(?P<num>\d+(?:\s*[-~～至到—]\s*\d+)?|[一二两三四五六七八九十百千]+(?:[至到][一二两三四五六七八九十]+)?)"
    r"\s*(?P<mult>万|千)?\s*(?P<approx>余|多)?\s*(?P<unit>" + "|".join(UNITS) + ")"
)
_CLAUSE_BREAK = re.compile(r"[,;:。!?\n]")
_SENTENCE_BREAK = re.compile(r"[;。!?\n]")
_PHRASE_END = re.compile(r"[,;:。!?\n、()]")
_ALTERNATIVE = re.compile(r"(?<=[次篇场期])(?:也可|亦可|或根据|如有需要|必要时)")
_AT_LEAST = re.compile(r"不少于|不低于|不下于|不(?:得|应|能|宜)(?:少|低)于|至少|最少|起码|达到|超过|多于")
_AT_MOST = re.compile(r"不超过|不多于|不高于|最多|控制在")
_SUFFIX_AT_LEAST = re.compile(r"\s*(?:及以上|以上)")
_SUFFIX_AT_MOST = re.compile(r"\s*(?:以内|以下|之内)")
# A number per occasion (每次安排2名成员发言) or a time limit (处置时限不超过2天) is not a periodic count.
_PER_OCCASION = re.compile(r"每次|每场|每期|每篇|每批|单次|时限|期限|时长|用时|限时|任期|每届|届内")

# 按每天8学时计算, 按每小时1学时、每半天4学时计算: a rate for converting into hours, never a duty.
_CONVERSION_BEFORE = re.compile(r"按")
_CONVERSION_AFTER = re.compile(r"计算|折算|核算|换算|认定|计入")
# 如遇特殊情况后延一天, 顺延2天: a shift of the day, not a count.
_SHIFT_BEFORE = re.compile(r"(?:延|推迟|提前|延后|顺延|推后)\s*$")
# 分别挂包1个党支部, 联系2个村: units a person is assigned to, not activities to count.
_ASSIGNED_BEFORE = re.compile(r"(?:挂包|包保|包联|包抓|分包|挂钩|联系|结对|对接|负责|分管)\s*$")
# 发展农民党员930名左右, 发展青年党员1名以上: a recruitment quota counts people (the plan is annual).
_RECRUITED = re.compile(r"发展[^,;:。!?\n]{0,14}?(?:党员|团员|会员|积极分子)$")

# A count right after these is an ordinal, a term or part of a date, not a quantity.
_BEFORE_NOT_COUNT = set("第前近届后头约号.-/") | set("0123456789")
_BEFORE_NOT_CN_COUNT = set("第统唯同逐划归合之其任单专均初万每") | _BEFORE_NOT_COUNT
# What follows a unit and turns it into something else (3个月 is a duration, 八项规定 a name).
_AFTER_UNIT = {
    "个": r"月|工作日|小时|星期|季度|百分点|方面|层面|环节|领域|维度|确立|维护|意识|自信|必须|坚持|原则|代表|务必|结合|统筹",
    "次": r"全会|会议精神|代表大会|党代会|性",
    "项": r"规定|原则|基本",
    "天": r"内|后|之内|以内",
    "名": r"单",
    "条": r"件|例|款|线",
    "部": r"署|门|分|长|委|队",
    "家": r"庭|乡|风|国|园",
    "所": r"有|在|属|以|谓|得|需|辖|述|列",
    "期": r"间|限|待|望|末|初|满|中",
    "本": r"单位|部门|级|地|职|领域|人",
    "支": r"部|持|撑|出|付",
    "节": r"日|点|约|奏",
    "门": r"户|槛|类",
    "场": r"所|景|地|合|馆|域",
    "人": r"民|员|才|士|物|大|生",
    "批": r"示|准|评|复|转",
}
_AFTER_UNIT = {unit: re.compile(pattern) for unit, pattern in _AFTER_UNIT.items()}

# 每个成员, 每一个党员: each member; 每一个中心组成员 after a verb (通知给…) is caught by the organising verbs.
_EACH_MEMBER = r"每一?个(?=[\u4e00-\u9fff]{0,4}(?:成员|党员|干部|同志|委员|教师))"
_PERSON_MARKER = re.compile(r"每人|人均|每名|每位|每个人|每一名|每一位|各位|个人|人人|" + _EACH_MEMBER)
# Markers strong enough to carry over the clauses of their sentence ("每位成员每年交流发言不少于1次,
# 要…撰写学习心得,每年不少于1篇"): the subject of the whole sentence is each person.
_SENTENCE_PERSON = re.compile(r"每人|人均|每名|每位|每个人|每一名|每一位|" + _EACH_MEMBER)
# A sentence that opens with members as its subject ("中心组成员要…", "班子成员全年…") carries it
# over its clauses unless a clause names its own subject (各单位…). Leaders (书记, 负责同志) act
# for their organ and do not carry over.
# A list number may open the sentence ("(3)中心组成员要…", "3.个人自学时要…"); 个人 (one's own study)
# is a person subject too.
_SENTENCE_SUBJECT = re.compile(r"\s*(?:[(]?\d{1,2}[).、]\s*|[一二三四五六七八九十]{1,2}是)?"
                               r"[\u4e00-\u9fff、]{0,12}?(?:成员|党员干部|领导干部|党员|干部|干警|职工|教师|个人)"
                               r"(?=[都均要应须必每全年自学结坚带认积主按针围定撰读参])")
# Self-study (每天自学2小时) is a person's; so are notes and reflections counted in characters
# (学习笔记不得少于5000字): an organ does not write them.
_SELF_STUDY = re.compile(r"自学")
_NOTES = re.compile(r"笔记|心得|体会|学习记录")
# Reflections (心得体会文章) are written by persons: their count is each person's, even under 全体
# (全体干警每年撰写2篇以上心得体会文章) or without a subject (每季度有一篇心得体会文章).
_REFLECTIONS = re.compile(r"心得|体会")
# Hours of training earned, articles written, books read: each person's own, even under 全体.
_OWN_UNITS = {"学时", "课时", "篇", "本", "册", "字"}
# 全体机关干部每月集中学习: everyone together is the organ's activity, not each person's.
_COLLECTIVE = re.compile(r"全体")
# A clause naming an organ as its subject (…，党政办公室每半年通报一次) has a subject of its own.
_OWN_SUBJECT = re.compile(r"\s*(?:[各全本]|[\u4e00-\u9fff]{0,6}(?:办公室|政治处|政工科|宣传部|组织部|党委|党组|党支部|支部|"
                          r"总支|工委|委员会|中心组|领导小组|部门|单位)(?=[\u4e00-\u9fff]))")
# 干警 and 民警: the staff of courts, procuratorates and police.
_PERSON_SUBJECT = re.compile(r"成员|党员干部|领导干部|党员|干部职工|干部|干警|民警|职工|同志|委员|(?<!总)书记|网评员|教师|"
                             r"通讯员|宣讲员|监督员|负责人")
# 每半年组织中心组成员结合分管领域撰写学习调研报告: the persons organised to write are the writers, and what is counted
# is each one's writing (篇), as a reflection counted in 篇 is; not 组织干部参加培训 (the organ's sessions) nor
# 组织撰写调研报告 (no persons named: the organ's).
_ORGANISED_TO_WRITE = re.compile(r"组织[^,;。；]{0,8}?(?:" + _PERSON_SUBJECT.pattern + r")[^,;。；]{0,10}?(?:撰写|写出|提交)"
                                 r"[^,;。；]{0,12}?(?:报告|文章|心得|体会|论文)")
# A subject closing a quote names an award or an activity (“最美党员”评选).
# 教师、保育员的学习每周一次: the study of the persons listed is the sessions the organ holds for them.
_NOT_SUBJECT_AFTER = re.compile(r"[”\"」』》]|的?集中学习|的学习|(?:[、和及与][\u4e00-\u9fff]{1,6}?)+的(?:集中|政治|业务|理论)?学习|会|小组|班子|队伍|大会|会议|队|中|之中|名单|台账|档案|思想|年度|考核|培训|教育")
_ORGANISING_VERB = re.compile(r"组织|安排|邀请|动员|选派|培训|培养|配备|发展|招募|表彰|评选|推荐|选树|"
                              r"覆盖|面向|为|向|对|给|由|帮助|引导|督促|推动|吸纳")
# After a frequency word, these open an object before the verb (每季度对办公网络、信息系统进行…),
# so an enumeration comma does not end the phrase.
_PREPOSITION = re.compile(r"对|向|在|为|与|就|围绕|按|从|把|将|由|针对|分别")


# 每学期制定的《…提纲》, 每月推送的学习内容: a verb turned attribute (…的) of a document or content — the frequency
# describes a thing named, it sets no activity to count.
_MADE_DOCUMENT = re.compile(r"\s*[\u4e00-\u9fff]{1,4}的[^,;。,；]{0,30}?(?:提纲|计划|方案|书目|材料|清单|文件|内容|资料)")
# 每周的学习主题可由支部委员会讨论产生: each period's thing (not 每月的第三周周四, 每年的6月中旬: when in it).
_OF_THE_PERIOD = re.compile(r"\s*的\s*(?![\d第首末最头上中下前后周星期月年季初底〇零一二三四五六七八九十])")
# A leader (书记, 负责人) doing the organ's business (专题研究, 部署, 听取, 主持): the organ's count, not a person's.
_LEADER = re.compile(r"书记|负责人|负责同志|主要领导|第一责任人")
_ORGAN_BUSINESS = re.compile(r"\s*(?:专题)?(?:研究|部署|听取|主持|召开|分析研判|研判)")
# 每年年初, 每月中旬: a time within the period (when), not how often.
_TIME_OF_PERIOD = re.compile(r"[年月季周]?(?:初|底|末|中旬|上旬|下旬)")
# 定期 (固定) before an activity verb in the sentence after 每月月初: the activity is held in every period.
_REGULARLY = re.compile(r"(?:定期|固定)(?:开展|召开|举行|组织|进行)")
# 每年末, 每季度末 with an activity (每年末,校领导…进行述职) is held once in each period; 每月底前 is a deadline.
_END_OF_PERIOD = re.compile(r"[年月季]?(?:底|末|终)(?!\s*(?:前|之前|以前))")
# 每周五下午, 每周五(或周二)下午, 每周一的升旗: the day (and time) a weekly activity is held.
_WEEKDAY = re.compile(r"(?:星期)?[一二三四五六日天](?![次期场轮个题报])(?:\s*[(（][^()（）]{0,8}[)）])?"
                      r"(?:\s*(?:上午|下午|晚上|晚))?")
# A day that only names the schedule (每周二下午为学习时间, 固定在每周星期五下午) sets no activity.
_SCHEDULE_AFTER = re.compile(r"\s*(?:为|是|作为)")
_SCHEDULE_BEFORE = re.compile(r"(?:在|于|为)\s*$")


@dataclass
class _Count:
    start: int
    end: int  # end of the unit (and of a suffix comparator)
    count: int
    unit: str
    comparator: str
    chinese: bool


_QUOTE_MARK = re.compile(r"[“”「」『』《》\"]")
_QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "《": "》"}
_QUOTE_CLOSERS = {close: open_ for open_, close in _QUOTE_PAIRS.items()}


def _quote_spans(folded: str) -> list[tuple[int, int]]:
    """Spans (inside the marks) of “…”, "…", 「…」, 『…』, 《…》, sorted by start."""
    spans, opened, straight = [], {}, None
    for mark in _QUOTE_MARK.finditer(folded):
        ch, index = mark.group(), mark.start()
        if ch in _QUOTE_PAIRS:
            opened[ch] = index
        elif ch in _QUOTE_CLOSERS:
            if _QUOTE_CLOSERS[ch] in opened:
                spans.append((opened.pop(_QUOTE_CLOSERS[ch]) + 1, index))
        elif straight is None:
            straight = index
        else:
            spans.append((straight + 1, index))
            straight = None
    return sorted(spans)


def _inside(spans: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    """The innermost span holding `position` (`spans` sorted by start; nesting is shallow)."""
    index = bisect_right(spans, (position, float("inf"))) - 1
    for span in spans[max(0, index - 20):index + 1][::-1]:
        if span[0] <= position < span[1]:
            return span
    return None


def _find_counts(folded: str, quotes: list[tuple[int, int]]) -> list[_Count]:
    counts = []
    for match in _COUNT.finditer(folded):
        numeral, unit = match.group("num"), match.group("unit")
        chinese = not numeral[0].isdigit()
        before = folded[match.start() - 1] if match.start() else ""
        if before in (_BEFORE_NOT_CN_COUNT if chinese else _BEFORE_NOT_COUNT) or (before.isascii() and before.isalpha()):
            continue
        if _inside(quotes, match.start()):
            continue
        end = match.end()
        if unit == "个" and folded.startswith("小时", end) and _HOURS_LICENSED.search(
                folded, max(0, match.start() - 10), match.start()):
            unit, end = "小时", end + 2  # 自学时间每月不少于30个小时: hours written with 个
        elif unit in _AFTER_UNIT and _AFTER_UNIT[unit].match(folded, match.end()):
            continue
        if chinese and unit == "次" and folded.startswith("性", match.end()):
            continue
        parts = re.split(r"\s*[-~～至到—]\s*", numeral)
        value = number_to_int(parts[0])
        if value is None:
            continue
        if match.group("mult"):
            value *= 10000 if match.group("mult") == "万" else 1000
        if not 1 <= value <= _MAX_COUNT:
            continue
        comparator = "="
        suffix = _SUFFIX_AT_LEAST.match(folded, end) or _SUFFIX_AT_MOST.match(folded, end)
        if suffix:
            comparator = ">=" if suffix.re is _SUFFIX_AT_LEAST else "<="
            end = suffix.end()
        if len(parts) > 1 or match.group("approx"):
            comparator = ">="
        counts.append(_Count(match.start(), end, value, unit, comparator, chinese))
    return counts


class _Breaks:
    """Where the clauses (or sentences) of a text end: found once, then looked up by bisection, so
    a long text (a 2 MB paste) costs n log n, not n²."""

    def __init__(self, breaks: re.Pattern, folded: str):
        self.positions = [match.start() for match in breaks.finditer(folded)]

    def start(self, position: int) -> int:
        """Where the clause around `position` starts (after the previous break)."""
        index = bisect_left(self.positions, position)
        return self.positions[index - 1] + 1 if index else 0


# "全体党员…结合各自工作至少撰写一篇": 各自 makes the count each one's own, unless bodies are the subject (各支部结合各自实际).
_OWN_EACH = re.compile(r"各自")
_BODIES_BEFORE = re.compile(r"[各本全]?[\u4e00-\u9fff]{0,4}(?:支部|总支|党组织|单位|部门|科室|学校|班级|小组|组织)")


def _per(region: str) -> str:
    own = _OWN_EACH.search(region)
    if own and not _BODIES_BEFORE.search(region, 0, own.start()):
        return "person"
    for marker in _PERSON_MARKER.finditer(region):
        if marker.group().startswith("每") and _ORGANISING_VERB.search(region, 0, marker.start()):
            continue  # 通知给每一个成员: each member is the object
        return "person"
    if _COLLECTIVE.search(region):
        return "org"
    for subject in _PERSON_SUBJECT.finditer(region):
        if _ORGANISING_VERB.search(region, 0, subject.start()) or _NOT_SUBJECT_AFTER.match(region, subject.end()):
            continue
        return "person"
    return "org"


# Whose count it is, from the subject and the verb. The staff as one body (教职工, 干部职工, 职工, 教职员工) meeting
# together (学习, 集中学习, 开会, 研讨) counted in sessions: the sessions the organ holds, all attending
# (教职工每月至少学习一次). A person's count is what each one does alone — writes, reads, gives (做…报告, 讲党课),
# earns (学时) — or what a sentence says of each (每人, 每位): those stay a person's.
_STAFF_BODY = re.compile(r"(?:教职员工|教职工|干部职工|职工|员工)(?=[\u4e00-\u9fff]{0,3}(?:每|全年|原则上|一般|坚持))")
_MEETING_TOGETHER = re.compile(r"(?:集中|政治|理论|业务)?学习|开会|研讨|例会")
_ALONE = re.compile(r"自学|撰写|写|读|做|讲|授课|发言|提交")


def _sessions_of_the_body(region: str, unit: str) -> bool:
    body = _STAFF_BODY.search(region)
    return (unit == "次" and body is not None and not _PERSON_MARKER.search(region)
            and bool(_MEETING_TOGETHER.search(region, body.end())) and not _ALONE.search(region, body.end()))


# "撰写一篇(或一篇以上)读书心得": an alternative to the count in brackets, read past; any other note in brackets
# ((其中3次为专题辅导), (全年不少于10次), (责任单位:宣传部)) still ends the phrase.
_ALTERNATIVE_ASIDE = re.compile(r"\(或[^,;:。!?\n、()]{1,10}\)")
# "至少撰写一篇有情况、有分析、有建议的调研文章": short words listed before 的 describe one object, no list of duties.
_LISTED_MODIFIERS = re.compile(r"(?:、[\u4e00-\u9fff]{1,4})+的[\u4e00-\u9fff]")
_NOT_A_MODIFIER = re.compile(r"每|[\d一二两三四五六七八九十]\s*[次篇本场期个名项天]")


def _phrase_end(folded: str, position: int, stop_at_enumeration: bool = True) -> int:
    end = len(folded)
    skip_to = position
    for match in _PHRASE_END.finditer(folded, position):
        if match.start() < skip_to:
            continue
        if match.group() == "、" and not stop_at_enumeration:
            continue
        if match.group() == "(" and (gloss := _PINYIN_GLOSS.match(folded, match.start())):
            skip_to = gloss.end()  # "调(diào)研文章": a page's pinyin gloss, read past as if absent
            continue
        opening = folded.rfind("(", max(0, match.start() - 12), position)
        if match.group() == ")" and opening >= 0 and _ALTERNATIVE_ASIDE.match(folded, opening):
            continue  # "一篇(或一篇以上)读书心得": the count reached into its alternative; the phrase goes on after it
        listed = match.group() == "、" and _LISTED_MODIFIERS.match(folded, match.start())
        if listed and not _NOT_A_MODIFIER.search(listed.group()):
            skip_to = listed.end()
            continue
        end = match.start()
        break
    # "每季度召开1次也可根据需要,随时召开": a page lost the comma before the alternative; the phrase ends there.
    alternative = _ALTERNATIVE.search(folded, position, end)
    return alternative.start() if alternative else end


def _with_person_marker(folded: str, clause_start: int, start: int) -> int:
    """Start the phrase at 每人/每名 when it leads the frequency word (每人每年…, 每名网评员每月…)."""
    marker = _PERSON_MARKER.search(folded, clause_start, start)
    return marker.start() if marker and start - marker.end() <= 6 else start


def _trim_start(folded: str, start: int, end: int) -> int:
    while start < end and folded[start] in " \t“\"「『(":
        start += 1
    return start


# "學(xué)習(xí)": a page's pinyin gloss after a garbled character (a tone mark in it), read past as if absent.
_PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}[)）]")


def extract_targets(text: str, matching: str | None = None) -> list[ParsedTarget]:
    """Targets in an item's `text`, in order; offsets index into `text` itself.

    `matching`, when given, is a same-length copy to match against (a traditional text's simplified
    copy); the reported phrases are cut from `text`. Pinyin glosses (學(xué)) are read past: the targets
    are found in the text without them, and their phrases cut from `text` with them.
    """
    glosses = list(_PINYIN_GLOSS.finditer(text))
    if not glosses:
        return _extract_targets(text, matching)
    kept: list[int] = []  # kept[i]: the position in `text` of the i-th character kept
    previous = 0
    for gloss in glosses:
        kept.extend(range(previous, gloss.start()))
        previous = gloss.end()
    kept.extend(range(previous, len(text)))
    kept.append(len(text))
    bare = "".join(text[position] for position in kept[:-1])
    bare_matching = None if matching is None else "".join(matching[position] for position in kept[:-1])
    targets = []
    for target in _extract_targets(bare, bare_matching):
        start, end = kept[target.start], kept[target.end - 1] + 1 if target.end else 0
        gloss_after = _PINYIN_GLOSS.match(text, end)
        if gloss_after:
            end = gloss_after.end()  # the phrase's last character keeps its gloss
        targets.append(ParsedTarget(text[start:end], target.count, target.unit, target.period, target.comparator,
                                    target.per, target.explicit, start, end))
    return targets


def _extract_targets(text: str, matching: str | None = None) -> list[ParsedTarget]:
    folded = fold(text if matching is None else matching)
    quotes = _quote_spans(folded)
    frequencies = find_frequencies(folded)
    counts = _find_counts(folded, quotes)
    brackets = Brackets(folded, frequencies)
    bound: set[Frequency] = set()
    targets: list[ParsedTarget] = []

    clauses, sentences = _Breaks(_CLAUSE_BREAK, folded), _Breaks(_SENTENCE_BREAK, folded)
    frequency_ends = [f.end for f in frequencies]
    count_starts = [c.start for c in counts]
    for position, count in enumerate(counts):
        clause_start = clauses.start(count.start)
        previous_end = clause_start
        for earlier in reversed(counts[max(0, position - 8):position]):
            if earlier.start < clause_start:
                break
            if earlier.end <= count.start:
                previous_end = max(previous_end, earlier.end)
        before = bisect_right(frequency_ends, count.start)
        frequency = frequencies[before - 1] if before and frequencies[before - 1].start >= clause_start else None
        if frequency is None:
            frequency = _look_back(clauses, sentences, frequencies, frequency_ends, count_starts, clause_start)
        parallel = False
        if frequency is None and 1 <= count.start - clause_start <= 2 and count.unit in _PARALLEL_UNITS:
            # "每年至少召开一次会议，听一次汇报": a clause of verb and count repeats the 每X before it.
            frequency = _previous_clause_frequency(clauses, sentences, frequencies, frequency_ends, clause_start)
            parallel = frequency is not None
        region_start = max(previous_end, frequency.end if frequency and frequency.start >= clause_start else clause_start)
        between = folded[region_start:count.start]
        comparator = count.comparator
        if _AT_MOST.search(between):  # first: 不超过 contains 超过
            comparator = "<="
        elif _AT_LEAST.search(between):
            comparator = ">="
        if _PER_OCCASION.search(folded, clause_start, count.start) or is_threshold(folded, count.end):
            continue
        if _is_conversion(folded, sentences, count) or _SHIFT_BEFORE.search(folded, clause_start, count.start):
            continue
        if count.unit == "个" and _ASSIGNED_BEFORE.search(folded, max(clause_start, count.start - 4), count.start):
            continue
        if (frequency is None and count.unit in _GUEST_UNITS and not PERIOD_SUFFIX.match(folded, count.end)
                and _INVITED.search(folded, clause_start, count.start)):
            continue  # 公开团日活动必须邀请3个以上其它班级: who is invited to each occasion, not a count to reach
        if (frequency is None and comparator == "=" and count.unit == "个" and not PERIOD_SUFFIX.match(folded, count.end)
                and _PLACES.match(folded, count.end)):
            continue  # 巩固42个市、县级党建示范点, 在50个新农村示范村: the places the work covers, not a count to reach
        if comparator == "<=" and count.unit == "字":
            continue  # 字数控制在500字以内: a length limit, not a count to reach
        bracket = brackets.bare(count.start)
        if bracket and comparator == "=" and not _AT_LEAST.search(folded, bracket[0], count.start):
            continue  # an aside to the count before the brackets
        each = folded[count.start - 1:count.start] == "各"
        periodic = frequency is not None and (frequency.sets_period or frequency.licenses)
        licensed = each or comparator != "=" or periodic
        if count.chinese and not licensed:  # 年度三项重点工作 is a name, 每年两次 a target
            continue
        recruited = count.unit in _PEOPLE_UNITS and _RECRUITED.search(folded, clause_start, count.start)
        if count.unit in _LICENSED_UNITS and not licensed or count.unit in _PEOPLE_UNITS and not periodic and not recruited:
            continue
        period, factor = "year", 1
        suffix = PERIOD_SUFFIX.match(folded, count.end)
        if frequency is not None:
            period, factor = frequency.period, frequency.factor
            bound.add(frequency)
        elif suffix:
            period = PERIOD_SUFFIX_KINDS[suffix.lastindex - 1]
        if count.count * factor > _MAX_COUNT:
            continue
        if frequency is not None and not parallel:
            start = _with_person_marker(folded, clause_start, frequency.start)
        else:
            start = _trim_start(folded, clause_start, count.start)
        end = _phrase_end(folded, count.end)
        destination = _DESTINATION.search(folded, count.end, end)
        if destination and len(_PINYIN_GLOSS.sub("", folded[count.end:destination.start()])) <= _DESTINATION_REACH:
            end = destination.start()  # "一篇…调研文章向上级刊物推荐": where it is sent follows the object
        # "听一次…汇报": the object is all the clause says (a pinyin gloss in it counts for nothing)
        if len(_PINYIN_GLOSS.sub("", folded[count.end:end])) > _OBJECT_REACH and not parallel:
            end = count.end
        person_region = folded[min(start, clause_start):count.start]
        per = _per(person_region)
        if (per == "org" and not _ORGANISING_VERB.search(person_region)
                and (_SELF_STUDY.search(person_region) or count.unit == "字" and _NOTES.search(person_region))):
            per = "person"
        if per == "org" and count.unit not in _PEOPLE_UNITS:
            # The subject of the sentence carries over its clauses ("中心组成员要制定自学计划,
            # 每年至少研读2本").
            sentence_start = sentences.start(clause_start)
            subject = _SENTENCE_SUBJECT.match(folded, sentence_start)
            if (_SENTENCE_PERSON.search(folded, sentence_start, clause_start)
                    or subject and not _COLLECTIVE.search(subject.group())
                    and not _ORGANISING_VERB.search(subject.group())
                    and not _OWN_SUBJECT.match(folded, clause_start)):
                per = "person"
        if per == "org" and count.unit not in _PEOPLE_UNITS and _each_respectively(folded, sentences.start(clause_start), count.start):
            per = "person"  # 班子成员、副科级干部…分别挂包…,每季度至少参加1次: each one's duty in his branch
        if per == "org" and (count.unit == "篇" and _REFLECTIONS.search(folded, count.end, end)
                             and not _ORGANISING_VERB.search(person_region)
                             or count.unit in _OWN_UNITS and _everyones_own(person_region)
                             or count.unit == "篇" and _ORGANISED_TO_WRITE.search(folded, clause_start, end)):
            per = "person"
        if (per == "person" and frequency is not None and start == frequency.start
                and _SUBJECT_BEFORE.fullmatch(folded, clause_start, start)):
            start = _trim_start(folded, clause_start, start)  # "中心组成员每年至少写一篇": whose count it is
        if per == "person" and _sessions_of_the_body(person_region, count.unit):
            per = "org"
        if (per == "person" and _LEADER.search(person_region) and not _PERSON_MARKER.search(person_region)
                and _ORGAN_BUSINESS.match(folded, count.end)):
            per = "org"  # 党委书记每年至少两次专题研究意识形态工作: the leader does the organ's business
        targets.append(ParsedTarget(text[start:end], count.count * factor, count.unit, period, comparator,
                                    per, True, start, end))

    for frequency in frequencies:
        if frequency in bound or not frequency.sets_period:
            continue
        when, schedule = _when_in_period(folded, frequency)  # where the time in the period (末, 周五下午) ends
        if when is None:
            continue
        if schedule and any(target.explicit and target.start < frequency.start for target in targets):
            continue  # 集中学习每月不少于2次…每周二下午为集中学习时间: the slot of the duty counted before
        quote = _inside(quotes, frequency.start)
        if names_activity(folded, frequency, quote):
            continue
        if _MADE_DOCUMENT.match(folded, frequency.end) or _OF_THE_PERIOD.match(folded, frequency.end):
            continue  # 宣传部每学期制定的《…提纲》中规定的内容, 每周的学习主题: a thing of each period, named
        if _schedule_of_counted(folded, frequency, targets, sentences):
            continue
        clause_start = clauses.start(frequency.start)
        # "集中学习时间定为每周三下午,如遇…": the activity is named before the day, so the phrase is the
        # clause up to the day and does not run on into the next clause.
        named_before = when > frequency.end and bool(folded[clause_start:frequency.start].strip())
        if quote:
            end = quote[1]
        else:
            after = folded[when:when + 2]
            end = _phrase_end(folded, when, stop_at_enumeration=not _PREPOSITION.match(after))
            if end == when > frequency.end and folded[end:end + 1] == "," and not named_before:
                end = _phrase_end(folded, end + 1)  # "每年末,校领导…进行述职": the time heads the next clause
        if end <= when and not named_before:
            continue
        if _in_conversion(folded, sentences, frequency.start, frequency.end):
            continue  # 按每天8学时计算: a rate, not how often
        if _MONEY.search(folded, frequency.end, max(end, when)):
            continue  # 每年由上级下拨的人均50元团员活动经费: money given each year, not a duty
        per = _per(folded[clause_start:end])
        if per == "person" and _sessions_of_the_body(folded[clause_start:end], "次"):
            per = "org"
        unit = "次"
        if per == "org" and _ORGANISED_TO_WRITE.search(folded, clause_start, end):
            per, unit = "person", "篇"
        if end <= when:
            start = _trim_start(folded, clause_start, frequency.start)
        else:
            start = _with_person_marker(folded, clause_start, frequency.start)
        targets.append(ParsedTarget(text[start:end], frequency.factor, unit, frequency.period, "=",
                                    per, False, start, end))

    targets.sort(key=lambda target: (target.start, target.end))
    return targets


# A clause opening on its person subject right before the frequency (中心组成员每年…, 党员每年…);
# where 每人/每名 leads the frequency, the phrase starts there (班子成员每人每年… → 每人每年…).
_SUBJECT_BEFORE = re.compile(r"\s*[\u4e00-\u9fff]{0,8}(?:成员|党员干部|领导干部|党员|干部|干警|职工|教师|委员)\s*")
_PARALLEL_UNITS = {"次", "场", "期", "轮", "篇"}
# A sum of money (50元, 2万元) after a 每X: funds given or spent each period, not a duty done.
_MONEY = re.compile(r"\d+(?:\.\d+)?\s*(?:万|千|百)?\s*元")
# Units invited to an occasion (邀请3个以上其它班级), counted with no period of their own.
_INVITED = re.compile(r"邀请|邀约|吸收")
# Places and bodies counted in 个 (42个市、县级党建示范点, 50个新农村示范村, 10个社区): what the work covers.
_PLACES = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:村|社区|市|县|区|乡|镇|示范点|基地|单位)")
_GUEST_UNITS = {"个", "家", "所"}


def _everyones_own(region: str) -> bool:
    """全体党员每年参加培训不少于32学时: all persons as the subject (not the object of 组织) of a
    count of what each earns or reads."""
    collective = _COLLECTIVE.search(region)
    subject = collective and _PERSON_SUBJECT.search(region, collective.end())
    return bool(subject) and not _ORGANISING_VERB.search(region, 0, collective.start())


def _previous_clause_frequency(clauses: _Breaks, sentences: _Breaks, frequencies: list[Frequency],
                               frequency_ends: list[int], clause_start: int) -> Frequency | None:
    """The 每X of the clause before, in the same sentence, even where a count of that clause is bound to it."""
    if clause_start <= sentences.start(clause_start):
        return None
    previous_start = clauses.start(clause_start - 1)
    index = bisect_right(frequency_ends, clause_start - 1) - 1
    while index >= 0 and frequencies[index].start >= previous_start:
        if frequencies[index].sets_period:
            return frequencies[index]
        index -= 1
    return None


# "首月的第一周周五", "第二周的周三": which day of the period, not how often.
_DAY_IN_PERIOD = re.compile(r"\s*(?:首|末)?\s*[月周]?\s*的?\s*第\s*[一二三四五\d]\s*[个]?\s*[周月天日]|\s*首\s*[月周日]")


def _schedule_of_counted(folded: str, frequency: Frequency, targets: list[ParsedTarget], sentences: _Breaks) -> bool:
    """"每季度召开1次，分别在每季度首月的第一周周五下午举行": a 每X naming the day in the period of
    a duty counted earlier in the same sentence for the same period is its schedule, not a second duty;
    so is the period's end that describes it (每学期开一次生活会,每学期末支部要组织党员交流…)."""
    if not (_DAY_IN_PERIOD.match(folded, frequency.end) or _END_OF_PERIOD.match(folded, frequency.end)):
        return False
    sentence_start = sentences.start(frequency.start)
    return any(target.explicit and target.period == frequency.period
               and sentence_start <= target.start < frequency.start for target in targets)


def _when_in_period(folded: str, frequency: Frequency) -> tuple[int | None, bool]:
    """Where the words saying when in the period an activity is held end (the frequency's end when
    there are none), and whether they only name a weekday slot (每周二下午为学习时间, 定为每周三下午);
    None when they make the frequency no target: a time that is not the period's end (每年年初,
    每月中旬) or a deadline (每月底前)."""
    position = frequency.end
    end_of_period = _END_OF_PERIOD.match(folded, position)
    if end_of_period:
        return end_of_period.end(), False
    time_of_period = _TIME_OF_PERIOD.match(folded, position)
    if time_of_period:
        # 每月月初…定期开展主题党日活动: when in the month, but 定期 says it is held every month.
        sentence_end = _SENTENCE_BREAK.search(folded, time_of_period.end())
        regular = _REGULARLY.search(folded, time_of_period.end(), sentence_end.start() if sentence_end else len(folded))
        return (time_of_period.end(), False) if regular else (None, False)
    if folded[position - 1] in "周期":
        weekday = _WEEKDAY.match(folded, position)
        if weekday:
            schedule = bool(_SCHEDULE_AFTER.match(folded, weekday.end())
                            or _SCHEDULE_BEFORE.search(folded, max(0, frequency.start - 4), frequency.start))
            return weekday.end(), schedule
    return position, False


def _is_conversion(folded: str, sentences: _Breaks, count: _Count) -> bool:
    """按每天8学时计算: the count sits between 按 and 计算 in one sentence (a rate, not a duty)."""
    return _in_conversion(folded, sentences, count.start, count.end)


def _in_conversion(folded: str, sentences: _Breaks, start: int, end: int) -> bool:
    sentence_start = sentences.start(start)
    if _CONVERSION_BEFORE.search(folded, sentence_start, start) is None:
        return False
    sentence_end = _SENTENCE_BREAK.search(folded, end)
    return bool(_CONVERSION_AFTER.search(folded, end, sentence_end.start() if sentence_end else len(folded)))


# 分别 after the persons a sentence lists (镇班子成员、副科级干部…分别挂包): what follows is each one's.
_RESPECTIVELY = re.compile(r"分别")


def _each_respectively(folded: str, sentence_start: int, position: int) -> bool:
    # A hard-wrapped line does not end the sentence here: look back to its full stop.
    sentence_start = max(folded.rfind(mark, 0, position) for mark in "。;!?") + 1
    respectively = _RESPECTIVELY.search(folded, sentence_start, position)
    if respectively is None:
        return False
    subject = _PERSON_SUBJECT.search(folded, sentence_start, respectively.start())
    return bool(subject) and not _ORGANISING_VERB.search(folded, sentence_start, subject.start())


def _look_back(clauses: _Breaks, sentences: _Breaks, frequencies: list[Frequency], frequency_ends: list[int],
               count_starts: list[int], clause_start: int) -> Frequency | None:
    """An unbound 每X in the previous clause of the same sentence (每季度开展专题学习，不少于1次)."""
    if clause_start <= sentences.start(clause_start):
        return None
    previous_start = clauses.start(clause_start - 1)
    if bisect_left(count_starts, previous_start) < bisect_left(count_starts, clause_start):
        return None  # the previous clause has a count of its own
    return _previous_clause_frequency(clauses, sentences, frequencies, frequency_ends, clause_start)
