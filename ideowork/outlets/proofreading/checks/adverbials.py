"""的 for 地 before a verb: an adverbial of manner (认真、积极、深入、扎实 …) + 的 + a verb that takes an
object ("认真的学习文件精神", "扎实的推进乡村振兴") must be 地.

Precision over reach: only listed adverbials and listed transitive verbs, and only when the verb is used as
a verb, i.e. followed by an object or 了/着/过. A nominalised verb stays correct: "经过认真的学习，"
"得到全面的提高", "深入的调研工作", "有效的落实机制", "积极的参与者". A head noun that only begins a longer word
("落实意识形态工作责任制": 意识形态, not 意识) leaves the verb a verb.

Also 的 for 得 in a series of potential complements written with 得 ("引的来、留得住、发展好").
"""

from __future__ import annotations

import re

from .base import HAN, finding, sentence_around

__all__ = ["check_adverbials", "adverbial_before"]

_ADVERBIALS = sorted("""
认真 积极 深入 扎实 有效 全面 切实 不断 持续 稳步 坚决 严格 主动 大力 广泛 充分 牢固 深刻 准确 自觉 及时
稳妥 有序 迅速 精准 有力 坚定 坚定不移 扎扎实实 认认真真 踏踏实实 实实在在 积极主动 全力 务实 高效 依法 扎实有效
深入细致 广泛深入 持续深入 认真细致 积极稳妥 坚决果断 迅速有效 精心 用心 尽心 耐心 细致 热情 尽快 尽早 逐步 反复
系统 科学 全方位 多角度 创造性 创新性 有针对性 有计划 有步骤 有组织 大张旗鼓 旗帜鲜明 实事求是
动态 提前 集中 全力以赴 统筹 彻底 严肃 从严 妥善 高标准 密切 紧密 切切实实 有条不紊 常态化 灵活 逐一 逐项
定期 按时 如期 顺利 严谨 果断 及早 自主 全程
紧紧 牢牢 原原本本 从严从紧 依法依规 依规依纪 依纪依法 高质量 全心全意 一心一意 尽心尽力 千方百计 想方设法
不折不扣 毫不动摇 坚持不懈 持之以恒 默默 悄悄 逐渐 渐渐 始终 时刻 积极有效 主动积极 认真负责 严肃认真
深入扎实 扎实稳妥 稳妥有序 有力有序 全面深入 系统全面 周密 仔细 悉心 用心用情 真心实意 快速 高速 深深
较好 更好 更快 更加 详细 详尽 圆满 出色 超额 大幅 明显 显著 不停 全力全速 加速 加快 努力 尽力
深切 真切 深情 亲切 热烈 隆重 郑重 庄严 严厉 率先 带头 逐级 层层
火速 急速 立即 立刻
""".split(), key=len, reverse=True)
_VERBS = sorted("""
学习 推进 开展 落实 贯彻 抓好 做好 推动 加强 完成 执行 研究 解决 处理 宣传 传达 领会 把握 参与 部署 实施 整改
履行 维护 思考 对待 查处 防范 化解 应对 组织 发挥 提升 提高 改进 完善 健全 建立 构建 保障 促进 引导 监督 检查
督促 谋划 统筹 回应 掌握 运用 领悟 理解 遵守 保护 开拓 推行 抓实 抓牢 压实 筑牢 守好 用好 管好 讲好 办好 搞好
承担 参加 投身 融入 配合 支持 关心 帮助 服务 适应 探索 挖掘 利用 整合 融合 展示 宣讲 阐释 解读 回答 反映 表达
体现 保持 坚持 遵循 推广 普及 培育 打造 巩固 拓展 深化 强化 优化 细化 制定 修订 解答 协调 沟通 收集 排查 整治
分析 关爱 观看 惩治 打击 调整 清理 审查 核查 宣讲 总结 梳理 策划 筹划 谋求 摸清 厘清 理顺 调研 检验 检测 监测
召开 举办 打赢 打好 做实 做细 压紧 夯实 擦亮 激发 释放 增强 凝聚 汇聚 弘扬 传承 践行 守护 捍卫 落细 改善
安排 吸纳 督办 紧盯 聚焦 围绕 对接 衔接 破解 攻克 突破 处置 排除 消除 清除 整顿 带动 推出 加快 加大 加紧 听取 倾听
征求 汇总 研判 走访 慰问 扶持 培养 选拔 动员 发动 传递 传播 研读 研讨 聆听 收看 阅读 撰写 起草 审核 审议
印发 出台 补齐 弥补 填补 拓宽 扩大 延伸 增加 减少 降低 遏制 杜绝 纠正 查找 剖析 检视 对照
掀起 依靠 拥护 贯穿 吸取 汲取 铭记 牢记 树立 增进 结合 团结 带领 实现 投入 打通 抓住 扛起 扛牢 肩负 承接
感受 体会 认识 认清 看待 把关 开创 开辟 书写 谱写 奉献 发展 建设 推进 护航 助力 赋能 激活 盘活 用活 唱响
满足 落地 提供 争取 确保 保证 了解 维持 恢复 助推 接受 吸收 吸引 引进 招引 筹集 运行 发放 兑现 承办 申报 办理 受理
跟踪 跟进 督导 指导 帮扶 救助 走进 进入 观摩 交流 分享 讲述 讲解 展现 呈现 记录 反馈 上报 报送 通报 公开 公示
发布 开发 建成 完工 投用 缓解 抵御 防控 防治 治理 管控 管理 规范 约束 引领 示范 回馈 转变 转化 提炼 总结 扩展
进行 启动 开启 推出 落细 抓紧 提速 筹备 筹措 组建 创建 评选 评议 点评 复盘 审视 查摆 整合 对标 追赶 补上 守住
寻找 寻求 找准 找到 发现 看清 想清 讲清 说清
前往 赶往 赶赴 奔赴 赶到 抵达 奔向 冲向 扑向 撤离 出动
""".split(), key=len, reverse=True)
_CANDIDATE = re.compile("的(" + "|".join(_VERBS) + ")")
_ADVERBIAL_BEFORE = re.compile("(?:" + "|".join(_ADVERBIALS) + ")$")


