"""The development set: 59 retold public news items, 17 schemes, and gold decided by reading."""

from ideowork.opinion.matching import parse

from .matchsets import MatchSet
from .reference import naive_match

SET = MatchSet("matchset")
ITEMS, SCHEMES, GOLD = SET.items, SET.schemes, SET.gold


def test_the_set_is_what_sources_says():
    ids = [item["id"] for item in ITEMS]
    assert ids == SET.listed_ids() and len(ids) == len(set(ids)) == 59
    assert set(GOLD) == set(SCHEMES) and len(SCHEMES) == 17


def test_the_matcher_agrees_with_the_gold():
    assert not SET.disagreements(SET.found(SCHEMES), ordered=False)


def test_the_naive_reference_agrees_too():
    for scheme, expression in SCHEMES.items():
        node = parse(expression)
        assert [i["id"] for i in ITEMS if naive_match(node, i["title"], i["text"])] == GOLD[scheme], scheme
