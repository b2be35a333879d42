"""The analyser on its development set: the set is whole, and the figures do not fall (a ratchet).

The held-out sets (``analysisset/heldout_*``, ``newtopics2_*``, ``newtopics3_*``) are not asserted on:
their figures are in docs/performance.md.
"""

import json

from .analysis_measure import SET, load, measure

# What the analyser reached on the development set (docs/performance.md); raise them when it improves.
FLOORS = {"accuracy": 0.94, "macro_f1": 0.93, "pairwise_precision": 0.99, "pairwise_recall": 0.84,
          "pairwise_f1": 0.91, "bcubed_f1": 0.95}


def test_the_set_is_whole():
    for name, size in (("dev", 152), ("heldout", 62), ("newtopics", 35), ("newtopics2", 15), ("newtopics3", 40)):
        items, gold = load(name)
        ids = [item["id"] for item in items]
        assert len(ids) == len(set(ids)) == size
        assert set(gold["sentiment"]) == set(gold["event"]) == set(ids)
        assert set(gold["sentiment"].values()) == {"negative", "neutral", "positive"}
    assert (SET / "README.md").exists()


def test_the_development_figures_do_not_fall():
    figures = measure("dev")
    reached = {**figures["sentiment"], **figures["events"]}
    fallen = {name: reached[name] for name, floor in FLOORS.items() if reached[name] < floor}
    assert not fallen, json.dumps(figures, ensure_ascii=False)
