"""What the tests of the two matching sets (``matchset/``, ``matchset2/``) share: a set's items, schemes,
gold and SOURCES list, and what the matcher finds for each scheme."""

import json
from pathlib import Path

from ideowork.opinion.matching import Matcher

__all__ = ["MatchSet"]


def _without_notes(data: dict) -> dict:
    return {k: v for k, v in data.items() if not k.startswith("_")}


class MatchSet:
    def __init__(self, folder: str):
        self.here = Path(__file__).parent / folder
        self.items = [json.loads(line) for line in self._read("items.jsonl").splitlines() if line]
        self.schemes = _without_notes(json.loads(self._read("schemes.json")))
        self.gold = _without_notes(json.loads(self._read("gold.json")))

    def _read(self, name: str) -> str:
        return (self.here / name).read_text(encoding="utf-8")

    def listed_ids(self) -> list[str]:
        """The ids the set's SOURCES file lists, in order."""
        return [line.split("\t")[0] for line in self._read("SOURCES").splitlines() if line and not line.startswith("#")]

    def found(self, expressions: dict) -> dict[str, list[str]]:
        """{scheme: the ids of the items the matcher compiled from ``expressions`` finds, in order}."""
        matcher = Matcher.compile(expressions.items())
        found = {scheme: [] for scheme in expressions}
        for item in self.items:
            for scheme in matcher.match(item["title"], item["text"]):
                found[scheme].append(item["id"])
        return found

    def disagreements(self, found: dict, *, ordered: bool = True) -> dict:
        """{scheme: what the matcher missed and found beyond the gold} for the schemes it got wrong."""
        def same(scheme):
            return found[scheme] == self.gold[scheme] if ordered else sorted(found[scheme]) == sorted(self.gold[scheme])

        return {scheme: {"missed": sorted(set(self.gold[scheme]) - set(found[scheme])),
                         "extra": sorted(set(found[scheme]) - set(self.gold[scheme]))}
                for scheme in self.schemes if not same(scheme)}
