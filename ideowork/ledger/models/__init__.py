from .activities import Activity, ActivityTarget, TargetCredit
from .evidence import Evidence

__all__ = ["Activity", "ActivityTarget", "Evidence", "TargetCredit"]
