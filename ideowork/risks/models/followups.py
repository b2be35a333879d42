"""Follow-up tasks (整改/落实事项) with an owner and a deadline, tracked until done: a drill's
improvement items and a joint meeting's follow-up tasks are both these, each belonging to exactly one
of the two. Done only with a result. Written only by ``risks.actions.followups``.
"""

from django.conf import settings
from django.db import models

from ideowork.core.models import RecordedBy

from .scoping import ManagedQuerySet

__all__ = ["FollowUpTask", "parent_link"]


class FollowUpQuerySet(ManagedQuerySet):

    def open(self):
        return self.filter(done_on__isnull=True)

    def of(self, parent):
        """The tasks of a drill or a joint meeting."""
        return self.filter(**parent_link(parent))


def parent_link(parent) -> dict:
    """The field a task of ``parent`` (a drill or a joint meeting) points at it by."""
    return {"drill": parent} if parent._meta.model_name == "drill" else {"meeting": parent}


class FollowUpTask(RecordedBy, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所属单位", on_delete=models.PROTECT, related_name="+")
    drill = models.ForeignKey("risks.Drill", verbose_name="应急演练", null=True, blank=True, on_delete=models.CASCADE,
                              related_name="tasks")
    meeting = models.ForeignKey("risks.JointMeeting", verbose_name="联席会议", null=True, blank=True,
                                on_delete=models.CASCADE, related_name="tasks")
    text = models.CharField("事项", max_length=300)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="责任人", on_delete=models.PROTECT,
                              related_name="risk_tasks")
    deadline = models.DateField("完成时限")
    done_on = models.DateField("完成日期", null=True, blank=True)
    result = models.TextField("完成情况", blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="确认人", null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "跟踪事项"
        ordering = ["deadline", "id"]
        constraints = [
            models.CheckConstraint(condition=(models.Q(drill__isnull=False, meeting__isnull=True)
                                              | models.Q(drill__isnull=True, meeting__isnull=False)),
                                   name="risks_task_one_parent", violation_error_message="跟踪事项须属于一次演练或一次会议。"),
            models.CheckConstraint(condition=models.Q(done_on__isnull=True) | ~models.Q(result=""),
                                   name="risks_task_done_result", violation_error_message="完成事项须填写完成情况。"),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def parent(self):
        return self.drill if self.drill_id else self.meeting

    def is_overdue(self, today) -> bool:
        return self.done_on is None and self.deadline < today
