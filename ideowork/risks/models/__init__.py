from .history import RiskHistory
from .matrix import MatrixSnapshot, RiskMatrix
from .progress import RiskEvidence, RiskProgress
from .risks import Risk

__all__ = ["RiskMatrix", "MatrixSnapshot", "Risk", "RiskHistory", "RiskProgress", "RiskEvidence"]
