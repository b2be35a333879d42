"""Materials, topics and courses, and the verified study time a heartbeat earns.

Study time is decided here, never in the browser: the page only reports "visible and in use"
about every 15 seconds; ``do_heartbeat`` credits at most the real time since the last accepted
heartbeat of that person for that material (capped per heartbeat, none after a long gap, none for
heartbeats that arrive too fast or while another material is being studied), and never more than
the material's credit cap in total.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from ideowork.core.audit import record
from ideowork.core.permissions import require
from ideowork.core.uploads import KIND_GROUPS, check_upload, store_attachment
from ideowork.core.scoping import can_act_in
from ideowork.ledger.actions.evidence import files_discarded_on_error

from ..models import Course, CourseItem, Material, MaterialKind, StudyProgress, Topic
from .points import do_award_points

__all__ = ["MEDIA_MAX_BYTES", "FILE_KINDS", "max_bytes_for", "check_material_file", "required_seconds_for",
           "do_save_topic", "do_create_material", "do_update_material", "do_save_course", "do_add_course_item",
           "do_move_course_item", "do_remove_course_item", "HeartbeatResult", "do_heartbeat",
           "heartbeat_min_seconds"]

# Recordings are large; documents keep the site-wide limit.
MEDIA_MAX_BYTES = getattr(settings, "LEARNING_MEDIA_MAX_BYTES", 500 * 1024 * 1024)
FILE_KINDS = {MaterialKind.PDF: {"pdf"}, MaterialKind.AUDIO: KIND_GROUPS["audio"],
              MaterialKind.VIDEO: KIND_GROUPS["video"]}
READING_CHARS_PER_MINUTE = 300
ARTICLE_MIN_SECONDS, ARTICLE_MAX_SECONDS = 30, 300
PDF_DEFAULT_SECONDS = 180
REQUIRED_MAX_SECONDS = 4 * 3600
MEDIA_REQUIRED_SHARE = 0.9
# Heartbeats: the page sends one about every 15 s while it is visible and in use.
HEARTBEAT_MAX_CREDIT = 30
HEARTBEAT_MAX_GAP = 45


def heartbeat_min_seconds() -> float:
    """Heartbeats closer together than this are ignored (a page cannot earn faster than the clock)."""
    return getattr(settings, "LEARNING_HEARTBEAT_MIN_SECONDS", 10)


def max_bytes_for(kind: str) -> int:
    return MEDIA_MAX_BYTES if kind in (MaterialKind.AUDIO, MaterialKind.VIDEO) else settings.UPLOAD_MAX_BYTES


def _check_admin(user, unit=None) -> None:
    require(user.is_active and user.has_capability("learning.manage"), "您没有管理学习资料的权限。")
    require(user.scope_root is not None and (unit is None or can_act_in(user, unit)), "您无权管理其他单位的学习资料。")


def check_material_file(uploaded, kind: str) -> str:
    if kind not in FILE_KINDS:
        raise ValidationError({"upload": "文章类资料不需要上传文件。"})
    try:
        return check_upload(uploaded, allowed=FILE_KINDS[kind], max_bytes=max_bytes_for(kind))
    except ValidationError as exc:
        raise ValidationError({"upload": exc.messages}) from None


def required_seconds_for(kind: str, *, body: str = "", duration_seconds: int = 0, requested: int | None = None) -> int:
    """The study time that completes a material: 90 % of a recording; for a text the time set, or
    the reading time of its length (300 characters a minute, 30 s to 5 min)."""
    if kind in (MaterialKind.AUDIO, MaterialKind.VIDEO):
        return max(1, math.ceil(duration_seconds * MEDIA_REQUIRED_SHARE))
    if requested:
        return min(int(requested), REQUIRED_MAX_SECONDS)
    if kind == MaterialKind.PDF:
        return PDF_DEFAULT_SECONDS
    estimate = math.ceil(len("".join(body.split())) * 60 / READING_CHARS_PER_MINUTE)
    return max(ARTICLE_MIN_SECONDS, min(ARTICLE_MAX_SECONDS, estimate))


def _check_topic(user, topic: Topic | None) -> None:
    if topic is not None:
        require(Topic.objects.visible_to(user).filter(pk=topic.pk).exists(), "您无权使用该专题。")


def _clean_title(value: str, field: str = "title") -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: "请填写标题。"})
    return value


def _save_in_organ(user, model, instance, values: dict, snapshot):
    """Make a ``model`` of the user's organ (``instance`` None) or change ``instance``: set ``values``,
    save, and record ``learning.<model>.save`` with the ``snapshot`` before and after. The caller has
    checked the user may."""
    with transaction.atomic():
        old = None if instance is None else snapshot(instance)
        if instance is None:
            instance = model(org_unit=user.scope_root, created_by=user)
        for name, value in values.items():
            setattr(instance, name, value)
        instance.save()
        record(f"learning.{model._meta.model_name}.save", instance, actor=user, old=old, new=snapshot(instance))
    return instance


# --- topics -------------------------------------------------------------------------------------

def do_save_topic(user, topic: Topic | None = None, *, title: str, description: str = "", order: int = 0) -> Topic:
    _check_admin(user, topic.org_unit if topic else None)
    return _save_in_organ(user, Topic, topic,
                          {"title": _clean_title(title), "description": description.strip(), "order": order or 0},
                          lambda t: {"title": t.title, "description": t.description, "order": t.order})


# --- materials ----------------------------------------------------------------------------------

def _check_material_fields(kind: str, body: str, duration_seconds: int | None, has_file: bool) -> None:
    if kind not in MaterialKind.values:
        raise ValidationError({"kind": "请选择资料类型。"})
    if kind == MaterialKind.ARTICLE and not body.strip():
        raise ValidationError({"body": "文章类资料须填写正文。"})
    if kind in FILE_KINDS and not has_file:
        raise ValidationError({"upload": f"请上传{MaterialKind(kind).label}文件。"})
    if kind in (MaterialKind.AUDIO, MaterialKind.VIDEO) and not duration_seconds:
        raise ValidationError({"duration": "请填写音视频时长（选择文件后会自动读取）。"})


def do_create_material(user, *, kind: str, title: str, summary: str = "", body: str = "", topic: Topic | None = None,
                       upload=None, duration_seconds: int | None = None,
                       required_seconds: int | None = None) -> Material:
    """Publish a material of the user's organ; ``upload`` is checked by content before it is stored."""
    _check_admin(user)
    _check_topic(user, topic)
    title = _clean_title(title)
    _check_material_fields(kind, body, duration_seconds, upload is not None)
    detected = check_material_file(upload, kind) if kind in FILE_KINDS else None
    duration = int(duration_seconds or 0) if kind in (MaterialKind.AUDIO, MaterialKind.VIDEO) else 0
    with files_discarded_on_error() as stored, transaction.atomic():
        material = Material(org_unit=user.scope_root, topic=topic, kind=kind, title=title, summary=summary.strip(),
                            body=body.strip() if kind == MaterialKind.ARTICLE else "", duration_seconds=duration,
                            required_seconds=required_seconds_for(kind, body=body, duration_seconds=duration,
                                                                  requested=required_seconds),
                            created_by=user)
        if detected:
            material.attachment = store_attachment(upload, kind=detected, unit=user.scope_root, user=user)
            stored.append(material.attachment.file)
        material.save()
        record("learning.material.create", material, actor=user, new=_snapshot(material))
    return material


