from .attachments import Attachment
from .audit import AuditEvent
from .notifications import Notification
from .orgs import OrgUnit
from .reviews import (Decision, Review, ReviewDecision, ReviewFlow, ReviewFlowStep, ReviewStage, ReviewStatus,
                      StageStatus, StepKind)
from .users import User

__all__ = ["Attachment", "AuditEvent", "Notification", "OrgUnit", "User", "Decision", "Review", "ReviewDecision",
           "ReviewFlow", "ReviewFlowStep", "ReviewStage", "ReviewStatus", "StageStatus", "StepKind"]
