"""Browsing and studying: materials, topics and courses with the learner's own progress, and the
heartbeat a material's page sends while it is being studied."""

from django.db.models import Count, Q, Sum
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from ideowork.core.permissions import is_business
from ideowork.core.querystrings import query_without
from ideowork.core.access import can

from ...access import access_course, access_material, access_topic
from ...actions.materials import do_heartbeat
from ...forms.materials import CourseItemForm, MaterialFilterForm
from ...models import Course, Material, StudyProgress, Topic, seconds_label

__all__ = ["material_list", "material_detail", "material_heartbeat", "topic_list", "topic_detail", "course_list",
           "course_detail"]

PAGE_SIZE = 24
HEARTBEAT_MS = 15000


def _my_progress(user, materials) -> dict:
    rows = StudyProgress.objects.visible_to(user).filter(user=user, material__in=[m.pk for m in materials])
    return {p.material_id: p for p in rows.select_related("material")}


def can_manage(user, record) -> bool:
    """A material, topic or course's declared "change" policy, evaluated on a fetched record."""
    return can(user, "change", record)


def course_rows(user, courses) -> list[dict]:
    """Each course with its lesson count and how many of them the user has completed."""
    courses = list(courses)
    done = set(StudyProgress.objects.visible_to(user).filter(user=user, completed_at__isnull=False)
               .values_list("material_id", flat=True))
    rows = []
    for course in courses:
        lessons = [item.material_id for item in course.items.all()]
        finished = sum(1 for m in lessons if m in done)
        rows.append({"course": course, "lessons": len(lessons), "done": finished,
                     "percent": int(finished * 100 / len(lessons)) if lessons else 0})
    return rows


@is_business
def material_list(request):
    user = request.user
    filters = MaterialFilterForm(request.GET, user=user)
    materials = filters.filter(Material.objects.visible_to(user).select_related("topic", "org_unit"))
    page = Paginator(materials, PAGE_SIZE).get_page(request.GET.get("page"))
    progress = _my_progress(user, page)
    rows = [(m, progress.get(m.pk)) for m in page]
    topics = Topic.objects.visible_to(user).annotate(n_materials=Count("materials", distinct=True),
                                                     n_courses=Count("courses", distinct=True))
    courses = Course.objects.visible_to(user).prefetch_related("items")[:6]
    mine = StudyProgress.objects.visible_to(user).filter(user=user).aggregate(
        seconds=Sum("seconds"), done=Count("pk", filter=Q(completed_at__isnull=False)))
    return render(request, "learning/materials/material_list.html", {
        "filters": filters, "page": page, "rows": rows, "topics": topics, "courses": course_rows(user, courses),
        "my_time": seconds_label(mine["seconds"] or 0), "my_done": mine["done"],
        "query": query_without(request.GET, "page"),
    })


@is_business
def material_detail(request, pk):
    user = request.user
    material = access_material(user, pk)
    progress = StudyProgress.objects.visible_to(user).filter(user=user, material=material).first()
    course = None
    if request.GET.get("course", "").isdigit():
        course = Course.objects.visible_to(user).filter(pk=request.GET["course"]).first()
    lessons, previous, following = [], None, None
    if course is not None:
        lessons = list(course.items.select_related("material"))
        ids = [item.material_id for item in lessons]
        if material.pk in ids:
            at = ids.index(material.pk)
            previous = lessons[at - 1].material if at > 0 else None
            following = lessons[at + 1].material if at + 1 < len(lessons) else None
    return render(request, "learning/materials/material_detail.html", {
        "material": material, "progress": progress, "course": course, "previous": previous, "following": following,
        "paragraphs": [p.strip() for p in material.body.split("\n") if p.strip()],
        "can_manage": can_manage(user, material),
        "heartbeat_ms": _heartbeat_ms(request),
    })


def _heartbeat_ms(request) -> int:
    """The page's heartbeat period; tests shorten it with ``?beat_ms=``. The server's own floor
    (``heartbeat_min_seconds``) keeps a shorter period from earning anything extra."""
    value = request.GET.get("beat_ms", "")
    return max(1000, min(int(value), HEARTBEAT_MS)) if value.isdigit() else HEARTBEAT_MS


@is_business
@require_POST
def material_heartbeat(request, pk):
    """The page reports that it is visible and in use; the server decides what that is worth."""
    material = access_material(request.user, pk)
    result = do_heartbeat(request.user, material, visible=request.POST.get("visible") == "1",
                          active=request.POST.get("active") == "1")
    progress = result.progress
    return JsonResponse({
        "credited": result.credited, "seconds": progress.seconds, "required": material.required_seconds,
        "percent": progress.percent, "completed": progress.completed_at is not None,
        "completed_now": result.completed_now, "note": result.note,
    })


@is_business
def topic_list(request):
    topics = Topic.objects.visible_to(request.user).annotate(
        n_materials=Count("materials", distinct=True), n_courses=Count("courses", distinct=True))
    return render(request, "learning/materials/topic_list.html", {"topics": topics})


@is_business
def topic_detail(request, pk):
    user = request.user
    topic = access_topic(user, pk)
    materials = list(Material.objects.visible_to(user).filter(topic=topic))
    progress = _my_progress(user, materials)
    courses = Course.objects.visible_to(user).filter(topic=topic).prefetch_related("items")
    return render(request, "learning/materials/topic_detail.html", {
        "topic": topic, "rows": [(m, progress.get(m.pk)) for m in materials], "courses": course_rows(user, courses),
        "can_manage": can_manage(user, topic),
    })


@is_business
def course_list(request):
    courses = Course.objects.visible_to(request.user).select_related("topic").prefetch_related("items")
    return render(request, "learning/materials/course_list.html", {"courses": course_rows(request.user, courses)})


@is_business
def course_detail(request, pk):
    user = request.user
    course = access_course(user, pk)
    items = list(course.items.select_related("material"))
    progress = _my_progress(user, [item.material for item in items])
    manageable = can_manage(user, course)
    row = course_rows(user, [course])[0]
    next_item = next((item for item in items if not (progress.get(item.material_id)
                                                     and progress[item.material_id].completed_at)), None)
    return render(request, "learning/materials/course_detail.html", {
        "course": course, "rows": [(item, progress.get(item.material_id)) for item in items], "summary": row,
        "next_item": next_item, "can_manage": manageable,
        "item_form": CourseItemForm(user=user, course=course) if manageable else None,
    })
