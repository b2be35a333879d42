"""The proofreader's second held-out set (tests/outlets/proofread_heldout2/) must stay well-formed.

Only its form is tested: enough texts, every category planted often enough, anchors unique, dates
valid, every text listed in the sources and none taken from the development corpus. Its figures are not
a ratchet: the set is never tuned to (see its README.md).
"""

from tests.outlets.proofread_corpus import measure as development
from tests.outlets.proofread_heldout2 import measure as heldout
from tests.outlets.heldout_form import check_a_broken_anchor_is_caught, check_every_category_is_planted, check_sources, read
from tests.outlets.test_proofread_corpus import check_planted_gold

MIN_CLEAN_TEXTS = 12
MIN_PLANTED_TEXTS = 14
MIN_PLANTED_ERRORS = 100
MIN_PER_CATEGORY = 8
MIN_CHARS_PER_ERROR = 60  # realistic density: no more than one planted error per ~60 characters
MIN_CLEAN_CHARS = 400


def test_the_set_lives_in_its_own_directory_not_in_the_development_corpus():
    assert heldout.CLEAN.parent.name == "proofread_heldout2"
    assert heldout.clean_files()[0].parent == heldout.CLEAN
    assert development.CLEAN.parent.name == "proofread_corpus"  # loading the held-out set moved nothing


def test_there_are_enough_clean_real_texts_of_a_real_length():
    clean = heldout.clean_files()
    assert len(clean) >= MIN_CLEAN_TEXTS
    for path in clean:
        assert MIN_CLEAN_CHARS <= len(read(path)) <= 2500, path.name


def test_every_text_is_listed_in_the_sources_with_a_valid_date_and_an_address():
    check_sources(heldout)


def test_no_text_or_page_is_shared_with_the_development_corpus_or_the_repository_s_test_files():
    mine = {read(p) for p in heldout.clean_files() + heldout.planted_files()}
    theirs = {read(p) for p in development.clean_files() + development.planted_files()}
    theirs |= {read(p) for p in (development.HERE.parent / "files").glob("*.txt")}
    assert not mine & theirs
    assert not {r["url"] for r in heldout.sources().values()} & {r["url"] for r in development.sources().values()}


def test_planted_gold_is_well_formed():
    check_planted_gold(heldout, MIN_PLANTED_TEXTS, MIN_CHARS_PER_ERROR, notes_required=True)


def test_every_category_is_planted_often_enough():
    check_every_category_is_planted(heldout, MIN_PLANTED_ERRORS, MIN_PER_CATEGORY)


def test_a_broken_anchor_is_caught(tmp_path):
    check_a_broken_anchor_is_caught(heldout, tmp_path)
