"""What the drill and joint meeting pages share: their follow-up tasks (the panel, adding one,
closing one with its result) and the targets their ledger entry counts toward."""

from django.utils import timezone
from django.views.decorators.http import require_POST

from ideowork.core.access import can
from ideowork.core.permissions import capability_required
from ideowork.plans.models import Target

from ..access import access_task
from ..actions import do_add_task, do_close_task
from ..models import FollowUpTask
from ..response_forms import CloseTaskForm, TaskForm
from .pages import post_to

__all__ = ["task_panel", "add_task", "task_close"]


def task_panel(request, parent) -> dict:
    """Context for ``risks/tasks.html`` on ``parent``'s page, and the targets its ledger entry counts
    toward (``risks/ledger_entry.html``)."""
    counted = Target.objects.visible_to(request.user).filter(activities=parent.activity_id).select_related("item") \
        if parent.activity_id else []
    tasks = list(FollowUpTask.objects.visible_to(request.user).of(parent).select_related("owner", "closed_by"))
    for task in tasks:  # one form a row, each with ids of its own
        task.close_form = CloseTaskForm(auto_id=f"id_task{task.pk}_%s")
    may_change = can(request.user, "change", parent)
    return {"tasks": tasks, "today": timezone.localdate(), "can_change_tasks": may_change, "counted": counted,
            "task_form": TaskForm(user=request.user) if may_change else None}


def add_task(request, parent):
    return post_to(request, parent, TaskForm(request.POST, user=request.user),
                   lambda data: do_add_task(request.user, parent, **data), "已添加跟踪事项，并已通知责任人。")


@capability_required("risks.manage")
@require_POST
def task_close(request, pk):
    task = access_task(request.user, pk, "change")
    return post_to(request, task.parent, CloseTaskForm(request.POST),
                   lambda data: do_close_task(request.user, task, **data), "已确认该事项完成。")
