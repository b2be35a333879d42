"""The second, independent set: 61 retold public news items, 16 schemes written as an office writes them
(word groups and advanced expressions), and gold decided by reading before the matcher was run on it."""

from ideowork.opinion.matching import scheme_expression

from .matchsets import MatchSet
from .reference import naive_match

SET = MatchSet("matchset2")
ITEMS, SCHEMES, GOLD = SET.items, SET.schemes, SET.gold
EXPRESSIONS = {name: scheme_expression(**groups) for name, groups in SCHEMES.items()}


def test_the_set_is_what_sources_says():
    ids = [item["id"] for item in ITEMS]
    assert ids == SET.listed_ids() and len(ids) == len(set(ids)) == 61
    assert set(GOLD) == set(SCHEMES) and len(SCHEMES) == 16
    assert all(set(GOLD[scheme]) <= set(ids) for scheme in GOLD)


def test_the_matcher_agrees_with_the_gold():
    assert not SET.disagreements(SET.found(EXPRESSIONS))


def test_the_naive_reference_agrees_too():
    for scheme, node in EXPRESSIONS.items():
        assert [i["id"] for i in ITEMS if naive_match(node, i["title"], i["text"])] == GOLD[scheme], scheme
