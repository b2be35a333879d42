"""Study groups: the list with each group's yearly count, a group's page, creating and changing one."""

from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from ideowork.core.access import can
from ideowork.core.outcomes import form_outcome
from ideowork.core.idempotency import idempotent
from ideowork.core.permissions import capability_required, is_business
from ideowork.ledger.requirements import unit_requirement

from ...access import access_group
from ...actions.sessions import ACTIVITY_KINDS, do_save_group
from ...forms.sessions import GroupForm
from ...models import GroupKind, SessionKind, SessionStatus, StudyGroup, StudySession

__all__ = ["group_list", "group_detail", "group_create", "group_edit"]

# Default yearly requirements, when no plan of the group's unit asks for its kind of session: the
# 中心组 meets monthly, staff hold weekly micro-learning.
YEARLY_TARGETS = {GroupKind.CENTER: (SessionKind.STUDY, 12), GroupKind.BRANCH: (SessionKind.MICRO, 52),
                  GroupKind.YOUTH: (SessionKind.MICRO, 52)}


def _figures(group: StudyGroup, kind: str | None, done: int, required: int | None, year: int):
    """(done, required): the plan's target for the group's kind of session, from the ledger, when
    there is one — the number the target shows on the item page — else the group's own count."""
    if kind is None:
        return done, required
    requirement = unit_requirement(group.org_unit, ACTIVITY_KINDS[kind], year=year, today=timezone.localdate())
    return (requirement.done, requirement.required) if requirement else (done, required)


@is_business
def group_list(request):
    year = timezone.localdate().year
    groups = (StudyGroup.objects.visible_to(request.user).select_related("org_unit", "secretary")
              .annotate(member_count=Count("members", distinct=True)))
    closed = (StudySession.objects.visible_to(request.user).filter(date__year=year, status=SessionStatus.CLOSED)
              .order_by().values_list("group", "kind").annotate(n=Count("pk", distinct=True)))
    done = {(group_id, kind): n for group_id, kind, n in closed}
    rows = []
    for group in groups:
        kind, required = YEARLY_TARGETS.get(group.kind, (None, None))
        count = done.get((group.pk, kind), 0) if kind else sum(n for (g, _), n in done.items() if g == group.pk)
        count, required = _figures(group, kind, count, required, year)
        rows.append({"group": group, "done": count, "required": required,
                     "kind_label": SessionKind(kind).label if kind else ""})
    return render(request, "learning/sessions/group_list.html", {"rows": rows, "year": year})


@is_business
def group_detail(request, pk):
    group = access_group(request.user, pk)
    sessions = StudySession.objects.visible_to(request.user).filter(group=group).select_related("group")
    year = timezone.localdate().year
    kind, required = YEARLY_TARGETS.get(group.kind, (None, None))
    closed = sessions.filter(date__year=year, status=SessionStatus.CLOSED)
    done, required = _figures(group, kind, (closed.filter(kind=kind) if kind else closed).count(), required, year)
    return render(request, "learning/sessions/group_detail.html", {
        "group": group, "members": group.members.select_related("org_unit").order_by("org_unit__path", "display_name"),
        "sessions": sessions[:50], "can_manage": can(request.user, "change", group), "year": year,
        "done": done, "required": required,
        "required_label": SessionKind(kind).label if kind else "",
    })


def _group_form_view(request, group=None):
    if request.method == "POST":
        form = GroupForm(request.POST, user=request.user)
        if form.is_valid():
            saved = form_outcome(request, form, lambda: do_save_group(request.user, group, **form.cleaned_data),
                                 lambda group: f"已保存学习小组“{group.name}”。")
            if saved:
                return redirect("learning:group_detail", pk=saved.result.pk)
    elif group is not None:
        form = GroupForm(user=request.user, initial={
            "name": group.name, "kind": group.kind, "org_unit": group.org_unit_id, "secretary": group.secretary_id,
            "members": list(group.members.values_list("pk", flat=True)), "description": group.description,
            "is_active": group.is_active})
    else:
        form = GroupForm(user=request.user, initial={"org_unit": request.user.org_unit_id})
    return render(request, "learning/sessions/group_form.html", {"form": form, "group": group})


@capability_required("learning.manage")
@require_http_methods(["GET", "POST"])
@idempotent
def group_create(request):
    return _group_form_view(request)


@capability_required("learning.manage")
@require_http_methods(["GET", "POST"])
def group_edit(request, pk):
    group = access_group(request.user, pk, "change")
    return _group_form_view(request, group)
