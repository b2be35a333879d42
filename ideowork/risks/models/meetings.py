"""Joint meetings on risk judgement (联席会议 / 形势研判会): the units and people who took part, the
conclusions, and follow-up tasks (``FollowUpTask``) with owner and deadline. A meeting is one ledger
activity of kind 研判 (``do_sync_activity``) that counts under the plan item the user names
(``risks/counting.py``: never by its kind alone). Written only by ``risks.actions.meetings``.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse

from ideowork.core.models import RecordedBy

from ..choices import MeetingKind
from .scoping import ManagedQuerySet

__all__ = ["JointMeeting"]



class JointMeeting(RecordedBy, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="召集单位", on_delete=models.PROTECT,
                                 related_name="joint_meetings")
    kind = models.CharField("会议类型", max_length=12, choices=MeetingKind.choices, default=MeetingKind.JOINT)
    title = models.CharField("会议名称", max_length=200)
    held_on = models.DateField("召开日期")
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="主持人", null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    units = models.ManyToManyField("core.OrgUnit", verbose_name="参会单位", blank=True, related_name="+")
    other_units = models.CharField("其他参会单位", max_length=300, blank=True,
                                   help_text="本系统以外的单位，如市委宣传部、市委网信办。")
    participants = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name="参会人员", blank=True,
                                          related_name="risk_meetings")
    situation = models.TextField("形势分析", blank=True)
    conclusions = models.TextField("会议结论")
    item = models.ForeignKey("plans.PlanItem", verbose_name="对应工作要点", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    activity = models.OneToOneField("ledger.Activity", verbose_name="台账活动", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="risk_meeting")

    objects = ManagedQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "联席会议"
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("risks:meeting", args=[self.pk])
