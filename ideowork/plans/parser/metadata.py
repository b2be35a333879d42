"""Title, year and issuing organ of a plan, and the signature lines that are not item text.

A collection site's line over the texts it holds (…实施方案【汇集4篇】) gives way to the first text's own
title (…实施方案【第一篇】, its label removed); a date of adoption or revision (2022年1月修订) is no plan year.
"""

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
# 关于印发党组理论学习中心组学习制度的通知: a circular naming the document it issues without 《》; the plan is
# that document, as with 《》.
_BARE_CIRCULAR = re.compile(r"^关于印发\s*(?P<title>[^《》\s]{4,40}?(?:制度|办法|细则|规定|规则|要点|计划|方案|安排|意见|规划|纲要))"
                            r"\s*的通知$")
# "…工作要点(第2/2页)": a viewer's page marker closing the title line.
_PAGE_MARK = re.compile(r"\s*[(（]\s*第\s*\d{1,3}\s*/\s*\d{1,3}\s*页\s*[)）]\s*$")


def _issued_title(text: str) -> str:
    """The title of a circular's issued document (关于印发《X》的通知, 关于印发X的通知), else the text; a site's
    label before it (名 称: 关于印发…) is read past."""
    text = _TITLE_LABEL.sub("", text.strip())
    circular = _CIRCULAR.match(text) or _BARE_CIRCULAR.match(text)
    return (circular.group("title") if circular else text).strip()
_YEAR = re.compile(r"(20\d{2})\s*年")
# 二〇二六年; a Latin O stands for 〇 in some pages (二O一一年).
_CN_YEAR = re.compile(r"(二[〇零○Oo][一二三四五六七八九〇零○Oo]{2})\s*年")
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


# Names of documents that also occur in body text (学习制度, 通知): a title only near the top.
_DOCUMENT_NOUNS = re.compile(r"制度|办法|细则|规定|规则|通知|意见|规划|计划|打算|方案|安排|决定|纲要")
_TOP_LINES = 6
# A salutation (各党支部：), a document number ((深卫党〔2008〕18号)) or a date is never the title.
_NOT_TITLE = re.compile(r".*[:：]$|^[(（]?\S{0,8}〔\d{4}〕\s*\d+\s*号[)）]?$|^[【\[][^】\]]{1,6}[】\]]$")
# Labels a document site puts before a title ("文档介绍:党员职工政治学习制度").
# A government site's metadata table spaces its labels out ("名 称: 关于印发…的通知").
_TITLE_LABEL = re.compile(r"^(?:文档介绍|文档简介|标\s*题|题\s*目|文章标题|名\s*称)\s*[:：]\s*")
# A first line that cannot end a title: 关于… without its document noun, or ending on 的/和/年度.
_OPEN_TITLE = re.compile(r"(?:^关于(?!.*(?:" + _DOCUMENT_NOUNS.pattern + r")).*|.*(?:的|和|及|与|、|年度|年))$")
# A title opening on the organ's body (党委…, 党总支…) under the organ's name on the line above.
_BODY_OF_ORGAN = re.compile(r"^(?:党委|党组|党总支|党支部|党工委|团委|工会|机关)")


def _find_title(lines: list[Line]) -> tuple[int | None, str | None, int | None]:
    """(index, title, index of a first line joined to it) of the title line."""
    index, title = _title_line(lines)
    if index is not None and index + 1 < len(lines):
        line, after = lines[index].text, lines[index + 1].text
        if "《" in line and "》" not in line[line.rfind("《"):] and "》" in after and len(line) + len(after) <= 100:
            # "关于印发《共青团…2024年工作要点" / "和上半年工作安排》的通知": a title broken inside 《》.
            return index, _issued_title(line.strip() + after.strip()), index + 1
    if index is None or not index:
        return index, title, None
    previous = lines[index - 1]
    if (len(previous.folded) + len(lines[index].folded) <= 60 and _usable(previous)
            and not _TITLE_WORDS.search(previous.folded) and not _DOCUMENT_NOUNS.search(previous.folded)
            and (_OPEN_TITLE.match(previous.folded) or _BODY_OF_ORGAN.match(lines[index].folded)
                 and is_org_name(previous.folded))):
        # A title split over two lines ("关于大连大学2017年度" / "基层党组织中心组学习的通知").
        return index, previous.text + title, index - 1
    return index, title, None


