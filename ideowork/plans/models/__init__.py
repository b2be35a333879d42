from .assignments import Assignment
from .items import PlanItem
from .plans import PlanSection, WorkPlan
from .targets import Target

__all__ = ["Assignment", "PlanItem", "PlanSection", "Target", "WorkPlan"]
