from .assignments import AssignmentForm, BulkAssignForm
from .imports import ImportForm, PlanHeaderForm
from .items import ItemForm
from .preview import ImportPreview
from .targets import NewTargetForm, PreviewTargetForm, TargetForm

__all__ = ["AssignmentForm", "BulkAssignForm", "ImportForm", "ImportPreview", "ItemForm", "NewTargetForm",
           "PlanHeaderForm", "PreviewTargetForm", "TargetForm"]