def _snapshot(material: Material) -> dict:
    return {"title": material.title, "kind": material.kind, "topic": str(material.topic or ""),
            "file": material.attachment.original_name if material.attachment_id else "",
            "duration_seconds": material.duration_seconds, "required_seconds": material.required_seconds}


def do_update_material(user, material: Material, *, title: str, summary: str = "", body: str = "",
                       topic: Topic | None = None, duration_seconds: int | None = None,
                       required_seconds: int | None = None) -> Material:
    """Change a material's text and timing; the file itself is not replaced (publish a new material)."""
    _check_admin(user, material.org_unit)
    _check_topic(user, topic)
    title = _clean_title(title)
    _check_material_fields(material.kind, body, duration_seconds if material.is_media else 1, True)
    with transaction.atomic():
        material = Material.objects.select_for_update().get(pk=material.pk)
        old = _snapshot(material)
        material.title, material.summary, material.topic = title, summary.strip(), topic
        if material.kind == MaterialKind.ARTICLE:
            material.body = body.strip()
        if material.is_media:
            material.duration_seconds = int(duration_seconds)
        material.required_seconds = required_seconds_for(material.kind, body=material.body,
                                                         duration_seconds=material.duration_seconds,
                                                         requested=required_seconds)
        material.save()
        record("learning.material.update", material, actor=user, old=old, new=_snapshot(material))
    return material


# --- courses ------------------------------------------------------------------------------------

def do_save_course(user, course: Course | None = None, *, title: str, description: str = "",
                   topic: Topic | None = None) -> Course:
    _check_admin(user, course.org_unit if course else None)
    _check_topic(user, topic)
    return _save_in_organ(user, Course, course,
                          {"title": _clean_title(title), "description": description.strip(), "topic": topic},
                          lambda c: {"title": c.title, "description": c.description, "topic": str(c.topic or "")})


def do_add_course_item(user, course: Course, material: Material) -> CourseItem:
    """Append a lesson. The material must reach everyone the course reaches: published by the
    course's unit or one above it."""
    _check_admin(user, course.org_unit)
    require(Material.objects.visible_to(user).filter(pk=material.pk).exists(), "您无权使用该学习资料。")
    if not course.org_unit.is_within(material.org_unit):
        raise ValidationError({"material": f"“{material.title}”由下级单位发布，不能加入本课程。"})
    with transaction.atomic():
        Course.objects.select_for_update().filter(pk=course.pk).exists()
        if course.items.filter(material=material).exists():
            raise ValidationError({"material": f"“{material.title}”已在课程中。"})
        last = course.items.aggregate(n=Max("order"))["n"] or 0
        item = CourseItem.objects.create(course=course, material=material, order=last + 1)
        record("learning.course.add_item", course, actor=user, new={"material": material.title, "order": item.order})
    return item