def _word_after(text: str, end: int) -> bool:
    """True when 和, 与 or 及 after the verb begins a word with the next character ("推进和美乡村建设")."""
    if text[end:end + 1] not in ("和", "与", "及"):
        return False
    from .doubled import _tokenizer  # doubled imports this module

    return bool(_tokenizer().FREQ.get(text[end:end + 2]))


def _nominal_head(nominal: re.Pattern, text: str, end: int) -> bool:
    """True when what follows the verb makes it a noun ("落实机制"), not when that head is only the start of a
    longer word that is the verb's object ("落实意识形态工作责任制": 意识形态, not 意识)."""
    match = nominal.match(text, end)
    if match is None:
        return False
    head = match.group()
    if len(head) < 2:
        # A place or time suffix that only begins the object's first word ("发挥中国特色…", "提高上级…"): the
        # verb keeps its object (a head noun of the list, "时间", keeps it a noun).
        if head in _POSITION_SUFFIXES and not _HEAD_NOUN.match(text, end):
            from .doubled import _tokenizer  # doubled imports this module

            words = _tokenizer().FREQ
            if any(words.get(text[end - 2:end + size], 0) for size in (1, 2, 3)):
                return True  # "发展中国家": the verb begins a longer word
            return words.get(text[end:end + 2], 0) < _COMMON_WORD  # "中国" (not "中发" of "调研中发现")
        return True
    from .doubled import _tokenizer  # doubled imports this module

    words = _tokenizer().FREQ
    return not any(end + size <= len(text) and words.get(text[end:end + size], 0)
                   for size in range(len(head) + 1, len(head) + 3))


def adverbial_before(text: str, start: int) -> bool:
    """True when a written-register adverbial of manner (认真, 详细, 深入 …) ends at ``start``."""
    return _ADVERBIAL_BEFORE.search(text, max(0, start - 4), start) is not None


