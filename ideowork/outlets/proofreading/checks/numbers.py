"""Numbers (GB/T 15835-2011《出版物上数字用法》): full-width digits, 零 in years, arabic digits mixed with
十百千, approximations; and the clear rules beyond those: 百分之 with arabic digits ("百分之5" → "5%"),
fractions mixing both ("3分之1"), 几 with arabic digits ("10几个" → "十几个"), a year cut to two digits
("25年3月" → "2025年3月"), a full-width decimal point ("3．5") or colon in a time ("9：30"),
万 and 千 written together ("1万5千"), a date mixing both ("二〇二五年3月"), an approximation stated twice
("约50人左右", "超过30%以上"); and (``check_fixed_numbers``) arabic digits in fixed words ("4个意识", "8项规定",
"14五" → 四个意识, 八项规定, 十四五; GB/T 15835-2011 4.2: a number that is a morpheme of a fixed word, phrase or
abbreviation is written in Chinese numerals), two adjacent arabic digits as an approximation ("3、4个" → "三四个"),
an exact count above ten in Chinese numerals ("一百二十三人" → "123人"; GB/T 15835-2011 4.1.1),
a range with its 万, 亿 or % only after the second number ("9～16亿" → "9亿～16亿"),
a full-width comma between thousands ("3，500") and a range joined by a hyphen ("2021-2025年" → "2021—2025年",
"3-5人" → "3～5人"; GB/T 15834-2011 4.13 连接号), a quoted programme opening on digits ("“6个做”" → "“六个做”"),
余 and 多 together ("60余多人"), and a list closed by 等 with more members than its count ("产业、文化、生态等2个方面")."""

from __future__ import annotations

import re

from ideowork.core.numerals import cn_to_int, int_to_cn

from .base import finding, sentence_around

__all__ = ["check_numbers", "check_number_usage", "check_fixed_numbers", "check_mixed_counts"]

_FULLWIDTH = re.compile("[０-９]+")
_YEAR = re.compile("(?<![〇零○Oo0一二三四五六七八九十])[〇零○O0一二三四五六七八九]{4}(?=年)")
_MIXED = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)([十百千])(万|亿)?(?![米克瓦帕伏卡焦赫兆\d])")
_APPROX = re.compile("(?<![第、\n])([一二三四五六七八])、([二三四五六七八九])(?=[个天次人名位项条岁倍])")
_CHINESE_DIGITS = "一二三四五六七八九"
# Cheap scans first: most texts contain none of these, and a leading character class is fast.
_YEAR_GUARD = re.compile("[〇零○O0一二三四五六七八九]{4}年")
_MIXED_GUARD = re.compile(r"\d[十百千]")
# A number whose hundreds or thousands are written with 百 or 千 between arabic digits: "2百40个" → "240个".
_MIXED_INNER = re.compile(r"(?<![\d.])([1-9])([十百千])(\d{1,3})(?![\d.])")
_MIXED_INNER_GUARD = re.compile(r"\d[十百千]\d")
_APPROX_GUARD = re.compile("[一二三四五六七八]、[二三四五六七八九][个天次人名位项条岁倍]")


def _guarded(pattern, guard, text):
    return pattern.finditer(text) if guard.search(text) else ()
_POWERS = {"十": 10, "百": 100, "千": 1000}


def check_numbers(text, context):
    for match in _FULLWIDTH.finditer(text):
        half = match.group().translate({0xFF10 + n: 0x30 + n for n in range(10)})
        yield finding(text, *match.span(), rule="structure.number.fullwidth", category="number", severity="error",
                      suggestion=half, message=f"数字“{match.group()}”是全角字符，应使用半角阿拉伯数字“{half}”。")
    for match in _guarded(_YEAR, _YEAR_GUARD, text):
        year = match.group()
        if not any(ch in _CHINESE_DIGITS for ch in year) or all(ch in "〇" + _CHINESE_DIGITS for ch in year):
            continue
        fixed = "".join("〇" if ch in "零○O0" else ch for ch in year)
        yield finding(text, *match.span(), rule="structure.number.year_zero", category="number", severity="error",
                      suggestion=fixed, message=f"年份“{year}年”中的“0”应写作“〇”：“{fixed}年”。")
    for match in _guarded(_MIXED, _MIXED_GUARD, text):
        number, power, big = match.groups()
        value = float(number) * _POWERS[power]
        plain = (f"{value:.0f}" if value == int(value) else f"{value:g}") + (big or "")
        yield finding(text, *match.span(), rule="structure.number.mixed", category="number", severity="error",
                      suggestion=plain,
                      message=f"“{match.group()}”混用了阿拉伯数字和汉字数位，应写作“{plain}”（万、亿可作单位）。")
    for match in _guarded(_MIXED_INNER, _MIXED_INNER_GUARD, text):
        head, power, rest = match.groups()
        if len(rest) != len(str(_POWERS[power])) - 1:
            continue  # "2百5" is ambiguous (205 or 250)
        plain = str(int(head) * _POWERS[power] + int(rest))
        yield finding(text, *match.span(), rule="structure.number.mixed", category="number", severity="error",
                      suggestion=plain,
                      message=f"“{match.group()}”混用了阿拉伯数字和汉字数位，应写作“{plain}”。")
    for match in _guarded(_APPROX, _APPROX_GUARD, text):
        first, second = match.groups()
        if _CHINESE_DIGITS.index(second) != _CHINESE_DIGITS.index(first) + 1:
            continue
        yield finding(text, *match.span(), rule="structure.number.approximate", category="number",
                      severity="warning", suggestion=first + second,
                      message=f"相邻两个数字连用表示概数时中间不用顿号：“{match.group()}”应为“{first + second}”。")


