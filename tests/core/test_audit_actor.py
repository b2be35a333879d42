from datetime import date

from ideowork.core.models import AuditEvent
from ideowork.ledger.actions import do_record_activity
from ideowork.plans.actions.assignments import do_assign_item
from tests.factories import make_plan


def test_services_outside_a_request_record_who_acted(org):
    plan = make_plan(org.city)
    item = plan.items.first()
    do_assign_item(org.staff, item, lead_unit=org.office, deadline=date(2026, 12, 31))
    do_record_activity(org.staff, org_unit=org.office, kind="study", title="学习", date=date(2026, 3, 1))
    events = AuditEvent.objects.filter(event_type__in=["plans.item.assign", "ledger.activity.create"])
    assert events.count() == 2
    assert {(e.actor_id, e.actor_name) for e in events} == {(org.staff.pk, "staff")}
