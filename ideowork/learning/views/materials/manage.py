"""What learning admins do: upload materials (an oversized upload is refused before it is read),
edit them, build topics and ordered courses, and read who studied what."""

from csp.decorators import csp_update
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.core.paginator import Paginator
from django.db.models import Count, Q, Sum
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.access import require_can
from ideowork.core.outcomes import form_outcome
from ideowork.core.idempotency import idempotent
from ideowork.core.models import OrgUnit, User
from ideowork.core.permissions import capability_required
from ideowork.core.uploads import human_size

from ...access import access_course, access_material, access_topic
from ...actions.materials import (MEDIA_MAX_BYTES, do_add_course_item, do_create_material, do_move_course_item,
                                  do_remove_course_item, do_save_course, do_save_topic, do_update_material)
from ...forms.materials import CourseForm, CourseItemForm, MaterialEditForm, MaterialForm, TopicForm
from ...models import Course, CourseItem, Material, StudyProgress, seconds_label

__all__ = ["material_create", "material_edit", "topic_create", "topic_edit", "course_create", "course_edit",
           "course_item_add", "course_item_move", "course_item_remove", "study_overview", "material_progress",
           "course_progress"]

# A multipart body carries a little more than the file itself.
FORM_OVERHEAD = 1024 * 1024


class UploadTooLarge(FileUploadHandler):
    """Stops reading a file as soon as it passes the limit, for a body sent without a length."""

    def __init__(self, request, limit):
        super().__init__(request)
        self.limit, self.received = limit, 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.request.upload_too_large = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None


def _too_large_message(size: int | None) -> str:
    shown = f"（约{human_size(size)}）" if size else ""
    return f"上传的文件过大{shown}，学习资料文件不能超过{human_size(MEDIA_MAX_BYTES)}，请压缩后再上传。"


@capability_required("learning.manage")
@csrf_exempt
@csp_update({"media-src": ["'self'", "blob:"]})
def material_create(request):
    """Refuses an oversized upload from its Content-Length before any of the body is read."""
    if request.method == "POST":
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
        if declared > MEDIA_MAX_BYTES + FORM_OVERHEAD:
            response = render(request, "learning/materials/material_form.html", {
                "form": MaterialForm(user=request.user), "title": "上传学习资料", "max_bytes": MEDIA_MAX_BYTES,
                "upload_error": _too_large_message(declared)}, status=413)
            response["Connection"] = "close"
            return response
        request.upload_handlers.insert(0, UploadTooLarge(request, MEDIA_MAX_BYTES))
    return _material_create(request)


@csrf_protect
@require_http_methods(["GET", "POST"])
def _material_create(request):
    upload_error = None
    if request.method == "POST":
        form = MaterialForm(request.POST, request.FILES, user=request.user)
        if getattr(request, "upload_too_large", False):
            upload_error = _too_large_message(None)
            form = MaterialForm(user=request.user, initial=request.POST.dict())
        elif form.is_valid():
            saved = form_outcome(request, form, lambda: do_create_material(request.user, **form.service_data()),
                                 lambda material: f"已发布学习资料“{material.title}”。")
            if saved:
                return redirect("learning:material_detail", pk=saved.result.pk)
    else:
        form = MaterialForm(user=request.user, initial={"topic": request.GET.get("topic")})
    return render(request, "learning/materials/material_form.html", {
        "form": form, "title": "上传学习资料", "max_bytes": MEDIA_MAX_BYTES, "upload_error": upload_error})


@capability_required("learning.manage")
@require_http_methods(["GET", "POST"])
def material_edit(request, pk):
    material = _managed_or_403(request, access_material(request.user, pk), "资料")
    form = MaterialEditForm(request.POST or None, user=request.user, material=material)
    if request.method == "POST" and form.is_valid():
        saved = form_outcome(request, form, lambda: do_update_material(request.user, material, **form.service_data()),
                             "已保存修改。")
        if saved:
            return redirect("learning:material_detail", pk=material.pk)
    return render(request, "learning/materials/material_form.html",
                  {"form": form, "title": f"编辑资料：{material.title}", "material": material})


def _managed_or_403(request, record, what: str):
    """``record`` when the user may change it under its model's declared policy; a higher unit's 资料,
    专题 or 课程 is read-only here."""
    require_can(request.user, "change", record, f"该{what}由上级单位发布，您不能修改。")
    return record


@capability_required("learning.manage")
@require_http_methods(["GET", "POST"])
@idempotent
def topic_create(request):
    return _topic_form(request, None)


@capability_required("learning.manage")
@require_http_methods(["GET", "POST"])
def topic_edit(request, pk):
    return _topic_form(request, _managed_or_403(request, access_topic(request.user, pk), "专题"))


def _topic_form(request, topic):
    form = TopicForm(request.POST or None, instance=topic)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = form_outcome(request, form,
                             lambda: do_save_topic(request.user, topic, title=data["title"],
                                                   description=data["description"], order=data["order"]),
                             lambda topic: f"已保存专题“{topic.title}”。")
        if saved:
            return redirect("learning:topic_detail", pk=saved.result.pk)
    return render(request, "core/form.html", {
        "form": form, "title": "编辑专题" if topic else "新建专题",
        "cancel_url": reverse("learning:topic_detail", args=[topic.pk]) if topic else reverse("learning:topic_list"),
    })


@capability_required("learning.manage")
@require_http_methods(["GET", "POST"])
@idempotent
def course_create(request):
    return _course_form(request, None)


