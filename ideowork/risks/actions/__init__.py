"""Every write of the risks area."""

from .assessments import (do_add_assessment_risk, do_create_assessment, do_save_checklist, do_submit_assessment,
                          do_update_assessment)
from .campaigns import do_close_campaign, do_open_campaign, do_remind_campaign, do_report_risk, do_submit_nil_return
from .closeout import do_accept_risk, do_reopen_risk, do_request_closeout
from .drills import do_save_drill
from .followups import do_add_task, do_close_task
from .incidents import do_add_entry, do_close_incident, do_open_incident
from .matrix import do_save_matrix
from .meetings import do_save_meeting
from .plans import do_create_plan, do_revise_plan, do_submit_version, do_update_version
from .progress import do_record_progress
from .reports import do_acknowledge_upward, do_read_guidance, do_read_upward, do_report_upward, do_send_guidance
from .risks import do_create_risk, do_update_risk
from .schedules import do_save_schedule

__all__ = ["do_create_risk", "do_update_risk", "do_record_progress", "do_request_closeout", "do_accept_risk",
           "do_reopen_risk", "do_save_matrix", "do_create_assessment", "do_update_assessment", "do_submit_assessment",
           "do_add_assessment_risk", "do_save_checklist", "do_create_plan", "do_revise_plan", "do_update_version",
           "do_submit_version", "do_open_incident", "do_add_entry", "do_close_incident", "do_save_drill",
           "do_save_meeting", "do_add_task", "do_close_task",
           "do_open_campaign", "do_report_risk", "do_submit_nil_return", "do_remind_campaign", "do_close_campaign",
           "do_save_schedule",
           "do_send_guidance", "do_read_guidance", "do_report_upward", "do_read_upward", "do_acknowledge_upward"]