# What makes the verb a noun: a head noun after it ("落实机制", "调研工作") or a nominal suffix.
_HEAD_NOUNS = ("工作|机制|制度|体系|态度|精神|作风|氛围|效果|"
               "成效|成果|能力|水平|意识|过程|情况|办法|方法|方式|途径|路径|作用|力度|进度|节奏|"
               "人员|对象|主体|队伍|平台|阵地|载体|环境|条件|基础|格局|局面|态势|热情|劲头|行动|活动|材料|资料|内容|笔记|"
               "心得|园地|专栏|教材|读本|小组|时间|安排|计划|制度|会|班|"
               # Heads of compounds that are seldom the object of the verb before them ("规范的审核流程").
               "流程|程序|标准|模式|体制|系统|领域|范围|结果|功能|职能|效能|效率|网络|中心|基地|窗口|渠道|团队|"
               "战略|理念|思路|观念|本领|素质|重点|难点|对策|目的|意义|价值|需求|作风|"
               "方案|规划|措施|举措|意见|建议|报告|说明|清单|台账")
_NOUN_AFTER = re.compile(f"[的之和与及者性式型率度化中上下里时等后前]|(?:{_HEAD_NOUNS})|[^{HAN}“《\\d]|$")
_HEAD_NOUN = re.compile(f"(?:{_HEAD_NOUNS})")
_POSITION_SUFFIXES = frozenset("中上下里后前")
_COMMON_WORD = 1000  # uses in jieba's dictionary
# Adverbs that never stand before a noun as an attribute: whatever verb follows "不断的" or "尽快的" is a verb.
_PURE_ADVERBS = frozenset("""
尽快 尽早 及早 不断 逐步 逐渐 渐渐 始终 时刻 千方百计 想方设法 坚持不懈 持之以恒 毫不动摇 不折不扣 全力 大力
不停 全力全速 火速 急速 立即 立刻
进一步 一以贯之 紧紧 牢牢 全力以赴 逐一 逐项 切切实实 扎扎实实 认认真真 踏踏实实 实实在在 原原本本 从严从紧
""".split())
# What makes the phrase a verb phrase: a modal or "进一步" before the adverbial ("要认真的谋划工作").
_MODAL_BEFORE = re.compile("(?:要|进一步|更加|必须|务必|应当|应该|需要|坚持|继续|努力|着力|全面|并|还|都|也)$")
# A preposition after 的 opens a verb phrase: "自觉的把党的领导…", "认真的将…落到实处".
_PREPOSITION = re.compile("的([把将])(?![握手关柄戏式持领军士帅门])")
# Verbs that do not make compound nouns: whatever follows them is their object ("创造性的开展工作").
_VERBAL = frozenset("开展 做好 抓好 抓实 抓牢 压实 筑牢 守好 用好 管好 讲好 办好 搞好 承担 完成 履行 解决 参加 投身 融入 "
                    "前往 赶往 赶赴 奔赴 赶到 抵达 奔向 冲向 扑向".split())
_NOUN_SUFFIX = re.compile(f"[的之和与及者性式型率度化中上下里时等后前]|[^{HAN}“《]|$")
# Verbs whose object is an action named as a noun ("开展广泛的宣传", "给予积极的支持", "经过认真的审查").
_LIGHT_VERB_BEFORE = re.compile("(?:开展|进行|加强|形成|实行|实施|给予|予以|加以|作出|做出|作|做|取得|得到|受到|"
                                "经过|通过|接受|组织|推动|深化|保持|坚持|有)了?$")
# A causative verb earlier in the clause makes "ADV的V" a predicate: "推动目标任务快速的落地，".
_CAUSATIVE_BEFORE = re.compile("(?:推动|促进|确保|保障|保证|促使|推进|带动|助推|让|使)[^，。；：！？、“”\n]{1,12}$")
# An aspect particle after the verb (not the start of a noun: "调整过程", "学习了解").
_ASPECT = re.compile("[了着](?![解力手装])|过(?![程渡去往])")
# A verb run on into a second one ("谋划安排", "研究部署"), and a series of adverbial-verb phrases before the
# adverbial ("逐一梳理、充分吸纳、认真的研究").
_COMPOUND_VERB = re.compile("(?:" + "|".join(_VERBS) + ")")
_SERIES_BEFORE = re.compile("(?:" + "|".join(_ADVERBIALS) + ")(?:" + "|".join(_VERBS) + ")、$")
# The last of a list of noun phrases, each "…的" and its noun: "整洁舒适的环境、干净卫生的食堂、耐心细致的服务" (服务 is
# a noun there, as the nouns before it show).
_NOUN_SERIES_BEFORE = re.compile(f"的[{HAN}]{{1,3}}、[{HAN}]{{0,2}}$")
# Two verbs joined, the second with its object: "坚决的防范和惩治统计造假" (not "认真的学习和研究，").
_SECOND_VERB = re.compile("[和与及并](" + "|".join(_VERBS) + ")")


