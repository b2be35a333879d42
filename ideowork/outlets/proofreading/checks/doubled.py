"""Doubled function characters (的的, 了了 …), a typical typing slip.

A whole word of two to four characters written twice (加强加强, 进一步进一步, also across a line
break) is reported when both copies are words in the passage's segmentation, except ABAB forms that are
correct usage: reduplicated verbs (研究研究), state adjectives (雪白雪白), numeral + classifier
(一个一个), V着V着 and emphasis in speech (非常非常).

Legitimate sequences such as 目的的, 不了了之, 但是是否, 稳定和和谐 are told apart by word segmentation:
a pair is reported only when both characters stand as words of their own. Reduplicated words (常常,
天天, 研究研究) are never considered.
"""

from __future__ import annotations

import functools
import re

from .adverbials import adverbial_before
from .base import finding

__all__ = ["check_doubled", "check_doubled_words"]

_DOUBLED = re.compile(r"([的地得了是在和与对及并从向为于就都也还又而但或被将把到着])\1")
_WINDOW = 6


@functools.cache
def _tokenizer():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def _standalone(text: str, start: int) -> bool:
    """True when text[start] and text[start + 1] are both one-character words."""
    left = max(0, start - _WINDOW)
    window = text[left:start + 2 + _WINDOW]
    singles = {begin for _word, begin, end in _tokenizer().tokenize(window) if end - begin == 1}
    return start - left in singles and start - left + 1 in singles


def check_doubled(text, context):
    for match in _DOUBLED.finditer(text):
        start = match.start()
        if not _standalone(text, start):
            continue
        char = match.group(1)
        yield finding(text, start, start + 2, rule="structure.doubled", category="doubled", severity="error",
                      suggestion=char, message=f"“{match.group()}”重复，疑为多打了一个“{char}”。")


# A whole word of two to four characters written twice ("加强加强", "进一步进一步"), also across a line break.
_DOUBLED_WORD = re.compile(r"([\u4e00-\u9fff]{2,4})((?:\r?\n[ \t\u3000]*)?)\1")
# Verbs, adjectives and adverbs whose ABAB reduplication is correct usage ("研究研究", "雪白雪白",
# "非常非常重要" in speech); and V着V着 ("说着说着").
_REDUPLICABLE_VERBS = frozenset("""
研究 讨论 商量 考虑 了解 学习 休息 活动 锻炼 打扫 整理 检查 交流 比较 介绍 沟通 琢磨 思考 总结 调查 分析
收拾 准备 练习 尝试 体验 感受 参观 溜达 打听 核实 核对 清理 整顿 磨炼 操练 梳理 反思 回顾 合计 议论
认识 熟悉 关心 关照 照顾 帮助 帮忙 表扬 批评 教育 提醒 指点 指导 鼓励 安慰 告诉 解释 说明 宣传 动员 请示
""".split())
# State adjectives ("雪白雪白"), adverbs of emphasis in speech ("非常非常重要"), greetings and sounds.
_REDUPLICABLE = frozenset("""
雪白 通红 笔直 冰凉 滚烫 漆黑 碧绿 蔚蓝 火红 金黄 湛蓝 雪亮 透亮 喷香 乌黑 瓦蓝 粉红 鲜红 崭新
非常 特别 很多 好多 许多 一定 千万 真的 实在 谢谢 再见 加油 欢迎 恭喜 哈哈 呵呵 嘻嘻 嘿嘿 滴答 叮咚 轰隆 扑通
哗啦 咕噜 嘀嗒 叮当 呼啦
""".split())
_NUMERALS = "一二两三四五六七八九十几每"


# A second verb after a reduplicated one makes a doubled compound ("学习学习贯彻", "研究研究部署"), not speech
# ("研究研究这个问题", "了解了解情况").
_COMPOUND_VERB = re.compile("贯彻|宣传|部署|制定|落实|领会|借鉴|推广|解决|探讨|决定|谋划|掌握|运用|推进|"
                            "督导|督查|整改|教育|培训|提高|把握|实践|调研")


def _reduplication(word: str, text: str, start: int, end: int) -> bool:
    """True for correct ABAB forms: listed reduplicable words (a reduplicated verb not followed by a
    second verb: "研究研究机构编制问题", not "学习学习贯彻", nor after a written-register adverbial: "详细了解了解"),
    numeral + classifier ("一个一个"), V着V着, and a unit that is itself one repeated character."""
    if (len(set(word)) == 1 or word.endswith("着") or (len(word) == 2 and word[0] in _NUMERALS)
            or word in _REDUPLICABLE):
        return True
    return word in _REDUPLICABLE_VERBS and _COMPOUND_VERB.match(text, end) is None and not adverbial_before(text, start)


_HEADING = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|第[一二三四五六七八九十]+[章节条部分])")


def _word_boundaries(text: str, start: int, word: str, end: int) -> bool:
    """True when the doubled word's start, middle and end are word boundaries in the passage's
    segmentation (the line break between the two, if any, left out)."""
    head = text[max(0, start - _WINDOW):start]
    tail = text[end:end + _WINDOW]
    window = (head + word + word + tail).replace("\n", "，").replace("\r", "，")
    tokenizer = _tokenizer()
    cuts = {0}
    spans = {}
    for token, begin, stop in tokenizer.tokenize(window):
        cuts.update((begin, stop))
        spans[begin] = token
    first, middle, last = len(head), len(head) + len(word), len(head) + 2 * len(word)
    if middle not in cuts:
        return False
    if first not in cuts:
        # The first copy merged with the word before it ("切实加强"): still a doubled word when that is a word.
        begin = max((c for c in cuts if c < first), default=0)
        token = spans.get(begin, "")
        lead = token[:-len(word)]
        if not (token.endswith(word) and len(lead) >= 2 and tokenizer.FREQ.get(lead, 0) > 0):
            return False
    if last in cuts:
        return True
    # The second copy merged with the next word ("进一步提高"): still a doubled word when the rest is a word.
    token = spans.get(middle, "")
    rest = token[len(word):]
    return token.startswith(word) and len(rest) >= 2 and tokenizer.FREQ.get(rest, 0) > 0


def _run_on_line(text: str, newline: int) -> bool:
    """True when the line ending at ``newline`` is running text broken off, not a heading."""
    begin = text.rfind("\n", 0, newline) + 1
    line = text[begin:newline]
    # A title ("怎样写好一篇学习心得体会") is short and has no comma; a sentence broken off by a line break
    # has one, or is long.
    return (len(line.strip()) >= 10 and not _HEADING.match(line) and line.rstrip()[-1:] not in "。；！？：:"
            and (len(line.strip()) >= 25 or any(mark in line for mark in "，、；,")))


def check_doubled_words(text, context):
    for match in _DOUBLED_WORD.finditer(text):
        word, gap = match.group(1), match.group(2)
        start, end = match.span()
        if _reduplication(word, text, start, end):
            continue
        if gap and not _run_on_line(text, match.start(2)):
            continue
        if not _word_boundaries(text, start, word, end):
            continue
        if gap:  # the second word, after the line break
            span, suggestion = (match.end(2), end), None
        else:
            span, suggestion = (start, end), word
        yield finding(text, *span, rule="structure.doubled_word", category="doubled", severity="error",
                      suggestion=suggestion,
                      message=f"“{word}”连续出现两次，疑为重复录入，应删去一个“{word}”。")
