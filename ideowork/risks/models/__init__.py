from .campaigns import CampaignReturn, CampaignSchedule, ScreeningCampaign
from .history import RiskHistory
from .matrix import MatrixSnapshot, RiskMatrix
from .progress import RiskEvidence, RiskProgress
from .reports import Guidance, GuidanceFile, GuidanceRecipient, UpwardReport, UpwardReportRead
from .risks import Risk

__all__ = ["RiskMatrix", "MatrixSnapshot", "Risk", "RiskHistory", "RiskProgress", "RiskEvidence",
           "ScreeningCampaign", "CampaignReturn", "CampaignSchedule",
           "Guidance", "GuidanceRecipient", "GuidanceFile", "UpwardReport", "UpwardReportRead"]
