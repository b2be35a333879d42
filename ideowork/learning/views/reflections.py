"""Reflections and research reports: my count against the yearly target, the group's table, review."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from ideowork.core.access import can
from ideowork.core.actions.reviews import review_panel, with_review_state
from ideowork.core.outcomes import form_outcome
from ideowork.core.audit import record_read
from ideowork.core.idempotency import idempotent
from ideowork.core.permissions import is_business

from ..access import access_reflection
from ..actions.reflections import (counts_by_author, do_resubmit_reflection, do_submit_reflection,
                                   reflection_figures, return_comments)
from ..forms.reflections import ReflectionForm
from ..models import (Reflection, ReflectionKind, ReflectionStatus, StudyGroup,
                      StudySession)
from .sessions.files import file_response

PAGE_SIZE = 30


def _member_table(user, visible, year) -> list[dict]:
    """For secretaries and administrators: each group they run, its members and who is behind.

    A member tracked by the plan's per-person target shows that target's figure (``reflection_figures``).
    """
    counts = counts_by_author(visible, year)
    pending = counts_by_author(visible, year, ReflectionStatus.SUBMITTED)
    tables = []
    for group in StudyGroup.objects.visible_to(user, "change").filter(is_active=True).select_related("org_unit"):
        members = list(group.members.select_related("org_unit").order_by("org_unit__path", "display_name"))
        figures = reflection_figures(members, counts, year)
        rows = [{"member": m, "done": figures[m.pk][0], "required": figures[m.pk][1],
                 "pending": pending.get(m.pk, 0), "behind": figures[m.pk][0] < figures[m.pk][1],
                 "percent": min(100, figures[m.pk][0] * 100 // figures[m.pk][1])}
                for m in members]
        tables.append({"group": group, "rows": rows, "behind": sum(r["behind"] for r in rows)})
    return tables


@is_business
def reflection_list(request):
    user, year = request.user, timezone.localdate().year
    visible = Reflection.objects.visible_to(user)
    qs = with_review_state(visible.select_related("author__org_unit", "group"))
    status, kind, scope = request.GET.get("status", ""), request.GET.get("kind", ""), request.GET.get("scope", "")
    if status in ReflectionStatus.values:
        qs = qs.filter(review_status=status)
    if kind in ReflectionKind.values:
        qs = qs.filter(kind=kind)
    if scope == "mine":
        qs = qs.filter(author=user)
    elif scope == "review":
        qs = qs.filter(review_status=ReflectionStatus.SUBMITTED).exclude(author=user)
    mine = with_review_state(visible.filter(author=user, year=year))
    my_done, target = reflection_figures(
        [user], {user.pk: mine.filter(review_status=ReflectionStatus.ACCEPTED).count()}, year)[user.pk]
    return render(request, "learning/reflections/reflection_list.html", {
        "page": Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page")), "year": year,
        "my_done": my_done, "my_pending": mine.filter(review_status=ReflectionStatus.SUBMITTED).count(),
        "my_returned": mine.filter(review_status__in=[ReflectionStatus.RETURNED, ReflectionStatus.WITHDRAWN]).count(),
        "target": target, "my_percent": min(100, my_done * 100 // target),
        "tables": _member_table(user, visible, year),
        "status": status, "kind": kind, "scope": scope, "statuses": ReflectionStatus.choices,
        "kinds": ReflectionKind.choices,
        "can_submit": StudyGroup.objects.visible_to(user).filter(members=user, is_active=True).exists(),
    })


def _form(request, data=None, files=None, initial=None, reflection=None):
    groups = StudyGroup.objects.visible_to(request.user).filter(members=request.user, is_active=True)
    recent = timezone.localdate() - timedelta(days=365)
    sessions = (StudySession.objects.visible_to(request.user).filter(group__in=groups, date__gte=recent)
                .select_related("group").order_by("-date"))
    form = ReflectionForm(data, files, groups=groups, sessions=sessions, initial=initial)
    if reflection is not None:  # a resubmission stays in its group
        form.fields["group"].disabled = True
        form.fields["group"].initial = reflection.group_id
    return form


@is_business
@require_http_methods(["GET", "POST"])
@idempotent
def reflection_create(request):
    if request.method == "POST":
        form = _form(request, request.POST, request.FILES)
        if form.is_valid():
            saved = form_outcome(request, form, lambda: do_submit_reflection(request.user, **form.cleaned_data),
                                 lambda reflection: f"已提交《{reflection.title}》，等待学习秘书审阅。")
            if saved:
                return redirect("learning:reflection_detail", pk=saved.result.pk)
    else:
        form = _form(request, initial={"kind": request.GET.get("kind", ReflectionKind.INSIGHT),
                                       "session": request.GET.get("session")})
    if not form.fields["group"].queryset:
        messages.warning(request, "您尚未加入任何学习小组，请联系学习秘书将您加入后再提交。")
    return render(request, "learning/reflections/reflection_form.html", {"form": form, "reflection": None})


@is_business
@require_http_methods(["GET", "POST"])
def reflection_edit(request, pk):
    reflection = access_reflection(request.user, pk)
    if not can(request.user, "resubmit", reflection) or not reflection.is_editable:
        raise PermissionDenied("只有作者本人可以修改已退回的文章。")
    if request.method == "POST":
        form = _form(request, request.POST, request.FILES, reflection=reflection)
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "group"}
            saved = form_outcome(request, form, lambda: do_resubmit_reflection(request.user, reflection, **data),
                                 "已重新提交，等待学习秘书审阅。")
            if saved:
                return redirect("learning:reflection_detail", pk=reflection.pk)
    else:
        form = _form(request, initial={"kind": reflection.kind, "group": reflection.group_id,
                                       "session": reflection.session_id, "title": reflection.title,
                                       "body": reflection.body}, reflection=reflection)
    return render(request, "learning/reflections/reflection_form.html", {
        "form": form, "reflection": reflection, "return_comment": return_comments([reflection]).get(reflection.pk)})


@is_business
def reflection_detail(request, pk):
    """The reflection with its 审阅 panel: whoever may decide the open step decides it there."""
    reflection = access_reflection(request.user, pk)
    return render(request, "learning/reflections/reflection_detail.html", {
        "reflection": reflection, "panel": review_panel(request.user, reflection),
        "can_edit": can(request.user, "resubmit", reflection) and reflection.is_editable,
    })


@is_business
def reflection_download(request, pk):
    reflection = access_reflection(request.user, pk)
    if reflection.attachment is None:
        raise Http404("该文章没有附件。")
    record_read(request, "learning.reflection.download", reflection)
    return file_response(reflection.attachment)