_PERCENT = re.compile(r"百分之(\d+(?:\.\d+)?)|百分之[零〇一二三四五六七八九十百]+点\d+")
_FRACTION = re.compile(r"(?<![\d.])(\d+)分之(\d+|[一二三四五六七八九十]+)|(?<![一二三四五六七八九十百千万])([一二三四五六七八九十]+)分之(\d+)")
_JI = re.compile(r"(?<![\d.])(\d+)几(?=[十百千万亿\u4e00-\u9fff])(?![何乎])|几(\d+)(?![\d.])")
_SHORT_YEAR = re.compile(r"(?<![\d.第'’])(\d{2})年(?=(?:[1-9]|1[0-2])月(?![份]?[个多余]))")
# A two-digit year before 年度 or 年底/年初/年末 ("15年度", "24年底"), or compared with or counted from
# ("较24年增长", "从12年到2021年"); not a span of years ("近10年", "10年来", "从12年到20年").
_SHORT_YEAR_WORD = re.compile(r"(\d{2})年(?=度|底|初|末)"
                              r"|(?:较|比)(\d{2})年(?![代前后内来间里多余半以])"
                              r"|(?:从|自)(\d{2})年(?=[到至](?:20\d\d|今))"
                              r"|[’'‘](\d{2})(?=年|届|级)")
_FULLWIDTH_POINT = re.compile(r"(?<=\d)．(?=\d)")
_MIXED_DATE = re.compile("(?<![〇零一二三四五六七八九\\d])(?:[〇一二三四五六七八九]{4}年\\d{1,2}月|\\d{4}年(?:十[一二]?|[一二三四五六七八九])月)")
_MIXED_DATE_GUARD = re.compile("[〇一二三四五六七八九]年\\d|\\d年[一二三四五六七八九十]")
_SHORT_YEAR_GUARD = re.compile("\\d年\\d")
_FULLWIDTH_COLON = re.compile(r"(?<=\d)：(?=\d\d)")
_WAN_QIAN = re.compile(r"(?<![\d.])(\d+)万(\d)千(?!\d)")
_TWICE = re.compile(r"(?<![节制契条公签预邀相简婉规履违隐))])(约|大约|将近)有?(\d[\d.,]*%?|[一二两三四五六七八九十百千]+)"
                    r"([万亿]?[^\d，。；、！？：\n]{0,4}?)左右"
                    r"|超过(\d[\d.,]*%?|[一二两三四五六七八九十百千]+)([万亿]?[^\d，。；、！？：\n]{0,4}?)以上"
                    r"|(?<![\d.])(\d[\d.,]*)[余多]([万亿]?[^\d，。；、！？：\n]{0,3}?)左右")
_TWICE_GUARD = re.compile(r"(?:约|近|超过)有?[\d一二两三四五六七八九十百千][^，。；、！？：\n]{0,8}(?:左右|以上)"
                          r"|\d[余多][^，。；、！？：\n]{0,4}左右")
# An approximation stated twice around arabic digits: "近300多人", "约50余人" (近 or 约 with 多 or 余).
_NEAR_MORE = re.compile(r"(?<![\d.])(近|将近|约|大约)(\d[\d.,]*)(多|余)(?=[万亿]?[\u4e00-\u9fff])")
# 二 counting things before a classifier, which takes 两: "二个方面" → "两个方面" (not 第二个, 十二个, 一二个).
_ER_COUNT = re.compile("(?<![第十一二三四五六七八九百千万零〇初周星期礼])二(?=[个项名位条种件])(?!项式)")
# A two-digit year written as the year of a plan, a report or a prize ("为19年全县…", "关于21年“界别活动月”",
# "《23年经济工作…"): after a word that introduces a time or a title, before a noun; not a span of years
# ("在20年的时间里", "用了19年", "10年来", "30年后"), and only for years near the document's date.
_SHORT_YEAR_NOUN = re.compile(r"(?:(?<=[于在为对将是和与及“《（、])|^|(?<=[\u4e00-\u9fff])(?=\d{2}年(?:全[省市县区镇乡]|度)))"
                              r"(\d{2})年(?=[\u4e00-\u9fff“《])"
                              r"(?![来前后间内里多余半以代中左上之的时头整零期过就才都也又还已至到起开])", re.MULTILINE)