# "人人范文网 章程规章制度": a site's name and the channel a page sits in, atop the page; "规章制度" alone over a
# breadcrumb (网站首页 > 规章制度): the channel's name. Neither names one document.
_SITE_CHANNEL = re.compile(r"^\S{1,12}网\s+\S{1,10}$|^(?:章程)?规章制度(?:汇编)?$|^(?:管理制度|通知公告|公告通知)$")


def _usable(line: Line) -> bool:
    return (4 <= len(line.folded) <= 60 and not line.folded.endswith("。") and not _SITE_CHANNEL.match(line.folded)
            and match_heading(line.folded, line.text) is None
            and not _NOT_TITLE.match(line.folded) and not DATE_LINE.match(line.folded))


# A news report of a document ("据新华社北京2月28日电 近日，…转发了《…关于…的意见》"): with no title line,
# the document's title is the one its lead names in 《》.
_NEWS_LEAD = re.compile(r"^(?:据)?(?:新华社|新华网|人民网|央视网|中新社|中新网|\S{0,12}(?:日报|晚报|电台|电视台))"
                        r".{0,24}?(?:电|讯)")
_LEAD_TITLE = re.compile(r"(?:印发|转发|发布|出台|颁布|下发)了?\s*《(?P<title>[^《》]{6,80})》")


def _news_lead_title(lines: list[Line]) -> tuple[int | None, str | None]:
    for index, line in enumerate(lines[:3]):
        if _NEWS_LEAD.match(line.folded):
            match = _LEAD_TITLE.search(line.folded)
            if match and _DOCUMENT_NOUNS.search(match.group("title")):
                return index, line.text[match.start("title"):match.end("title")].strip()
    return None, None


# "…实施方案【汇集4篇】", "…工作计划(精选10篇)", "党员学习制度(精选多篇)": a collection site's line over the texts it holds.
_COLLECTION = re.compile(r"[【\[(（]\s*(?:汇集|汇总|精选|通用|热门|合集)?\s*(?:[\d一二三四五六七八九十]{1,3}|多)\s*篇\s*[】\])）]\s*$")
# "…的实施方案【第一篇】": the label the site gives the first text it holds.
_FIRST_TEXT = re.compile(r"\s*[【\[(（]\s*(?:第\s*[1一]\s*篇|篇\s*[1一])\s*[】\])）]\s*$|\s*(?:第\s*[1一]\s*篇|篇\s*[1一])\s*$")
_COLLECTION_REACH = 4
# "…活动安排3篇参考", "…工作计划5篇范文": a collection line's count without brackets, with the site's word after it;
# it gives way only to a line below that repeats its name without the count (the first text's own title).
_COLLECTION_COUNT = re.compile(r"\s*[\d一二三四五六七八九十]{1,3}\s*篇\s*(?:参考|范文|精选|合集|汇编|通用)?\s*$")


def _first_text_title(lines: list[Line], index: int) -> tuple[int, str] | None:
    """Under a collection line, the first text's own title line (its site label removed)."""
    count = _COLLECTION_COUNT.search(lines[index].text) or _COLLECTION.search(lines[index].text)
    name = lines[index].text[:count.start()].strip() if count else None
    for later in range(index + 1, min(len(lines), index + 1 + _COLLECTION_REACH)):
        line = lines[later]
        if name and line.text.strip() == name:
            return later, name
        label = _FIRST_TEXT.search(line.text)
        if label and _usable(line) and (_TITLE_WORDS.search(line.folded) or _DOCUMENT_NOUNS.search(line.folded)):
            return later, line.text[:label.start()].strip()
        if line.first_text and _usable(line) and (_TITLE_WORDS.search(line.folded) or _DOCUMENT_NOUNS.search(line.folded)):
            return later, line.text.strip()  # "【篇一】20xx幼儿园团支部工作计划": the label before it, already removed
        if _usable(line) and _FIRST_NUMBER.search(_GLOSS.sub("", line.folded)):
            return later, line.text.rstrip()[:-1].rstrip()  # "乡镇精神文明建设工作计划1"
    return None


