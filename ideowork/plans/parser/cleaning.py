"""Turning pasted or extracted text into clean lines: no web-page clutter, widths folded for matching.

Documents arrive copied from web pages ("字数:7301字", "复制下载", "大约剩余40%的内容被锁住了"), from
Word and from PDFs, with half-width and full-width punctuation mixed. The parser keeps each line as
written (titles and texts are shown to users in the document's own wording) and matches against a
folded copy of the same length, so offsets found in the folded copy hold in the original.

A document site's page banner (its name and web address, 秘书之家—…www.mishuzj.com) atop every page of a text
that lost its line breaks is removed, at a line's start or after a page number (—1—) inside a sentence.

A document viewer's page chunks (long run-on lines it numbered 1、2、… and cut mid-sentence) are
joined back into one line without their numbers, and its garbled （一） ("(-)") is put right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .signature import is_org_name

__all__ = ["Line", "fold", "clean_lines", "is_clutter", "SENTENCE_END"]

# Full-width ASCII (！…～) maps one-to-one onto half-width; the ideographic space onto a space.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20, 0xA0: 0x20, 0x2002: 0x20, 0x2003: 0x20})
# Dropped outright before anything else: zero-width characters and stray BOMs from copy-paste.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")

SENTENCE_END = "。！？；!?;"
_PUNCTUATION = set("，。；：、,.;:！？!?“”\"'‘’（）()《》<>【】[]-—·…%")

# Buttons and links of web pages; a line may hold several ("复制下载 | 阅读全文").
_BUTTONS = ("复制|下载|复制下载|复制全文|免费下载|立即下载|下载文档|下载本文|下载word|下载全文|阅读全文|"
            "展开全文|展开|收起|全文阅读|查看全文|收藏|收藏本文|分享|举报|打印|打印本页|关闭|关闭窗口|返回|"
            "返回顶部|返回首页|返回列表|点赞|评论|纠错|目\\s*录|加载更多|登录|注册|二维码|猜你喜欢|"
            "热门推荐|推荐阅读|热门文章|最新文章|全文完|完|END|下载本文档|下载此文档|全文预览已结束")
_CLUTTER = re.compile(
    r"""^(?:
      (?:字数|时间|日期|发布时间|发布日期|更新时间|上传时间|来源|文章来源|作者|编辑|责任编辑|浏览|浏览次数|
         浏览量|阅读|阅读量|阅读数|阅读次数|点击|点击量|点击数|下载次数|下载量|页数|文档大小|大小|格式|
         上传者|分类|标签|关键词|所属栏目|栏目|发布者|发布人|文档编号|识别码|版权说明)\s*[:：].{0,40}
    | (?:字数|阅读|浏览|点击)\s*\d+\s*[字次]?
    | [【\[]?(?:BUTTONS)[】\]]?(?:[\s|/·]+[【\[]?(?:BUTTONS)[】\]]?)*
    | [|/\\·•*~\s]+
    | 共\s*\d+\s*字.{0,10}
    | (?:展开剩余|继续阅读|点击查看|查看更多|更多精彩|更多相关|上一篇|下一篇|相关文章|相关阅读|相关推荐|
         相关范文|开通会员|会员|VIP|扫码|微信扫|关注公众号|本文地址|原文链接|声明|免责声明)\S{0,40}
    | .{0,30}(?:内容被锁住|内容已被锁|内容已隐藏|剩余\s*\d+\s*%|剩余\d+字|试读结束|付费阅读|解锁全文|
         开通VIP|版权所有|Copyright|©|ICP备|转载请|本文来源|本文由|首页\s*[>›»]|当前位置\s*[:：]|此处隐藏|隐藏\s*[:：]?\s*\d+\s*字|
         下载后查看|下载文档前|小编).{0,60}
    | [-—–_=\s]*\d{1,4}[-—–_=\s]*
    | [^>›»\s]{1,12}\s*[>›»]\s*[^>›»\s]{1,12}\s*[>›»].{0,60}
    | 第\s*\d+\s*页.{0,12} | 共\s*\d+\s*页.{0,12} | page\s*\d+.{0,12}
    )$""".replace("BUTTONS", _BUTTONS),
    re.X | re.I,
)


@dataclass(frozen=True)
class Line:
    """One non-blank line: `text` as written (stripped), `folded` the same length for matching.

    `gap_before` is True when a blank line (or removed clutter) preceded it, i.e. it starts a new
    paragraph even if the previous line did not end a sentence.
    """

    text: str
    folded: str
    gap_before: bool = False
    # The line followed a collection page's number of its first text (【篇一】, 第1篇:), now removed.
    first_text: bool = False


_FOLDABLE = re.compile("[\uff01-\uff5e\u3000\xa0\u2002\u2003]")


def fold(text: str) -> str:
    """Full-width ASCII and odd spaces to half-width; `len(fold(s)) == len(s)` always."""
    return text.translate(_FOLD) if _FOLDABLE.search(text) else text


def is_clutter(folded_line: str) -> bool:
    """Whether a (folded, stripped) line is web-page furniture rather than document text."""
    return bool(_CLUTTER.match(folded_line))


# A short line naming a document ("学习制度", "工作要点") is a title, not a site's name.
_DOCUMENT_NAME = re.compile(r"制度|要点|计划|方案|办法|细则|规定|规则|通知|意见|安排")


# "第1篇: 乡镇意识形态工作方案", "篇二：2026年学习计划", "【篇三】…", "范文3: …": a collection page's number before the
# title of each document it holds. Only before a document's name, so a part heading "第一篇 理论学习"
# stays a heading; an Arabic number and a colon (第1篇:) are the site's whatever follows.
_SITE_NUMBER = r"(?:第\s*[\d一二三四五六七八九十]{1,3}\s*篇|篇\s*[\d一二三四五六七八九十]{1,3}|范文\s*[\d一二三四五六七八九十]{0,3})"
# "推荐第1篇:党员学习制度": the site's word for the texts it recommends may open the label.
_SITE_LEAD = r"(?:推荐|精选|热门)?\s*"
_ARABIC_SITE_NUMBER = re.compile(r"^" + _SITE_LEAD + r"第\s*\d{1,3}\s*篇\s*[:：]")
_FIRST_SITE_NUMBER = re.compile(r"(?<![\d一二三四五六七八九十])[1一](?![\d一二三四五六七八九十])")
_SITE_PREFIX = re.compile(r"^" + _SITE_LEAD + r"(?:" + _SITE_NUMBER + r"\s*[:：]|[【\[]" + _SITE_NUMBER
                          + r"[】\]]\s*[:：]?)\s*(?=\S)")


# A collection page's line counting the texts it holds (…工作要点2篇, …计划【精选5篇】) and its bare label of one text.
_COLLECTION_LINE = re.compile(r"[\u4e00-\u9fff][\d一二三四五六七八九十]{1,3}\s*篇\s*(?:参考|范文|精选|合集|汇编|通用)?\s*[】\])）]?$")
_COLLECTION_LINE_LENGTH = 60
_BARE_SITE_LABEL = re.compile(r"第\s*[\d一二三四五六七八九十]{1,3}\s*篇|篇\s*[\d一二三四五六七八九十]{1,3}|[【\[]\s*(?:第\s*)?[\d一二三四五六七八九十]{1,3}\s*篇\s*[】\]]")


def _without_site_prefix(folded_line: str) -> int:
    """How many characters of a collection page's number (第1篇:) open the line; 0 when none."""
    prefix = _SITE_PREFIX.match(folded_line)
    if prefix is None:
        return 0
    rest = folded_line[prefix.end():]
    if len(rest) > 40 or any(ch in SENTENCE_END for ch in rest):
        return 0
    # A part heading is written 第一篇; "第1篇:妇委会" is a site's number before whatever it names.
    if not _DOCUMENT_NAME.search(rest) and not _ARABIC_SITE_NUMBER.match(folded_line):
        return 0
    return prefix.end()


