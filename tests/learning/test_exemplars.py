"""学习标兵: nominated from the rankings, decided by a leader, published to everyone."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ideowork.core.models import AuditEvent, Notification
from ideowork.learning.actions import exemplars as services
from ideowork.learning.actions.points import do_award_points
from ideowork.learning.models import ExemplarNominee, ExemplarSelection

DAY = date(2026, 11, 18)


@pytest.fixture
def selection(org):
    for user, n in ((org.cadre, 5), (org.section_chief, 3), (org.county_staff, 9), (org.staff, 1)):
        for i in range(n):
            do_award_points(user, "read", ref=f"m:{i}", when=DAY)
    return services.do_create_selection(org.staff, title="2026年第四季度学习标兵", start=date(2026, 10, 1),
                                        end=date(2026, 12, 31), quota=2)


def test_nominating_from_the_rankings_takes_the_top_of_the_organ(org, selection):
    added = services.do_nominate_from_rankings(org.staff, selection)
    # The county's learner has more points but is not the city office's to nominate.
    assert [(n.user, n.points, n.rank) for n in added] == [(org.cadre, 5, 1), (org.section_chief, 3, 2)]


def test_full_flow_to_publication(org, selection):
    services.do_nominate_from_rankings(org.staff, selection)
    services.do_submit_selection(org.staff, selection)
    assert Notification.objects.filter(recipient=org.principal, title__contains="待审核").exists()
    with pytest.raises(ValidationError):  # nominees can't change under review
        services.do_add_nominee(org.staff, selection, org.staff)
    nominees = list(selection.nominees.all())
    with pytest.raises(PermissionDenied):
        services.do_decide_nominee(org.staff, nominees[0], decision="approved")
    with pytest.raises(ValidationError):
        services.do_decide_nominee(org.principal, nominees[0], decision="rejected", comment="")
    with pytest.raises(ValidationError):
        services.do_publish_selection(org.principal, selection)  # not signed off yet
    services.do_decide_nominee(org.principal, nominees[0], decision="approved")
    services.do_decide_nominee(org.principal, nominees[1], decision="rejected", comment="学习笔记不全")
    with pytest.raises(ValidationError):
        services.do_publish_selection(org.principal, selection)  # decided, but the step is still open
    services.do_sign_off_selection(org.principal, selection, approve=True)
    services.do_publish_selection(org.principal, selection)
    selection.refresh_from_db()
    assert selection.status == "published" and selection.published_by == org.principal
    winner = nominees[0].user
    assert Notification.objects.filter(recipient=winner, title__contains="学习标兵").exists()
    assert AuditEvent.objects.filter(event_type="learning.exemplar.publish").exists()
    # Published: every cadre of the organ, and the county below, sees the winners, not the rejected.
    visible = ExemplarNominee.objects.visible_to(org.county_staff)
    assert list(visible.values_list("user", flat=True)) == [winner.pk]
    assert ExemplarSelection.objects.visible_to(org.gov_staff).count() == 0


def test_drafts_are_not_visible_to_cadres(org, selection):
    assert not ExemplarSelection.objects.visible_to(org.cadre).exists()
    assert ExemplarSelection.objects.visible_to(org.principal).exists()


def test_a_leader_may_not_decide_their_own_nomination(org, selection):
    nominee = services.do_add_nominee(org.staff, selection, org.principal)
    services.do_submit_selection(org.staff, selection)
    with pytest.raises(ValidationError):
        services.do_decide_nominee(org.principal, nominee, decision="approved")


def test_return_makes_a_draft_and_resubmission_resets_decisions(org, selection):
    services.do_nominate_from_rankings(org.staff, selection)
    services.do_submit_selection(org.staff, selection)
    services.do_decide_nominee(org.principal, selection.nominees.first(), decision="approved")
    services.do_sign_off_selection(org.principal, selection, approve=False, comment="请补充推荐理由")
    selection.refresh_from_db()
    assert selection.status == "draft" and services.is_editable(selection)
    services.do_add_nominee(org.staff, selection, org.staff, reason="补充提名")
    services.do_submit_selection(org.staff, selection)
    assert set(selection.nominees.values_list("decision", flat=True)) == {"pending"}


def test_nominating_outside_the_organ_is_refused(org, selection):
    with pytest.raises(ValidationError):
        services.do_add_nominee(org.staff, selection, org.county_staff)
    with pytest.raises(ValidationError):
        services.do_add_nominee(org.staff, selection, org.sysadmin)
