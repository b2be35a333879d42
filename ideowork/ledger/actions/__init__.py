"""Every write to the ledger goes through these services.

They take the acting user explicitly, so other areas (learning, outlets, risks …) call them without
a request to record the activities that happen in their own workflows.
"""

from .activities import do_delete_activity, do_record_activity, do_update_activity
from .checks import check_activity_date, require_can_record
from .credits import rebuild_credits
from .evidence import check_evidence_files, do_add_evidence, do_remove_evidence
from .sync import do_record_source_activity, do_sync_activity

__all__ = ["do_sync_activity", "do_record_source_activity", "do_record_activity", "do_update_activity", "do_delete_activity", "do_add_evidence",
           "do_remove_evidence", "rebuild_credits", "check_activity_date", "require_can_record",
           "check_evidence_files"]