# A document viewer's page chunks: "1、<title>一、…召开周期:…;7" then "2、.讨论决定…", each chunk a long
# run-on line that its viewer numbered and cut in the middle of a sentence (not the document's 1、2、).
_CHUNK = re.compile(r"^(\d{1,2})、")
_CHUNK_LENGTH = 100
_GARBLED_ONE = re.compile(r"[(（]-[)）]")


def _join_viewer_chunks(raw: list[str], folded: list[str]) -> None:
    """Join a viewer's numbered chunks (in place) into one line without their numbers: two or more
    long lines numbered 1、2、… in order, each but the last ending in the middle of a sentence."""
    chunks = [index for index, line in enumerate(folded) if _CHUNK.match(line)]
    if len(chunks) < 2 or any(int(_CHUNK.match(folded[index]).group(1)) != number
                              for number, index in enumerate(chunks, start=1)):
        return
    if any(len(folded[index]) < _CHUNK_LENGTH for index in chunks[:-1]) or any(
            folded[index][-1] in SENTENCE_END for index in chunks[:-1]):
        return
    if any(folded[index] for index in range(chunks[0], chunks[-1]) if index not in chunks):
        return  # other text between them: a numbered list of the document
    first = chunks[0]
    raw[first] = "".join(raw[index][_CHUNK.match(folded[index]).end():] for index in chunks)
    folded[first] = "".join(folded[index][_CHUNK.match(folded[index]).end():] for index in chunks)
    for index in chunks[1:]:
        raw[index] = folded[index] = ""


