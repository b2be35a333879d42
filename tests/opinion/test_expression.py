"""The scheme expression language: every operator, precedence, phrases, and errors that name the position."""

import pytest

from ideowork.opinion.matching import (And, ExpressionError, Near, Not, Or, Word, parse, render,
                                       scheme_expression)


def w(text, quoted=False):
    return Word(text, text, quoted)


def shape(node):
    """The tree without the typed forms, for comparing."""
    if isinstance(node, Word):
        return node.text
    if isinstance(node, Not):
        return ("-", shape(node.operand))
    if isinstance(node, Near):
        return ("~", node.distance, shape(node.left), shape(node.right))
    return ("+" if isinstance(node, And) else "|", *map(shape, node.operands))


@pytest.mark.parametrize("source, expected", [
    ("暴雨", "暴雨"),
    ("暴雨+转移", ("+", "暴雨", "转移")),
    ("暴雨|洪涝", ("|", "暴雨", "洪涝")),
    ("-演练", ("-", "演练")),
    ("暴雨+转移+安置", ("+", "暴雨", "转移", "安置")),
    ("A|B+C", ("|", "a", ("+", "b", "c"))),
    ("A+B|C", ("|", ("+", "a", "b"), "c")),
    ("(A|B)+C", ("+", ("|", "a", "b"), "c")),
    ("-A+B", ("+", ("-", "a"), "b")),
    ("-(A|B)", ("-", ("|", "a", "b"))),
    ("--A", ("-", ("-", "a"))),
    ("A+-B", ("+", "a", ("-", "b"))),
    ("A~5 B", ("~", 5, "a", "b")),
    ("A~5B", ("~", 5, "a", "b")),
    ("A~0 B+C", ("+", ("~", 0, "a", "b"), "c")),
    ("C|A~3 B", ("|", "c", ("~", 3, "a", "b"))),
    ("(A)~3 B", ("~", 3, "a", "b")),
    ("((A|B)+(C|-D))|E", ("|", ("+", ("|", "a", "b"), ("|", "c", ("-", "d"))), "e")),
    ("  A  +  B  ", ("+", "a", "b")),
    ('"COVID-19"+疫情', ("+", "covid-19", "疫情")),
    ('"A + B (C) | ~3 -D"', "a + b (c) | ~3 -d"),
    ('"新闻 发布会"~10 回应', ("~", 10, "新闻 发布会", "回应")),
    ("暴雨＋（转移｜安置）＋－演练", ("+", "暴雨", ("|", "转移", "安置"), ("-", "演练"))),
    ("县委～５ 政府", ("~", 5, "县委", "政府")),
    ("＂全面从严治党＂", "全面从严治党"),
    ("國家+ＡＰＰ", ("+", "国家", "app")),
])
def test_parses(source, expected):
    assert shape(parse(source)) == expected


def test_words_keep_what_was_typed_and_whether_quoted():
    node = parse('國家+"A B"')
    assert node.operands[0] == Word("国家", "國家", False)
    assert node.operands[1] == Word("a b", "A B", True)


@pytest.mark.parametrize("source", ["A|B+C", "-A+B", "-(A|B)", "(A|B)+C", 'A~3 "x y"', "A+-B|C~0 D", "--A"])
def test_render_reads_back_as_the_same_tree(source):
    assert shape(parse(render(parse(source)))) == shape(parse(source))


