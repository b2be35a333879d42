"""Follow-up tasks of drills (整改事项) and joint meetings (落实事项): added with an owner and a
deadline, done only with a result."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ideowork.core.access import require_can
from ideowork.core.audit import record, snapshot
from ideowork.core.models import User
from ideowork.core.notify import notify

from ..models import Drill, FollowUpTask, JointMeeting
from ..models.followups import parent_link
from .members import check_member, check_not_future, required_text

__all__ = ["do_add_task", "do_close_task", "TASK_FIELDS"]

TASK_FIELDS = ["text", "owner", "deadline", "done_on", "result"]


def do_add_task(actor: User, parent: Drill | JointMeeting, *, text: str, owner: User | None,
                deadline: date | None) -> FollowUpTask:
    """Add a task to a drill or a joint meeting; its owner is told."""
    require_can(actor, "change", parent, "您无权为该记录添加跟踪事项。")
    text = required_text(text, "text", "请填写事项内容。", limit=300)
    if owner is None:
        raise ValidationError({"owner": "请指定责任人。"})
    check_member(parent.org_unit, owner, "owner", "责任人")
    if deadline is None:
        raise ValidationError({"deadline": "请填写完成时限。"})
    with transaction.atomic():
        task = FollowUpTask.objects.create(org_unit=parent.org_unit, text=text, owner=owner, deadline=deadline,
                                           created_by=actor, **parent_link(parent))
        record("risks.task.create", task, actor=actor, new={**snapshot(task, TASK_FIELDS), "parent": str(parent)})
        transaction.on_commit(lambda: notify(owner, f"请落实：{text[:60]}", body=f"来自“{parent}”，完成时限"
                                             f"{deadline:%Y年%m月%d日}。", url=parent.get_absolute_url()))
    return task


def do_close_task(actor: User, task: FollowUpTask, *, result: str, done_on: date | None = None) -> FollowUpTask:
    """Mark a task done with what was done; refused without a result, or twice."""
    require_can(actor, "change", task, "您无权确认该事项完成。")
    result = required_text(result, "result", "请填写完成情况：没有完成情况的事项不能销账。")
    done_on = check_not_future(done_on or timezone.localdate(), "done_on", "完成日期")
    with transaction.atomic():
        task = FollowUpTask.objects.select_for_update().get(pk=task.pk)
        if task.done_on is not None:
            raise ValidationError("该事项已完成。")
        old = snapshot(task, TASK_FIELDS)
        task.done_on, task.result, task.closed_by = done_on, result, actor
        task.save()
        record("risks.task.close", task, actor=actor, old=old, new=snapshot(task, TASK_FIELDS))
    return task
