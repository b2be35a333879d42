"""预警规则: the unit's rules grouped by scheme with each scheme's recipients, the rule form, a scheme's
recipients page (people and group robots), and the unit's quiet hours. Views are thin:
``actions/warning_rules.py`` writes."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.access import can
from ideowork.core.idempotency import idempotent
from ideowork.core.outcomes import form_outcome, report_outcome
from ideowork.core.permissions import capability_required

from ..access import access_scheme, access_warning_recipient, access_warning_rule
from ..actions.deliveries import settings_for
from ..actions.warning_rules import (RULE_FIELDS, can_set_up_warnings, do_add_warning_recipient,
                                     do_create_warning_rule, do_delete_warning_rule, do_remove_warning_recipient,
                                     describe_rule, do_set_warning_rule_active, do_update_warning_rule,
                                     do_update_warning_settings, may_receive_warnings)
from ..choices import Channel
from ..forms.warnings import QuietHoursForm, RecipientPersonForm, RecipientWebhookForm, WarningRuleForm
from ..models import Scheme, WarningRecipient, WarningRule
from ..webhooks import mask_webhook_url

MONITOR = "opinion.monitor"


def rules_url() -> str:
    return reverse("opinion:warning_rules")


@capability_required(MONITOR)
def warning_rules(request):
    unit = request.user.scope_root
    schemes = list(Scheme.objects.visible_to(request.user).select_related("org_unit"))
    rules = list(WarningRule.objects.visible_to(request.user).select_related("org_unit", "scheme"))
    recipients = list(WarningRecipient.objects.visible_to(request.user).select_related("user"))
    editable = set(WarningRule.objects.visible_to(request.user, "change").values_list("pk", flat=True))
    for rule in rules:
        rule.editable = rule.pk in editable
        rule.condition = describe_rule(rule)
        rule.channel_labels = [Channel(code).label for code in rule.channels]
    groups = [(None, [r for r in rules if r.scheme_id is None], [])]
    groups += [(s, [r for r in rules if r.scheme_id == s.pk], [r for r in recipients if r.scheme_id == s.pk])
               for s in schemes]
    for _, _, endpoints in groups:
        for endpoint in endpoints:
            endpoint.masked = mask_webhook_url(endpoint.webhook_url) if endpoint.webhook_url else ""
    quiet = settings_for(unit) if unit else None
    return render(request, "opinion/warning_rules.html", {
        "groups": groups, "can_create": unit is not None and can_set_up_warnings(request.user, unit),
        "quiet": quiet, "quiet_form": QuietHoursForm(initial={
            "quiet_enabled": quiet.quiet_enabled, "quiet_start": quiet.quiet_start, "quiet_end": quiet.quiet_end})
        if quiet else None})


def _rule_form_page(request, rule: WarningRule | None):
    unit = rule.org_unit if rule else request.user.scope_root
    schemes = Scheme.objects.visible_to(request.user).filter(org_unit=unit)
    initial = {name: getattr(rule, name) for name in RULE_FIELDS} if rule else {"scheme": request.GET.get("scheme")}
    form = WarningRuleForm(request.POST or None, initial=initial, schemes=schemes)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in RULE_FIELDS}
        act = (lambda: do_update_warning_rule(request.user, rule, **data)) if rule else \
            (lambda: do_create_warning_rule(request.user, org_unit=unit, **data))
        if form_outcome(request, form, act, lambda saved: f"预警规则“{saved.name}”已保存。"):
            return redirect(rules_url())
    return render(request, "opinion/warning_rule_form.html", {
        "form": form, "rule": rule, "title": f"修改预警规则：{rule.name}" if rule else "新建预警规则"})


@capability_required(MONITOR)
@require_http_methods(["GET", "POST"])
@idempotent
def warning_rule_create(request):
    if not can_set_up_warnings(request.user):
        messages.error(request, "您所在单位不能设置预警规则。")
        return redirect(rules_url())
    return _rule_form_page(request, None)


@capability_required(MONITOR)
@require_http_methods(["GET", "POST"])
def warning_rule_edit(request, pk):
    return _rule_form_page(request, access_warning_rule(request.user, pk, "change"))


@capability_required(MONITOR)
@require_POST
def warning_rule_toggle(request, pk):
    rule = access_warning_rule(request.user, pk, "change")
    rule = do_set_warning_rule_active(request.user, rule, not rule.active)
    messages.success(request, f"预警规则“{rule.name}”已{'启用' if rule.active else '停用'}。")
    return redirect(rules_url())


@capability_required(MONITOR)
@require_POST
def warning_rule_delete(request, pk):
    rule = access_warning_rule(request.user, pk, "change")
    do_delete_warning_rule(request.user, rule)
    messages.success(request, f"预警规则“{rule.name}”已删除，它发出的预警仍保留。")
    return redirect(rules_url())


@capability_required(MONITOR)
@require_http_methods(["GET", "POST"])
def warning_recipients(request, pk):
    scheme = access_scheme(request.user, pk)
    editable = can(request.user, "change", scheme)
    people = may_receive_warnings(scheme) if editable else []
    person_form = RecipientPersonForm(request.POST if request.POST.get("add") == "person" else None, people=people)
    webhook_form = RecipientWebhookForm(request.POST if request.POST.get("add") == "webhook" else None)
    if request.method == "POST":
        scheme = access_scheme(request.user, pk, "change")
        if person_form.is_bound and person_form.is_valid():
            person = next((p for p in people if p.pk == person_form.cleaned_data["user"]), None)
            if form_outcome(request, person_form, lambda: do_add_warning_recipient(request.user, scheme, user=person),
                            f"已添加预警接收人{person.display_name if person else ''}。"):
                return redirect(request.path)
        elif webhook_form.is_bound and webhook_form.is_valid():
            if form_outcome(request, webhook_form, lambda: do_add_warning_recipient(
                    request.user, scheme, **webhook_form.cleaned_data), "已添加群机器人。"):
                return redirect(request.path)
    recipients = list(scheme.warning_recipients.select_related("user__org_unit"))
    for recipient in recipients:
        recipient.masked = mask_webhook_url(recipient.webhook_url) if recipient.webhook_url else ""
    return render(request, "opinion/warning_recipients.html", {
        "scheme": scheme, "recipients": recipients, "editable": editable, "person_form": person_form,
        "webhook_form": webhook_form})


@capability_required(MONITOR)
@require_POST
def warning_recipient_remove(request, pk):
    recipient = access_warning_recipient(request.user, pk, "change")
    do_remove_warning_recipient(request.user, recipient)
    messages.success(request, f"已移除预警接收人{recipient}。" if recipient.user_id else "已移除群机器人。")
    return redirect("opinion:warning_recipients", pk=recipient.scheme_id)


@capability_required(MONITOR)
@require_POST
def warning_quiet_hours(request):
    unit = request.user.scope_root
    form = QuietHoursForm(request.POST)
    if not form.is_valid():
        messages.error(request, "静默时段有误：" + "；".join(e for errors in form.errors.values() for e in errors))
    else:
        report_outcome(request, lambda: do_update_warning_settings(request.user, unit, **form.cleaned_data),
                       "静默时段已保存。")
    return redirect(rules_url())
