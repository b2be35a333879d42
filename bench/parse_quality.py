"""Benchmark: how well `parse_text` reads real documents (the corpus), and the seeds beside it.

    .venv/bin/python bench/parse_quality.py [--corpus FOLDER]

Measures tests/plans/corpus (or FOLDER: any folder of <name>.txt with gold/<name>.json) against its
gold with tests/plans/corpus_measure.py, and separately the two seeds and tests/plans/documents.
Prints one line per document, then the figures as one JSON object on the last line.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
DOCUMENTS = REPO / "tests" / "plans" / "documents"
sys.path.insert(0, str(REPO))  # runs standalone, without installing the package

from tests.plans.corpus_measure import CORPUS, corpus_cases, measure  # noqa: E402


def _seed_cases() -> list[tuple[Path, Path]]:
    seeds = [(SEEDS / "000_556bd5534a8c027b.txt", SEEDS / "gold" / "seed_000.json"),
             (SEEDS / "001_5c1c457176fed4ac.txt", SEEDS / "gold" / "seed_001.json")]
    return [case for case in seeds if case[0].exists()] + corpus_cases(DOCUMENTS)


def _line(figures: dict) -> str:
    if figures["refused"]:
        return f"{figures['file']}: REFUSED ({figures['gold_items']} items, {figures['gold_targets']} targets in gold)"
    line = (f"{figures['file']}: items {figures['items_found']}/{figures['gold_items']} found, "
            f"{figures['parsed_items']} parsed; targets {figures['targets_found']}/{figures['gold_targets']} found, "
            f"{figures['targets_false']} false; title {'ok' if figures['title_ok'] else 'WRONG'}, "
            f"year {'ok' if figures['year_ok'] else 'WRONG'}")
    if figures["missed_targets"]:
        line += f"; missed {figures['missed_targets']}"
    if figures["false_targets"]:
        line += f"; false {figures['false_targets']}"
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of documents with gold/")
    args = parser.parse_args()
    corpus = measure(corpus_cases(args.corpus))
    seeds = measure(_seed_cases())
    for figures in corpus["per_document"]:
        print(_line(figures))
    for figures in seeds["per_document"]:
        print(f"[seeds] {_line(figures)}")
    summary = {key: value for key, value in corpus.items() if key != "per_document"}
    summary["seeds"] = {key: value for key, value in seeds.items() if key not in ("per_document", "by_feature")}
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
