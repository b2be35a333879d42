"""Fixtures the learning tests share: the sample question bank and an exam on it, and a branch's
study group run by its secretary."""

import pytest

from ideowork.learning.actions.sessions import do_save_group

from .access_exams import make_bank, make_exam


@pytest.fixture
def bank(org):
    """The five sample questions in the city's bank (``access_exams.SAMPLE``)."""
    return make_bank(org.staff, org.city)


@pytest.fixture
def exam(org, bank):
    """A published fixed-paper exam of the city on the whole ``bank``, open now."""
    return make_exam(org.staff, org.city, bank)


@pytest.fixture
def group(org):
    """秘书科党支部: the cadre, the section chief (its secretary) and the staff member."""
    return do_save_group(org.staff, name="秘书科党支部", kind="branch", org_unit=org.office, secretary=org.section_chief,
                         members=[org.cadre, org.section_chief, org.staff])