# 超/超过/逾 with 余/多 states an approximation twice ("超2600余个"), as 近/约 with 余/多 does.
_OVER_MORE = re.compile(r"(?<![\d.])(超过|超|逾)(\d[\d.,]*)(多|余)(?=[万亿]?[\u4e00-\u9fff])")
# 余 after a count that is not round ("166余件"): 余 follows a round number (160余件) or a unit (3.5万余人).
_UNROUND_MORE = re.compile(r"(?<![\d.第])(\d*[1-9])余(?=[个件人名家项次所户条位篇场批座亩吨元张台辆套间])")
# A digit as the morpheme of a fixed phrase "N大 + noun" ("4大班子", "3大平台"; GB/T 15835-2011 4.2: 四大班子).
_BIG_N = re.compile(r"(?<![\d.第])([1-9])大(?=班子|平台|工程|行动|战略|任务|体系|板块|片区|攻坚战|主题|纪律|作风|法宝|"
                    r"目标|功能|优势|领域|机制|品牌|特色|理念|举措|发展理念|攻坚行动|专项行动)")
# The term of a people's congress, a political consultative conference or a party committee in its name
# ("第14届全国人民代表大会"): names take Chinese numerals, as the party's congresses do.
_TERM_IN_NAME = re.compile(r"(?<![\d.])(第?)(\d{1,2})届(?=全国人民代表大会|全国人大|全国政协|中国人民政治协商会议|"
                           r"[省市县区镇乡州旗]?人民代表大会|[省市县区镇乡州旗]?人大|[省市县区州旗]?政协|[省市县区州旗]?委员会)")
# The session of a people's congress, a political consultative conference or a party committee, and a party
# congress, in its name ("县十九届人民代表大会第1次会议", "省十三届人大4次会议", "省第12次党代会"): Chinese numerals,
# as in "十二届四次会议" (GB/T 15835-2011 5.1.1). Not a standing committee's or a government's numbered meetings
# ("区政府第12次常务会议"), which local usage writes in digits.
_SESSION_IN_NAME = re.compile(r"(?<=届)(?:(?:全国|[省市县区镇乡州旗])?(?:人民代表大会|人大|政协|委员会))?第?(\d{1,2})次"
                              r"(?=会议|全体会议|全会)"
                              r"|(?<![\d.])第(\d{1,2})次(?=党代会|党代表大会|(?:全国|党员|人民|妇女|团员)?代表大会)")
# A sentence opening on a two-digit year ("22年，漳州开发区…"): the year of the text's own account.
_SHORT_YEAR_OPENING = re.compile(r"(?:^|(?<=[。；！？]))[ \t\u3000]*(\d{2})年(?=[，,])", re.MULTILINE)
# A date with its month in Chinese numerals and its day in digits ("四月14日"): one style for the whole date.
_MIXED_MONTH_DAY = re.compile(r"(?<![\u4e00-\u9fff\d])(十[一二]|[一二三四五六七八九十])月(\d{1,2})日")
# A date with 号 ("11月7号"): official texts write 日.
_DATE_HAO = re.compile(r"(?<!\d)(\d{1,2})月(\d{1,2})号(?![文令楼线院房机台码字])")
# A clock time written with a colon and 分 as well ("19:40分").
_CLOCK_FEN = re.compile(r"(?<![\d.])(\d{1,2}):(\d{2})分")
_NOT_A_YEAR_BEFORE = frozenset(".第近约逾余'’")  # "第15年度", "近10年底"
# A two-digit year a span is counted from ("89年以来", "08年起"): a span of years would not be written so
# (a leading zero, or a number no round span has) and the year it reads as lies in the twenty before the date.
_SHORT_YEAR_SINCE = re.compile(r"(\d{2})(?<![\d.第近约逾余'’这过去多前后]\d\d)年(?=以来|起|开始|至今)")
_SHORT_YEAR_WORD_GUARD = re.compile("[较比从自]\\d\\d年|\\d\\d年[度底初末]|[’'‘]\\d\\d")
_NEAR_MORE_GUARD = re.compile("\\d[多余]")
_ER_COUNT_GUARD = re.compile("二[个项名位条种件]")
_CHINESE_NUMBER = {ch: n for n, ch in enumerate("〇一二三四五六七八九")}
# Fixed words and abbreviations whose numbers are morphemes (GB/T 15835-2011 4.2).
_FIXED = re.compile(r"(?<![\d.])(?:([1-9])个(?:意识|自信|维护|确立|全面|服从|伟大|自我|务必|一百年|必须坚持)"
                    r"|([1-9])位([1-9一])体|([1-9])严([1-9])实|([1-9])会([1-9])课|([1-9])学([1-9])做"
                    r"|1带1路|1把手|8项规定|(1[0-5])五(?=规划|时期|期间|”|\")"
                    r"|[1-3]级(?:甲等|公立)?医院|[1-3]甲医院|学前[1-3]年"
                    # A formulation quoted and then named by its number of characters ("“爱国守法……”的二十字
                    # 基本道德规范"); not a length ("500字以内"). Unquoted ("乡村振兴20字方针") digits are as
                    # common in print as numerals and are left alone. Every branch begins with a character, not
                    # an assertion, so that the expression is searched as fast as before it had this branch.
                    r"|[1-9](?:(?<=”[1-9])|(?<=”的[1-9]))\d?字(?=(?:工作)?方针|总要求|要求|(?:好干部)?标准|(?:基本)?(?:道德)?规范"
                    r"|原则|诀|真经))")
