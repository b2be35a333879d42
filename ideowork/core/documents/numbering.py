"""Word's automatic list numbering, rendered as the reader of the document sees it.

Headings such as "一、", "（一）" or "1." are often list numbering rather than typed characters, kept in
numbering.xml (``w:lvlText="%1、"`` with ``w:numFmt="chineseCounting"`` → "一、"). Counters follow
Word's rules: numbering instances of one abstract definition continue one list unless an instance
overrides a level's start (then it is a list of its own); numbering a level restarts the deeper levels
(``w:lvlRestart`` can say otherwise); ``w:numId="0"`` switches a style's numbering off.
"""

from __future__ import annotations

from dataclasses import dataclass

from ideowork.core.numerals import int_to_cn

__all__ = ["ListNumbering", "W", "format_number"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = f"{W}val"


@dataclass(frozen=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: 0 never, n after level n (1-based) is used; None: after any higher
    legal: bool = False  # w:isLgl: every number shown in Arabic digits
    separator: str = "\t"  # w:suff: tab, space or nothing
    style: str | None = None  # w:pStyle: the paragraph style this level belongs to


@dataclass
class _Instance:
    key: tuple  # whose counters it advances
    levels: dict[int, _Level]
    starts: dict[int, int]  # w:startOverride per level, applied on first use
    used: bool = False


_CIRCLED = {"decimalEnclosedCircle": 0x2460, "decimalEnclosedCircleChinese": 0x2460,
            "decimalEnclosedFullstop": 0x2488, "decimalEnclosedParen": 0x2474}
_SERIES = {"ideographTraditional": "甲乙丙丁戊己庚辛壬癸", "ideographZodiac": "子丑寅卯辰巳午未申酉戌亥"}
_LEGAL = str.maketrans("〇一二三四五六七八九十百千", "零壹贰叁肆伍陆柒捌玖拾佰仟")
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def format_number(value: int, fmt: str) -> str:
    """``value`` in Word's number format ``fmt`` (decimal, chineseCounting, upperRoman …)."""
    if fmt in ("bullet", "none"):
        return ""
    if fmt in _CIRCLED and 1 <= value <= 20:
        return chr(_CIRCLED[fmt] + value - 1)
    if fmt == "ideographEnclosedCircle" and 1 <= value <= 10:
        return chr(0x3220 + value - 1)
    if fmt in _SERIES and 1 <= value <= len(_SERIES[fmt]):
        return _SERIES[fmt][value - 1]
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "koreanCounting", "japaneseLegal"):
        return int_to_cn(value)
    if fmt == "chineseLegalSimplified":
        text = int_to_cn(value)
        return ("壹" + text if text.startswith("十") else text).translate(_LEGAL)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(value))
    if fmt in ("upperLetter", "lowerLetter") and value >= 1:
        letter = chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)  # Z, then AA, BB …
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 1 <= value < 4000:
        roman, rest = "", value
        for amount, symbol in _ROMAN:
            count, rest = divmod(rest, amount)
            roman += symbol * count
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalZero" and 0 <= value < 10:
        return f"0{value}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(value))
    return str(value)


def _int(element, default: int) -> int:
    try:
        return int(element.get(_VAL)) if element is not None else default
    except (TypeError, ValueError):
        return default


def _level(lvl) -> _Level:
    fmt, text, restart = lvl.find(f"{W}numFmt"), lvl.find(f"{W}lvlText"), lvl.find(f"{W}lvlRestart")
    legal, suffix, style = lvl.find(f"{W}isLgl"), lvl.find(f"{W}suff"), lvl.find(f"{W}pStyle")
    return _Level(
        start=_int(lvl.find(f"{W}start"), 1),
        fmt=fmt.get(_VAL, "decimal") if fmt is not None else "decimal",
        text=text.get(_VAL, "") if text is not None else "",
        restart=_int(restart, 0) if restart is not None else None,
        legal=legal is not None and legal.get(_VAL, "true") not in ("0", "false", "off"),
        separator={"space": " ", "nothing": ""}.get(suffix.get(_VAL) if suffix is not None else "tab", "\t"),
        style=style.get(_VAL) if style is not None else None,
    )


def _levels(parent) -> dict[int, _Level]:
    return {_int_attr(lvl, f"{W}ilvl"): _level(lvl) for lvl in parent.findall(f"{W}lvl")}


def _int_attr(element, name: str, default: int = 0) -> int:
    try:
        return int(element.get(name, default))
    except ValueError:
        return default


