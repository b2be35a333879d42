"""Evidence files: checked by content and size before anything is stored."""

from collections.abc import Iterable
from contextlib import contextmanager

from django.db import transaction
from django.db.models import ProtectedError, RestrictedError

from ideowork.core.audit import record
from ideowork.core.models import Attachment, User
from ideowork.core.uploads import EVIDENCE_KINDS, check_upload, store_attachment

from ..models import Activity, Evidence
from .checks import require_can_record

__all__ = ["check_evidence_files", "do_add_evidence", "do_remove_evidence", "attach_files",
           "files_discarded_on_error", "discard_attachments"]


def check_evidence_files(files: Iterable) -> list[tuple[object, str]]:
    """Check every file; return (file, kind) pairs. The first bad file raises ``ValidationError``
    with a Chinese message naming it, before anything has been stored."""
    return [(f, check_upload(f, allowed=EVIDENCE_KINDS)) for f in files]


@contextmanager
def files_discarded_on_error():
    """Collect stored attachment file names; delete the files if the block fails.

    The database rolls back by itself; files written to storage meanwhile would be left behind.
    """
    stored: list = []
    try:
        yield stored
    except BaseException:
        for fieldfile in stored:
            fieldfile.storage.delete(fieldfile.name)
        raise


def attach_files(user: User, activity: Activity, checked: list[tuple[object, str]], stored: list,
                 caption: str = "") -> list[Evidence]:
    """Store already checked files as evidence of ``activity``. Caller is inside a transaction."""
    evidence = []
    for uploaded, kind in checked:
        attachment = store_attachment(uploaded, kind=kind, unit=activity.org_unit, user=user)
        stored.append(attachment.file)
        evidence.append(Evidence.objects.create(activity=activity, attachment=attachment, caption=caption[:200]))
    return evidence


def discard_attachments(attachment_ids: Iterable[int]) -> None:
    """Delete attachments no evidence refers to any more, and their files once the transaction commits.

    An attachment another record still protects is kept.
    """
    for attachment in Attachment.objects.filter(pk__in=list(attachment_ids)):
        if Evidence.objects.filter(attachment=attachment).exists():
            continue
        fieldfile = attachment.file
        try:
            attachment.delete()
        except (ProtectedError, RestrictedError):
            continue
        transaction.on_commit(lambda f=fieldfile: f.storage.delete(f.name))


def do_add_evidence(user: User, activity: Activity, files: Iterable, *, caption: str = "") -> list[Evidence]:
    require_can_record(user, activity.org_unit)
    checked = check_evidence_files(files)
    with files_discarded_on_error() as stored, transaction.atomic():
        evidence = attach_files(user, activity, checked, stored, caption)
        record("ledger.evidence.add", activity, actor=user,
               new={"files": [e.attachment.original_name for e in evidence], "caption": caption})
    return evidence


def do_remove_evidence(user: User, evidence: Evidence) -> None:
    activity = evidence.activity
    require_can_record(user, activity.org_unit)
    with transaction.atomic():
        name = evidence.attachment.original_name
        attachment_id = evidence.attachment_id
        evidence.delete()
        discard_attachments([attachment_id])
        record("ledger.evidence.remove", activity, actor=user, old={"file": name, "caption": evidence.caption})
