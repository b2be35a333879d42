"""Reaching down and reporting up: guidance (指导意见) an organ sends to its county bureaus with files,
and what a county bureau reports upward — an early sign (苗头性、倾向性问题) the organ above
acknowledges, or important information (信息报送) — with the timeline of who read it when."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from ideowork.core.access import require_can
from ideowork.core.audit import record
from ideowork.core.choices import LEADER_ROLES, OrgKind
from ideowork.core.models import OrgUnit, User
from ideowork.core.notify import notify
from ideowork.core.permissions import require
from ideowork.core.uploads import EVIDENCE_KINDS, check_upload, store_attachment
from ideowork.ledger.actions.evidence import files_discarded_on_error

from ..choices import RiskArea, UpwardKind, UpwardStatus
from ..models import Guidance, GuidanceFile, GuidanceRecipient, UpwardReport, UpwardReportRead
from ..models.scoping import MANAGE
from .campaigns import can_run_campaigns
from .matrix import organ_of

__all__ = ["county_bureaus", "upper_organ", "do_send_guidance", "do_read_guidance", "do_report_upward",
           "do_read_upward", "do_acknowledge_upward", "can_report_upward", "can_acknowledge"]


def county_bureaus(organ: OrgUnit):
    """The county bureaus under ``organ``, which its guidance may go to."""
    return OrgUnit.objects.filter(kind=OrgKind.COUNTY, is_active=True, path__startswith=organ.path) \
        .exclude(pk=organ.pk).order_by("path")


def upper_organ(unit: OrgUnit) -> OrgUnit | None:
    """The organ above ``unit``'s organ (the city office above a county bureau), if any."""
    organ = organ_of(unit)
    return organ_of(organ.parent) if organ.parent_id else None


def _clean(text, field: str, label: str, limit: int | None = None) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({field: f"请填写{label}。"})
    if limit and len(text) > limit:
        raise ValidationError({field: f"{label}不超过{limit}字。"})
    return text


def _managers_of(organ: OrgUnit, *, leaders_only: bool = False) -> list[User]:
    """The risk staff (or the leaders) of ``organ`` itself, not of the units below it."""
    people = User.objects.business().filter(org_unit__organ=organ)
    return [p for p in people if p.has_capability(MANAGE) and (not leaders_only or p.role in LEADER_ROLES)]


# --- guidance, down ---------------------------------------------------------------------------------
def do_send_guidance(actor: User, *, title: str, body: str, recipients: Iterable[OrgUnit],
                     files: Iterable = ()) -> Guidance:
    """Send guidance from the actor's organ to county bureaus under it; every file is checked by its
    content before anything is stored."""
    organ = organ_of(actor.scope_root) if actor.scope_root else None
    require(organ is not None and can_run_campaigns(actor, organ), "只有本单位风险防控工作人员可以下发指导意见。")
    title = _clean(title, "title", "标题", 120)
    body = _clean(body, "body", "指导意见内容")
    recipients = list(dict.fromkeys(recipients or ()))
    allowed = set(county_bureaus(organ).values_list("pk", flat=True))
    if not recipients:
        raise ValidationError({"recipients": "请选择接收的县区单位。"})
    outside = next((u for u in recipients if u.pk not in allowed), None)
    if outside is not None:
        raise ValidationError({"recipients": f"“{outside.display_name}”不是本单位下属的县区单位。"})
    checked = [(f, check_upload(f, allowed=EVIDENCE_KINDS)) for f in files]
    with files_discarded_on_error() as stored, transaction.atomic():
        guidance = Guidance.objects.create(org_unit=organ, title=title, body=body, sent_by=actor)
        GuidanceRecipient.objects.bulk_create(GuidanceRecipient(guidance=guidance, org_unit=u) for u in recipients)
        names = []
        for uploaded, kind in checked:
            attachment = store_attachment(uploaded, kind=kind, unit=organ, user=actor)
            stored.append(attachment.file)
            GuidanceFile.objects.create(guidance=guidance, attachment=attachment)
            names.append(attachment.original_name)
        record("risks.guidance.send", guidance, actor=actor,
               new={"title": title, "recipients": [u.display_name for u in recipients], "files": names})
        for unit in recipients:
            for person in _managers_of(unit):
                notify(person, f"上级指导意见：{title}", body=body[:200], url=guidance.get_absolute_url(),
                       dedup_key=f"risks.guidance:{guidance.pk}:{person.pk}")
    return guidance