_FIXED_GUARD = re.compile(r"\d(?:个[意自维确全服伟务一必]|位|严|会\d|学\d|带|把手|项规定|五|级|甲医院)|学前\d|”的?[1-9]\d?字")
_CHINESE_DIGIT = dict(zip("123456789", "一二三四五六七八九"))
_ARABIC_APPROX = re.compile(r"(?<![\d.、第])([1-8])、([2-9])(?=[个天次人名位项条岁倍])")
_THOUSANDS = re.compile(r"(?<![\d.，])\d{1,3}(?:，\d{3})+(?![\d，])")
# A range joined by a hyphen and followed by its unit ("2021-2025年", "1-9月", "3-5人"); not a telephone or
# standard's number ("0792-8251…", "GB/T 15835-2011").
_RANGE = re.compile(r"(?<![\d.\-/A-Za-z])(\d{1,4}(?:\.\d+)?)-(\d{1,4}(?:\.\d+)?)"
                    r"(?=[年月日时人个家万亿元岁天次名位项条篇期批所户座%])")
_TIME_UNITS = "年月日时"
# Cheap scans first (a leading character class is fast; the patterns above start with a lookbehind).
_ARABIC_APPROX_GUARD = re.compile("[1-8]、[2-9]")
_THOUSANDS_GUARD = re.compile("\\d，\\d{3}")
_RANGE_GUARD = re.compile("\\d-[\\d.]+[年月日时人个家万亿元岁天次名位项条篇期批所户座%]")
# A range whose 万, 亿 or % is written only after its second number: "9～16亿" is "9亿～16亿", "15～30%" is
# "15%～30%" (GB/T 15835-2011, the examples of 数值范围).
_UNIT_RANGE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)([～~〜—–-])(\d+(?:\.\d+)?)(万|亿|%)")
_UNIT_RANGE_GUARD = re.compile("\\d[～~〜—–-][\\d.]+[万亿%]")
# An exact count of eleven or more written in Chinese numerals before its unit ("一百二十三人", "三十五个"): a
# number used for counting is written in arabic digits (GB/T 15835-2011 4.1.1). Not an ordinal (第三十五个, 十五届),
# not an approximation (二十余人, 三十多个, 几十个), not a number inside a longer one or a word (百千万工程).
_CHINESE_COUNT = re.compile(
    "(?=[一二三四五六七八九十])(?<![第周届初期前后这那每约近超逾达至到和及与、余多几两〇零一二三四五六七八九十百千万亿])"
    "((?:[一二三四五六七八九]千(?:零?[一二三四五六七八九]百)?|[一二三四五六七八九]百)?"
    "(?:零?[一二三四五六七八九]?十)?[一二三四五六七八九]?)"
    "(?=(?:人|名|家|个|次|项|件|篇|条|所|场|户|元|万元|亿元|平方米|公里|吨)(?![〇零一二三四五六七八九十百千万亿]))")
_CHINESE_COUNT_GUARD = re.compile("[十百千][一二三四五六七八九]?"
                                  "(?:人|名|家|个|次|项|件|篇|条|所|场|户|元|万元|亿元|平方米|公里|吨)")
def _in_chinese(word: str) -> str:
    """The fixed word with its arabic digits in Chinese: 4个意识 → 四个意识, 2个维护 → 两个维护, 14五 → 十四五."""
    if word.endswith("五") and word[:2].isdigit():
        return "十" + _CHINESE_DIGIT.get(word[1], "") + "五"
    if word.endswith("字") and word[:-1].isdigit():
        return int_to_cn(int(word[:-1])) + "字"
    chinese = "".join(_CHINESE_DIGIT.get(ch, ch) for ch in word)
    return chinese.replace("二个", "两个").replace("二学", "两学")


# A slogan or named programme in quotation marks that opens on a count ("“6个做”", "“10项行动”", "“3个一”"): a
# fixed abbreviation, whose numeral is Chinese (GB/T 15835-2011 4.2); a quoted measure ("“3个月”") is not one.
_QUOTED_NAME = re.compile(r"(?<=“)(\d{1,2})(个|项|大|条|种|张|型|类|化|心|有|不|抓|治)"
                          r"(?![月年日天小时分钟万元亿%])[\u4e00-\u9fff]{1,6}(?=”)")
# 余 and 多 together after a number ("60余多人"): the approximation is stated twice.
_MORE_TWICE = re.compile(r"(?<![\d.])(\d[\d.,]*)(余多|多余)(?=[万亿]?[\u4e00-\u9fff])")


# A list closed by 等 and its count: more members named than the count stated ("产业、人才、文化等2个方面") is a
# slip; fewer may be 等's "and others".
_COUNTED_LIST = re.compile(r"等([2-9]|[两二三四五六七八九十])个?(方面|领域|项|类|种|条|大|个|环节|部分)")
_CLAUSE_MARKS = "，。；：！？（(\n"