_BULLET = re.compile(r"^[-•·●◆■▪*]\s+(?=\S)")


def _is_stray_name(folded_line: str) -> bool:
    # A short unpunctuated line such as a site or author name ("老文笔"). Lines starting with 第
    # may be 第一部分 headings; digits may be dates of a signature.
    return (len(folded_line) <= 8 and not folded_line.startswith("第") and not is_org_name(folded_line)
            and not _DOCUMENT_NAME.search(folded_line)
            and not any(ch.isdigit() or ch in _PUNCTUATION or ch == " " for ch in folded_line))


# "…进行辅导。 第2页共13页 下载后可任意编辑 2024年党支部生活制度…": a viewer's page marker inside a line
# (the page lost its breaks); the text goes on after it as a new paragraph (often a new document).
_INLINE_PAGE_MARK = re.compile(r"[ \t\u3000]+第\s*\d+\s*页\s*共\s*\d+\s*页(?:[ \t\u3000]*下载后可任意编辑)?(?=[ \t\u3000])")


def _break_at_page_marks(text: str, matching: str | None) -> tuple[str, str | None]:
    """`text` (and its matching copy, at the same places) with inline page markers replaced by a blank line."""
    marks = list(_INLINE_PAGE_MARK.finditer(matching if matching is not None else text))
    if not marks:
        return text, matching

    def cut(source: str) -> str:
        pieces, start = [], 0
        for mark in marks:
            pieces.append(source[start:mark.start()])
            start = mark.end()
        pieces.append(source[start:])
        return "\n\n".join(pieces)

    return cut(text), cut(matching) if matching is not None else None


# "秘书之家—全网资源每日更新www.mishuzj.com2024年X人大工作计划…责任—1—秘书之家—全网资源每日更新www.mishuzj.com意识":
# a document site's banner (its name and web address) printed atop every page of a text that lost its line breaks:
# at a line's start, or after the page number (—1—) inside a sentence, which goes on after it.
_DOMAIN = r"www\.[A-Za-z0-9-]+(?:\.[A-Za-z]{2,6}){1,2}"
_BANNER_WORDS = r"[\u4e00-\u9fff—\-|｜ ]{0,24}"
_SITE_BANNER = re.compile(r"(?m)^" + _BANNER_WORDS + _DOMAIN + r"|[—\-－]{1,2}\s*\d{1,3}\s*[—\-－]{1,2}" + _BANNER_WORDS + _DOMAIN)


def _drop_site_banners(text: str, matching: str | None) -> tuple[str, str | None]:
    """`text` (and its matching copy, at the same places) without a site's page banners."""
    spans = [match.span() for match in _SITE_BANNER.finditer(text)]
    if not spans:
        return text, matching

    def cut(source: str) -> str:
        pieces, start = [], 0
        for begin, end in spans:
            pieces.append(source[start:begin])
            start = end
        pieces.append(source[start:])
        return "".join(pieces)

    return cut(text), cut(matching) if matching is not None else None


