"""Every write to plans goes through one of these services (permission, transaction, audit)."""

from .assignments import do_assign_item, do_bulk_assign
from .imports import do_import_plan
from .items import do_update_item
from .permissions import can_edit_plan, require_can_edit_plan
from .targets import do_add_target, do_delete_target, do_update_target

__all__ = ["can_edit_plan", "require_can_edit_plan", "do_add_target", "do_assign_item", "do_bulk_assign",
           "do_delete_target", "do_import_plan", "do_update_item", "do_update_target"]
