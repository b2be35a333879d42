"""The proofreader's fifth held-out set (tests/outlets/proofread_heldout5/) must stay well-formed.

Only its form is tested: enough texts, every category planted often enough, anchors unique, dates valid,
every text listed in the sources and none taken from the development corpus or the other held-out sets.
Its figures are not a ratchet: the set is never tuned to (see its README.md).
"""

from tests.outlets.proofread_corpus import measure as development
from tests.outlets.proofread_heldout2 import measure as second
from tests.outlets.proofread_heldout3 import measure as third
from tests.outlets.proofread_heldout4 import measure as fourth
from tests.outlets.proofread_heldout5 import measure as heldout
from tests.outlets.heldout_form import (check_a_broken_anchor_is_caught, check_clean_texts, check_every_category_is_planted,
                                        check_gold_dates, check_nothing_is_shared, check_sources)
from tests.outlets.test_proofread_corpus import check_planted_gold

MIN_CLEAN_TEXTS = 10
MIN_PLANTED_TEXTS = 25
MIN_PLANTED_ERRORS = 80
MIN_PER_CATEGORY = 6
MIN_CHARS_PER_ERROR = 60  # realistic density: no more than one planted error per ~60 characters
MIN_CLEAN_CHARS = 200
MAX_CLEAN_CHARS = 1000
OTHER_SETS = (development, second, third, fourth)


def test_the_set_lives_in_its_own_directory():
    assert heldout.CLEAN.parent.name == "proofread_heldout5"
    assert heldout.clean_files()[0].parent == heldout.CLEAN
    assert development.CLEAN.parent.name == "proofread_corpus"  # loading the held-out set moved nothing
    assert fourth.CLEAN.parent.name == "proofread_heldout4"


def test_there_are_enough_clean_real_texts_of_a_real_length():
    check_clean_texts(heldout, MIN_CLEAN_TEXTS, MIN_CLEAN_CHARS, MAX_CLEAN_CHARS)


def test_every_text_is_listed_in_the_sources_with_a_valid_date_and_an_address():
    check_sources(heldout)


def test_no_text_or_page_is_shared_with_the_other_sets_or_the_repository_s_test_files():
    check_nothing_is_shared(heldout, OTHER_SETS, (development.HERE.parent / "files").glob("*.txt"))


def test_planted_gold_is_well_formed():
    check_planted_gold(heldout, MIN_PLANTED_TEXTS, MIN_CHARS_PER_ERROR, notes_required=True)


def test_every_category_is_planted_often_enough():
    check_every_category_is_planted(heldout, MIN_PLANTED_ERRORS, MIN_PER_CATEGORY)


def test_every_planted_text_is_listed_with_the_date_the_gold_gives():
    check_gold_dates(heldout)


def test_a_broken_anchor_is_caught(tmp_path):
    check_a_broken_anchor_is_caught(heldout, tmp_path)