# A potential complement written with 的 in a series of them written with 得 ("引的来、留得住、发展好"): 得.
_COMPLEMENT_DE = re.compile(f"(?<=[{HAN}])的([来住上动起下完好到出清])(?=[、，；。])")
_COMPLEMENT_DE_SERIES = re.compile(f"[{HAN}]得[来住上动起下完好到出清开进](?=[、，；。])")


# A complement of degree written with 的 ("问题找的很准") in a sentence whose other complements of degree are
# written with 得 ("措施提得很明确"): 得. Alone, "V的很…" may be a 的-phrase as subject ("你说的很对").
# A judgement of truth ("你说的很对", "讲的很有道理") has the 的-phrase as its subject, not a complement.
_DEGREE_DE = re.compile(f"(?<=[{HAN}])的((?:很|十分|非常|特别|比较|相当|更加|更|越来越)(?!对|正确|在理|有道理)"
                        f"[{HAN}]{{1,2}})(?=[，。；、！？])")
_DEGREE_DE_SERIES = re.compile(f"[{HAN}]得(?:很|十分|非常|特别|比较|相当|更加|更|越来越)[{HAN}]{{1,2}}(?=[，。；、！？])")
_SENTENCE_END = "。！？；\n"


def _degree_de(text):
    for match in _DEGREE_DE.finditer(text):
        start = match.start()
        begin, stop = sentence_around(text, start, match.end(), _SENTENCE_END)
        if not _DEGREE_DE_SERIES.search(text, begin, stop + 1):
            continue
        verb = text[start - 1]
        yield finding(text, start, start + 1, rule="confusable.de_de.degree", category="confusable",
                      severity="error", suggestion="得",
                      message=f"“{verb}的{match.group(1)}”是程度补语，与同句的“…得…”一样应用“得”："
                              f"“{verb}得{match.group(1)}”。")


def _complement_de(text):
    for match in _COMPLEMENT_DE.finditer(text):
        start = match.start()
        if not _COMPLEMENT_DE_SERIES.search(text, max(0, start - 8), min(len(text), match.end() + 10)):
            continue
        yield finding(text, start, start + 1, rule="confusable.de_de.complement", category="confusable",
                      severity="error", suggestion="得",
                      message=f"“{text[start - 1]}的{match.group(1)}”是可能补语，与并列的“…得…”一样应用“得”："
                              f"“{text[start - 1]}得{match.group(1)}”。")


def check_adverbials(text, context):
    yield from _subject_verb_di(text)
    if "得" in text:
        yield from _complement_de(text)
        yield from _degree_de(text)
    if "的" not in text:
        return
    for match in _CANDIDATE.finditer(text):
        start = match.start()
        before = _ADVERBIAL_BEFORE.search(text, max(0, start - 4), start)
        if before is None:
            continue
        if _LIGHT_VERB_BEFORE.search(text, max(0, before.start() - 4), before.start()):
            continue  # the object of a light verb is a noun phrase: "开展广泛的宣传动员", "进行了深入的研究"
        end = match.end()
        verbal = before.group() in _PURE_ADVERBS or _MODAL_BEFORE.search(text, max(0, before.start() - 3),
                                                                           before.start()) \
            or _CAUSATIVE_BEFORE.search(text, max(0, before.start() - 14), before.start())
        nominal = _NOUN_SUFFIX if match.group(1) in _VERBAL else _NOUN_AFTER
        compound = _COMPOUND_VERB.match(text, end)
        if compound and not _NOUN_AFTER.match(text, compound.end()):
            verbal = True  # "系统的谋划安排全市教育重点工作": two verbs run together, then their object
        if not verbal and _SERIES_BEFORE.search(text, max(0, before.start() - 8), before.start()):
            verbal = True  # "逐一梳理、充分吸纳、认真的研究": one of a series of adverbial-verb phrases
        if not verbal and _NOUN_SERIES_BEFORE.search(text, max(0, before.start() - 7), before.start()) \
                and not _COMPOUND_VERB.match(text, end) and not _ASPECT.match(text, end):
            continue  # "干净卫生的食堂、耐心细致的服务": the last of a list of noun phrases
        if not verbal and not _ASPECT.match(text, end) and _nominal_head(nominal, text, end) and not _word_after(text, end):
            second = _SECOND_VERB.match(text, end)
            if second is None or not _ASPECT.match(text, second.end()) and (
                    _NOUN_SUFFIX if second.group(1) in _VERBAL else _NOUN_AFTER).match(text, second.end()):
                continue
        yield finding(text, start, start + 1, rule="confusable.de_di", category="confusable", severity="error",
                      suggestion="地",
                      message=f"“{before.group()}的{match.group(1)}”中“{before.group()}”修饰动词“{match.group(1)}”，"
                              f"作状语应用“地”：“{before.group()}地{match.group(1)}”。")
    for match in _PREPOSITION.finditer(text):
        start = match.start()
        before = _ADVERBIAL_BEFORE.search(text, max(0, start - 4), start)
        if before is None or _LIGHT_VERB_BEFORE.search(text, max(0, before.start() - 4), before.start()):
            continue
        yield finding(text, start, start + 1, rule="confusable.de_di", category="confusable", severity="error",
                      suggestion="地",
                      message=f"“{before.group()}的{match.group(1)}……”中“{before.group()}”修饰后面的动作，"
                              f"作状语应用“地”：“{before.group()}地{match.group(1)}”。")


