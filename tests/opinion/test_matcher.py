"""The one-automaton matcher: what each operator matches, normalisation, explanations and the revision cache."""

import random

import pytest

from ideowork.opinion.matching import Matcher, MatcherCache, parse, scheme_expression
from ideowork.opinion.matching.normalise import normalise, normalise_with_offsets

from .reference import naive_match


def matches(expression, text, title=""):
    return Matcher.compile([("s", expression)]).match(title, text) == ["s"]


@pytest.mark.parametrize("expression, text, expected", [
    ("暴雨", "昨夜暴雨", True),
    ("暴雨", "昨夜大雨", False),
    ("暴雨+转移", "暴雨中转移群众", True),
    ("暴雨+转移", "暴雨中安置群众", False),
    ("暴雨|洪涝", "洪涝灾害", True),
    ("暴雨|洪涝", "干旱", False),
    ("-演练", "防汛演练", False),
    ("-演练", "", True),
    ("-演练", "暴雨", True),
    ("暴雨+-演练", "暴雨防汛演练", False),
    ("暴雨+-演练", "暴雨转移", True),
    ("-(演练|广告)", "商业广告", False),
    ("-(演练|广告)", "暴雨转移", True),
    ("-(暴雨+演练)", "暴雨", True),
    ("-(暴雨+演练)", "暴雨演练", False),
    ("--暴雨", "暴雨", True),
    ("A|B+C", "a", True),
    ("A|B+C", "b", False),
    ("A|B+C", "bc", True),
    ("(A|B)+C", "a", False),
    ("(A|B)+C", "ac", True),
    ('"A+B"', "a+b", True),
    ('"A+B"', "ab", False),
    ('"新闻 发布会"', "新闻 发布会", True),
    ('"新闻 发布会"', "新闻发布会", False),
])
def test_operators(expression, text, expected):
    assert matches(expression, text) is expected


@pytest.mark.parametrize("text, distance, expected", [
    ("县委政府", 0, True),            # touching: nothing between
    ("县委和政府", 0, False),
    ("县委和政府", 1, True),          # exactly N between
    ("县委、镇和政府", 2, False),      # N+1 between
    ("县委、镇和政府", 3, True),
    ("政府和县委", 1, True),          # the other order
    ("政府和和县委", 1, False),
    ("县委", 100, False),
    ("政府", 100, False),
])
def test_proximity_counts_the_characters_strictly_between(text, distance, expected):
    assert matches(f"县委~{distance} 政府", text) is expected


def test_proximity_takes_any_pair_of_occurrences():
    far = "县委" + "。" * 30 + "政府" + "。" * 30
    assert not matches("县委~5 政府", far)
    assert matches("县委~5 政府", far + "政府，县委")      # a later pair, in the other order
    assert matches("县委~5 政府", "政府" + "。" * 20 + "县委" + "。" * 20 + "县委，政府")
    many = "。".join(["县委"] * 50) + "。" * 20 + "政府"
    assert not matches("县委~5 政府", many)
    assert matches("县委~19 政府", many) is False and matches("县委~20 政府", many)


def test_proximity_of_overlapping_occurrences_and_of_a_word_with_itself():
    assert matches("中国~0 国人", "中国人")                  # overlapping: nothing between
    assert matches("中国人~0 中国", "中国人")                # one inside the other
    assert not matches("哈哈~5 哈哈", "哈哈")                # the same word needs two occurrences
    assert matches("哈哈~0 哈哈", "哈哈哈")                  # overlapping occurrences 0-2 and 1-3
    assert matches("暴雨~3 暴雨", "暴雨，又暴雨")
    assert not matches("暴雨~2 暴雨", "暴雨，又有暴雨")


def test_normalisation_of_text_and_words():
    assert matches("app", "下载ＡＰＰ")                       # full width and case in the text
    assert matches("ＡＰＰ", "下载app")                       # ... and in the word
    assert matches("App", "APP")
    assert matches("国家", "國家安全")                        # traditional text
    assert matches("國家", "国家安全")                        # traditional word
    assert matches("縣委~1 政府", "县委與政府")
    assert matches("①", "第1条")                              # NFKC: ① is 1
    assert normalise("Straße ＧＤＰ 國務院") == "strasse gdp 国务院"


def test_positions_count_after_normalisation():
    # "……" is six characters after NFKC: 县委 and 政府 are six apart, not two.
    assert not matches("县委~5 政府", "县委……政府")
    assert matches("县委~6 政府", "县委……政府")
    assert not matches("县委~1 政府", "县委Ⅳ政府") and matches("县委~2 政府", "县委Ⅳ政府")  # Ⅳ is iv
    assert matches("iv级", "启动Ⅳ级应急响应")                 # ... and can be looked for
    assert matches("县委~1 政府", "縣委Ⅳ級政府") is False and matches("县委~3 政府", "縣委Ⅳ級政府")


def test_no_word_spans_the_title_and_the_text():
    assert not matches("暴雨转移", "转移群众", title="暴雨")
    assert matches("暴雨+转移", "转移群众", title="暴雨")
    assert matches("暴雨~1 转移", "转移群众", title="暴雨")    # the line break between them is one character
    assert not matches("暴雨~0 转移", "转移群众", title="暴雨")


def test_many_schemes_share_one_automaton_and_pure_not_schemes_match_wordless_items():
    matcher = Matcher.compile([
        (1, "暴雨+转移"), (2, "-广告"), (3, "暴雨|-(演练|广告)"), (4, scheme_expression(excludes=["演练"])),
        (5, "县委~2 政府"), (6, parse("转移")),
    ])
    assert matcher.match("", "今天天气很好") == [2, 3, 4]
    assert matcher.match("", "") == [2, 3, 4]
    assert matcher.match("暴雨", "转移群众，县委、政府") == [1, 2, 3, 4, 5, 6]
    assert matcher.match("广告", "防汛演练") == []
    assert matcher.match("", "演练") == [2]


