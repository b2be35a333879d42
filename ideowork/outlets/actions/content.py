"""Content items and their versions: write, revise, submit for 三审三校, waive findings, publish, withdraw.

Who may write: the author, and the publicity staff (``user.has_capability("outlets.publish")``) of the item's organ.
Every revision is a new ``ContentVersion``; none is ever changed. While the item is under review it
is locked (``core.actions.reviews.is_locked``). Before the signing step every proofreading error of
the current version must be fixed (gone from the new version) or waived with a reason
(``FindingWaiver``, by rule and text, so a waiver holds for every later version with the same text).

Publishing (only an approved item, and only the approved version) records when and where it
appeared, creates or updates the ledger activity (``do_sync_activity``) and moves the
outlet's last update. Withdrawing (撤稿) a published item keeps that activity for the auditor — it
happened and is traceable — but marks it 已撤稿 and takes it off every target, so it no longer counts.
"""

import re
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ideowork.core.actions.reviews import (can_decide, do_submit_for_review, is_locked, latest_review,
                                           open_review)
from ideowork.core.access import can, require_can
from ideowork.core.activity_kinds import activity_kind
from ideowork.core.audit import record, snapshot
from ideowork.core.models import OrgUnit, ReviewStatus, User
from ideowork.core.notify import notify
from ideowork.core.permissions import require
from ideowork.core.uploads import store_attachment
from ideowork.core.scoping import can_act_in
from ideowork.ledger.actions import do_sync_activity, do_update_activity
from ideowork.ledger.actions.checks import check_item
from ideowork.ledger.models import Activity
from ideowork.plans.models import PlanItem

from ..access import can_publish_for
from ..choices import ContentKind, ContentStatus, OutletActivityKind, OutletKind, OutletStatus
from ..findings import content_findings, open_errors, waiver_key
from ..models import ContentItem, ContentVersion, FindingWaiver, Outlet, version_digest
from ..proofreading import extract_text
from .outlets import note_outlet_update

__all__ = ["MAX_BODY", "outlets_for", "can_edit_content", "can_waive_findings",
           "activity_kind_for",
           "do_create_content", "do_revise_content", "do_submit_content", "do_publish_content",
           "do_withdraw_content", "do_waive_finding", "content_findings", "review_blockers"]

MAX_BODY = 100_000
AUDITED = ["kind", "title", "status", "outlet", "current_version", "published_at", "published_where",
           "published_version", "activity"]
BOARD_KINDS = {OutletKind.BOARD, OutletKind.HONOUR_ROOM}
# Kinds that end at approval: they are used somewhere only when the user records where.
ENDS_AT_APPROVAL = {ContentKind.INTERVIEW, ContentKind.EXTERNAL}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
WITHDRAWN_MARK = "【已撤稿】"


# --- who may do what --------------------------------------------------------------------------------
def _in_scope(user: User, unit: OrgUnit) -> bool:
    return can_act_in(user, unit)


def _is_unit_publicity(user: User, content: ContentItem) -> bool:
    return can_publish_for(user, content.org_unit)


def can_edit_content(user: User, content: ContentItem) -> bool:
    """The item's declared "change" policy: its author, or publicity staff (``outlets.publish``) of a
    unit it belongs to."""
    return user.is_authenticated and user.is_active and can(user, "change", content)


def can_waive_findings(user: User, content: ContentItem) -> bool:
    """A reviewer of the item (whoever may decide its active stage) or its organ's publicity staff —
    never the author: confirming one's own text is what the review exists to prevent."""
    if not user.is_authenticated or content.author_id == user.pk:
        return False
    if _is_unit_publicity(user, content):
        return True
    review = open_review(content)
    return review is not None and can_decide(user, review)


def outlets_for(user: User):
    """The outlets a user may write for: those of their organ's tree and of every organ above it."""
    root = user.scope_root
    if root is None:
        return Outlet.objects.none()
    above = [int(p) for p in root.path.split(".") if p]
    return (Outlet.objects.filter(Q(org_unit__path__startswith=root.path) | Q(org_unit__in=above))
            .exclude(status=OutletStatus.CLOSED).select_related("org_unit"))