def _document_label(lines: list[Line]) -> tuple[int | None, str | None]:
    """"一.供销社机关党支部“三会一课”制度" as the page's first line, the only heading of its level on the page and
    naming a document: the page's label of the first of its documents, not a part — the title is the line
    without its numeral. Not a plan's "一、学习制度" beside 二、 三、."""
    first = next((index for index, line in enumerate(lines[:2]) if line.folded.strip()), None)
    if first is None:
        return None, None
    heading = match_heading(lines[first].folded, lines[first].text)
    if (heading is None or heading.number != 1 or heading.level not in ("cn", "arabic")
            or not 4 <= len(heading.content) <= 40 or heading.content[-1:] in "。;；:："
            or not _DOCUMENT_NOUNS.search(_GLOSS.sub("", heading.content))):
        return None, None
    if any((other := match_heading(line.folded, line.text)) is not None and other.level == heading.level
           for line in lines[first + 1:]):
        return None, None
    return first, heading.content


def _title_line(lines: list[Line]) -> tuple[int | None, str | None]:
    index, title = _document_label(lines)
    if index is not None:
        return index, title
    index, title = _title_words_line(lines)
    if index is not None and (_COLLECTION.search(title) or _COLLECTION.search(lines[index].folded)
                              or _COLLECTION_COUNT.search(lines[index].text)):
        first = _first_text_title(lines, index)
        if first is not None:
            index, title = first
            # "篇1:…样本_网" then "…样本【三篇】" then "【篇一】…": a collection's first text that is itself a collection.
            nested = next((later for later in range(index + 1, min(len(lines), index + 3))
                           if _COLLECTION.search(lines[later].folded)), None)
            inner = _first_text_title(lines, nested) if nested is not None else None
            if inner is not None:
                index, title = inner
    if index is None:
        index, title = _news_lead_title(lines)
    if title is not None:
        title, index = _file_name_title(lines, index, title.strip())
        title = _SPAM_PREFIX.sub("", _without_site_suffix(_PAGE_MARK.sub("", title)))
        title = _unrepeated(_TITLE_LABEL.sub("", _LIST_NUMBER.sub("", title)))
        title = _SITE_NUMBER.sub("", _without_glued_words(_SITE_NUMBER.sub("", title)))
        title = _COUNT_PREFIX.sub("", title)
    return index, title


# "5篇小学党支部2026年工作计划…精编范文": the count of texts a collection site's name opens with.
_COUNT_PREFIX = re.compile(r"^\d{1,2}\s*篇\s*(?=[\u4e00-\u9fff])")
# "1、2024年某局工作要点": the number of the chunk a document site cut the page into.
_LIST_NUMBER = re.compile(r"^\d{1,2}\s*、\s*(?=\S)")
# "医院三会一课制度.docx", "…工作计划.docxVIP": a document site shows the file's name (and its badge).
_FILE_EXTENSION = re.compile(r"\s*\.(?:docx?|pdf|wps|txt|rtf)(?:\s*[A-Za-z]{1,5})?$", re.IGNORECASE)
# "…2020年工作要点 -ag凯发k8国际": a site's words after a hyphen (or bar) closing a title that ends on its document's
# name; what follows names no document.
_SITE_SUFFIX = re.compile(r"(?<=" + _DOCUMENT_NOUNS.pattern + r"|要点)\s*[-–—|_]+\s*(?P<tail>[^\s].{0,19})$")
# "某某集团abc123cc 关于深入开展…": a site's name with letters and digits put before a circular's 关于.
_SPAM_PREFIX = re.compile(r"^[^\s]{0,12}?[A-Za-z][A-Za-z0-9]{3,}\s+(?=关于)")
# "企业宣传方案(7)", "…工作方案(篇1)", "…工作计划篇一", "…方案(精选15篇)": the number a collection site gives
# one of its texts of that name (or the count of them: "…工作要点材料3篇"), not part of the title.
_SITE_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff\d])(?:\s*[(（](?:精选|热门|通用)?\s*篇?\s*(?:[\d一二三四五六七八九十]{1,3}|多)\s*篇?\s*[)）]"
                          r"|篇\s*[\d一二三四五六七八九十]{1,3}|\s*\d{1,2}\s*篇)+$")


