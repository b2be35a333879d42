"""The scheme expression language (监测方案的高级表达式) and its parser.

The language, as issue 13 states it:

- a bare word (``暴雨``) is a substring of the item's title plus text (no segmentation); a word runs
  until whitespace or an operator character;
- ``"double-quoted phrase"`` is a word that may hold spaces and operator characters (``"COVID-19"``,
  ``"A+B"``); it may not hold a line break or another control character, nor a double quote;
- ``A+B`` AND, ``A|B`` OR, ``-A`` NOT (on the next term or parenthesised group), ``( … )``;
- ``A~N B`` proximity: an occurrence of A and an occurrence of B with at most N characters strictly
  between the end of one and the start of the other, in either order; any pair of occurrences
  qualifies. Occurrences that touch or overlap have no character between them (they qualify for any
  N). When A and B are the same word the pair must be two different occurrences (``A~5 A``: A twice).
  Both operands must be terms (a word or a phrase): a group or a negation beside ``~`` is refused
  (a group of one word, ``(A)~3 B``, is that word), and so is a chain (``A~3 B~3 C``); write ``A~3 B+B~3 C`` instead.
- precedence: ``-`` binds tightest, then ``~``, then ``+``, then ``|``: ``A|B+C`` is ``A|(B+C)``,
  ``-A+B`` is ``(-A)+B``.

Whitespace separates and is otherwise insignificant (``A + B`` = ``A+B``, ``A~5 B`` = ``A~5B``); two
terms with only whitespace between them are an error (a missing operator), not an implicit AND —
the user must say which. The full-width forms of the operators (＋ ｜ － （ ） ～ ＂ and full-width
digits after ～), which a Chinese input method types, are the operators too.

Words are normalised like items (``normalise``: NFKC, case folding, traditional→simplified), so
``國家``, ``ＡＰＰ`` and ``App`` mean ``国家``, ``app``, ``app``. Every error is an ``ExpressionError``
whose Chinese message names the character position in the expression as typed (1 = the first).

A scheme's word groups compile into one expression (``scheme_expression``):
(any 地域词) + (any 主体词) + (any 事件词) - (any 排除词), empty groups left out, and the advanced
expression, when there is one, ANDed to it: the groups say what a scheme is about, the advanced
expression narrows it further; a scheme that wants only its expression leaves the groups empty.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from .normalise import normalise

__all__ = ["ExpressionError", "Word", "Not", "And", "Or", "Near", "Node", "parse", "scheme_expression",
           "words_of", "render"]

MAX_DEPTH = 64


class ExpressionError(ValueError):
    """A scheme expression that does not parse; ``message`` is Chinese and names the position."""

    def __init__(self, message: str, position: int | None = None):
        super().__init__(message)
        self.message = message
        self.position = position


@dataclass(frozen=True)
class Word:
    text: str           # normalised: what is looked for
    typed: str = ""     # as the user wrote it
    quoted: bool = False


@dataclass(frozen=True)
class Not:
    operand: Node


@dataclass(frozen=True)
class And:
    operands: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    operands: tuple[Node, ...]


@dataclass(frozen=True)
class Near:
    left: Word
    right: Word
    distance: int


Node = Word | Not | And | Or | Near

_OPERATORS = {"+": "+", "＋": "+", "|": "|", "｜": "|", "-": "-", "－": "-", "(": "(", "（": "(", ")": ")",
              "）": ")", "~": "~", "～": "~", '"': '"', "＂": '"'}
_DIGITS = {**{str(d): d for d in range(10)}, **{chr(0xFF10 + d): d for d in range(10)}}


@dataclass(frozen=True)
class _Token:
    kind: str          # "word", "+", "|", "-", "(", ")", "~", "end"
    position: int      # 1-based position of its first character
    text: str = ""     # the word as typed
    quoted: bool = False
    distance: int = 0  # for "~"


def _tokens(source: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(source)
    while i < n:
        char = source[i]
        if char.isspace():
            i += 1
            continue
        kind = _OPERATORS.get(char)
        if kind == '"':
            close = next((j for j in range(i + 1, n) if _OPERATORS.get(source[j]) == '"'), -1)
            if close < 0:
                raise ExpressionError(f"第{i + 1}个字符处的引号没有闭合", i + 1)
            phrase = source[i + 1:close]
            bad = next((j for j, c in enumerate(phrase) if unicodedata.category(c) == "Cc"), None)
            if bad is not None:
                raise ExpressionError(f"第{i + 2 + bad}个字符处：引号短语中不能有换行或控制字符", i + 2 + bad)
            tokens.append(_Token("word", i + 1, phrase, quoted=True))
            i = close + 1
        elif kind == "~":
            j = i + 1
            while j < n and source[j] in _DIGITS:
                j += 1
            if j == i + 1:
                raise ExpressionError(f"第{i + 2}个字符处应为距离：“~”后紧跟一个非负整数，如“A~10 B”", i + 2)
            distance = 0
            for digit in source[i + 1:j]:
                distance = distance * 10 + _DIGITS[digit]
            tokens.append(_Token("~", i + 1, distance=distance))
            i = j
        elif kind is not None:
            tokens.append(_Token(kind, i + 1))
            i += 1
        else:
            j = i
            while j < n and not source[j].isspace() and source[j] not in _OPERATORS:
                j += 1
            tokens.append(_Token("word", i + 1, source[i:j]))
            i = j
    tokens.append(_Token("end", n + 1))
    return tokens


def _shown(token: _Token) -> str:
    if token.kind == "word":
        return f"“{token.text}”" if not token.quoted else f"引号短语“{token.text}”"
    if token.kind == "~":
        return f"“~{token.distance}”"
    return f"“{token.kind}”"


class _Parser:
    def __init__(self, source: str):
        self.tokens = _tokens(source)
        self.index = 0
        self.depth = 0

    @property
    def current(self) -> _Token:
        return self.tokens[self.index]

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def parse(self) -> Node:
        if self.current.kind == "end":
            raise ExpressionError("表达式为空：请至少写一个检索词", 1)
        node = self.parse_or()
        token = self.current
        if token.kind == ")":
            raise ExpressionError(f"第{token.position}个字符处多了一个右括号（没有与之配对的左括号）", token.position)
        if token.kind != "end":
            raise ExpressionError(f"第{token.position}个字符处缺少运算符：{_shown(token)}之前应有“+”（且）或“|”（或）",
                                  token.position)
        return node

    def parse_or(self) -> Node:
        operands = [self.parse_and()]
        while self.current.kind == "|":
            self.take()
            operands.append(self.parse_and())
        return operands[0] if len(operands) == 1 else Or(tuple(operands))

    def parse_and(self) -> Node:
        operands = [self.parse_near()]
        while self.current.kind == "+":
            self.take()
            operands.append(self.parse_near())
        return operands[0] if len(operands) == 1 else And(tuple(operands))

    def parse_near(self) -> Node:
        start = self.current
        left = self.parse_unary()
        if self.current.kind != "~":
            return left
        tilde = self.take()
        if not isinstance(left, Word):
            raise ExpressionError(f"第{start.position}个字符处：“~”两侧只能是检索词或引号短语，不能是括号组或“-”取反",
                                  start.position)
        right_start = self.current
        right = self.parse_unary()
        if not isinstance(right, Word):
            raise ExpressionError(
                f"第{right_start.position}个字符处：“~”两侧只能是检索词或引号短语，不能是括号组或“-”取反",
                right_start.position)
        if self.current.kind == "~":
            position = self.current.position
            raise ExpressionError(f"第{position}个字符处：“~”不能连用，请写作“A~N B+B~N C”", position)
        return Near(left, right, tilde.distance)

    def parse_unary(self) -> Node:
        token = self.current
        if token.kind == "-":
            self.take()
            with self.deeper(token):
                return Not(self.parse_unary())
        return self.parse_primary()

    def parse_primary(self) -> Node:
        token = self.take()
        if token.kind == "word":
            bad = next((j for j, c in enumerate(token.text) if unicodedata.category(c) == "Cs"), None)
            if bad is not None:
                position = token.position + bad + (1 if token.quoted else 0)
                raise ExpressionError(f"第{position}个字符处是无效字符（孤立的代理码位），检索词中不能有", position)
            text = normalise(token.text)
            if token.quoted and not text.strip():
                raise ExpressionError(f"第{token.position}个字符处的引号短语为空", token.position)
            if not text:
                raise ExpressionError(f"第{token.position}个字符处的检索词{_shown(token)}规范化后为空", token.position)
            return Word(text, token.text, token.quoted)
        if token.kind == "(":
            with self.deeper(token):
                node = self.parse_or()
            close = self.current
            if close.kind != ")":
                if close.kind == "end":
                    raise ExpressionError(
                        f"第{close.position}个字符处缺少右括号（第{token.position}个字符处的左括号没有闭合）",
                        close.position)
                raise ExpressionError(f"第{close.position}个字符处缺少运算符或右括号：{_shown(close)}之前应有"
                                      f"“+”“|”或“)”", close.position)
            self.take()
            return node
        if token.kind == "end":
            raise ExpressionError(f"第{token.position}个字符处（表达式末尾）缺少检索词", token.position)
        raise ExpressionError(f"第{token.position}个字符处缺少检索词：{_shown(token)}之前应有检索词、引号短语或左括号",
                              token.position)

    @contextmanager
    def deeper(self, token: _Token):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError(f"第{token.position}个字符处括号或“-”嵌套过深（最多{MAX_DEPTH}层）", token.position)
        try:
            yield
        finally:
            self.depth -= 1


def parse(source: str) -> Node:
    """The syntax tree of ``source``; raises ``ExpressionError`` (Chinese, with the position)."""
    if not isinstance(source, str):
        raise ExpressionError("表达式必须是文本")
    return _Parser(source).parse()


_GROUPS = (("regions", "地域词"), ("subjects", "主体词"), ("events", "事件词"), ("excludes", "排除词"))


def _group(words: Iterable[str], label: str) -> Node | None:
    nodes: list[Word] = []
    seen = set()
    for typed in words:
        typed = typed.strip()
        if not typed:
            continue
        if any(unicodedata.category(c) == "Cc" for c in typed):
            raise ExpressionError(f"{label}“{typed}”中不能有换行或控制字符")
        if any(unicodedata.category(c) == "Cs" for c in typed):
            raise ExpressionError(f"{label}中有无效字符（孤立的代理码位）")
        text = normalise(typed)
        if text and text not in seen:
            seen.add(text)
            nodes.append(Word(text, typed, quoted=True))
    if not nodes:
        return None
    return nodes[0] if len(nodes) == 1 else Or(tuple(nodes))


def scheme_expression(*, regions: Iterable[str] = (), subjects: Iterable[str] = (), events: Iterable[str] = (),
                      excludes: Iterable[str] = (), advanced: str | None = None) -> Node:
    """A scheme's word groups and advanced expression as one expression (see the module docstring)."""
    given = {"regions": regions, "subjects": subjects, "events": events, "excludes": excludes}
    parts: list[Node] = []
    for name, label in _GROUPS:
        node = _group(given[name], label)
        if node is not None:
            parts.append(Not(node) if name == "excludes" else node)
    if advanced is not None and advanced.strip():
        try:
            parts.append(parse(advanced))
        except ExpressionError as exc:
            raise ExpressionError(f"高级表达式{exc.message}", exc.position) from None
    if not parts:
        raise ExpressionError("方案至少要有一个检索词或一个高级表达式")
    return parts[0] if len(parts) == 1 else And(tuple(parts))


def words_of(node: Node) -> Iterator[Word]:
    """Every word of ``node``, in reading order (repeats included)."""
    if isinstance(node, Word):
        yield node
    elif isinstance(node, Not):
        yield from words_of(node.operand)
    elif isinstance(node, (And, Or)):
        for operand in node.operands:
            yield from words_of(operand)
    else:
        yield node.left
        yield node.right


def _bare(text: str) -> bool:
    return bool(text) and not any(c.isspace() or c in _OPERATORS or unicodedata.category(c) == "Cc" for c in text)


def render(node: Node) -> str:
    """``node`` written back in the language (normalised words; parentheses where needed)."""
    if isinstance(node, Word):
        return node.text if _bare(node.text) else f'"{node.text}"'
    if isinstance(node, Near):
        return f"{render(node.left)}~{node.distance} {render(node.right)}"
    if isinstance(node, Not):
        inner = render(node.operand)
        return f"-{inner}" if isinstance(node.operand, (Word, Not)) else f"-({inner})"
    if isinstance(node, And):
        return "+".join(render(o) if not isinstance(o, Or) else f"({render(o)})" for o in node.operands)
    return "|".join(render(o) for o in node.operands)