class ListNumbering:
    """Counters for one document's list numbering, advanced paragraph by paragraph in reading order."""

    def __init__(self, numbering, styles):
        """``numbering`` and ``styles``: the parsed numbering.xml and styles.xml roots, or None."""
        self._style_num, self._style_base = {}, {}
        for style in styles.findall(f"{W}style") if styles is not None else ():
            style_id = style.get(f"{W}styleId")
            based = style.find(f"{W}basedOn")
            self._style_base[style_id] = based.get(_VAL) if based is not None else None
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                self._style_num[style_id] = num_pr
        self._instances: dict[str, _Instance] = {}
        self._counters: dict[tuple, dict[int, int]] = {}
        if numbering is None:
            return
        abstracts = {a.get(f"{W}abstractNumId"): a for a in numbering.findall(f"{W}abstractNum")}
        nums = {n.get(f"{W}numId"): n for n in numbering.findall(f"{W}num")}
        for num_id, num in nums.items():
            abstract_id = self._definition(num, abstracts, nums)
            if abstract_id is None:
                continue
            levels = _levels(abstracts[abstract_id])
            starts = {}
            for override in num.findall(f"{W}lvlOverride"):
                ilvl = _int_attr(override, f"{W}ilvl")
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
                start = override.find(f"{W}startOverride")
                if start is not None:
                    starts[ilvl] = _int(start, 1)
            key = ("num", num_id) if starts else ("abstract", abstract_id)
            self._instances[num_id] = _Instance(key=key, levels=levels, starts=starts)

    def _definition(self, num, abstracts, nums, depth: int = 0) -> str | None:
        """The abstract definition that holds the levels, following a list style's link (numStyleLink)."""
        ref = num.find(f"{W}abstractNumId")
        abstract_id = ref.get(_VAL) if ref is not None else None
        abstract = abstracts.get(abstract_id)
        if abstract is None:
            return None
        link = abstract.find(f"{W}numStyleLink")
        num_pr = self._style_num.get(link.get(_VAL)) if link is not None and depth < 3 else None
        linked_id = num_pr.find(f"{W}numId") if num_pr is not None else None
        linked = nums.get(linked_id.get(_VAL)) if linked_id is not None else None
        if linked is not None:
            return self._definition(linked, abstracts, nums, depth + 1) or abstract_id
        return abstract_id

    def _numbering_of(self, paragraph) -> tuple[str | None, int | None, str | None]:
        """(numId, ilvl, style id) of a paragraph: its own numPr, else its style's (List Number …)."""
        style_el = paragraph.find(f"{W}pPr/{W}pStyle")
        style_id = style_el.get(_VAL) if style_el is not None else None
        own = paragraph.find(f"{W}pPr/{W}numPr")
        num_id = ilvl = None
        if own is not None:
            num_el, ilvl_el = own.find(f"{W}numId"), own.find(f"{W}ilvl")
            num_id = num_el.get(_VAL) if num_el is not None else None
            ilvl = _int(ilvl_el, 0) if ilvl_el is not None else None
        seen, current = set(), style_id
        while num_id is None and current and current not in seen:
            seen.add(current)
            num_pr = self._style_num.get(current)
            if num_pr is not None:
                num_el, ilvl_el = num_pr.find(f"{W}numId"), num_pr.find(f"{W}ilvl")
                num_id = num_el.get(_VAL) if num_el is not None else None
                if ilvl is None and ilvl_el is not None:
                    ilvl = _int(ilvl_el, 0)
            current = self._style_base.get(current)
        return num_id, ilvl, style_id

    def label(self, paragraph) -> str:
        """The number Word shows before ``paragraph`` (a ``w:p`` element), with what follows it; "" if none.

        Call once per paragraph, in reading order: each call advances the list's counters.
        """
        num_id, ilvl, style_id = self._numbering_of(paragraph)
        instance = self._instances.get(num_id) if num_id not in (None, "0") else None
        if instance is None:
            return ""
        if ilvl is None:  # a list style's paragraph: the level that names the style, else the first
            ilvl = next((n for n, level in instance.levels.items() if level.style and level.style == style_id), 0)
        level = instance.levels.get(ilvl)
        if level is None:
            return ""
        counters = self._counters.setdefault(instance.key, {})
        if not instance.used:
            instance.used = True
            for n, start in instance.starts.items():
                counters[n] = start - 1
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [n for n in counters if n > ilvl]:
            restart = instance.levels[deeper].restart if deeper in instance.levels else None
            if restart is None or (restart and ilvl < restart):
                del counters[deeper]
        if level.fmt in ("bullet", "none") and "%" not in level.text:
            return ""  # bullets are decoration, often a symbol font's private character
        text = level.text
        for n in range(9):
            placeholder = f"%{n + 1}"
            if placeholder in text:
                spec = instance.levels.get(n, _Level())
                value = counters.get(n, spec.start)
                text = text.replace(placeholder, format_number(value, "decimal" if level.legal else spec.fmt))
        if text and text[-1].isalnum() and level.separator:
            text += " "  # "第一章 总则": Word shows a tab or a space after a number that ends in no mark
        return text