def _counted_list_findings(text):
    for match in _COUNTED_LIST.finditer(text):
        begin = max(text.rfind(mark, 0, match.start()) for mark in _CLAUSE_MARKS) + 1
        clause = text[begin:match.start()]
        if "、" not in clause or "“" in clause or "《" in clause:
            continue
        items = clause.split("、")
        members = len(items) + (1 if any(j in items[-1][1:] for j in "和及与") else 0)
        stated = int(match.group(1)) if match.group(1).isdigit() else cn_to_int(match.group(1))
        if members <= stated or any(len(item) > 12 for item in items[1:]):
            continue  # fewer named than counted is 等's "and others" ("案件管理、检察听证等9项"); more is a slip
        yield finding(text, begin, match.end(), rule="structure.number.list_count", category="number",
                      severity="warning", suggestion=None,
                      message=f"这里列了{members}项，却说“{match.group()[1:]}”，请核对数字或列举。")


def check_fixed_numbers(text, context):
    """Arabic digits where GB/T 15835 asks for Chinese numerals or a single mark: fixed words, approximations,
    full-width thousands separators, ranges joined by a hyphen."""
    if _FIXED_GUARD.search(text):
        for match in _FIXED.finditer(text):
            fixed = _in_chinese(match.group())
            yield finding(text, *match.span(), rule="structure.number.fixed_word", category="number",
                          severity="error", suggestion=fixed,
                          message=f"定型的词语、缩略语中的数字用汉字：“{match.group()}”应为“{fixed}”。")
    if "“" in text:
        for match in _QUOTED_NAME.finditer(text):
            digits = match.group(1)
            fixed = ("两" if digits == "2" and match.group(2) == "个" else int_to_cn(int(digits))) + match.group(2)
            yield finding(text, *match.span(1), rule="structure.number.quoted_name", category="number",
                          severity="error", suggestion=fixed,
                          message=f"引号中的提法、口号是定型的缩略语，其中的数字用汉字：“{match.group(1)}{match.group(2)}”"
                                  f"应为“{fixed}”。")
    if "等" in text and "、" in text:
        yield from _counted_list_findings(text)
    if "余多" in text or "多余" in text:
        for match in _MORE_TWICE.finditer(text):
            yield finding(text, *match.span(2), rule="structure.number.more_twice", category="number",
                          severity="error", suggestion=match.group(2)[0],
                          message=f"“余”和“多”都表示约数，“{match.group()}”重复，应只用其一。")
    if "大" in text:
        for match in _BIG_N.finditer(text):
            fixed = _CHINESE_DIGIT[match.group(1)] + "大"
            yield finding(text, *match.span(), rule="structure.number.fixed_word", category="number",
                          severity="error", suggestion=fixed,
                          message=f"定型的词语、缩略语中的数字用汉字：“{match.group()}”应为“{fixed}”。")
    if "届" in text:
        for match in _TERM_IN_NAME.finditer(text):
            fixed = f"{match.group(1)}{int_to_cn(int(match.group(2)))}届"
            yield finding(text, *match.span(), rule="structure.number.term_in_name", category="number",
                          severity="error", suggestion=fixed,
                          message=f"人民代表大会、政协和党委的届次是名称的一部分，用汉字数字：“{match.group()}”应为“{fixed}”。")
        for match in _SESSION_IN_NAME.finditer(text):
            if match.group(1):
                yield from _session_in_name(text, match, 1)
    if "次党代会" in text or "次代表大会" in text or "次党代表大会" in text:
        for match in _SESSION_IN_NAME.finditer(text):
            if match.group(2):
                yield from _session_in_name(text, match, 2)
    if _ARABIC_APPROX_GUARD.search(text):
        for match in _ARABIC_APPROX.finditer(text):
            first, second = match.groups()
            if int(second) != int(first) + 1:
                continue
            fixed = _CHINESE_DIGIT[first] + _CHINESE_DIGIT[second]
            yield finding(text, *match.span(), rule="structure.number.approximate_arabic", category="number",
                          severity="error", suggestion=fixed,
                          message=f"相邻两个数字连用表示概数时用汉字且中间不用顿号：“{match.group()}”应为“{fixed}”。")
    if _CHINESE_COUNT_GUARD.search(text):
        for match in _CHINESE_COUNT.finditer(text):
            token = match.group(1)
            if len(token) < 2 or not any(ch in "十百千" for ch in token):
                continue
            value = cn_to_int(token)
            if value <= 10:
                continue
            yield finding(text, *match.span(1), rule="structure.number.chinese_count", category="number",
                          severity="warning", suggestion=str(value),
                          message=f"计数、计量的数字宜用阿拉伯数字：“{token}”应写作“{value}”。")
    if _THOUSANDS_GUARD.search(text):
        for match in _THOUSANDS.finditer(text):
            fixed = match.group().replace("，", "")
            yield finding(text, *match.span(), rule="structure.number.thousands", category="number",
                          severity="error", suggestion=fixed,
                          message=f"数字“{match.group()}”中不能用全角逗号分节，应写作“{fixed}”。")
    if _UNIT_RANGE_GUARD.search(text):
        for match in _UNIT_RANGE.finditer(text):
            first, _mark, second, unit = match.groups()
            fixed = f"{first}{unit}～{second}{unit}"
            yield finding(text, *match.span(), rule="structure.number.range_unit", category="number",
                          severity="error", suggestion=fixed,
                          message=f"数值范围中前后两个数值的“{unit}”都不能省略：“{match.group()}”应为“{fixed}”。")
    if _RANGE_GUARD.search(text):
        for match in _RANGE.finditer(text):
            mark = "—" if text[match.end()] in _TIME_UNITS else "～"
            fixed = f"{match.group(1)}{mark}{match.group(2)}"
            yield finding(text, *match.span(), rule="structure.number.range", category="number",
                          severity="error", suggestion=fixed,
                          message=f"标示时间或数值的起止用一字线“—”或浪纹线“～”，不用连字符：“{match.group()}”应为“{fixed}”。")


