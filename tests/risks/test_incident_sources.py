"""What risks' records came from: an incident opened from an opinion event (risks' own service, called
by the opinion area) and a risk escalated from one link back to the event — for a reader who may see it —
and the event's page links to them. A source the actor may not see is refused and nothing changes."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from ideowork.core.models import AuditEvent
from ideowork.opinion.actions.handling import do_escalate_event
from ideowork.risks.actions import do_open_incident
from ideowork.risks.models import Incident
from tests.opinion.handling_builders import make_event
from tests.risks.response_builders import make_approved_plan, make_plan_draft


def open_from(org, event, actor=None, plan=None):
    return do_open_incident(actor or org.staff, plan or make_approved_plan(org), title=event.title,
                            description="由舆情事件启动。", occurred_at=event.first_seen_at, level="Ⅱ级响应",
                            lead=org.principal, source=event)


def test_an_incident_from_an_opinion_event_links_back_to_it_on_its_page(org, login):
    event = make_event(org.city, title="网传机构改革人员分流不实信息")
    incident = open_from(org, event)
    assert (incident.source_type.model, incident.source_id) == ("event", event.pk)
    audit = AuditEvent.objects.filter(event_type="risks.incident.open").latest("seq")
    assert audit.new["source"] == f"舆情事件：{event.title}"
    page = login(org.staff).get(incident.get_absolute_url()).content.decode()
    assert "事件来源" in page and f'href="{event.get_absolute_url()}"' in page


def test_a_source_the_actor_may_not_see_is_refused_and_nothing_changes(org):
    event = make_event(org.city, title="市级舆情事件")
    # The source is checked before anything else of the plan (a county plan's draft will do).
    county_plan = make_plan_draft(org, unit=org.county_a, actor=org.county_staff, title="县预案")
    before = (Incident.objects.count(), AuditEvent.objects.count())
    with pytest.raises(PermissionDenied, match="来源记录"):
        open_from(org, event, actor=org.county_staff, plan=county_plan)
    assert (Incident.objects.count(), AuditEvent.objects.count()) == before


def test_the_link_back_is_shown_only_to_who_may_see_the_event(org, login):
    event = make_event(org.city, title="编制调整政策解读引发误读")
    risk = do_escalate_event(org.staff, event, area="online", likelihood=3, impact=3)
    page = login(org.staff).get(risk.get_absolute_url()).content.decode()
    assert f'href="{event.get_absolute_url()}"' in page and "舆情事件：" in page
    # The principal sees the risk but handles no opinion events here: the source is named, not linked.
    if not org.principal.has_capability("opinion.handle"):
        page = login(org.principal).get(risk.get_absolute_url()).content.decode()
        assert f'href="{event.get_absolute_url()}"' not in page


def test_the_events_page_offers_the_response_and_lists_the_incidents_opened_from_it(org, login):
    event = make_event(org.city, title="某地网民聚集言论")
    client = login(org.staff)
    assert "启动应急响应" not in client.get(event.get_absolute_url()).content.decode()  # no plan in force yet
    plan = make_approved_plan(org)
    page = client.get(event.get_absolute_url()).content.decode()
    assert 'data-testid="incident"' in page and plan.title in page
    response = client.post(reverse("opinion:event_incident", args=[event.pk]),
                           {"plan": plan.pk, "level": "Ⅰ级响应", "lead": org.principal.pk})
    assert response.status_code == 302
    incident = Incident.objects.get()
    assert incident.source_id == event.pk and incident.level == "Ⅰ级响应" and incident.lead == org.principal
    assert f'href="{incident.get_absolute_url()}"' in client.get(event.get_absolute_url()).content.decode()
    # A level the chosen plan does not have is refused with the plan's levels, and nothing is opened.
    client.post(reverse("opinion:event_incident", args=[event.pk]),
                 {"plan": plan.pk, "level": "Ⅲ级响应", "lead": org.principal.pk})
    assert Incident.objects.count() == 1
