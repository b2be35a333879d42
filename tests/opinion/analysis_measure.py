"""The quality figures of the opinion analyser on an item set of ``tests/opinion/analysisset/``.

    /work/main/.venv/bin/python tests/opinion/analysis_measure.py dev|heldout

Runs what ``ideowork opinion_analyze`` runs (sentiment, then each item added to one ``EventIndex``
in file order) and compares with the hand-made gold: sentiment accuracy and macro-F1 over the
three labels; event pairwise precision, recall and F1 (over all pairs of items: same event in the
output and in the gold), and B-cubed precision, recall and F1. Prints one JSON object.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SET = Path(__file__).resolve().parent / "analysisset"
sys.path.insert(0, str(ROOT))

from ideowork.opinion.analysis import EventIndex, sentiment, signature  # noqa: E402

LABELS = ("negative", "neutral", "positive")


def load(name: str) -> tuple[list[dict], dict]:
    items = [json.loads(line) for line in (SET / f"{name}_items.jsonl").read_text(encoding="utf-8").splitlines()
             if line.strip()]
    gold = json.loads((SET / f"{name}_gold.json").read_text(encoding="utf-8"))
    return items, gold


def day_of(published: str | None) -> int | None:
    if not published:
        return None
    return (datetime.fromisoformat(published).date() - date(1970, 1, 1)).days


def predict(items: list[dict]) -> tuple[dict, dict]:
    index = EventIndex()
    moods, events = {}, {}
    for item in items:
        moods[item["id"]] = sentiment(item.get("title") or "", item.get("text") or "").label
        events[item["id"]] = index.add(signature(item.get("title") or "", item.get("text") or "",
                                                 day_of(item.get("published")))).key
    return moods, events


def sentiment_scores(gold: dict, predicted: dict) -> dict:
    ids = list(gold)
    accuracy = sum(gold[i] == predicted[i] for i in ids) / len(ids)
    f1s = {}
    for label in LABELS:
        tp = sum(gold[i] == label and predicted[i] == label for i in ids)
        fp = sum(gold[i] != label and predicted[i] == label for i in ids)
        fn = sum(gold[i] == label and predicted[i] != label for i in ids)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1s[label] = 2 * p * r / (p + r) if p + r else 0.0
    return {"accuracy": round(accuracy, 4), "macro_f1": round(sum(f1s.values()) / len(LABELS), 4),
            "f1_by_label": {k: round(v, 4) for k, v in f1s.items()}}


def event_scores(gold: dict, predicted: dict) -> dict:
    ids = list(gold)
    tp = fp = fn = 0
    for a, b in combinations(ids, 2):
        same_gold = gold[a] == gold[b]
        same_pred = predicted[a] == predicted[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    gold_groups, pred_groups = {}, {}
    for i in ids:
        gold_groups.setdefault(gold[i], set()).add(i)
        pred_groups.setdefault(predicted[i], set()).add(i)
    overlap = {i: len(gold_groups[gold[i]] & pred_groups[predicted[i]]) for i in ids}
    bp = sum(overlap[i] / len(pred_groups[predicted[i]]) for i in ids) / len(ids)
    br = sum(overlap[i] / len(gold_groups[gold[i]]) for i in ids) / len(ids)
    return {"pairwise_precision": round(p, 4), "pairwise_recall": round(r, 4),
            "pairwise_f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "bcubed_precision": round(bp, 4), "bcubed_recall": round(br, 4),
            "bcubed_f1": round(2 * bp * br / (bp + br) if bp + br else 0.0, 4),
            "gold_events": len(gold_groups), "predicted_events": len(pred_groups), "gold_pairs": tp + fn}


def measure(name: str) -> dict:
    items, gold = load(name)
    moods, events = predict(items)
    return {"set": name, "items": len(items), "sentiment": sentiment_scores(gold["sentiment"], moods),
            "events": event_scores(gold["event"], events)}


def mistakes(name: str) -> None:
    items, gold = load(name)
    moods, events = predict(items)
    for item in items:
        i = item["id"]
        if moods[i] != gold["sentiment"][i]:
            print("SENT", i, gold["sentiment"][i], "->", moods[i], item["title"])
    by_pred = {}
    for item in items:
        by_pred.setdefault(events[item["id"]], []).append(item["id"])
    by_gold = {}
    for item in items:
        by_gold.setdefault(gold["event"][item["id"]], []).append(item["id"])
    for key, members in by_pred.items():
        if len({gold["event"][m] for m in members}) > 1:
            print("MERGED", [(m, gold["event"][m]) for m in members])
    for key, members in by_gold.items():
        if len({events[m] for m in members}) > 1:
            print("SPLIT", key, [(m, events[m][:6]) for m in members])


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "--mistakes":
        mistakes(sys.argv[1])
    print(json.dumps(measure(sys.argv[1]), ensure_ascii=False))
