"""Reaching down and reporting up: guidance sent to the county bureaus (and received from above), and
the reports a county makes upward with their read timeline and acknowledgement."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from ideowork.core.audit import record_read
from ideowork.core.idempotency import idempotent
from ideowork.core.outcomes import form_outcome
from ideowork.core.permissions import capability_required, require
from ideowork.core.uploads import attachment_response

from ..access import access_guidance, access_guidance_file, access_upward
from ..actions import do_acknowledge_upward, do_read_guidance, do_read_upward, do_report_upward, do_send_guidance
from ..actions.campaigns import can_run_campaigns
from ..actions.matrix import organ_of
from ..actions.reports import can_acknowledge, can_report_upward, county_bureaus, upper_organ
from ..campaign_forms import AcknowledgeForm, GuidanceForm, UpwardReportForm
from ..choices import UpwardKind, UpwardStatus
from ..models import Guidance, GuidanceFile, GuidanceRecipient, UpwardReport, UpwardReportRead
from .pages import posted, record_form
from .register import manager_required


@manager_required
def guidance_list(request):
    organ = organ_of(request.user.scope_root)
    sent = list(Guidance.objects.visible_to(request.user).filter(org_unit=organ).select_related("sent_by")[:50])
    copies = GuidanceRecipient.objects.visible_to(request.user).filter(guidance__in=[g.pk for g in sent])
    tallies = {}
    for guidance_id, read_at in copies.values_list("guidance_id", "read_at"):
        tally = tallies.setdefault(guidance_id, [0, 0])
        tally[0] += 1
        tally[1] += read_at is not None
    for guidance in sent:
        guidance.total, guidance.read = tallies.get(guidance.pk, (0, 0))
    received = (GuidanceRecipient.objects.visible_to(request.user).filter(org_unit=organ)
                .select_related("guidance__org_unit", "read_by").order_by("-guidance__sent_at")[:50])
    return render(request, "risks/guidance_list.html", {
        "sent": sent, "received": received,
        "can_send": can_run_campaigns(request.user) and county_bureaus(organ).exists(),
    })


@capability_required("risks.manage")
@require_http_methods(["GET", "POST"])
@idempotent
def guidance_create(request):
    organ = organ_of(request.user.scope_root)
    counties = county_bureaus(organ)
    require(can_run_campaigns(request.user) and counties.exists(), "本单位没有下属县区单位，无需下发指导意见。")
    form = GuidanceForm(request.POST or None, request.FILES or None, counties=counties)
    return record_form(request, form, lambda data: do_send_guidance(request.user, **{**data, "files": data["files"] or []}),
                       lambda g: f"已向{g.recipients.count()}个县区单位下发指导意见。", title="向县区下发指导意见",
                       crumbs=[(reverse("risks:guidance_list"), "指导意见")], cancel_url=reverse("risks:guidance_list"),
                       idempotent=True, submit="下发")


@manager_required
def guidance_detail(request, pk):
    guidance = access_guidance(request.user, pk)
    do_read_guidance(request.user, guidance)
    copies = list(GuidanceRecipient.objects.visible_to(request.user).filter(guidance=guidance)
                  .select_related("org_unit", "read_by"))
    files = list(GuidanceFile.objects.visible_to(request.user).filter(guidance=guidance).select_related("attachment"))
    return render(request, "risks/guidance_detail.html", {"guidance": guidance, "copies": copies, "files": files})


@manager_required
def guidance_file(request, pk):
    item = access_guidance_file(request.user, pk)
    record_read(request, "risks.guidance.download", item, subject_repr=item.attachment.original_name)
    return attachment_response(item.attachment)


@manager_required
def upward_list(request):
    organ = organ_of(request.user.scope_root)
    reports = UpwardReport.objects.visible_to(request.user).select_related("org_unit", "reported_by")
    mine = list(reports.filter(org_unit=organ)[:50])
    from_below = list(reports.exclude(org_unit=organ)[:100])
    return render(request, "risks/upward_list.html", {
        "mine": mine, "from_below": from_below, "can_report": can_report_upward(request.user),
        "upper": upper_organ(organ), "waiting": sum(r.status == UpwardStatus.REPORTED for r in from_below),
    })


@capability_required("risks.manage")
@require_http_methods(["GET", "POST"])
@idempotent
def upward_create(request):
    require(can_report_upward(request.user), "只有县区单位的风险防控工作人员可以向上级报告。")
    form = UpwardReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = form_outcome(request, form, lambda: do_report_upward(request.user, **form.cleaned_data),
                               lambda r: f"已向{upper_organ(r.org_unit).display_name}报告“{r.title}”。")
        if outcome:
            return redirect(outcome.result.get_absolute_url())
    return render(request, "risks/upward_form.html", {"form": form, "upper": upper_organ(request.user.scope_root)})


@manager_required
def upward_detail(request, pk):
    report = access_upward(request.user, pk)
    do_read_upward(request.user, report)
    reads = list(UpwardReportRead.objects.visible_to(request.user).filter(report=report).select_related("reader__org_unit"))
    return render(request, "risks/upward_detail.html", {
        "report": report, "reads": reads, "urgent": report.kind == UpwardKind.URGENT,
        "may_acknowledge": report.status == UpwardStatus.REPORTED and can_acknowledge(request.user, report),
        "ack_form": AcknowledgeForm(), "upper": upper_organ(report.org_unit),
    })


upward_acknowledge = posted(access_upward, do_acknowledge_upward, "已确认，报告单位将收到通知。", form=AcknowledgeForm,
                            action="acknowledge")
