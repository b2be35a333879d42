"""Rectification progress with its evidence files, stored as the ledger stores evidence."""

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils import timezone

from ideowork.core.access import require_can
from ideowork.core.audit import record
from ideowork.core.models import User
from ideowork.core.uploads import EVIDENCE_KINDS, check_upload, store_attachment
from ideowork.ledger.actions.evidence import files_discarded_on_error

from ..choices import RiskStatus
from ..models import Risk, RiskEvidence, RiskProgress
from .history import write_history
from .members import check_not_future, required_text
from .risks import check_editable

__all__ = ["do_record_progress"]


def do_record_progress(actor: User, risk: Risk, *, text: str, on: date | None = None,
                       files: Iterable = ()) -> RiskProgress:
    """Record what was done about ``risk`` on ``on`` (today by default), with evidence files. Every
    file is checked by its content before anything is stored; a bad one refuses the whole entry."""
    require_can(actor, "change", risk, "您无权登记该风险的整改进展。")
    text = required_text(text, "text", "请填写整改情况。")
    on = check_not_future(on or timezone.localdate(), "on", "整改进展的日期")
    checked = [(f, check_upload(f, allowed=EVIDENCE_KINDS)) for f in files]
    with files_discarded_on_error() as stored, transaction.atomic():
        risk = Risk.objects.select_for_update(of=("self",)).select_related("matrix", "owner").get(pk=risk.pk)
        check_editable(risk)
        progress = RiskProgress.objects.create(risk=risk, date=on, text=text, created_by=actor)
        names = []
        for uploaded, kind in checked:
            attachment = store_attachment(uploaded, kind=kind, unit=risk.org_unit, user=actor)
            stored.append(attachment.file)
            RiskEvidence.objects.create(risk=risk, progress=progress, attachment=attachment)
            names.append(attachment.original_name)
        if risk.status == RiskStatus.OPEN:
            risk.status = RiskStatus.RECTIFYING
        risk.revision += 1
        risk.save()
        write_history(risk, actor, "整改进展", note=text)
        record("risks.risk.progress", risk, actor=actor, new={"date": on.isoformat(), "text": text, "files": names})
    return progress
