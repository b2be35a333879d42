"""Benchmark: how long `parse_text` takes per document (the seeds and the annotated test plans).

    .venv/bin/python bench/parse.py [--rounds N]

Prints one line per document, then the figures as one JSON object on the last line.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
DOCUMENTS = REPO / "tests" / "plans" / "documents"
sys.path.insert(0, str(REPO))  # runs standalone, without installing the package

from ideowork.plans.parser import parse_text  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=50, help="parses per document")
    args = parser.parse_args()
    paths = sorted(SEEDS.glob("*.txt")) + sorted(DOCUMENTS.glob("*.txt"))
    documents = {path.name: path.read_text(encoding="utf-8") for path in paths}
    timings: list[float] = []
    for name, text in documents.items():
        parse_text(text)  # warm-up: compiled regexes are cached after the first call
        own = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            parse_text(text)
            own.append((time.perf_counter() - start) * 1000)
        timings += own
        print(f"{name}: {len(text)} chars, median {statistics.median(own):.2f} ms, max {max(own):.2f} ms")
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
    print(json.dumps({"p95_ms": round(p95, 2), "max_ms": round(timings[-1], 2), "docs": len(documents),
                      "rounds": args.rounds}))


if __name__ == "__main__":
    main()