# --- text and files ---------------------------------------------------------------------------------
def clean_text(text: str) -> str:
    """Line endings unified, control characters dropped, trailing blanks removed; stored as typed."""
    text = _CONTROL.sub("", (text or "").replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def _text_from(*, title: str, body: str, file) -> tuple[str, str, object]:
    """The cleaned title and body (from the file when one is uploaded) and the stored source file.

    Raises ``ValidationError`` keyed by field; nothing is stored unless every check passes.
    """
    errors = {}
    title = " ".join((title or "").split())
    if not title:
        errors["title"] = "请填写标题。"
    elif len(title) > 200:
        errors["title"] = "标题不能超过200字。"
    if file is not None:
        try:
            body = extract_text(file)
        except ValidationError as exc:
            errors["file"] = exc.messages
    body = clean_text(body)
    if "file" not in errors:
        if not body.strip():
            errors["body" if file is None else "file"] = "请填写正文，或上传.txt/.docx文件。" if file is None \
                else "上传的文件中没有文字内容。"
        elif len(body) > MAX_BODY:
            errors["body"] = f"正文不能超过{MAX_BODY}字。"
    if errors:
        raise ValidationError(errors)
    return title, body, file


def _store_source(file, unit: OrgUnit, user: User):
    if file is None:
        return None
    kind = "docx" if (file.name or "").lower().endswith(".docx") else "txt"
    return store_attachment(file, kind=kind, unit=unit, user=user)


def _new_version(content: ContentItem, user: User, *, number: int, title: str, body: str, note: str,
                 file) -> ContentVersion:
    version = ContentVersion.objects.create(
        item=content, number=number, title=title, body=body, note=(note or "").strip()[:300],
        digest=version_digest(title, body), source=_store_source(file, content.org_unit, user), created_by=user)
    content_findings(version, unit=content.org_unit)
    return version


# --- writing ----------------------------------------------------------------------------------------
def do_create_content(user: User, *, org_unit: OrgUnit, kind: str, title: str, body: str = "",
                      outlet: Outlet | None = None, item: PlanItem | None = None, note: str = "",
                      file=None) -> ContentItem:
    """A new item with its first version; the body is typed or taken from an uploaded .txt/.docx."""
    require(user.is_active and user.is_business, "您没有撰写稿件的权限。")
    require(_in_scope(user, org_unit) and (user.is_manager or org_unit.pk == user.org_unit_id),
            f"您无权以“{org_unit.display_name}”的名义撰写稿件。")
    errors = {}
    if kind not in ContentKind.values:
        errors["kind"] = "稿件类型无效。"
    if outlet is not None and not outlets_for(user).filter(pk=outlet.pk).exists():
        errors["outlet"] = "该阵地不存在、已关停或不属于本单位。"
    if errors:
        raise ValidationError(errors)
    if item is not None:
        check_item(user, org_unit, item)
    title, body, file = _text_from(title=title, body=body, file=file)
    with transaction.atomic():
        content = ContentItem.objects.create(org_unit=org_unit, outlet=outlet, kind=kind, title=title, author=user,
                                             item=item, current_version=1)
        _new_version(content, user, number=1, title=title, body=body, note=note or "初稿", file=file)
        record("outlets.content.create", content, actor=user, new=snapshot(content, AUDITED))
    return content


def do_revise_content(user: User, content: ContentItem, *, title: str, body: str = "", note: str = "",
                      file=None) -> ContentVersion:
    """A new version. Refused while the item is under review, and once it is published (撤稿 first).

    Revising an approved (not yet published) item voids the approval: it must be reviewed again.
    """
    require(can_edit_content(user, content), "只有作者本人或本单位宣传工作人员可以修改稿件。")
    title, body, file = _text_from(title=title, body=body, file=file)
    with transaction.atomic():
        locked = ContentItem.objects.select_for_update().get(pk=content.pk)
        if is_locked(locked):
            raise ValidationError("内容正在审核中，已锁定，不能修改。")
        if locked.status == ContentStatus.PUBLISHED:
            raise ValidationError("稿件已发布，不能修改；如需更正，请先撤稿。")
        latest = locked.latest
        if latest.digest == version_digest(title, body):
            raise ValidationError("内容与当前版本相同，没有生成新版本。")
        old = snapshot(locked, AUDITED)
        version = _new_version(locked, user, number=latest.number + 1, title=title, body=body, note=note,
                               file=file)
        locked.title, locked.current_version = title, version.number
        if locked.status in (ContentStatus.APPROVED, ContentStatus.WITHDRAWN):
            locked.status = ContentStatus.DRAFT
        locked.save(update_fields=["title", "current_version", "publication", "updated_at"])
        record("outlets.content.revise", locked, actor=user, old=old,
               new={**snapshot(locked, AUDITED), "note": version.note})
    content.title, content.current_version, content.publication = locked.title, locked.current_version, locked.publication
    return version


def do_submit_content(user: User, content: ContentItem):
    """Submit the current version to the outlet's review flow, else to the organ's default 发布审核 flow.

    A returned item continues its review at the stage that returned it.
    """
    # Only the author: the workflow keeps the submitter from reviewing, which must be the author.
    require(content.author_id == user.pk and user.is_active, "只有作者本人可以提交审核。")
    refused = {ContentStatus.IN_REVIEW: "稿件已在审核中。", ContentStatus.APPROVED: "稿件已审核通过，无需再次提交。",
               ContentStatus.PUBLISHED: "稿件已发布。", ContentStatus.WITHDRAWN: "已撤稿的稿件请修改后再提交审核。"}
    with transaction.atomic():
        # Re-read under a lock: the caller's copy may predate a revision, and two submissions queue here.
        content = ContentItem.objects.select_for_update(of=("self",)).select_related("outlet__review_flow", "org_unit").get(
            pk=content.pk)
        if content.status in refused:
            raise ValidationError(refused[content.status])
        content_findings(content.latest, unit=content.org_unit)
        flow = content.outlet.review_flow if content.outlet_id else None  # None: the organ's default flow
        return do_submit_for_review(user, content, flow=flow)


def do_waive_finding(user: User, content: ContentItem, *, rule: str, text: str, reason: str) -> FindingWaiver:
    """Keep a finding of the current version as it is, with the reason (确认保留)."""
    require(can_waive_findings(user, content), "只有审核人或宣传工作人员可以确认保留校对问题，作者本人不能确认。")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "请填写确认保留的理由。"})
    if content.status in (ContentStatus.PUBLISHED, ContentStatus.WITHDRAWN):
        raise ValidationError("稿件已发布，校对问题不能再确认保留。")
    findings = content_findings(content.latest, unit=content.org_unit)
    rule, text = waiver_key({"rule": rule or "", "text": text or ""})
    if not any(waiver_key(f) == (rule, text) for f in findings):
        raise ValidationError("当前版本中没有这处校对问题，可能已经修改。")
    with transaction.atomic():
        if FindingWaiver.objects.filter(item=content, rule=rule, text=text).exists():
            raise ValidationError("该问题已确认保留。")
        waiver = FindingWaiver.objects.create(item=content, rule=rule, text=text, reason=reason[:300],
                                              created_by=user)
        record("outlets.content.waive", content, actor=user,
               new={"rule": rule, "text": text, "reason": waiver.reason, "version": content.current_version})
    return waiver


