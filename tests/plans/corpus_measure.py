"""How well the parser reads real documents: recall and precision of items and targets against gold.

    from tests.plans.corpus_measure import corpus_cases, measure
    figures = measure(corpus_cases())  # every tests/plans/corpus/*.txt with its gold/<stem>.json

A gold item is found when a parsed item has the same section numeral and number and its title
matches (the normalised gold title is contained in the parsed item's title and text, or the parsed
title in the gold title). A gold target is found as in test_parser.py: the phrases contain one
another and count, period and per agree. A reported target that matches only an `optional` entry
counts neither as found nor as false; one that matches nothing is a false positive. A document the
parser refuses (ParseError) counts as refused and contributes no item and no target.

Pure Python over the parser: bench/parse_quality.py prints it, tests/plans/test_parser_corpus.py
holds it to a ratchet.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

from ideowork.plans.parser import ParseError, parse_text
from ideowork.plans.parser.cleaning import fold

__all__ = ["CORPUS", "corpus_cases", "gold_path", "measure", "norm", "title_matches", "target_matches"]

CORPUS = Path(__file__).resolve().parent / "corpus"

Case = tuple[Path, Path]


def gold_path(document: Path) -> Path:
    """A corpus document's gold file: gold/<stem>.json beside it."""
    return document.parent / "gold" / f"{document.stem}.json"


def corpus_cases(folder: Path = CORPUS) -> list[Case]:
    """Every document of a corpus folder with its gold, in name order."""
    return [(document, gold_path(document)) for document in sorted(folder.glob("*.txt"))]


def norm(text: str) -> str:
    """A phrase as the gold and the parser are compared: folded, quotes unified, no spaces."""
    return re.sub(r"[“”\"「」]", '"', fold(text)).replace(" ", "")


def title_matches(gold_title: str, parsed_title: str, parsed_text: str) -> bool:
    gold, title = norm(gold_title), norm(parsed_title)
    return gold in norm(parsed_title + parsed_text) or (bool(title) and title in gold)


def target_matches(reported, gold: dict) -> bool:
    """A reported target is the gold one: the same phrase (one inside the other), count, period and per;
    an optional gold entry without a count is matched by its phrase alone."""
    same_text = norm(gold["text"]) in norm(reported.text) or norm(reported.text) in norm(gold["text"])
    if gold["count"] is None:  # optional 定期… entries: only the phrase can be compared
        return same_text
    return (same_text and reported.count == gold["count"] and reported.period == gold["period"]
            and reported.per == gold["per"])


def _ratio(numerator: int, denominator: int) -> float | None:
    """None when there is nothing to count (no gold targets, nothing reported)."""
    return round(numerator / denominator, 4) if denominator else None


def _measure_document(document: Path, gold: dict) -> dict:
    figures = {"file": document.name, "features": gold.get("features", []), "refused": False,
               "gold_items": len(gold["items"]), "parsed_items": 0, "items_found": 0, "items_correct": 0,
               "gold_targets": len(gold["targets"]), "reported_targets": 0, "targets_found": 0,
               "targets_correct": 0, "targets_false": 0, "title_ok": False, "year_ok": False,
               "missed_items": [], "missed_targets": [], "false_targets": []}
    try:
        plan = parse_text(document.read_text(encoding="utf-8"))
    except ParseError:
        figures["refused"] = True
        figures["missed_items"] = [item["title"] for item in gold["items"]]
        figures["missed_targets"] = [target["text"] for target in gold["targets"]]
        return figures
    parsed = [(section.number, str(item.number), item) for section in plan.sections for item in section.items]
    figures["parsed_items"] = len(parsed)
    used: set[int] = set()
    for expected in gold["items"]:
        for index, (section, number, item) in enumerate(parsed):
            if (index not in used and section == expected["section"] and number == expected["number"]
                    and title_matches(expected["title"], item.title, item.text)):
                used.add(index)
                break
        else:
            figures["missed_items"].append(expected["title"])
    figures["items_found"] = figures["items_correct"] = len(used)
    reported = plan.targets
    figures["reported_targets"] = len(reported)
    for expected in gold["targets"]:
        if any(target_matches(target, expected) for target in reported):
            figures["targets_found"] += 1
        else:
            figures["missed_targets"].append(expected["text"])
    for target in reported:
        if any(target_matches(target, expected) for expected in gold["targets"]):
            figures["targets_correct"] += 1
        elif not any(target_matches(target, expected) for expected in gold["optional"]):
            figures["targets_false"] += 1
            figures["false_targets"].append(target.text)
    figures["title_ok"] = (plan.title is None if gold["title"] is None
                           else norm(plan.title or "") == norm(gold["title"]))
    figures["year_ok"] = plan.year == gold["year"]
    return figures


def _summary(documents: list[dict]) -> dict:
    total = defaultdict(int)
    for figures in documents:
        for key in ("gold_items", "parsed_items", "items_found", "items_correct", "gold_targets",
                    "targets_found", "targets_correct", "targets_false"):
            total[key] += figures[key]
    return {
        "documents": len(documents),
        "items_recall": _ratio(total["items_found"], total["gold_items"]),
        "items_precision": _ratio(total["items_correct"], total["parsed_items"]),
        "targets_recall": _ratio(total["targets_found"], total["gold_targets"]),
        "targets_precision": _ratio(total["targets_correct"], total["targets_correct"] + total["targets_false"]),
        "title_accuracy": _ratio(sum(figures["title_ok"] for figures in documents), len(documents)),
        "year_accuracy": _ratio(sum(figures["year_ok"] for figures in documents), len(documents)),
        "refused": sum(figures["refused"] for figures in documents),
    }


def measure(cases) -> dict:
    """Figures over `cases`: document paths (gold in gold/<stem>.json beside them) or (document, gold) pairs.

    Returns the summary (documents, items_recall, items_precision, targets_recall, targets_precision,
    title_accuracy, year_accuracy, refused), `by_feature` (items and targets recall over the documents
    carrying each feature tag) and `per_document` (each document's counts and misses). A ratio with
    nothing to count (a feature whose documents hold no target) is None.
    """
    documents = []
    for case in cases:
        document, gold_file = (Path(case), gold_path(Path(case))) if isinstance(case, (str, Path)) else case
        documents.append(_measure_document(Path(document), json.loads(Path(gold_file).read_text(encoding="utf-8"))))
    by_feature = {}
    for feature in sorted({feature for figures in documents for feature in figures["features"]}):
        carrying = [figures for figures in documents if feature in figures["features"]]
        summary = _summary(carrying)
        by_feature[feature] = {"documents": len(carrying), "items_recall": summary["items_recall"],
                               "targets_recall": summary["targets_recall"]}
    return {**_summary(documents), "by_feature": by_feature, "per_document": documents}
