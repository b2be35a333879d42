"""Records for the access walk (tests/test_access.py): the city office's assessment, plan and its
version, incident, drill, meeting and a follow-up task."""

from ideowork.risks.actions import do_add_task
from tests.risks.response_builders import make_approved_plan, make_assessment, make_drill, make_incident, make_meeting

PAGES = {"assessment": "assessment", "assessment_submit": "assessment", "assessment_risk": "assessment",
         "plan": "plan", "plan_revise": "plan", "incident_open": "plan", "plan_version": "version",
         "plan_version_edit": "version", "plan_version_submit": "version", "incident": "incident",
         "incident_entry": "incident", "incident_close": "incident", "drill": "drill", "drill_edit": "drill",
         "drill_task": "drill", "meeting": "meeting", "meeting_edit": "meeting", "meeting_task": "meeting",
         "task_close": "task"}
CITY_RECORD_PAGES = {f"risks:{name}" for name in PAGES}


def objects(org) -> dict:
    from django.utils import timezone

    plan = make_approved_plan(org, title="访问检查预案")
    meeting = make_meeting(org)
    records = {"assessment": make_assessment(org), "plan": plan, "version": plan.current_version,
               "incident": make_incident(org, plan), "drill": make_drill(org), "meeting": meeting,
               "task": do_add_task(org.staff, meeting, text="落实", owner=org.staff, deadline=timezone.localdate())}
    return {f"risks:{name}": records[key].pk for name, key in PAGES.items()}
