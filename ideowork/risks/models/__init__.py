from .assessments import Assessment, AssessmentAnswer, ChecklistItem
from .campaigns import CampaignReturn, CampaignSchedule, ScreeningCampaign
from .drills import Drill
from .followups import FollowUpTask
from .history import RiskHistory
from .incidents import Incident, IncidentEntry
from .matrix import MatrixSnapshot, RiskMatrix
from .meetings import JointMeeting
from .plans import EmergencyPlan, PlanVersion
from .progress import RiskEvidence, RiskProgress
from .reports import Guidance, GuidanceFile, GuidanceRecipient, UpwardReport, UpwardReportRead
from .risks import Risk

__all__ = ["RiskMatrix", "MatrixSnapshot", "Risk", "RiskHistory", "RiskProgress", "RiskEvidence",
           "ChecklistItem", "Assessment", "AssessmentAnswer", "EmergencyPlan", "PlanVersion", "Incident",
           "IncidentEntry", "Drill", "JointMeeting", "FollowUpTask",
           "ScreeningCampaign", "CampaignReturn", "CampaignSchedule",
           "Guidance", "GuidanceRecipient", "GuidanceFile", "UpwardReport", "UpwardReportRead"]
