"""Permission gaps found when the platform was tried as a new user would, each closed by the policy."""

from django.urls import reverse
from django.utils import timezone

from ideowork.core.choices import Role
from ideowork.ledger.models import Activity
from ideowork.outlets.models import OutletInspection
from tests.factories import make_user
from tests.outlets.outlet_builders import board
from tests.outlets.publicity_builders import plan_with_media_target, record_placement


def test_the_supervisor_inspects_outlets_because_supervising_is_their_duty(org, login):
    outlet = board(org)
    client = login(org.supervisor)
    page = client.get(reverse("outlets:outlet_detail", args=[outlet.pk])).content.decode()
    assert reverse("outlets:outlet_inspect", args=[outlet.pk]) in page
    assert reverse("outlets:outlet_edit", args=[outlet.pk]) not in page  # inspecting is not running the outlet
    assert client.get(reverse("outlets:outlet_inspect", args=[outlet.pk])).status_code == 200
    response = client.post(reverse("outlets:outlet_inspect", args=[outlet.pk]),
                           {"date": timezone.localdate().isoformat(), "result": "passed"})
    assert response.status_code == 302
    inspection = OutletInspection.objects.get(outlet=outlet)
    assert inspection.inspector == org.supervisor and inspection.activity.kind == "inspection"
    # Running the outlet stays with the publicity staff.
    assert client.get(reverse("outlets:outlet_edit", args=[outlet.pk])).status_code == 403


def test_an_outsider_still_cannot_inspect(org, login):
    outlet = board(org)
    assert login(org.county_staff).get(reverse("outlets:outlet_inspect", args=[outlet.pk])).status_code == 404
    assert login(org.cadre).get(reverse("outlets:outlet_inspect", args=[outlet.pk])).status_code == 403


def test_a_cadre_sees_counted_placements_without_links_to_entries_they_cannot_open(org, login):
    plan_with_media_target(org)
    placement = record_placement(org)
    assert placement.activity.targets.exists()
    entry = reverse("ledger:detail", args=[placement.activity_id])
    assert not Activity.objects.visible_to(org.cadre).filter(pk=placement.activity_id).exists()
    page = login(org.cadre).get(reverse("outlets:placement_list")).content.decode()
    assert "✓ 计入" in page and entry not in page
    assert login(org.cadre).get(reverse("outlets:placement_detail", args=[placement.pk])).status_code == 200
    assert entry not in login(org.cadre).get(reverse("outlets:placement_detail", args=[placement.pk])).content.decode()
    staff_page = login(org.staff).get(reverse("outlets:placement_list")).content.decode()
    assert entry in staff_page and login(org.staff).get(entry).status_code == 200


def test_schedule_learning_leads_to_setting_up_a_group_when_there_is_none(org, login):
    county_head = make_user("county_head", Role.HEAD, org.county_a, "县主任")
    for user in (county_head, org.gov_staff):
        client = login(user)
        page = client.get(reverse("learning:session_list")).content.decode()
        assert reverse("learning:session_create") not in page
        assert reverse("learning:group_create") in page
        response = client.get(reverse("learning:session_create"))
        assert response.status_code == 302 and response["Location"] == reverse("learning:group_create")
        assert client.get(reverse("learning:group_create")).status_code == 200
    # A cadre, who can neither schedule nor set up a group, is offered neither.
    page = login(org.cadre).get(reverse("learning:session_list")).content.decode()
    assert reverse("learning:session_create") not in page and reverse("learning:group_create") not in page
