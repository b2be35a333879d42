from .activity import ActivityForm, EvidenceForm
from .filters import ActivityFilterForm

__all__ = ["ActivityForm", "ActivityFilterForm", "EvidenceForm"]