def _session_in_name(text, match, group):
    fixed = int_to_cn(int(match.group(group))) + "次"
    yield finding(text, match.start(group), match.end(group) + 1, rule="structure.number.session_in_name",
                  category="number", severity="error", suggestion=fixed,
                  message=f"会议、代表大会的次序是名称的一部分，用汉字数字：“{match.group(group)}次”应为“{fixed}”"
                          "（GB/T 15835—2011）。")


def check_number_usage(text, context):
    if "百分之" in text:
        for match in _PERCENT.finditer(text):
            fixed = match.group(1) + "%" if match.group(1) else None
            yield finding(text, *match.span(), rule="structure.number.percent", category="number", severity="error",
                          suggestion=fixed,
                          message=f"“{match.group()}”混用了汉字和阿拉伯数字，应统一写作阿拉伯数字（如“5%”）或全用汉字。")
    if "分之" in text:
        for match in _FRACTION.finditer(text):
            yield finding(text, *match.span(), rule="structure.number.fraction", category="number", severity="error",
                          suggestion=None,
                          message=f"分数“{match.group()}”混用了阿拉伯数字和汉字，应全用汉字（如“三分之一”）"
                                  "或写作阿拉伯数字分数（如“1/3”）。")
    if "几" in text:
        for match in _JI.finditer(text):
            yield finding(text, *match.span(), rule="structure.number.ji", category="number", severity="error",
                          suggestion=None,
                          message=f"含“几”的概数应全用汉字（如“十几个”“几十人”），“{match.group()}”不能用阿拉伯数字。")
    for match in _guarded(_SHORT_YEAR, _SHORT_YEAR_GUARD, text):
        fixed = f"20{match.group(1)}年"
        yield finding(text, match.start(), match.end(), rule="structure.number.short_year", category="number",
                      severity="error", suggestion=fixed,
                      message=f"年份不能简写：“{match.group()}”应写作“{fixed}”。")
    if _SHORT_YEAR_WORD_GUARD.search(text):
        for match in _SHORT_YEAR_WORD.finditer(text):
            group = next(g for g in (1, 2, 3, 4) if match.group(g))
            digits, at = match.group(group), match.start(group)
            before = text[at - 1:at] if at else ""
            if group == 1 and (before in _NOT_A_YEAR_BEFORE or before.isdigit()):
                continue  # "2015年度", "近10年底"
            if group == 4:
                at = match.start()  # "’24年": the apostrophe goes with the digits
            elif group > 1 and not context.date.year - 30 <= 2000 + int(digits) <= context.date.year:
                continue  # "比30年…": a year this cut cannot be meant
            fixed = f"20{digits}" + ("" if group == 4 else "年")
            yield finding(text, at, match.end(), rule="structure.number.short_year", category="number",
                          severity="error", suggestion=fixed,
                          message=f"年份不能简写：“{text[at:match.end()]}”应写作“{fixed}”。")
    if "．" in text:
        for match in _FULLWIDTH_POINT.finditer(text):
            yield finding(text, *match.span(), rule="structure.number.point", category="number", severity="error",
                          suggestion=".", message="小数点应使用半角的“.”，不用全角的“．”。")
    for match in _guarded(_MIXED_DATE, _MIXED_DATE_GUARD, text):
        yield finding(text, *match.span(), rule="structure.number.mixed_date", category="number", severity="error",
                      suggestion=None,
                      message=f"“{match.group()}”中年、月的数字形式不统一，应全用阿拉伯数字或全用汉字数字。")
    if "：" in text:
        for match in _FULLWIDTH_COLON.finditer(text):
            yield finding(text, *match.span(), rule="structure.number.colon", category="number", severity="error",
                          suggestion=":", message="时间的时、分之间用半角冒号“:”（如“9:30”），不用全角的“：”。")
    if "万" in text:
        for match in _WAN_QIAN.finditer(text):
            fixed = f"{match.group(1)}.{match.group(2)}万"
            yield finding(text, *match.span(), rule="structure.number.wan_qian", category="number", severity="error",
                          suggestion=fixed,
                          message=f"“{match.group()}”混用了阿拉伯数字和汉字数位，应写作“{fixed}”。")
    if _NEAR_MORE_GUARD.search(text):
        for match in _NEAR_MORE.finditer(text):
            yield finding(text, *match.span(), rule="structure.number.approximate_twice", category="number",
                          severity="error", suggestion=None,
                          message=f"“{match.group(1)}”和“{match.group(3)}”都表示概数，不能同时使用，应删去其中一个。")
    if _ER_COUNT_GUARD.search(text):
        for match in _ER_COUNT.finditer(text):
            yield finding(text, *match.span(), rule="structure.number.liang", category="number", severity="warning",
                          suggestion="两",
                          message=f"量词“{text[match.end()]}”前表示数量用“两”，不用“二”：“二{text[match.end()]}”应为"
                                  f"“两{text[match.end()]}”。")
    if "月" in text:
        for match in _MIXED_MONTH_DAY.finditer(text):
            month = "一二三四五六七八九十".index(match.group(1)[-1]) + 1 + (10 if len(match.group(1)) == 2 else 0)
            fixed = f"{month}月{match.group(2)}日"
            yield finding(text, *match.span(), rule="structure.number.mixed_month_day", category="number", severity="error",
                          suggestion=fixed,
                          message=f"日期中汉字数字与阿拉伯数字混用：“{match.group()}”应统一写作“{fixed}”（GB/T 15835—2011）。")
    if "年" in text:
        for match in _SHORT_YEAR_SINCE.finditer(text):
            digits = match.group(1)
            year = context.date.year // 100 * 100 + int(digits)
            if year > context.date.year:
                year -= 100  # "89年" in a text of 1995 is 1989
            if not (digits[0] == "0" or int(digits) % 5) or not context.date.year - 20 <= year < context.date.year:
                continue  # "10年以来", "30年来": a span of years
            yield finding(text, match.start(), match.end(), rule="structure.number.short_year", category="number",
                          severity="error", suggestion=f"{year}年",
                          message=f"年份不能简写：“{match.group()}”应写作“{year}年”。")
        for match in _SHORT_YEAR_OPENING.finditer(text):
            year = 2000 + int(match.group(1))
            if context.date.year - 1 <= year <= context.date.year:  # "12年，我们…" may be a span of years
                yield finding(text, match.start(1), match.end(), rule="structure.number.short_year", category="number",
                              severity="error", suggestion=f"{year}年",
                              message=f"年份不能简写：“{match.group(1)}年”应写作“{year}年”。")
        for match in _SHORT_YEAR_NOUN.finditer(text):
            year = 2000 + int(match.group(1))
            if not context.date.year - 12 <= year <= context.date.year + 1:
                continue
            fixed = f"{year}年"
            yield finding(text, match.start(), match.end(), rule="structure.number.short_year", category="number",
                          severity="error", suggestion=fixed,
                          message=f"年份不能简写：“{match.group()}”应写作“{fixed}”。")
    if "余" in text or "多" in text:
        for match in _OVER_MORE.finditer(text):
            yield finding(text, *match.span(), rule="structure.number.approximate_twice", category="number",
                          severity="error", suggestion=None,
                          message=f"“{match.group(1)}”和“{match.group(3)}”都表示概数，不能同时使用，应删去其中一个。")
        for match in _UNROUND_MORE.finditer(text):
            yield finding(text, *match.span(), rule="structure.number.unround_more", category="number",
                          severity="warning", suggestion=match.group(1),
                          message=f"“余”表示整数后的零头，只用在整十、整百等整数之后；“{match.group()}”是确数，"
                                  "应删去“余”或改为整数。")
    if "号" in text:
        for match in _DATE_HAO.finditer(text):
            fixed = f"{match.group(1)}月{match.group(2)}日"
            yield finding(text, *match.span(), rule="structure.number.date_hao", category="number", severity="error",
                          suggestion=fixed, message=f"公文中日期用“日”，不用“号”：“{match.group()}”应为“{fixed}”。")
    if ":" in text:
        for match in _CLOCK_FEN.finditer(text):
            fixed = f"{int(match.group(1))}时{match.group(2)}分"
            yield finding(text, *match.span(), rule="structure.number.clock", category="number", severity="error",
                          suggestion=fixed,
                          message=f"时间写作“{match.group(1)}:{match.group(2)}”或“{fixed}”，冒号和“分”不同时使用。")
    if "左右" in text or "以上" in text:
        for match in _guarded(_TWICE, _TWICE_GUARD, text):
            word = "以上" if match.group(3) else "左右"
            lead = match.group(1) or ("超过" if match.group(3) else "余")
            yield finding(text, *match.span(), rule="structure.number.approximate_twice", category="number",
                          severity="error", suggestion=None,
                          message=f"“{lead}”和“{word}”都表示概数，不能同时使用，应删去其中一个。")


