"""Every write of the risks area."""

from .closeout import do_accept_risk, do_reopen_risk, do_request_closeout
from .matrix import do_save_matrix
from .progress import do_record_progress
from .risks import do_create_risk, do_update_risk

__all__ = ["do_create_risk", "do_update_risk", "do_record_progress", "do_request_closeout", "do_accept_risk",
           "do_reopen_risk", "do_save_matrix"]