@pytest.mark.parametrize("source, message, position", [
    ("", "表达式为空", 1),
    ("   ", "表达式为空", 1),
    ("A+", "第3个字符处（表达式末尾）缺少检索词", 3),
    ("+A", "第1个字符处缺少检索词", 1),
    ("A++B", "第3个字符处缺少检索词", 3),
    ("A|", "第3个字符处（表达式末尾）缺少检索词", 3),
    ("()", "第2个字符处缺少检索词", 2),
    ("-", "第2个字符处（表达式末尾）缺少检索词", 2),
    ("(A|B", "第5个字符处缺少右括号（第1个字符处的左括号没有闭合）", 5),
    ("((A)", "第5个字符处缺少右括号（第1个字符处的左括号没有闭合）", 5),
    ("A)", "第2个字符处多了一个右括号", 2),
    ("(A))+B", "第4个字符处多了一个右括号", 4),
    ("A B", "第3个字符处缺少运算符", 3),
    ("A-B", "第2个字符处缺少运算符", 2),
    ("A(B)", "第2个字符处缺少运算符", 2),
    ("(A B)", "第4个字符处缺少运算符或右括号", 4),
    ('A "B"', "第3个字符处缺少运算符", 3),
    ('"abc', "第1个字符处的引号没有闭合", 1),
    ('A+"b', "第3个字符处的引号没有闭合", 3),
    ('""', "第1个字符处的引号短语为空", 1),
    ('"  "', "第1个字符处的引号短语为空", 1),
    ('"a\nb"', "第3个字符处：引号短语中不能有换行或控制字符", 3),
    ("A~B", "第3个字符处应为距离", 3),
    ("A~ 5 B", "第3个字符处应为距离", 3),
    ("A~5", "第4个字符处（表达式末尾）缺少检索词", 4),
    ("(A|B)~3 C", "第1个字符处：“~”两侧只能是检索词或引号短语", 1),
    ("A~3 (B+C)", "第5个字符处：“~”两侧只能是检索词或引号短语", 5),
    ("-A~3 B", "第1个字符处：“~”两侧只能是检索词或引号短语", 1),
    ("A~3 -B", "第5个字符处：“~”两侧只能是检索词或引号短语", 5),
    ("A~3 B~3 C", "第6个字符处：“~”不能连用", 6),
    ("(" * 70 + "A" + ")" * 70, "嵌套过深", 65),
    ("-" * 70 + "A", "嵌套过深", 65),
])
def test_errors_name_the_position_in_chinese(source, message, position):
    with pytest.raises(ExpressionError) as caught:
        parse(source)
    assert message in caught.value.message
    assert caught.value.position == position
    assert isinstance(caught.value, ValueError)


def test_scheme_groups_compile_into_one_expression():
    node = scheme_expression(regions=["庐江县", "郭河镇"], subjects=["政府"], events=["暴雨", "转移", " "],
                             excludes=["演练"])
    assert shape(node) == ("+", ("|", "庐江县", "郭河镇"), "政府", ("|", "暴雨", "转移"), ("-", "演练"))


def test_scheme_groups_leave_out_empty_groups_and_and_the_advanced_expression():
    assert shape(scheme_expression(events=["暴雨"], advanced="县委~5 政府")) == ("+", "暴雨", ("~", 5, "县委", "政府"))
    assert shape(scheme_expression(advanced="A|B")) == ("|", "a", "b")
    assert shape(scheme_expression(excludes=["广告", "廣告"])) == ("-", "广告")  # one word after normalising


def test_scheme_group_words_are_literal_and_errors_say_where():
    assert shape(scheme_expression(subjects=["A+B", "(县委)"])) == ("|", "a+b", "(县委)")
    with pytest.raises(ExpressionError, match="方案至少要有一个检索词"):
        scheme_expression(regions=[" "])
    with pytest.raises(ExpressionError, match="高级表达式第3个字符处"):
        scheme_expression(events=["暴雨"], advanced="A+")
    with pytest.raises(ExpressionError, match="排除词“a\tb”中不能有换行或控制字符"):
        scheme_expression(excludes=["a\tb"])


def test_a_lone_surrogate_in_a_word_is_refused_with_its_position():
    # A lone surrogate (a JSON "\ud800" escape) is not a character anyone can type or the automaton take.
    with pytest.raises(ExpressionError) as caught:
        parse("暴雨+转\ud800移")
    assert caught.value.position == 5 and "第5个字符处是无效字符" in caught.value.message
    with pytest.raises(ExpressionError) as caught:
        parse('a|"b\ud800"')
    assert caught.value.position == 5
    with pytest.raises(ExpressionError, match="事件词中有无效字符"):
        scheme_expression(events=["转\ud800移"])
