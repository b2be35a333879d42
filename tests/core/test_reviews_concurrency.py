"""Two reviewers approving the same stage at the same moment: exactly one wins.

The threaded test needs a database where two connections really write at once (PostgreSQL); run it
with ``DATABASE_URL=postgres:///ideowork_review pytest -p no:xdist --nomigrations tests/core/test_reviews*.py``
(``--nomigrations`` while outlets has no migrations). The deterministic path of the same guard, on
every database, is in test_reviews.py.
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from ideowork.core.actions.reviews import active_stage, do_decide, do_submit_for_review
from ideowork.core.choices import Role
from ideowork.core.models.reviews import Review, ReviewDecision, ReviewStage, StageStatus
from tests.reviewapp.models import BLOCKERS
from tests.factories import make_user

from .reviews_support import make_content

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor == "sqlite", reason="needs two connections writing at once (PostgreSQL)"),
]


@pytest.fixture(autouse=True)
def _core_only(settings, monkeypatch):
    settings.ROOT_URLCONF = "tests.core.reviews_urls"
    monkeypatch.setitem(BLOCKERS, "reasons", [])


def test_two_simultaneous_approvals_one_wins(org):
    second = make_user("staff2", Role.STAFF, org.office, "钱专干")
    review = do_submit_for_review(org.cadre, make_content(org.office, org.cadre))
    stage_id = active_stage(review).pk
    barrier = threading.Barrier(2)
    outcomes = {}

    def approve(user):
        try:
            mine = Review.objects.get(pk=review.pk)
            mine.stages.get(pk=stage_id)  # both have read the active stage before either writes
            barrier.wait(timeout=10)
            do_decide(user, mine, stage_id=stage_id, version=1, decision="approve", comment=user.username)
            outcomes[user.username] = "won"
        except ValidationError as error:
            outcomes[user.username] = error.messages
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(user,)) for user in (org.staff, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(map(str, outcomes.values())) == sorted(["won", str(["该环节已由他人办理。"])])
    winner = next(name for name, outcome in outcomes.items() if outcome == "won")
    stage = ReviewStage.objects.get(pk=stage_id)
    assert stage.status == StageStatus.APPROVED and stage.decided_by.username == winner
    approvals = ReviewDecision.objects.filter(review=review, decision="approve")
    assert [d.comment for d in approvals] == [winner]
    assert ReviewStage.objects.filter(review=review, status=StageStatus.ACTIVE).values_list("name", flat=True) \
        .get() == "初审"
