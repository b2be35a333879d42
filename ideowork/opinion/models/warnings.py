"""Warnings (预警): rules that watch what a unit's schemes match, the warnings they raise, and how each
warning reaches people.

A ``WarningRule`` belongs to a unit and watches one of its schemes, or every scheme of the unit
(``scheme`` empty): by grade (an item of at least ``min_grade``), by negative sentiment from given
source levels, or by a volume spike (this hour's matches against the same hour of the previous
``spike_days`` days). A person may also raise a warning by hand on an item or an event.

Similar warnings are one row: ``merge_key`` names the scheme, the rule and the topic (the event, or
the hour of a spike), and ``window_start`` the window it fell in, unique together, so that a burst
grows one warning's ``item_count`` and items instead of raising a thousand. Each warning is sent once
per channel and recipient (``Delivery``); the scheme's ``WarningRecipient`` rows say to whom (people
of the unit, and the webhook endpoints of 政务钉钉 / 企业微信 group robots). ``WarningSettings`` holds a
unit's quiet hours, when nothing but the gravest warnings leave by e-mail or webhook.
"""

from datetime import time

from django.conf import settings
from django.db import models
from django.db.models import Q

from ideowork.core.models import CreatedAt, CreatedBy, EditedBy, person_field

from ..choices import Channel, DeliveryState, Grade, WarningKind, WarningStatus, WebhookKind
from .scoping import OpinionQuerySet

__all__ = ["WarningRule", "WarningRecipient", "WarningSettings", "Warning", "WarningItem", "Delivery"]


class WarningRuleQuerySet(OpinionQuerySet):
    actions = {"change": "opinion.monitor"}


class WarningRule(CreatedBy, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所属单位", on_delete=models.PROTECT,
                                 related_name="opinion_warning_rules")
    # Empty: the rule watches every scheme of its unit.
    scheme = models.ForeignKey("opinion.Scheme", verbose_name="监测方案", null=True, blank=True,
                               on_delete=models.CASCADE, related_name="warning_rules")
    name = models.CharField("规则名称", max_length=100)
    kind = models.CharField("预警条件", max_length=12, choices=WarningKind.choices)
    min_grade = models.CharField("最低等级", max_length=1, choices=Grade.choices, blank=True)
    # SourceLevel codes; empty: any level.
    source_levels = models.JSONField("来源级别", default=list, blank=True)
    spike_days = models.PositiveSmallIntegerField("对比天数", default=7)
    spike_ratio = models.FloatField("激增倍数", default=3.0)
    spike_min_count = models.PositiveIntegerField("最少条数", default=20)
    # Channel codes.
    channels = models.JSONField("推送渠道", default=list)
    window_minutes = models.PositiveIntegerField("合并时段（分钟）", default=60)
    active = models.BooleanField("启用", default=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    objects = WarningRuleQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "预警规则"
        ordering = ["org_unit__path", "scheme_id", "name", "id"]
        constraints = [models.UniqueConstraint(fields=["org_unit", "name"], name="opinion_warning_rule_unit_name_unique",
                                               violation_error_message="本单位已有同名预警规则。")]
        indexes = [models.Index(fields=["active", "kind"], name="opinion_warning_rule_active")]

    def __str__(self) -> str:
        return self.name


class WarningRecipient(models.Model):
    """Who a scheme's warnings go to: a person of the unit (in-app and e-mail) or a group robot's
    webhook endpoint. Scoped through its scheme."""

    scheme = models.ForeignKey("opinion.Scheme", verbose_name="监测方案", on_delete=models.CASCADE,
                               related_name="warning_recipients")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="接收人", null=True, blank=True,
                             on_delete=models.CASCADE, related_name="+")
    webhook_kind = models.CharField("机器人类型", max_length=12, choices=WebhookKind.choices, blank=True)
    webhook_url = models.URLField("机器人地址", max_length=500, blank=True)
    # 政务钉钉's 加签 secret (optional): the request is signed with it.
    webhook_secret = models.CharField("加签密钥", max_length=200, blank=True)
    label = models.CharField("名称", max_length=100, blank=True)
    created_at = models.DateTimeField("添加时间", auto_now_add=True)

    objects = OpinionQuerySet.through("scheme").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "预警接收人"
        ordering = ["scheme_id", "user_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "user"], condition=Q(user__isnull=False),
                                    name="opinion_warning_recipient_user_unique",
                                    violation_error_message="此人已是该方案的预警接收人。"),
            models.CheckConstraint(condition=Q(user__isnull=False, webhook_url="") | Q(user__isnull=True) & ~Q(webhook_url=""),
                                   name="opinion_warning_recipient_person_or_webhook",
                                   violation_error_message="接收人须为人员或群机器人之一。"),
        ]

    def __str__(self) -> str:
        return self.label or (str(self.user) if self.user_id else self.webhook_url)


class WarningSettingsQuerySet(OpinionQuerySet):
    actions = {"change": "opinion.monitor"}


