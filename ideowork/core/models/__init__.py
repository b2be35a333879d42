from .attachments import Attachment
from .audit import AuditEvent
from .notifications import Notification
from .orgs import OrgUnit
from .users import User

__all__ = ["Attachment", "AuditEvent", "Notification", "OrgUnit", "User"]
