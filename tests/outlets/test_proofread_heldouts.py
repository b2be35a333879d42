"""The proofreader's held-out sets (tests/outlets/proofread_heldout*/) must stay well-formed, and where a
set has become a development set, the proofreader must not fall below what it reached on it.

Each set is one row of ``SETS``: its minimums (enough texts of a real length, every category planted
often enough, anchors unique, dates valid, every text listed in its sources, none shared with an
earlier set or the repository's test files) and, once a round has worked against its classes of miss,
its ratchet (recall, precision, clean findings; raise them when the proofreader improves). A set still
blind has no ratchet: it is never tuned to (see each set's README.md).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import date

import pytest

from ideowork.outlets.proofreading import Proofreader, shipped_rules

from tests.outlets.proofread_corpus import measure as development
from tests.outlets.heldout_form import check_a_broken_anchor_is_caught, check_every_category_is_planted, read
from tests.outlets.test_proofread_corpus import check_planted_gold


@dataclass(frozen=True)
class Ratchet:
    recall: float
    precision: float
    max_clean_findings: int = 0


@dataclass(frozen=True)
class HeldOut:
    name: str                       # the directory and package under tests/outlets/
    min_clean_texts: int
    min_planted_texts: int
    min_planted_errors: int
    min_per_category: int
    clean_chars: tuple[int, int]    # a clean text's length, at least and at most
    ratchet: Ratchet | None = None  # None while the set is blind
    min_chars_per_error: int = 60   # realistic density: no more than one planted error per ~60 characters
    earliest: date = date(2018, 1, 1)  # the oldest document the set may hold

    @property
    def measure(self):
        return importlib.import_module(f"tests.outlets.{self.name}.measure")


SETS = [
    HeldOut("proofread_heldout2", 12, 14, 100, 8, (400, 2500)),
    HeldOut("proofread_heldout3", 10, 12, 75, 6, (380, 2500)),
    # Built blind and measured once (recall 0.50); round five worked against its classes of miss.
    HeldOut("proofread_heldout4", 10, 12, 78, 6, (400, 700), Ratchet(recall=0.91, precision=0.98)),
    # Measured once (recall 0.65); round six worked against its classes of miss.
    HeldOut("proofread_heldout5", 10, 25, 80, 6, (200, 1000), Ratchet(recall=0.87, precision=1.0)),
    # Measured once (recall 0.50, session 8); round six's second part worked against its classes of miss. The
    # Xinhua list's items the rule files do not list are rare in local organ news: three planted (README.md).
    HeldOut("proofread_heldout6", 12, 20, 80, 3, (140, 800), Ratchet(recall=0.84, precision=0.98),
            earliest=date(2017, 1, 1)),
    # Built blind by an engineer who had not read the rules and measured once (recall 0.44, session 9); round seven
    # worked against its classes of miss.
    HeldOut("proofread_heldout7", 9, 10, 60, 4, (200, 500), Ratchet(recall=0.96, precision=1.0)),
    # Built blind and measured once (recall 0.47, session 10); round eight worked against its classes of miss. Other
    # kinds of text (minutes, a 公文 of 2014, a work report of 2019, a 述职 report, a police release) and older ones.
    HeldOut("proofread_heldout8", 9, 13, 72, 3, (240, 640), Ratchet(recall=0.87, precision=0.98),
            earliest=date(2006, 1, 1)),
    # Built after round eight by the engineer who made it (README.md says how blind that is) and measured once;
    # texts of still other kinds, back to 1995. Too few Xinhua-list and title slips are planted to judge those.
    # Measured once (recall 0.47, session 10); round nine (session 12) worked against its classes of miss.
    HeldOut("proofread_heldout9", 9, 9, 47, 1, (140, 470), Ratchet(recall=0.80, precision=1.0),
            earliest=date(1995, 1, 1)),
    # Built blind and measured once (recall 0.64, session 12); round ten worked against its classes of miss.
    # Hospitals, courts, youth league, streets, colleges; 2012-2026. Its four remaining false alarms are the pages'
    # own slips that its README lists and its gold leaves out.
    HeldOut("proofread_heldout10", 9, 10, 60, 4, (200, 900), Ratchet(recall=0.85, precision=0.92),
            earliest=date(2010, 1, 1)),
    # Built blind (session 12, after rounds nine and ten), not yet measured: tax, statistics, water, weather, transport,
    # CPPCC, people's congress, armed police, banks, state firms, publishing; 2013-2024.
    HeldOut("proofread_heldout11", 9, 10, 60, 4, (200, 900), earliest=date(2008, 1, 1)),
]


def earlier_sets(held: HeldOut) -> list:
    """The development corpus and every set before ``held``: none of their texts or pages may recur."""
    return [development] + [s.measure for s in SETS[:SETS.index(held)]]


@pytest.fixture(params=SETS, ids=[s.name for s in SETS])
def held(request) -> HeldOut:
    return request.param


def test_the_set_lives_in_its_own_directory(held):
    heldout = held.measure
    assert heldout.CLEAN.parent.name == held.name
    assert heldout.clean_files()[0].parent == heldout.CLEAN
    assert development.CLEAN.parent.name == "proofread_corpus"  # loading a held-out set moved nothing


def test_there_are_enough_clean_real_texts_of_a_real_length(held):
    clean = held.measure.clean_files()
    assert len(clean) >= held.min_clean_texts
    least, most = held.clean_chars
    for path in clean:
        assert least <= len(read(path)) <= most, path.name


def test_every_text_is_listed_in_the_sources_with_a_valid_date_and_an_address(held):
    heldout = held.measure
    listed = heldout.sources()
    files = {f"clean/{p.name}" for p in heldout.clean_files()} | {f"planted/{p.name}" for p in heldout.planted_files()}
    assert set(listed) == files
    for name, row in listed.items():
        assert row["url"].startswith(("http://", "https://")), name
        assert row["publisher"] and row["kind"], name
        assert held.earliest <= date.fromisoformat(row["date"]) <= date(2026, 12, 31), name


def test_no_text_or_page_is_shared_with_the_earlier_sets_or_the_repository_s_test_files(held):
    heldout = held.measure
    mine = {read(p) for p in heldout.clean_files() + heldout.planted_files()}
    theirs = {read(p) for p in (development.HERE.parent / "files").glob("*.txt")}
    for other in earlier_sets(held):
        theirs |= {read(p) for p in other.clean_files() + other.planted_files()}
    assert not mine & theirs
    addresses = {r["url"] for r in heldout.sources().values()}
    for other in earlier_sets(held):
        assert not addresses & {r["url"] for r in other.sources().values()}, other.HERE.name


def test_no_page_is_used_twice_inside_a_set(held):
    assert len({r["url"] for r in held.measure.sources().values()}) == len(held.measure.sources())


def test_planted_gold_is_well_formed(held):
    check_planted_gold(held.measure, held.min_planted_texts, held.min_chars_per_error, notes_required=True)


def test_every_category_is_planted_often_enough(held):
    check_every_category_is_planted(held.measure, held.min_planted_errors, held.min_per_category)


def test_every_planted_text_is_listed_with_the_date_the_gold_gives(held):
    heldout = held.measure
    listed = heldout.sources()
    for path in heldout.planted_files():
        assert heldout.gold(path)["date"] == listed[f"planted/{path.name}"]["date"], path.name


def test_a_broken_anchor_is_caught(held, tmp_path):
    check_a_broken_anchor_is_caught(held.measure, tmp_path)


RATCHETED = [s for s in SETS if s.ratchet]


@pytest.fixture(scope="module", params=RATCHETED, ids=[s.name for s in RATCHETED])
def figures(request):
    held = request.param
    results, summary = held.measure.measure(Proofreader(shipped_rules()))
    return held.ratchet, results, summary


def test_recall_does_not_fall(figures):
    ratchet, _, summary = figures
    assert summary["recall"] >= ratchet.recall, summary["by_category"]


def test_precision_does_not_fall(figures):
    ratchet, results, summary = figures
    alarms = [(r.name, a) for r in results if r.kind == "planted" for a in r.false_alarms]
    assert summary["precision"] >= ratchet.precision, alarms


def test_clean_real_texts_give_no_findings(figures):
    ratchet, results, summary = figures
    alarms = [(r.name, a) for r in results if r.kind == "clean" for a in r.false_alarms]
    assert summary["clean_findings"] <= ratchet.max_clean_findings, alarms
