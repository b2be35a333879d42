"""Every write of the risks area."""

from .campaigns import do_close_campaign, do_open_campaign, do_remind_campaign, do_report_risk, do_submit_nil_return
from .closeout import do_accept_risk, do_reopen_risk, do_request_closeout
from .matrix import do_save_matrix
from .progress import do_record_progress
from .reports import do_acknowledge_upward, do_read_guidance, do_read_upward, do_report_upward, do_send_guidance
from .risks import do_create_risk, do_update_risk
from .schedules import do_save_schedule

__all__ = ["do_create_risk", "do_update_risk", "do_record_progress", "do_request_closeout", "do_accept_risk",
           "do_reopen_risk", "do_save_matrix",
           "do_open_campaign", "do_report_risk", "do_submit_nil_return", "do_remind_campaign", "do_close_campaign",
           "do_save_schedule",
           "do_send_guidance", "do_read_guidance", "do_report_upward", "do_read_upward", "do_acknowledge_upward"]