@capability_required("learning.manage")
@require_http_methods(["GET", "POST"])
def course_edit(request, pk):
    return _course_form(request, _managed_or_403(request, access_course(request.user, pk), "课程"))


def _course_form(request, course):
    initial = {"title": course.title, "topic": course.topic, "description": course.description} if course else \
        {"topic": request.GET.get("topic")}
    form = CourseForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = form_outcome(request, form, lambda: do_save_course(request.user, course, **form.cleaned_data),
                             lambda course: f"已保存课程“{course.title}”，请添加课时。")
        if saved:
            return redirect("learning:course_detail", pk=saved.result.pk)
    return render(request, "core/form.html", {
        "form": form, "title": "编辑课程" if course else "新建课程",
        "cancel_url": (reverse("learning:course_detail", args=[course.pk]) if course
                       else reverse("learning:course_list")),
    })


@capability_required("learning.manage")
@require_POST
def course_item_add(request, pk):
    course = _managed_or_403(request, access_course(request.user, pk), "课程")
    form = CourseItemForm(request.POST, user=request.user, course=course)
    if form.is_valid():
        try:
            item = do_add_course_item(request.user, course, form.cleaned_data["material"])
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, f"已添加课时“{item.material.title}”。")
    else:
        messages.error(request, "请选择要添加的学习资料。")
    return redirect("learning:course_detail", pk=course.pk)


def _course_item(request, pk) -> CourseItem:
    course_ids = Course.objects.visible_to(request.user).values("pk")
    item = (CourseItem.objects.visible_to(request.user).select_related("course__org_unit", "material")
            .filter(course__in=course_ids, pk=pk).first())
    if item is None:
        raise Http404("记录不存在或您无权查看。")
    _managed_or_403(request, item.course, "课程")
    return item


@capability_required("learning.manage")
@require_POST
def course_item_move(request, pk):
    item = _course_item(request, pk)
    try:
        do_move_course_item(request.user, item, request.POST.get("direction", ""))
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    return redirect("learning:course_detail", pk=item.course_id)


@capability_required("learning.manage")
@require_POST
def course_item_remove(request, pk):
    item = _course_item(request, pk)
    do_remove_course_item(request.user, item)
    messages.success(request, f"已移除课时“{item.material.title}”。")
    return redirect("learning:course_detail", pk=item.course_id)


@capability_required("learning.manage")
def study_overview(request):
    """Who studied what: totals per unit, and per material, over the learners the admin may see."""
    user = request.user
    rows = StudyProgress.objects.visible_to(user)
    per_unit = {r["org_unit"]: r for r in rows.order_by().values("org_unit").annotate(
        people=Count("user", distinct=True, filter=Q(seconds__gt=0)), seconds=Sum("seconds"),
        done=Count("pk", filter=Q(completed_at__isnull=False)))}
    units = [(u, per_unit.get(u.pk)) for u in OrgUnit.objects.visible_to(user).filter(is_active=True)
             .order_by("path")]
    materials = Material.objects.visible_to(user).annotate(
        learners=Count("progress", filter=Q(progress__in=rows, progress__seconds__gt=0), distinct=True),
        finished=Count("progress", filter=Q(progress__in=rows, progress__completed_at__isnull=False), distinct=True),
        seconds=Sum("progress__seconds", filter=Q(progress__in=rows))).order_by("-created_at", "-id")
    page = Paginator(materials, 30).get_page(request.GET.get("page"))
    for m in page:
        m.seconds_label = seconds_label(m.seconds or 0)
    for r in per_unit.values():
        r["label"] = seconds_label(r["seconds"] or 0)
    return render(request, "learning/materials/study_overview.html", {"units": units, "page": page})


@capability_required("learning.manage")
def material_progress(request, pk):
    """One material's learners with their verified time, grouped by unit."""
    user = request.user
    material = access_material(user, pk)
    rows = (StudyProgress.objects.visible_to(user).filter(material=material, seconds__gt=0)
            .select_related("user", "org_unit").order_by("org_unit__path", "-seconds"))
    return render(request, "learning/materials/material_progress.html", {
        "material": material, "rows": rows,
    })


@capability_required("learning.manage")
def course_progress(request, pk):
    """One course's learners: lessons completed and verified time, grouped by unit."""
    user = request.user
    course = access_course(user, pk)
    lessons = list(course.items.values_list("material_id", flat=True))
    per_user = (StudyProgress.objects.visible_to(user).filter(material_id__in=lessons, seconds__gt=0).order_by()
                .values("user", "org_unit").annotate(seconds=Sum("seconds"),
                                                     done=Count("pk", filter=Q(completed_at__isnull=False))))
    people = {u.pk: u for u in User.objects.visible_to(user).filter(pk__in=[r["user"] for r in per_user])}
    units = {u.pk: u for u in OrgUnit.objects.visible_to(user).filter(pk__in={r["org_unit"] for r in per_user})}
    rows = sorted(({"user": people.get(r["user"]), "unit": units[r["org_unit"]], "done": r["done"],
                    "time": seconds_label(r["seconds"] or 0),
                    "percent": int(r["done"] * 100 / len(lessons)) if lessons else 0} for r in per_user
                   if r["user"] in people),
                  key=lambda r: (r["unit"].path, -r["done"], r["user"].name))
    return render(request, "learning/materials/course_progress.html",
                  {"course": course, "rows": rows, "lessons": len(lessons)})
