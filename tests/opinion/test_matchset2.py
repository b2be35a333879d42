"""The second, independent set: 61 retold public news items, 16 schemes written as an office writes them
(word groups and advanced expressions), and gold decided by reading before the matcher was run on it."""

import json
from pathlib import Path

from ideowork.opinion.matching import Matcher, scheme_expression

from .reference import naive_match

HERE = Path(__file__).parent / "matchset2"
ITEMS = [json.loads(line) for line in (HERE / "items.jsonl").read_text(encoding="utf-8").splitlines() if line]
SCHEMES = {k: v for k, v in json.loads((HERE / "schemes.json").read_text(encoding="utf-8")).items()
           if not k.startswith("_")}
GOLD = {k: v for k, v in json.loads((HERE / "gold.json").read_text(encoding="utf-8")).items() if not k.startswith("_")}
EXPRESSIONS = {name: scheme_expression(**groups) for name, groups in SCHEMES.items()}


def test_the_set_is_what_sources_says():
    ids = [item["id"] for item in ITEMS]
    listed = [line.split("\t")[0] for line in (HERE / "SOURCES").read_text(encoding="utf-8").splitlines()
              if line and not line.startswith("#")]
    assert ids == listed and len(ids) == len(set(ids)) == 61
    assert set(GOLD) == set(SCHEMES) and len(SCHEMES) == 16
    assert all(set(GOLD[scheme]) <= set(ids) for scheme in GOLD)


def test_the_matcher_agrees_with_the_gold():
    matcher = Matcher.compile(EXPRESSIONS.items())
    found = {scheme: [] for scheme in SCHEMES}
    for item in ITEMS:
        for scheme in matcher.match(item["title"], item["text"]):
            found[scheme].append(item["id"])
    disagreements = {scheme: {"missed": sorted(set(GOLD[scheme]) - set(found[scheme])),
                              "extra": sorted(set(found[scheme]) - set(GOLD[scheme]))}
                     for scheme in SCHEMES if found[scheme] != GOLD[scheme]}
    assert not disagreements


def test_the_naive_reference_agrees_too():
    for scheme, node in EXPRESSIONS.items():
        assert [i["id"] for i in ITEMS if naive_match(node, i["title"], i["text"])] == GOLD[scheme], scheme