# "党委中心组理论学习制度日本冲绳岛": a few words a site glued after the document's name. What may
# follow the name in a real title: its status (试行, 讨论稿), a collection (汇编) or its form as an outline
# (…工作要点提纲, …计划提纲).
_GLUED_WORDS = re.compile(r"(?<=制度|办法|细则|规定|规则|通知|意见|规划|计划|方案|安排|决定|纲要|要点)"
                          r"(?!汇编|试行|暂行|草案|修订|全文|讨论稿|征求意见稿|提纲$)[\u4e00-\u9fff]{2,6}$")


def _file_name_title(lines: list[Line], index: int, title: str) -> tuple[str, int]:
    """A viewer's file-name line ("…工作计划.docxVIP") names the document; its own title line below, when
    the page shows it, is the title line (the file name without its extension)."""
    name = _FILE_EXTENSION.sub("", title)
    if name == title:
        return title, index
    for later in range(index + 1, min(len(lines), index + 1 + _FILE_NAME_REACH)):
        if lines[later].text.strip() == name:
            return name, later
    return name, index


_FILE_NAME_REACH = 12


_CLAUSES = re.compile(r"[,，、]")


def _without_site_suffix(title: str) -> str:
    suffix = _SITE_SUFFIX.search(title)
    if suffix is None or _DOCUMENT_NOUNS.search(suffix.group("tail")) or _TITLE_WORDS.search(suffix.group("tail")):
        return title
    if "——" in title[suffix.start():suffix.start("tail")] and _CLAUSES.search(suffix.group("tail")):
        return title  # "…工作计划——发挥青年党员作用,助力学校发展": a subtitle of clauses, not a site's name
    return title[:suffix.start()].rstrip()


def _without_glued_words(title: str) -> str:
    glued = _GLUED_WORDS.search(title)
    if glued is None or _DOCUMENT_NOUNS.search(glued.group()) or _TITLE_WORDS.search(glued.group()):
        return title
    return title[:glued.start()]


_DOUBLED_END = re.compile(r"(\S.{5,}?)\s*\1$")


def _unrepeated(title: str) -> str:
    """"某校少先队工作计划--指导思想 某校少先队工作计划": a page that glued a section name and the
    title again to the title; the last copy is the title. A title written twice or more over at its end
    (党支部学习制度党支部学习制度党支部学习制度, 天道酬勤佛山市…制度佛山市…制度: a slogan glued before) is one copy."""
    doubled = _DOUBLED_END.search(title)
    if doubled and (_TITLE_WORDS.search(doubled.group(1)) or _DOCUMENT_NOUNS.search(doubled.group(1))):
        return doubled.group(1).strip()
    head = title[:8]
    last = title.rfind(head)
    if len(head) == 8 and last > 0:
        copy = title[last:].strip()
        if _TITLE_WORDS.search(copy) or _DOCUMENT_NOUNS.search(copy):
            return copy
    return title


# "宣传思想文化工作计(jì)划": a pinyin gloss a page put after a garbled glyph, read past when looking for a title.
_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}[)）]")
# "乡镇精神文明建设工作计划1": the number a collection site puts after the name of the first text it holds.
_FIRST_NUMBER = re.compile(r"(?:" + _TITLE_WORDS.pattern + r"|" + _DOCUMENT_NOUNS.pattern + r")\s*1$")