class WarningSettings(EditedBy, models.Model):
    """A unit's quiet hours (静默时段): no e-mail or webhook then, except for 特别重大 warnings; what
    was held is sent when they end. In-app notifications are never held."""

    org_unit = models.OneToOneField("core.OrgUnit", verbose_name="单位", on_delete=models.CASCADE,
                                    related_name="opinion_warning_settings")
    quiet_enabled = models.BooleanField("启用静默时段", default=True)
    quiet_start = models.TimeField("静默开始", default=time(22, 0))
    quiet_end = models.TimeField("静默结束", default=time(7, 0))

    objects = WarningSettingsQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "预警设置"
        ordering = ["org_unit_id"]

    def __str__(self) -> str:
        return f"{self.org_unit} 预警设置"


class WarningQuerySet(OpinionQuerySet):
    actions = {"change": "opinion.handle"}


class Warning(CreatedAt, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所属单位", on_delete=models.PROTECT,
                                 related_name="opinion_warnings")
    scheme = models.ForeignKey("opinion.Scheme", verbose_name="监测方案", null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="warnings")
    scheme_name = models.CharField("方案名称", max_length=100, blank=True)
    rule = models.ForeignKey(WarningRule, verbose_name="预警规则", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="warnings")
    kind = models.CharField("预警类型", max_length=12, choices=WarningKind.choices)
    grade = models.CharField("等级", max_length=1, choices=Grade.choices, default=Grade.GENERAL)
    title = models.CharField("预警标题", max_length=300)
    reason = models.TextField("预警依据", blank=True)
    event = models.ForeignKey("opinion.Event", verbose_name="舆情事件", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="warnings")
    # What similar warnings share: scheme, rule and topic (see the module's docstring).
    merge_key = models.CharField("合并键", max_length=200)
    window_start = models.DateTimeField("合并时段开始")
    window_end = models.DateTimeField("合并时段结束")
    item_count = models.PositiveIntegerField("信息数", default=0)
    first_at = models.DateTimeField("首次触发")
    last_at = models.DateTimeField("最近触发")
    status = models.CharField("状态", max_length=12, choices=WarningStatus.choices, default=WarningStatus.OPEN)
    raised_by = person_field("发起人")
    acknowledged_by = person_field("确认人")
    acknowledged_at = models.DateTimeField("确认时间", null=True, blank=True)
    closed_by = person_field("关闭人")
    closed_at = models.DateTimeField("关闭时间", null=True, blank=True)
    close_note = models.CharField("关闭说明", max_length=300, blank=True)

    objects = WarningQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "预警信息"
        ordering = ["-last_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["merge_key", "window_start"], name="opinion_warning_merge_unique")]
        indexes = [models.Index(fields=["org_unit", "-last_at", "-id"], name="opinion_warning_unit_last"),
                   models.Index(fields=["org_unit", "status", "-last_at"], name="opinion_warning_unit_status")]

    def __str__(self) -> str:
        return self.title


class WarningItem(models.Model):
    """An item behind a warning (at most ``actions.warnings.LISTED_ITEMS`` a warning; ``item_count``
    counts them all)."""

    warning = models.ForeignKey(Warning, verbose_name="预警", on_delete=models.CASCADE, related_name="warning_items")
    item = models.ForeignKey("opinion.Item", verbose_name="信息", on_delete=models.CASCADE, related_name="+")
    added_at = models.DateTimeField("加入时间", auto_now_add=True)

    objects = OpinionQuerySet.through("warning").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "预警信息条目"
        ordering = ["warning_id", "-id"]
        constraints = [models.UniqueConstraint(fields=["warning", "item"], name="opinion_warning_item_unique")]


class Delivery(CreatedAt, models.Model):
    """One sending of a warning over one channel to one recipient, with its state: sent from the
    queue, held in quiet hours, retried a bounded number of times when it fails."""

    warning = models.ForeignKey(Warning, verbose_name="预警", on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField("渠道", max_length=12, choices=Channel.choices)
    recipient = models.ForeignKey(WarningRecipient, verbose_name="接收端", null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="deliveries")
    user = person_field("接收人")
    # Who or where, as shown on the warning page (a webhook address masked).
    target = models.CharField("发送对象", max_length=300)
    state = models.CharField("状态", max_length=12, choices=DeliveryState.choices, default=DeliveryState.PENDING)
    attempts = models.PositiveSmallIntegerField("尝试次数", default=0)
    last_error = models.CharField("最近错误", max_length=300, blank=True)
    next_attempt_at = models.DateTimeField("下次发送", null=True, blank=True)
    sent_at = models.DateTimeField("送达时间", null=True, blank=True)

    objects = OpinionQuerySet.through("warning").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "预警推送"
        ordering = ["warning_id", "channel", "id"]
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="opinion_delivery_due",
                                condition=Q(state__in=["pending", "held", "retrying"]))]
