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
from tests.outlets.heldout_form import check_well_formed

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


def test_the_set_is_well_formed(tmp_path):
    check_well_formed(heldout, tmp_path, others=OTHER_SETS, repository_files=(development.HERE.parent / "files").glob("*.txt"),
                      clean_texts=MIN_CLEAN_TEXTS, clean_chars=(MIN_CLEAN_CHARS, MAX_CLEAN_CHARS),
                      planted_texts=MIN_PLANTED_TEXTS, chars_per_error=MIN_CHARS_PER_ERROR, errors=MIN_PLANTED_ERRORS,
                      per_category=MIN_PER_CATEGORY)