"""The proofreader measured on the held-out development corpus beside this module.

``clean/<slug>.txt`` are real, correctly edited official texts: every finding on them is a false alarm.
``planted/<slug>.txt`` are other real texts with errors planted by hand; ``planted/<slug>.json`` is their
gold: ``{"source", "date", "errors": [{"anchor", "wrong", "category", "right", "note"}]}``, each anchor a
phrase that occurs exactly once in the text and contains ``wrong``. ``SOURCES.tsv`` lists every text
(file, URL, publisher, date of the document, kind); the checker is called with that date.

A planted error is found when a finding of severity error or warning overlaps its ``wrong`` span; a
finding on a planted text that overlaps no planted error is a false alarm.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLEAN = HERE / "clean"
PLANTED = HERE / "planted"
SOURCES = HERE / "SOURCES.tsv"
CATEGORIES = ("doubled", "outdated", "term", "formulation", "title", "xinhua", "de_di", "number", "numbering")
COUNTED_SEVERITIES = ("error", "warning")


@dataclass(frozen=True)
class PlantedError:
    start: int
    end: int
    wrong: str
    category: str
    right: str
    note: str


@dataclass
class FileResult:
    name: str
    kind: str  # "clean" or "planted"
    chars: int
    planted: list[PlantedError] = field(default_factory=list)
    found: list[PlantedError] = field(default_factory=list)
    false_alarms: list[tuple[int, int, str, str]] = field(default_factory=list)  # (start, end, text, rule)


def sources() -> dict[str, dict[str, str]]:
    """SOURCES.tsv keyed by file (``clean/x.txt`` or ``planted/x.txt``)."""
    with SOURCES.open(encoding="utf-8", newline="") as handle:
        return {row["file"]: row for row in csv.DictReader(handle, delimiter="\t")}


def document_day(relative: str) -> date:
    return date.fromisoformat(sources()[relative]["date"])


def clean_files() -> list[Path]:
    return sorted(CLEAN.glob("*.txt"))


def planted_files() -> list[Path]:
    return sorted(PLANTED.glob("*.txt"))


def gold(path: Path) -> dict:
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))


def planted_errors(path: Path) -> list[PlantedError]:
    """The gold errors of a planted text, located; raises ValueError on an anchor that is not unique."""
    text = path.read_text(encoding="utf-8")
    errors = []
    for entry in gold(path)["errors"]:
        anchor, wrong = entry["anchor"], entry["wrong"]
        if text.count(anchor) != 1:
            raise ValueError(f"{path.name}: anchor {anchor!r} occurs {text.count(anchor)} times")
        if wrong not in anchor:
            raise ValueError(f"{path.name}: {wrong!r} is not inside anchor {anchor!r}")
        start = text.index(anchor) + anchor.index(wrong)
        errors.append(PlantedError(start, start + len(wrong), wrong, entry["category"], entry["right"],
                                   entry.get("note", "")))
    return errors


def _counted(findings):
    return [f for f in findings if f.severity in COUNTED_SEVERITIES]


def measure_file(checker, path: Path, kind: str) -> FileResult:
    text = path.read_text(encoding="utf-8")
    relative = f"{kind}/{path.name}"
    if kind == "planted":
        day = date.fromisoformat(gold(path)["date"])
    else:
        day = document_day(relative)
    findings = _counted(checker.check(text, date=day))
    result = FileResult(name=relative, kind=kind, chars=len(text))
    if kind == "planted":
        result.planted = planted_errors(path)
        for error in result.planted:
            if any(f.start < error.end and error.start < f.end for f in findings):
                result.found.append(error)
        for f in findings:
            if not any(f.start < e.end and e.start < f.end for e in result.planted):
                result.false_alarms.append((f.start, f.end, f.text, f.rule))
    else:
        result.false_alarms = [(f.start, f.end, f.text, f.rule) for f in findings]
    return result


def measure(checker) -> tuple[list[FileResult], dict]:
    """Every file's result and the summary figures."""
    results = [measure_file(checker, p, "planted") for p in planted_files()]
    results += [measure_file(checker, p, "clean") for p in clean_files()]
    planted = [r for r in results if r.kind == "planted"]
    clean = [r for r in results if r.kind == "clean"]
    total = sum(len(r.planted) for r in planted)
    found = sum(len(r.found) for r in planted)
    alarms = sum(len(r.false_alarms) for r in planted)
    by_category = {}
    for category in CATEGORIES:
        n = sum(1 for r in planted for e in r.planted if e.category == category)
        k = sum(1 for r in planted for e in r.found if e.category == category)
        by_category[category] = {"planted": n, "found": k, "recall": round(k / n, 4) if n else None}
    summary = {
        "planted_errors": total,
        "found": found,
        "recall": round(found / total, 4) if total else 0.0,
        "precision": round(found / (found + alarms), 4) if found + alarms else 1.0,
        "planted_false_alarms": alarms,
        "by_category": by_category,
        "clean_texts": len(clean),
        "clean_findings": sum(len(r.false_alarms) for r in clean),
        "clean_chars": sum(r.chars for r in clean),
    }
    return results, summary
