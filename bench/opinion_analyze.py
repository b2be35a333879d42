"""Opinion analysis benchmark: sentiment + grade + signature per item, and the event index, one core.

    /work/main/.venv/bin/python bench/opinion_analyze.py [--items 20000] [--seed 13] [--rounds 3]

Items are real sentences (the analyser's development and held-out sets, shuffled) joined into texts
of 300–800 characters, with a title of 10–30 characters; 3% are converted to traditional characters
(OpenCC s2t), as reposts from Hong Kong or Taiwan pages, and a third carry a publication day. Timed in
CPU seconds of this process (``time.process_time``), best of ``--rounds``: ``analyse`` (normalise
once, sentiment, grade, signature: what the ingestion service runs on every item) over all items,
and then ``EventIndex.add`` of every signature into one index (its cost per item, first and last
tenth, shows whether it grows with the items seen).

Last line: {"items_per_s": …, "index_items_per_s": …, "items_per_s_with_index": …, …}
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # runs standalone; the analysis package needs no Django

import opencc  # noqa: E402

from bench.opinion_world import sentences_up_to  # noqa: E402
from ideowork.opinion.analysis import EventIndex, Lexicon, analyse  # noqa: E402
from ideowork.opinion.analysis.grade import GradeRules  # noqa: E402
from ideowork.opinion.matching.normalise import normalisation_table  # noqa: E402

SETS = ROOT / "tests" / "opinion" / "analysisset"
TRADITIONAL_SHARE = 0.03


def sentences() -> list[str]:
    found = []
    for name in ("dev_items.jsonl", "heldout_items.jsonl"):
        for line in (SETS / name).read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text", "")
            found.extend(s for s in re.split(r"(?<=[。！？])", text) if len(s) >= 8)
    return found


def make_items(count: int, rng: random.Random) -> list[tuple[str, str, int | None]]:
    pool = sentences()
    s2t = opencc.OpenCC("s2t")
    items = []
    for _ in range(count):
        length = rng.randint(300, 800)
        text = "".join(sentences_up_to(rng, pool, length))[:length]
        title = rng.choice(pool)[: rng.randint(10, 30)]
        if rng.random() < TRADITIONAL_SHARE:
            title, text = s2t.convert(title), s2t.convert(text)
        day = 20000 + rng.randint(0, 365) if rng.random() < 1 / 3 else None
        items.append((title, text, day))
    return items


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    items = make_items(args.items, rng)
    normalisation_table(), Lexicon.default(), GradeRules.default()  # built once per process, not timed
    levels = ["central", "province", "city", "county", "forum", "social", "government"]
    best = None
    results = []
    for _ in range(args.rounds):
        start = time.process_time()
        results = [analyse(title, text, source_level=levels[i % 7], reach={"reads": i * 7 % 200_000}, day=day)
                   for i, (title, text, day) in enumerate(items)]
        elapsed = time.process_time() - start
        best = elapsed if best is None else min(best, elapsed)
    index = EventIndex()
    tenth = max(len(results) // 10, 1)
    marks = []
    start = time.process_time()
    for number, result in enumerate(results):
        if number % tenth == 0:
            marks.append(time.process_time())
        index.add(result.signature)
    index_elapsed = time.process_time() - start
    marks.append(time.process_time())
    first_tenth = (marks[1] - marks[0]) / tenth
    last_tenth = (marks[-1] - marks[-2]) / (len(results) - tenth * (len(marks) - 2) or tenth)
    chars = sum(len(t) + len(x) for t, x, _d in items) / len(items)
    labels = {}
    for result in results:
        labels[result.sentiment.label] = labels.get(result.sentiment.label, 0) + 1
    figures = {
        "items": len(items), "mean_chars": round(chars), "rounds": args.rounds,
        "items_per_s": round(len(items) / best),
        "index_items_per_s": round(len(items) / index_elapsed),
        "items_per_s_with_index": round(len(items) / (best + index_elapsed)),
        "index_us_per_item_first_tenth": round(first_tenth * 1e6, 1),
        "index_us_per_item_last_tenth": round(last_tenth * 1e6, 1),
        "events": index.events, "sentiment_counts": labels,
    }
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