def do_read_guidance(reader: User, guidance: Guidance) -> GuidanceRecipient | None:
    """The first reading by someone of a receiving county marks its copy read (who and when); later
    readings and readers of the sending organ change nothing."""
    root = reader.scope_root
    if root is None or not reader.is_business:
        return None
    with transaction.atomic():
        copy = (GuidanceRecipient.objects.select_for_update().filter(guidance=guidance, read_at__isnull=True,
                                                                     org_unit=organ_of(root)).first())
        if copy is None:
            return None
        copy.read_at, copy.read_by = timezone.now(), reader
        copy.save(update_fields=["read_at", "read_by"])
        record("risks.guidance.read", guidance, actor=reader, new={"unit": copy.org_unit.display_name})
    return copy


# --- reports, up ------------------------------------------------------------------------------------
def can_report_upward(user: User) -> bool:
    return user.scope_root is not None and upper_organ(user.scope_root) is not None \
        and can_run_campaigns(user)


def _receives(user: User, report: UpwardReport) -> bool:
    """``user`` works in the organ the report went to (never the reporter's own organ)."""
    upper = upper_organ(report.org_unit)
    return user.scope_root is not None and upper is not None and organ_of(user.scope_root).pk == upper.pk


def can_acknowledge(user: User, report: UpwardReport) -> bool:
    """The risk staff of the organ above the reporting one."""
    return _receives(user, report) and user.has_capability(MANAGE)


def do_report_upward(actor: User, *, kind: str, area: str, title: str, body: str, measures: str = "") -> UpwardReport:
    """Report to the organ above: its risk staff are notified at once (and its leaders too for
    important information)."""
    require(can_report_upward(actor), "只有县区单位的风险防控工作人员可以向上级报告。")
    errors = {}
    if kind not in UpwardKind.values:
        errors["kind"] = "请选择报告类别。"
    if area not in RiskArea.values:
        errors["area"] = f"所属领域“{area}”不在可选范围内。"
    try:
        title = _clean(title, "title", "标题", 120)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    try:
        body = _clean(body, "body", "具体情况")
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    own, upper = organ_of(actor.scope_root), upper_organ(actor.scope_root)
    with transaction.atomic():
        report = UpwardReport.objects.create(org_unit=own, kind=kind, area=area, title=title, body=body,
                                             measures=(measures or "").strip(), reported_by=actor)
        record("risks.upward.report", report, actor=actor,
               new={"kind": kind, "area": area, "title": title, "to": upper.display_name})
        urgent = kind == UpwardKind.URGENT
        people = _managers_of(upper) if not urgent else _managers_of(upper) + _managers_of(upper, leaders_only=True)
        for person in dict.fromkeys(people):
            notify(person, f"{'【重要情况】' if urgent else ''}{own.display_name}报告：{title}",
                   body=body[:200], url=report.get_absolute_url(), kind="warning" if urgent else "info",
                   dedup_key=f"risks.upward:{report.pk}:{person.pk}")
    return report


def do_read_upward(reader: User, report: UpwardReport) -> UpwardReportRead | None:
    """A first reading by someone of the receiving organ joins the report's read timeline."""
    if not (reader.is_business and _receives(reader, report)):
        return None
    if UpwardReportRead.objects.filter(report=report, reader=reader).exists():
        return None
    try:
        with transaction.atomic():
            read = UpwardReportRead.objects.create(report=report, reader=reader)
            record("risks.upward.read", report, actor=reader, new={"reader": reader.name})
    except IntegrityError:  # the same reader's other tab was first
        return None
    return read


def do_acknowledge_upward(actor: User, report: UpwardReport, *, reply: str) -> UpwardReport:
    """The organ above acknowledges an early sign (or important information) with its reply."""
    require_can(actor, "acknowledge", report, "只有上级单位的风险防控工作人员可以确认。")
    require(can_acknowledge(actor, report), "只有上级单位的风险防控工作人员可以确认，报告单位不能自行确认。")
    reply = _clean(reply, "reply", "上级意见", 1000)
    with transaction.atomic():
        locked = UpwardReport.objects.select_for_update().get(pk=report.pk)
        if locked.status == UpwardStatus.ACKNOWLEDGED:
            raise ValidationError("该报告已确认。")
        do_read_upward(actor, locked)
        locked.status, locked.acknowledged_at, locked.acknowledged_by, locked.reply = (
            UpwardStatus.ACKNOWLEDGED, timezone.now(), actor, reply)
        locked.save()
        record("risks.upward.acknowledge", locked, actor=actor, old={"status": UpwardStatus.REPORTED},
               new={"status": locked.status, "reply": reply})
        if locked.reported_by_id:
            notify(locked.reported_by, f"上级已确认：{locked.title}", body=reply, url=locked.get_absolute_url(),
                   dedup_key=f"risks.upward:{locked.pk}:ack")
    return locked
