"""The proofreader's held-out development corpus (tests/outlets/proofread_corpus/): real, correctly
edited official texts and other real texts with errors planted by hand, see its measure module.

The corpus must stay well-formed (enough texts, every category planted often enough, anchors unique,
dates valid, every text's source listed), and the proofreader must not fall below the figures it reached
when the corpus was made. The constants below are a ratchet: raise them when the proofreader improves.
"""

import json
from datetime import date

import pytest

from ideowork.outlets.proofreading import Finding, Proofreader, shipped_rules
from tests.outlets.proofread_corpus import measure as corpus

# What the proofreader reached on this corpus (recall rounded down to 2 decimals).
RECALL = 0.95
PRECISION = 0.97
MAX_CLEAN_FINDINGS = 0

MIN_CLEAN_TEXTS = 24
MIN_PLANTED_TEXTS = 20
MIN_PLANTED_ERRORS = 160
MIN_PER_CATEGORY = 12
MIN_CHARS_PER_ERROR = 60  # realistic density: no more than one planted error per ~60 characters


@pytest.fixture(scope="module")
def figures():
    return corpus.measure(Proofreader(shipped_rules()))


def read(path):
    return path.read_text(encoding="utf-8")


def test_there_are_enough_clean_real_texts_of_the_right_length():
    clean = corpus.clean_files()
    assert len(clean) >= MIN_CLEAN_TEXTS
    for path in clean:
        assert 500 <= len(read(path)) <= 2500, path.name


def test_clean_texts_are_not_the_repository_s_own_test_files():
    own = {read(p) for p in (corpus.HERE.parent / "files").glob("*.txt")}
    assert not own & {read(p) for p in corpus.clean_files() + corpus.planted_files()}


def test_every_text_is_listed_in_the_sources_with_a_valid_date_and_an_address():
    listed = corpus.sources()
    files = {f"clean/{p.name}" for p in corpus.clean_files()} | {f"planted/{p.name}" for p in corpus.planted_files()}
    assert set(listed) == files
    for name, row in listed.items():
        assert row["url"].startswith(("http://", "https://")), name
        assert row["publisher"] and row["kind"], name
        assert date(2000, 1, 1) <= date.fromisoformat(row["date"]) <= date(2026, 12, 31), name


def check_planted_gold(measured, min_texts: int, min_chars: int, *, notes_required: bool = False) -> None:
    """Every planted text of the set ``measured`` (a corpus's measure module) has well-formed gold: listed
    sources and dates, known categories, unique anchors, a realistic density; shared with the held-out set."""
    planted = measured.planted_files()
    assert len(planted) >= min_texts
    listed = measured.sources()
    for path in planted:
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert set(gold) == {"source", "date", "errors"}, path.name
        assert gold["source"] == listed[f"planted/{path.name}"]["url"], path.name
        assert gold["date"] == listed[f"planted/{path.name}"]["date"], path.name
        for error in gold["errors"]:
            assert set(error) == {"anchor", "wrong", "category", "right", "note"}, (path.name, error)
            assert error["category"] in measured.CATEGORIES, (path.name, error)
            assert error["wrong"] and error["wrong"] != error["right"], (path.name, error)
            if notes_required:
                assert error["note"], (path.name, error)
        errors = measured.planted_errors(path)  # raises on an anchor that is not unique or lacks its wrong span
        assert len({(e.start, e.end) for e in errors}) == len(errors), path.name
        assert len(read(path)) / len(errors) >= min_chars, path.name


def test_planted_gold_is_well_formed():
    check_planted_gold(corpus, MIN_PLANTED_TEXTS, MIN_CHARS_PER_ERROR)


def test_every_category_is_planted_often_enough():
    errors = [e for path in corpus.planted_files() for e in corpus.planted_errors(path)]
    assert len(errors) >= MIN_PLANTED_ERRORS
    for category in corpus.CATEGORIES:
        assert sum(e.category == category for e in errors) >= MIN_PER_CATEGORY, category


def test_a_finding_counts_only_where_it_overlaps_a_planted_error():
    class Stub:
        def __init__(self, spans):
            self.spans = spans

        def check(self, text, *, date=None):
            return [Finding(s, e, text[s:e], "stub", "stub", "error", None, "") for s, e in self.spans]

    path = corpus.planted_files()[0]
    first = corpus.planted_errors(path)[0]
    hit = corpus.measure_file(Stub([(first.start, first.end)]), path, "planted")
    assert hit.found == [first] and hit.false_alarms == []
    miss = corpus.measure_file(Stub([(first.end, first.end + 1)]), path, "planted")
    assert first not in miss.found
    clean = corpus.measure_file(Stub([(0, 1)]), corpus.clean_files()[0], "clean")
    assert len(clean.false_alarms) == 1


def test_recall_does_not_fall(figures):
    _, summary = figures
    assert summary["recall"] >= RECALL, summary["by_category"]


def test_precision_does_not_fall(figures):
    results, summary = figures
    alarms = [(r.name, a) for r in results if r.kind == "planted" for a in r.false_alarms]
    assert summary["precision"] >= PRECISION, alarms


def test_clean_real_texts_give_no_more_findings_than_before(figures):
    results, summary = figures
    alarms = [(r.name, a) for r in results if r.kind == "clean" for a in r.false_alarms]
    assert summary["clean_findings"] <= MAX_CLEAN_FINDINGS, alarms