def _renumber(course: Course) -> None:
    for position, item in enumerate(course.items.order_by("order", "id"), start=1):
        if item.order != position:
            CourseItem.objects.filter(pk=item.pk).update(order=position)


def do_move_course_item(user, item: CourseItem, direction: str) -> None:
    """Move a lesson one place up or down."""
    course = item.course
    _check_admin(user, course.org_unit)
    if direction not in ("up", "down"):
        raise ValidationError("移动方向无效。")
    with transaction.atomic():
        Course.objects.select_for_update().filter(pk=course.pk).exists()
        _renumber(course)
        items = list(course.items.order_by("order", "id"))
        index = next(i for i, it in enumerate(items) if it.pk == item.pk)
        other = index - 1 if direction == "up" else index + 1
        if not 0 <= other < len(items):
            return
        a, b = items[index], items[other]
        CourseItem.objects.filter(pk=a.pk).update(order=b.order)
        CourseItem.objects.filter(pk=b.pk).update(order=a.order)
        record("learning.course.move_item", course, actor=user,
               old={"material": a.material.title, "order": a.order}, new={"order": b.order})


def do_remove_course_item(user, item: CourseItem) -> None:
    course = item.course
    _check_admin(user, course.org_unit)
    with transaction.atomic():
        title = item.material.title
        item.delete()
        _renumber(course)
        record("learning.course.remove_item", course, actor=user, old={"material": title})


# --- study time ---------------------------------------------------------------------------------

@dataclass
class HeartbeatResult:
    progress: StudyProgress
    credited: int
    completed_now: bool
    note: str = ""


def do_heartbeat(user, material: Material, *, visible: bool, active: bool, now=None) -> HeartbeatResult:
    """Credit the time since this person's last accepted heartbeat on ``material``.

    Precondition: the caller has checked that ``user`` may see ``material``. The first heartbeat
    (or the first after a gap, or while the page was hidden or idle) only starts the clock.
    """
    require(user.is_active and user.is_business and user.org_unit_id is not None, "您无法记录学习时长。")
    now = now or timezone.now()
    with transaction.atomic():
        progress, _ = StudyProgress.objects.get_or_create(user=user, material=material,
                                                          defaults={"org_unit_id": user.org_unit_id})
        progress = StudyProgress.objects.select_for_update().select_related("material").get(pk=progress.pk)
        if not (visible and active):
            # The page was hidden or left idle: stop the clock; the next beat only restarts it.
            progress.last_beat_at = None
            progress.save(update_fields=["last_beat_at"])
            return HeartbeatResult(progress, 0, False, "paused")
        elapsed = (now - progress.last_beat_at).total_seconds() if progress.last_beat_at else None
        if elapsed is not None and 0 <= elapsed < heartbeat_min_seconds():
            return HeartbeatResult(progress, 0, False, "too_fast")
        recent = now - timedelta(seconds=HEARTBEAT_MAX_GAP)
        elsewhere = (StudyProgress.objects.filter(user=user, last_beat_at__gt=recent).exclude(pk=progress.pk).order_by("-last_beat_at").first())
        credited = 0
        if elsewhere is not None and (progress.last_beat_at is None or elsewhere.last_beat_at > progress.last_beat_at):
            # Another material took the clock since this page last counted: one person studies one thing at a time.
            note = "elsewhere"
        elif elapsed is None or elapsed < 0 or elapsed > HEARTBEAT_MAX_GAP:
            note = "started"
        else:
            room = max(0, material.credit_cap_seconds - progress.seconds)
            credited = min(int(elapsed), HEARTBEAT_MAX_CREDIT, room)
            note = "credited" if credited else "capped"
        progress.last_beat_at = now
        progress.seconds += credited
        progress.heartbeats += 1 if credited else 0
        completed_now = False
        required = material.required_seconds
        if progress.completed_at is None and required and progress.seconds >= required:
            progress.completed_at = now
            completed_now = True
        progress.save()
        if completed_now:
            _on_completed(user, material, progress)
    return HeartbeatResult(progress, credited, completed_now, note)


def _on_completed(user, material: Material, progress: StudyProgress) -> None:
    record("learning.material.complete", material, actor=user, new={"seconds": progress.seconds})
    do_award_points(user, "view" if material.is_media else "read", ref=f"material:{material.pk}")
    for course in Course.objects.visible_to(user).filter(items__material=material).distinct():
        needed = set(course.items.values_list("material_id", flat=True))
        done = set(StudyProgress.objects.filter(user=user, material_id__in=needed, completed_at__isnull=False)
                   .values_list("material_id", flat=True))
        if needed and needed <= done:
            record("learning.course.complete", course, actor=user, new={"lessons": len(needed)})
            do_award_points(user, "course", ref=f"course:{course.pk}")