# "**二、工作目标**1. 提高…**三、主要工作**1. **加强团支部建设** - …": markdown bold marks around a document's headings.
# A document that bolds a numbered heading has its ** marks blanked (same length, so offsets hold), so its headings
# stand after a space, where a line that lost its breaks is split; a masked name (**局, 学习**次) is left alone.
_BOLD_HEADING = re.compile(r"\*\*\s*(?:第?[一二三四五六七八九十]{1,3}\s*[、.]|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}\s*[.、])")
_BOLD_MARK = re.compile(r"\*{2,}")


def _blank_markdown_bold(text: str, matching: str | None) -> tuple[str, str | None]:
    """`text` (and its matching copy) with markdown bold marks turned into spaces, when it bolds a numbered heading."""
    if not _BOLD_HEADING.search(text):
        return text, matching

    def blank(source: str) -> str:
        return _BOLD_MARK.sub(lambda mark: " " * len(mark.group()), source)

    return blank(text), blank(matching) if matching is not None else None


def clean_lines(text: str, matching: str | None = None) -> list[Line]:
    """Split `text` into non-blank lines with clutter removed.

    `matching`, when given, is a same-length copy of `text` to match against (the simplified copy
    of a traditional document); each line's `folded` comes from it, its `text` from `text`.

    A stray short name ("老文笔") is dropped only next to clutter or at the end, where it cannot be
    an unnumbered heading or a wrapped part of a paragraph.
    """
    text, matching = _break_at_page_marks(*_drop_site_banners(*_blank_markdown_bold(text, matching)))
    raw = [_INVISIBLE.sub("", line).strip() for line in _LINE_BREAKS.sub("\n", text).split("\n")]
    if matching is None:
        folded = [fold(line).strip() for line in raw]
    else:
        copies = [_INVISIBLE.sub("", line).strip() for line in _LINE_BREAKS.sub("\n", matching).split("\n")]
        folded = [fold(line).strip() for line in copies]
    # "- 关于建立…的通知", "• 发布日期": a list bullet of the page, not part of the line.
    for index, line_folded in enumerate(folded):
        bullet = _BULLET.match(line_folded)
        if bullet and len(line_folded) == len(raw[index]):
            raw[index], folded[index] = raw[index][bullet.end():], line_folded[bullet.end():]
    _join_viewer_chunks(raw, folded)
    for index, line_folded in enumerate(folded):
        if "-" in line_folded and len(line_folded) == len(raw[index]):  # "(-)召开周期": a garbled （一）
            raw[index] = _GARBLED_ONE.sub(lambda m: m.group()[0] + "一" + m.group()[2], raw[index])
            folded[index] = _GARBLED_ONE.sub("(一)", line_folded)
    clutter = [bool(line) and is_clutter(line) for line in folded]
    # "政协和县委工作要点2篇" then "第一篇" alone: the collection's label of the text that follows, no part heading.
    if any(len(line) <= _COLLECTION_LINE_LENGTH and _COLLECTION_LINE.search(line) for line in folded):
        clutter = [flag or bool(_BARE_SITE_LABEL.fullmatch(line)) for flag, line in zip(clutter, folded)]
    lines: list[Line] = []
    gap = False
    previous_removed = True  # the start of the document counts as a boundary
    for index, (line, line_folded) in enumerate(zip(raw, folded)):
        if not line:
            gap = True
            continue
        if clutter[index]:
            # No paragraph gap: a PDF page footer may sit in the middle of a sentence.
            previous_removed = True
            continue
        next_clutter = next((clutter[j] for j in range(index + 1, len(raw)) if raw[j]), True)
        if _is_stray_name(line_folded) and (previous_removed or next_clutter):
            gap, previous_removed = True, True
            continue
        line_folded = line_folded if len(line_folded) == len(line) else fold(line)
        prefix = _without_site_prefix(line_folded)
        first_text = bool(prefix) and bool(_FIRST_SITE_NUMBER.search(line_folded[:prefix]))
        lines.append(Line(line[prefix:], line_folded[prefix:], gap, first_text))
        gap, previous_removed = False, False
    return lines