def review_blockers(content: ContentItem, stage) -> list[str]:
    """Why approval at ``stage`` is refused: before signing, no proofreading error may stay open."""
    if not stage.signs:
        return []
    count = len(open_errors(content, content_findings(content.latest, unit=content.org_unit)))
    return [f"还有{count}处校对错误未修改或确认保留，不能签发。"] if count else []


# --- publishing -------------------------------------------------------------------------------------
def activity_kind_for(content: ContentItem) -> str:
    if content.kind == ContentKind.BRIEFING or (content.outlet_id and content.outlet.kind == OutletKind.BRIEFING):
        return OutletActivityKind.BRIEFING
    if content.outlet_id and content.outlet.kind in BOARD_KINDS:
        return OutletActivityKind.BOARD_UPDATE
    return OutletActivityKind.PUBLICATION


def _approved_version(content: ContentItem) -> int:
    """The version the review approved; it must still be the current one."""
    review = latest_review(content)
    if review is None or review.status != ReviewStatus.APPROVED or review.version != content.current_version:
        raise ValidationError("当前版本未经审核通过，不能发布。")
    return review.version


def _activity_fields(content: ContentItem, kind: str, day) -> dict:
    where = content.published_where
    place = content.outlet.name if content.outlet_id else where
    lines = [f"{content.get_kind_display()}《{content.title}》（第{content.published_version}版），"
             f"作者{content.author.name}，经三审三校审核签发后发布。"]
    if where and where != place:
        lines.append(f"发布位置：{where}")
    title = content.title if not place or content.title.startswith(place) else f"{place}：{content.title}"
    return {"org_unit": content.org_unit, "kind": kind, "title": title[:200], "date": day, "place": place[:200],
            "summary": "\n".join(lines), "item": content.item}


