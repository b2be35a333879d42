from .activities import Activity, ActivityTarget, TargetCredit
from .evidence import Evidence
from .versions import LedgerVersion

__all__ = ["Activity", "ActivityTarget", "Evidence", "LedgerVersion", "TargetCredit"]