def _title_words_line(lines: list[Line]) -> tuple[int | None, str | None]:
    usable = _usable

    # A line naming the year wins over a site heading such as "工作要点范文".
    for needs_year in (True, False):
        for index, line in enumerate(lines):
            folded = _GLOSS.sub("", line.folded)
            if (usable(line) and _TITLE_WORDS.search(folded)
                    and (not needs_year or _YEAR.search(folded) or _CN_YEAR.search(folded))):
                return _own_title_below(lines, index)
    for index, line in enumerate(lines[:_TOP_LINES]):
        if usable(line) and _DOCUMENT_NOUNS.search(_GLOSS.sub("", line.folded)):  # 實(shí)施細(xì)則: 细则 under glosses
            return index, _issued_title(line.text)
    for index, line in enumerate(lines[:5]):
        if _is_body(line):
            break  # a title comes before the text: a short line after it is a heading or a signature
        if usable(line) and len(line.folded) <= 40 and "," not in line.folded:
            return index, line.text
    return None, None


def _own_title_below(lines: list[Line], index: int) -> tuple[int, str]:
    """"…宣传思想文化工作计划1" over "乡镇宣传思想文化工作计划": a collection's numbered label of its first text,
    with that text's own title line below it, gives that line; a label without one loses its number."""
    text = lines[index].text
    if not _FIRST_NUMBER.search(_GLOSS.sub("", lines[index].folded)):
        return index, _issued_title(text)
    below = lines[index + 1] if index + 1 < len(lines) else None
    if below is not None and _usable(below) and _TITLE_WORDS.search(_GLOSS.sub("", below.folded)):
        return index + 1, _issued_title(below.text)
    return index, text.rstrip()[:-1].rstrip()


def _is_body(line: Line) -> bool:
    """A paragraph of the document's text: long, or a sentence."""
    return len(line.folded) > 60 or line.folded[-1] in "。;；"


# "2011-2012学年度第一学期…", "2020学年度…", "2017最新机关学习制度": a year in a title without 年.
_TITLE_YEAR = re.compile(r"(?<!\d)(20\d{2})(?:\s*[-—~至]\s*20\d{2})?(?=\s*学年|[^\d年号〕\])】.-])")


# "2018年5月4日": a day (an issue date, an event), not the year a plan is for; signature lines are
# not read either. "2023年2月至2023年12月" (the activity's time) names the year.
_MONTH_AFTER = re.compile(r"\s*\d{1,2}\s*月\s*\d{1,2}\s*日")


# "2022年1月修订", "2019年3月通过": when the rules were adopted or revised, not a year they are for.
# "本办法从2014年3月起实施": the month the rules start, not a year they are for.
_START_AFTER = re.compile(r"\s*\d{1,2}\s*月\s*(?:起|开始)\s*(?:施行|实施|执行)")
_HISTORY_AFTER = re.compile(r"\s*(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?[^,，。;；\n]{0,30}?(?:修订|修訂|修正|修改|通过|通過)(?:稿)?\s*[)）]?\s*$")


# "20xx幼儿园团支部工作计划", "…工作计划20_年", "XX年…": a model text's placeholder; the page's dates are not its year.
_PLACEHOLDER_YEAR = re.compile(r"20(?:[xX×*]{1,2}|\s*_+)|[xX×]{2,4}\s*年")


def _year(title: str | None, lines: list[Line], skip: set[int] = frozenset()) -> int | None:
    if title:
        match = _YEAR.search(title) or _TITLE_YEAR.search(title)
        if match:
            return int(match.group(1))
        if _PLACEHOLDER_YEAR.search(title):
            return None
    for text in ([title] if title else []) + [line.folded for index, line in enumerate(lines[:40]) if index not in skip]:
        match = next((year for year in _YEAR.finditer(text) if not _MONTH_AFTER.match(text, year.end())
                      and not _HISTORY_AFTER.match(text, year.end())
                      and not _START_AFTER.match(text, year.end())), None)
        if match:
            return int(match.group(1))
        match = _CN_YEAR.search(text)
        if match:
            return cn_to_int(re.sub("[○Oo]", "〇", match.group(1)))
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
    title_index, title, joined = _find_title(lines)
    issuer, skip = _signature(lines, title_index)
    if joined is not None:
        skip.add(joined)
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
    return Metadata(title, title_index, _year(title, lines, skip), issuer, frozenset(skip))
