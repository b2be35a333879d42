from .api_clients import ApiClient
from .accounts import ActivationCode, PasswordHistory, SecurityPolicy, UserSession
from .attachments import Attachment
from .audit import AuditChainHead, AuditEvent
from .bookkeeping import CreatedAt, CreatedBy, EditedBy, EnteredBy, RecordedBy, UpdatedAt, person_field
from .idempotency import IdempotencyKey
from .notifications import Notification
from .orgs import OrgUnit
from .reviews import (Decision, Review, ReviewDecision, ReviewFlow, ReviewFlowStep, ReviewStage, ReviewStatus,
                      StageStatus, StepKind)
from .twofactor import RecoveryCode, TwoFactorPolicy
from .users import User
from .versions import DataVersion

__all__ = ["ApiClient", "ActivationCode", "PasswordHistory", "SecurityPolicy", "UserSession", "Attachment", "AuditChainHead",
           "AuditEvent", "IdempotencyKey", "Notification", "OrgUnit", "User", "Decision", "Review", "ReviewDecision",
           "ReviewFlow", "ReviewFlowStep", "ReviewStage", "ReviewStatus", "StageStatus", "StepKind", "RecoveryCode",
           "TwoFactorPolicy", "DataVersion", "person_field", "CreatedAt", "CreatedBy", "EditedBy", "EnteredBy", "RecordedBy", "UpdatedAt"]
