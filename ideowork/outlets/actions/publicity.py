"""External publicity: recording articles placed in outside media, and the year's media figures.

Who may write: the publicity staff (``user.has_capability("outlets.publish")``) of the placement's organ; every
business user in scope reads. A placement is recorded in the ledger as a 刊发 activity
(``do_sync_activity``) with the clipping as its evidence; its targets come from the counting rule
``outlets.counting`` registers, with the medium's level, so a county paper never counts toward
全年在市级以上媒体刊发稿件不少于20篇. Editing or deleting the placement keeps the activity in step.
"""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from ideowork.core.audit import record, snapshot
from ideowork.core.models import OrgUnit, User
from ideowork.core.permissions import require
from ideowork.core.uploads import KIND_GROUPS, check_upload
from ideowork.ledger.actions import do_remove_evidence, do_sync_activity
from ideowork.plans.qualifiers import LEVEL_RANK
from ideowork.ledger.models import Activity
from ideowork.ledger.progress import compute_progress
from ideowork.ledger.counting import eligible_targets
from ideowork.plans.models import Target

from ..access import can_publish_for
from ..choices import ContentKind, ContentStatus, MediaLevel, OutletActivityKind
from ..models import ContentItem, ExternalPlacement

__all__ = ["CLIPPING_KINDS", "CLIPPING_MAX_BYTES", "can_manage_publicity", "check_not_future", "check_cited_content",
           "do_record_placement",
           "do_update_placement", "do_delete_placement", "media_target", "media_kpi", "level_phrase"]

CLIPPING_KINDS = KIND_GROUPS["image"] | KIND_GROUPS["pdf"]
CLIPPING_MAX_BYTES = 10 * 1024 * 1024
PLACEMENT_FIELDS = ["org_unit", "title", "medium", "level", "column", "published_on", "link", "author_names",
                    "content", "note", "authors"]
_LEVEL_PHRASES = {MediaLevel.COUNTY: "县级以上", MediaLevel.MUNICIPAL: "市级以上", MediaLevel.PROVINCIAL: "省级以上",
                  MediaLevel.CENTRAL: "中央级"}


def can_manage_publicity(user: User, unit: OrgUnit) -> bool:
    """The user runs publicity for ``unit`` (``outlets.access``)."""
    return can_publish_for(user, unit)


def level_phrase(level: str) -> str:
    """"市级以上" for a target's minimum level."""
    return _LEVEL_PHRASES.get(level, "")


# --- placements -------------------------------------------------------------------------------------
def _snapshot(placement: ExternalPlacement) -> dict:
    return snapshot(placement, PLACEMENT_FIELDS)


def _check_clipping(clipping) -> None:
    try:
        check_upload(clipping, allowed=CLIPPING_KINDS, max_bytes=CLIPPING_MAX_BYTES)
    except ValidationError as error:
        raise ValidationError({"clipping": error.messages}) from None


def check_not_future(day: date | None, field: str, label: str, errors: dict) -> None:
    """A date that is required and cannot lie ahead; its error goes under ``field``."""
    if day is None:
        errors[field] = f"请填写{label}。"
    elif day > timezone.localdate():
        errors[field] = f"{label}不能晚于今天。"


def check_cited_content(user: User, content: ContentItem, kind: str, field: str, errors: dict) -> bool:
    """A record may cite a content item of ``kind`` that the user can see; False, with the error under
    ``field``, when it may not."""
    label = ContentKind(kind).label
    if not ContentItem.objects.visible_to(user).filter(pk=content.pk).exists():
        errors[field] = f"所选{label}不存在或您无权查看。"
    elif content.kind != kind:
        errors[field] = f"只能关联“{label}”类稿件。"
    else:
        return True
    return False


def _checked(user: User, *, org_unit: OrgUnit, title: str, medium: str, level: str, published_on: date | None,
             link: str, authors: list[User], author_names: str, content: ContentItem | None) -> None:
    require(can_manage_publicity(user, org_unit), f"您无权为“{org_unit.name}”登记对外宣传稿件。")
    visible = set(User.objects.visible_to(user).business().values_list("pk", flat=True))
    require({a.pk for a in authors} <= visible, "作者中有您无权选择的人员。")
    errors = {}
    if not title.strip():
        errors["title"] = "请填写稿件标题。"
    if not medium.strip():
        errors["medium"] = "请填写媒体名称。"
    if level not in MediaLevel.values:
        errors["level"] = "请选择媒体级别（中央级、省级、市级或县级）。"
    check_not_future(published_on, "published_on", "刊发日期", errors)
    if link.strip() and not link.strip().lower().startswith(("http://", "https://")):
        errors["link"] = "链接须以 http:// 或 https:// 开头。"
    if not authors and not author_names.strip():
        errors["author_names"] = "请选择本单位作者或填写作者署名。"
    if content is not None and check_cited_content(user, content, ContentKind.EXTERNAL, "content", errors):
        if content.status not in (ContentStatus.APPROVED, ContentStatus.PUBLISHED):
            errors["content"] = f"“{content.title}”尚未经办领导审批通过，不能作为对外刊发的依据。"
    if errors:
        raise ValidationError(errors)


def _activity_summary(placement: ExternalPlacement) -> str:
    lines = [f"{placement.get_level_display()}媒体《{placement.medium}》"
             + (f"{placement.column}" if placement.column else "") + f"刊发《{placement.title}》。"]
    if placement.byline:
        lines.append(f"作者：{placement.byline}")
    if placement.link:
        lines.append(f"链接：{placement.link}")
    return "\n".join(lines)