# A count in Chinese numerals among counts in Arabic digits in one sentence ("23个集体和五十一名个人",
# "二等奖3个、三等奖四个"): GB/T 15835-2011 5.1 wants counts in digits, and one sentence's statistics alike.
_MEASURES = "名个件项家所次起批户篇处座"
_CN_COUNT = re.compile(f"(?<![一二三四五六七八九十百千万两第届“\"])([二三四五六七八九十][一二三四五六七八九十]{{0,2}})([{_MEASURES}])"
                       f"(?=[，。；、）]|个人|集体|单位|先进)")
_ARABIC_COUNT = re.compile(f"\\d+([{_MEASURES}])")
# The same count of the same thing in digits and in Chinese numerals in one sentence ("10个村获一等奖，五个村获
# 赶超奖").
_CN_COUNT_OF = re.compile(f"(?<![一二三四五六七八九十百千万两第届“\"])([二三四五六七八九十][一二三四五六七八九十]{{0,2}})"
                          f"([{_MEASURES}])([\u4e00-\u9fff])")


_SESSION_BODY = ("人大", "政协", "人民代表大会", "委员会", "党代会")


def _session_ordinal(text, start, end):
    """"人大三次会议", "政协十二届四次会议": the session of a body named with its term, not a count of meetings."""
    return text[end - 1] == "次" and text.startswith(("会议", "全会", "全体会议"), end) \
        and text[max(0, start - 6):start].endswith(_SESSION_BODY)


