"""The proofreader's fourth held-out set (tests/outlets/proofread_heldout4/) must stay well-formed, and
the proofreader must not fall below what it reached on it.

The set was built blind and measured once (recall 0.50); round five then worked against its classes of
miss, so it is a development set now (see its README.md) and its figures are a ratchet: raise the constants
below when the proofreader improves.
"""

import pytest

from ideowork.outlets.proofreading import Proofreader, shipped_rules

from tests.outlets.proofread_corpus import measure as development
from tests.outlets.proofread_heldout2 import measure as second
from tests.outlets.proofread_heldout3 import measure as third
from tests.outlets.proofread_heldout4 import measure as heldout
from tests.outlets.heldout_form import check_figures, check_well_formed

# What the proofreader reached on this set after round five (recall rounded down to 2 decimals).
RECALL = 0.91
PRECISION = 0.98
MAX_CLEAN_FINDINGS = 0

MIN_CLEAN_TEXTS = 10
MIN_PLANTED_TEXTS = 12
MIN_PLANTED_ERRORS = 78
MIN_PER_CATEGORY = 6
MIN_CHARS_PER_ERROR = 60  # realistic density: no more than one planted error per ~60 characters
MIN_CLEAN_CHARS = 400
MAX_CLEAN_CHARS = 700


def test_the_set_lives_in_its_own_directory_not_in_the_development_corpus():
    assert heldout.CLEAN.parent.name == "proofread_heldout4"
    assert heldout.clean_files()[0].parent == heldout.CLEAN
    assert development.CLEAN.parent.name == "proofread_corpus"  # loading the held-out set moved nothing
    assert third.CLEAN.parent.name == "proofread_heldout3"


def test_the_set_is_well_formed(tmp_path):
    check_well_formed(heldout, tmp_path, others=(development, second, third), repository_files=(development.HERE.parent / "files").glob("*.txt"),
                      clean_texts=MIN_CLEAN_TEXTS, clean_chars=(MIN_CLEAN_CHARS, MAX_CLEAN_CHARS),
                      planted_texts=MIN_PLANTED_TEXTS, chars_per_error=MIN_CHARS_PER_ERROR, errors=MIN_PLANTED_ERRORS,
                      per_category=MIN_PER_CATEGORY)


@pytest.fixture(scope="module")
def figures():
    return heldout.measure(Proofreader(shipped_rules()))


def test_recall_precision_and_clean_findings_do_not_fall(figures):
    check_figures(figures, RECALL, PRECISION, MAX_CLEAN_FINDINGS)