def _sync(user: User, placement: ExternalPlacement, clipping=None) -> Activity:
    return do_sync_activity(user, source=placement, kind=OutletActivityKind.PUBLICATION,
                            title=f"{placement.medium}刊发：{placement.title}", date=placement.published_on,
                            place=placement.medium, summary=_activity_summary(placement),
                            participants=placement.authors.all(),
                            evidence_files=[clipping] if clipping is not None else [])


def do_record_placement(user: User, *, org_unit: OrgUnit, title: str, medium: str, level: str,
                        published_on: date, clipping, column: str = "", link: str = "",
                        authors: Iterable[User] = (), author_names: str = "", content: ContentItem | None = None,
                        note: str = "") -> ExternalPlacement:
    """Record an article placed in outside media, with its clipping or screenshot (image or PDF)."""
    authors = list(authors)
    _checked(user, org_unit=org_unit, title=title, medium=medium, level=level, published_on=published_on,
             link=link, authors=authors, author_names=author_names, content=content)
    if clipping is None:
        raise ValidationError({"clipping": "请上传刊发版面的剪报或网页截图（图片或PDF）。"})
    _check_clipping(clipping)
    placement = ExternalPlacement(org_unit=org_unit, title=title.strip(), medium=medium.strip(), level=level,
                                  column=column.strip(), published_on=published_on, link=link.strip(),
                                  author_names=author_names.strip(), content=content, note=note.strip(),
                                  created_by=user)
    placement.full_clean(exclude=["activity"])
    with transaction.atomic():
        placement.save()
        placement.authors.set(authors)
        _sync(user, placement, clipping)
        record("outlets.placement.create", placement, actor=user, new=_snapshot(placement))
    return placement


def do_update_placement(user: User, placement: ExternalPlacement, *, org_unit: OrgUnit, title: str, medium: str,
                        level: str, published_on: date, clipping=None, column: str = "", link: str = "",
                        authors: Iterable[User] = (), author_names: str = "", content: ContentItem | None = None,
                        note: str = "") -> ExternalPlacement:
    """Change a placement; a new clipping replaces the old one. The ledger activity follows."""
    require(can_manage_publicity(user, placement.org_unit), "您无权修改该对外宣传记录。")
    authors = list(authors)
    _checked(user, org_unit=org_unit, title=title, medium=medium, level=level, published_on=published_on,
             link=link, authors=authors, author_names=author_names, content=content)
    if clipping is not None:
        _check_clipping(clipping)
    with transaction.atomic():
        placement = ExternalPlacement.objects.select_for_update().get(pk=placement.pk)
        old = _snapshot(placement)
        old_evidence = list(placement.activity.evidence.all()) if placement.activity_id else []
        placement.org_unit, placement.title, placement.medium, placement.level = (org_unit, title.strip(),
                                                                                  medium.strip(), level)
        placement.column, placement.published_on, placement.link = column.strip(), published_on, link.strip()
        placement.author_names, placement.content, placement.note = author_names.strip(), content, note.strip()
        placement.full_clean(exclude=["activity"])
        placement.save()
        placement.authors.set(authors)
        _sync(user, placement, clipping)
        if clipping is not None:
            for evidence in old_evidence:
                do_remove_evidence(user, evidence)
        new = _snapshot(placement)
        if clipping is not None:
            new["clipping"] = clipping.name
        if new != old:
            record("outlets.placement.update", placement, actor=user, old=old, new=new)
    return placement


def do_delete_placement(user: User, placement: ExternalPlacement) -> None:
    """Delete a placement with its ledger activity and clipping."""
    require(can_manage_publicity(user, placement.org_unit), "您无权删除该对外宣传记录。")
    with transaction.atomic():
        placement = ExternalPlacement.objects.select_for_update().get(pk=placement.pk)
        record("outlets.placement.delete", placement, actor=user, old=_snapshot(placement))
        do_sync_activity(user, source=placement, withdraw=True)
        placement.delete()


# --- the year's figures ------------------------------------------------------------------------------
def media_target(user: User, year: int) -> Target | None:
    """The target of the user's own organ's plan that names a media level (全年在市级以上媒体刊发稿件不少于20篇).

    A county bureau without such a target of its own sees none: the city's figure is not its work.
    """
    root = user.scope_root
    if root is None:
        return None
    return next((t for t in eligible_targets(user, unit=root, year=year)
                 if t.item.plan.org_unit_id == root.pk and t.media_level), None)


def media_kpi(user: User, placements, *, year: int, today: date | None = None) -> dict:
    """The year's placements per level, and progress toward the media target of the plan.

    ``placements`` is the placements the user may see (already filtered to ``year``).
    """
    today = today or timezone.localdate()
    counts = dict(placements.order_by().values_list("level").annotate(n=Count("id")))
    target = media_target(user, year)
    minimum = target.media_level if target is not None else MediaLevel.MUNICIPAL
    levels = [{"level": level, "label": level.label, "count": counts.get(level.value, 0),
               "counts": LEVEL_RANK[level] >= LEVEL_RANK[minimum]}
              for level in sorted(MediaLevel, key=lambda lv: -LEVEL_RANK[lv])]
    progress = compute_progress([target], year=year, today=today)[target.pk] if target is not None else None
    return {"levels": levels, "total": sum(counts.values()), "target": target, "progress": progress,
            "phrase": level_phrase(minimum),
            "reaching": sum(row["count"] for row in levels if row["counts"])}