def test_compile_refuses_duplicate_ids_and_bad_expressions():
    with pytest.raises(ValueError):
        Matcher.compile([(1, "a"), (1, "b")])
    with pytest.raises(ValueError, match="第2个字符处"):
        Matcher.compile([(1, "a)")])


def test_explain_says_which_words_occurred_where_and_why():
    matcher = Matcher.compile([("flood", "暴雨+(转移|安置)+-演练"), ("near", "县委~1 政府")])
    explained = matcher.explain("flood", "暴雨來襲……", "縣委、政府組織轉移群眾")
    assert explained.matched
    by_word = {hits.word.text: hits.occurrences for hits in explained.words}
    assert [(o.start, o.end, o.snippet) for o in by_word["暴雨"]] == [(0, 2, "暴雨")]
    (move,) = by_word["转移"]
    assert explained.text[move.start:move.end] == "转移" and move.snippet == "轉移"
    assert by_word["安置"] == () and by_word["演练"] == ()
    assert explained.tree.value and explained.tree.reason == "各项均成立"
    reasons = [child.reason for child in explained.tree.children]
    assert reasons[0] == "“暴雨”出现1次（第1字）"
    assert reasons[1] == "满足“或”：“转移”成立"
    assert reasons[2] == "“演练”不成立，取反后成立"
    near = matcher.explain("near", "", "县委和政府")
    assert near.matched and "之间相隔1字" in near.tree.reason
    missed = matcher.explain("near", "", "县委和和政府")
    assert not missed.matched and "没有在1字以内同时出现" in missed.tree.reason


def test_explain_leads_positions_back_through_characters_that_change_length():
    text = "㈠县委"
    normalised, origins = normalise_with_offsets(text)
    assert normalised == "(一)县委" and origins == [0, 0, 0, 1, 2]
    explained = Matcher.compile([(1, "县委")]).explain(1, "", text)
    (hit,) = explained.words[0].occurrences
    assert (hit.start, hit.end, hit.snippet) == (4, 6, "县委")


def test_the_cache_rebuilds_when_the_revision_moves():
    revision = [1]
    schemes = [[(1, "暴雨")]]
    loads = []

    def load():
        loads.append(revision[0])
        return schemes[0]

    cache = MatcherCache(lambda: revision[0], load)
    first = cache.matcher()
    assert cache.matcher() is first and loads == [1] and cache.revision == 1
    assert first.match("", "暴雨") == [1]
    schemes[0] = [(1, "洪涝"), (2, "暴雨")]
    assert cache.matcher() is first                      # same revision: the old schemes still
    revision[0] = 2
    second = cache.matcher()
    assert second is not first and loads == [1, 2] and second.match("", "暴雨") == [2]
    assert cache.matcher() is second


ALPHABET = "甲乙丙国國AaＡ+ 。\ud800"  # a lone surrogate too: the automaton is run around it
WORDS = ["甲", "乙", "甲乙", "乙甲", "国", "國乙", "a", "Aa", "ＡＡ", "甲甲", "丙"]


def random_expression(rng, depth=0):
    roll = rng.random()
    if depth > 3 or roll < 0.35:
        word = rng.choice(WORDS + ['"甲 乙"', '"a+甲"'])
        return word
    if roll < 0.5:
        return f"{rng.choice(WORDS)}~{rng.randint(0, 4)} {rng.choice(WORDS)}"
    if roll < 0.6:
        return "-" + rng.choice(WORDS)
    if roll < 0.7:
        return "-(" + random_expression(rng, depth + 1) + ")"
    operator = rng.choice("+|")
    parts = [random_expression(rng, depth + 1) for _ in range(rng.randint(2, 3))]
    return "(" + operator.join(parts) + ")"


def random_text(rng):
    pieces = [rng.choice(ALPHABET) for _ in range(rng.randint(0, 25))]
    if rng.random() < 0.2:
        pieces.insert(rng.randint(0, len(pieces)), "……")
    return "".join(pieces)


def test_the_automaton_agrees_with_the_naive_reference_on_random_expressions_and_texts():
    rng = random.Random(13)
    for _round in range(40):
        expressions = [(i, random_expression(rng)) for i in range(25)]
        matcher = Matcher.compile(expressions)
        nodes = {i: parse(e) for i, e in expressions}
        for _ in range(60):
            title, text = random_text(rng), random_text(rng)
            expected = [i for i, _ in expressions if naive_match(nodes[i], title, text)]
            assert matcher.match(title, text) == expected, (title, text)
            probe = rng.choice(expressions)[0]
            assert matcher.explain(probe, title, text).matched is (probe in expected)


def test_a_text_with_lone_surrogates_is_scanned_around_them():
    # The automaton takes no lone surrogate: each run between them is scanned alone, positions kept.
    matcher = Matcher.compile([(1, "县委~1 政府"), (2, "暴雨+转移"), (3, "县委~0 政府")])
    assert matcher.match("暴雨\ud800", "县委\udc00政府，转移") == [1, 2]
    explained = matcher.explain(1, "", "\ud800县委\ud800政府")
    by_word = {hits.word.text: [(o.start, o.end) for o in hits.occurrences] for hits in explained.words}
    assert by_word == {"县委": [(2, 4)], "政府": [(5, 7)]}


def test_length_markers_and_content_markers_in_one_text():
    # …… (a length marker) before a traditional character (a content marker): normalised, then scanned.
    matcher = Matcher.compile([(1, "县委~6 政府"), (2, "县委~5 政府")])
    assert matcher.match("", "縣委……政府") == [1]
    assert matcher.match("", "……县委……政府") == [1]