# An exact count of three figures or more in Chinese numerals ("两千一百一十五人"), not a round or approximate
# one ("两千余人", "三百人"), in a sentence that counts the same thing in digits ("870人").
_CN_EXACT = re.compile(f"(?<![一二三四五六七八九十百千万两零〇第届“\"])([一二两三四五六七八九]千[零〇]?"
                       f"(?:[一二三四五六七八九]百)?[零〇]?(?:[一二三四五六七八九]?十)?[一二三四五六七八九]?"
                       f"|[一二两三四五六七八九]百[零〇]?(?:[一二三四五六七八九]?十)?[一二三四五六七八九]?)([{_MEASURES}人])")


def check_mixed_counts(text, context):
    if not any(ch.isdigit() for ch in text):
        return
    yield from _counts_of_one_thing(text)
    if "千" in text or "百" in text:
        for match in _CN_EXACT.finditer(text):
            figures = sum(ch in "一二两三四五六七八九" for ch in match.group(1)) + ("十" in match.group(1)
                                                                         and match.group(1)[match.group(1).index("十") - 1] not in "一二三四五六七八九")
            if figures < 3:
                continue
            start, end = match.span()
            begin, stop = sentence_around(text, start, end)
            if not re.search(f"(?<![\\d.])\\d+{match.group(2)}", text[begin:stop]):
                continue
            value = cn_to_int(match.group(1))
            if not value:
                continue
            yield finding(text, start, end, rule="structure.number.mixed_counts", category="number",
                          severity="warning", suggestion=f"{value}{match.group(2)}",
                          message=f"同一句的统计数字用阿拉伯数字，“{match.group()}”应与其他数字一致，写作"
                                  f"“{value}{match.group(2)}”（GB/T 15835—2011）。")
    for match in _CN_COUNT.finditer(text):
        start, end = match.span()
        begin, stop = sentence_around(text, start, end)
        measure = match.group(2)
        if _session_ordinal(text, start, end):
            continue  # "人大三次会议": a session's ordinal, not a count
        same = any(m.group(1) == measure for m in _ARABIC_COUNT.finditer(text, begin, stop))
        if not (same and len(_ARABIC_COUNT.findall(text, begin, stop)) >= 2):
            # A statistic of two numerals or more ("五十一名") in a paragraph of counts in digits.
            para_begin = text.rfind("\n", 0, start) + 1
            para_stop = text.find("\n", end) if text.find("\n", end) >= 0 else len(text)
            if len(match.group(1)) < 2 or len(_ARABIC_COUNT.findall(text, para_begin, para_stop)) < 3:
                continue
        value = cn_to_int(match.group(1))
        if not value:
            continue
        yield finding(text, start, end, rule="structure.number.mixed_counts", category="number", severity="warning",
                      suggestion=f"{value}{measure}",
                      message=f"同一句的统计数字用阿拉伯数字，“{match.group()}”应与其他数字一致，写作“{value}{measure}”"
                              "（GB/T 15835—2011）。")


def _counts_of_one_thing(text):
    for match in _CN_COUNT_OF.finditer(text):
        start, end = match.span(1)[0], match.end(2)
        if _session_ordinal(text, start, end):
            continue  # "人大三次会议": a session's ordinal, not a count
        begin, stop = sentence_around(text, start, end)
        thing = match.group(2) + match.group(3)
        if not re.search(f"(?<![\\d.])\\d+{thing}", text[begin:stop]):
            continue
        value = cn_to_int(match.group(1))
        if not value:
            continue
        yield finding(text, start, end, rule="structure.number.mixed_counts", category="number", severity="warning",
                      suggestion=f"{value}{match.group(2)}",
                      message=f"同一句中“{thing}”的数目已用阿拉伯数字，“{match.group(1)}{match.group(2)}”应与之一致，"
                              f"写作“{value}{match.group(2)}”（GB/T 15835—2011）。")