def _sync_activity(user: User, content: ContentItem, kind: str, day) -> Activity:
    """Create the item's ledger activity, or bring the existing one (an earlier publication) up to date."""
    fields = _activity_fields(content, kind, day)
    return do_sync_activity(user, source=content, kind=kind, title=fields["title"], date=day,
                            summary=fields["summary"], place=fields["place"], participants=[content.author],
                            item=content.item)


def do_publish_content(user: User, content: ContentItem, *, published_at: datetime, where: str = "",
                       kind: str | None = None) -> ContentItem:
    """Record that the approved version appeared (when, where); it counts in the ledger from then on.

    Interview requests and outward materials without an outlet are recorded only with where they
    were used. ``kind`` overrides the ledger kind (刊发 / 阵地更新 / 简报) chosen from the outlet.
    """
    require_can(user, "publish", content, "只有本单位宣传工作人员可以发布稿件。")
    where = (where or "").strip()
    errors = {}
    if published_at is None:
        errors["published_at"] = "请填写发布时间。"
    elif published_at > timezone.now() + timedelta(minutes=5):
        errors["published_at"] = "发布时间不能晚于当前时间。"
    if not content.outlet_id and not where:
        errors["where"] = ("请填写使用情况（用于何处、何时）。" if content.kind in ENDS_AT_APPROVAL
                           else "该稿件未指定发布阵地，请填写发布位置或链接。")
    if kind is not None and activity_kind(kind) is None:
        errors["kind"] = "台账活动类型无效。"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        content = ContentItem.objects.select_for_update(of=("self",)).select_related("outlet", "author", "org_unit").get(
            pk=content.pk)
        if content.status != ContentStatus.APPROVED:
            raise ValidationError("只有审核通过、待发布的稿件可以发布。")
        old = snapshot(content, AUDITED)
        content.published_version = _approved_version(content)
        content.published_at, content.published_by = published_at, user
        content.published_where = (where or (content.outlet.account or content.outlet.name))[:300]
        content.status = ContentStatus.PUBLISHED
        day = timezone.localdate(published_at)
        content.activity = _sync_activity(user, content, kind or activity_kind_for(content), day)
        content.save()
        if content.outlet_id:
            note_outlet_update(content.outlet, day)
        record("outlets.content.publish", content, actor=user, old=old, new=snapshot(content, AUDITED))
        if content.author_id != user.pk:
            notify(content.author, f"您的稿件《{content.title}》已发布", url=content.get_absolute_url(),
                   body=f"发布位置：{content.published_where}")
    return content


def do_withdraw_content(user: User, content: ContentItem, *, reason: str) -> ContentItem:
    """撤稿: the published item is taken down. The ledger activity stays, marked 已撤稿, on no target."""
    require_can(user, "publish", content, "只有本单位宣传工作人员可以撤稿。")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "请填写撤稿原因。"})
    with transaction.atomic():
        content = ContentItem.objects.select_for_update(of=("self",)).select_related("author").get(pk=content.pk)
        if content.status != ContentStatus.PUBLISHED:
            raise ValidationError("只有已发布的稿件可以撤稿。")
        old = snapshot(content, AUDITED)
        content.status = ContentStatus.WITHDRAWN
        content.save(update_fields=["publication", "updated_at"])
        activity = Activity.objects.filter(pk=content.activity_id).first() if content.activity_id else None
        if activity is not None:
            stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M")
            title = activity.title if activity.title.startswith(WITHDRAWN_MARK) else WITHDRAWN_MARK + activity.title
            do_update_activity(user, activity, targets=[], title=title[:200],
                               summary=f"{activity.summary}\n\n{stamp} 由{user.name}撤稿，不再计入指标。撤稿原因：{reason}")
        record("outlets.content.withdraw", content, actor=user, old=old,
               new={**snapshot(content, AUDITED), "reason": reason})
        if content.author_id != user.pk:
            notify(content.author, f"您的稿件《{content.title}》已撤稿", body=f"撤稿原因：{reason}",
                   url=content.get_absolute_url(), kind="warning")
    return content
