"""The development set: 59 retold public news items, 17 schemes, and gold decided by reading."""

import json
from pathlib import Path

from ideowork.opinion.matching import Matcher, parse

from .reference import naive_match

HERE = Path(__file__).parent / "matchset"
ITEMS = [json.loads(line) for line in (HERE / "items.jsonl").read_text(encoding="utf-8").splitlines() if line]
SCHEMES = json.loads((HERE / "schemes.json").read_text(encoding="utf-8"))
GOLD = {k: v for k, v in json.loads((HERE / "gold.json").read_text(encoding="utf-8")).items() if not k.startswith("_")}


def matched_by_scheme():
    matcher = Matcher.compile(SCHEMES.items())
    found = {scheme: [] for scheme in SCHEMES}
    for item in ITEMS:
        for scheme in matcher.match(item["title"], item["text"]):
            found[scheme].append(item["id"])
    return found


def test_the_set_is_what_sources_says():
    ids = [item["id"] for item in ITEMS]
    listed = [line.split("\t")[0] for line in (HERE / "SOURCES").read_text(encoding="utf-8").splitlines()
              if line and not line.startswith("#")]
    assert ids == listed and len(ids) == len(set(ids)) == 59
    assert set(GOLD) == set(SCHEMES) and len(SCHEMES) == 17


def test_the_matcher_agrees_with_the_gold():
    found = matched_by_scheme()
    disagreements = {scheme: {"missed": sorted(set(GOLD[scheme]) - set(found[scheme])),
                              "extra": sorted(set(found[scheme]) - set(GOLD[scheme]))}
                     for scheme in SCHEMES if sorted(found[scheme]) != sorted(GOLD[scheme])}
    assert not disagreements


def test_the_naive_reference_agrees_too():
    for scheme, expression in SCHEMES.items():
        node = parse(expression)
        assert [i["id"] for i in ITEMS if naive_match(node, i["title"], i["text"])] == GOLD[scheme], scheme
