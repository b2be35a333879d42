from datetime import date

import pytest

from ideowork.ledger.actions import do_record_activity
from ideowork.plans.models import Target
from tests.factories import make_plan


@pytest.fixture
def plan(org):
    return make_plan(org.city)


@pytest.fixture
def targets(plan):
    """The city plan's targets by a short name."""
    by_text = {t.text: t for t in Target.objects.filter(item__plan=plan)}
    return {
        "monthly_study": by_text["每月开展1次集中学习研讨"],
        "yearly_study": by_text["全年集中学习不少于12次"],
        "reflections": by_text["撰写心得体会不少于4篇"],
        "drill": by_text["每年组织不少于1次意识形态应急处置演练"],
    }


@pytest.fixture
def record(org):
    """``record(user=staff, **fields)`` records an activity through the service with sensible defaults."""

    def _record(user=None, **fields):
        user = user or org.staff
        fields.setdefault("org_unit", user.org_unit)
        fields.setdefault("kind", "study")
        fields.setdefault("title", "集中学习研讨")
        fields.setdefault("date", date(2026, 3, 10))
        return do_record_activity(user, **fields)

    return _record