# 地 after a clause with its subject ("群众关注地热点") where the clause names a thing: it must be 的.
_SUBJECT_VERB_DI = re.compile("(?:人民群众|群众|老百姓|百姓|社会各界|社会|公众|职工|师生|企业|基层|干部群众|市民|村民|居民)"
                              "(?:最|普遍|共同|高度|十分|广泛)?(?:关注|关心|关切|期盼|期待|反映|急需|盼望|热议|身边)地")


# 地 inside the object of a verb that makes a state ("营造放心满意地消费环境"): the object is a noun phrase, so 的.
_OBJECT_DI = re.compile("(?:营造|形成|打造|创造|构建|创建)[^，。；、地的]{1,8}?(地)[^，。；、地的]{2,4}?"
                        "(?:环境|氛围|局面|格局|态势|风气|风尚|生态|秩序)(?=[，。；、！？\n]|$)")


# 地 inside the object of a verb of knowing ("了解基层真实地发展状况"): the object is a state named as a noun
# phrase, so 的. Not an adverbial of a second verb joined by 并/和 ("了解并准确地掌握情况").
_KNOWING = "了解|知道|掌握|摸清|把握|看到|看清|认清|弄清|查明|反映|调查"
_KNOWN_DI = re.compile(f"(?:{_KNOWING})[^，。；、地的并和与及要再又也就才]{{1,8}}?(地)(?!(?:{_KNOWING}))"
                       f"[^，。；、地的]{{2,4}}?(?:状况|现状|面貌|底数|情况)(?=[，。；、！？\n]|$)")


def _subject_verb_di(text):
    if "地" not in text:
        return
    for match in _KNOWN_DI.finditer(text):
        start = match.start(1)
        yield finding(text, start, start + 1, rule="confusable.de_di.noun", category="confusable", severity="error",
                      suggestion="的",
                      message=f"“{text[match.start():start]}地……”是“{match.group()[:2]}”的宾语中修饰名词的定语，应用“的”。")
    for match in _OBJECT_DI.finditer(text):
        start = match.start(1)
        yield finding(text, start, start + 1, rule="confusable.de_di.noun", category="confusable", severity="error",
                      suggestion="的",
                      message=f"“{text[match.start():start]}地……”是“{match.group()[:2]}”的宾语中修饰名词的定语，应用“的”。")
    for match in _SUBJECT_VERB_DI.finditer(text):
        end = match.end()
        if end < len(text) and text[end] in "，。；、！？：":
            continue
        yield finding(text, end - 1, end, rule="confusable.de_di.noun", category="confusable", severity="error",
                      suggestion="的",
                      message=f"“{match.group()[:-1]}”是修饰后面名词的定语，应用“的”：“{match.group()[:-1]}的”。")
