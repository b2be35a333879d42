"""Emergency plans: the list, writing one, a plan's page (its current approved version, the draft
revision, every earlier version), a version's page with its 签批 panel, revising, editing a draft,
submitting it."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_http_methods

from ideowork.core.access import can
from ideowork.core.actions.reviews import is_locked, review_panel, with_review_state
from ideowork.core.idempotency import idempotent
from ideowork.core.permissions import capability_required

from ..access import access_plan, access_version
from ..actions import do_create_plan, do_revise_plan, do_submit_version, do_update_version
from ..actions.plans import draft_of
from ..models import EmergencyPlan, PlanVersion
from ..response_forms import PlanForm, PlanVersionForm
from .pages import list_page, posted, record_form
from .register import manager_required

CRUMBS = [(reverse_lazy("risks:plans"), "应急预案")]


@manager_required
def plan_list(request):
    return list_page(request, EmergencyPlan.objects.visible_to(request.user)
                     .select_related("org_unit", "current_version__approved_by"), "risks/plans.html")


@capability_required("risks.manage")
@require_http_methods(["GET", "POST"])
@idempotent
def plan_create(request):
    form = PlanForm(request.POST or None, user=request.user, initial={"org_unit": request.user.org_unit})
    return record_form(request, form, lambda data: do_create_plan(request.user, **data),
                       "已保存预案第1版，请在版本页面提交审批，批准后生效。", title="制定应急预案", crumbs=CRUMBS,
                       cancel_url=reverse("risks:plans"), idempotent=True)


@manager_required
def plan_detail(request, pk):
    plan = access_plan(request.user, pk)
    versions = list(with_review_state(PlanVersion.objects.visible_to(request.user).filter(plan=plan)
                                      .select_related("created_by", "approved_by")).order_by("-number"))
    draft = draft_of(plan)
    may_change = can(request.user, "change", plan)
    return render(request, "risks/plan.html", {
        "plan": plan, "current": plan.current_version, "versions": versions, "draft": draft,
        "can_revise": may_change and draft is None and plan.current_version_id is not None,
        "can_open_incident": may_change and plan.current_version_id is not None,
        "incidents": plan.incidents.visible_to(request.user).select_related("lead")[:10],
    })


@manager_required
def version_detail(request, pk):
    version = access_version(request.user, pk)
    locked = is_locked(version)
    may_change = can(request.user, "change", version) and not version.is_approved and not locked
    return render(request, "risks/plan_version.html", {
        "version": version, "plan": version.plan, "can_edit": may_change, "can_submit": may_change,
        "is_current": version.plan.current_version_id == version.pk, "panel": review_panel(request.user, version),
    })


def _version_form(request, plan, version, act, success):
    """The page that writes a version: a revision of ``plan`` (``version`` None) or a draft's edit."""
    start = version or plan.current_version
    form = PlanVersionForm(request.POST or None, initial=PlanVersionForm.initial_from(start) if start else None)
    if version is None:
        form.fields["change_note"].required = True
        title = f"修订预案（第{start.number}版为现行版本）" if start else "修订预案"
    else:
        form.initial["change_note"] = version.change_note
        title = f"修改第{version.number}版"
    crumbs = [*CRUMBS, (plan.get_absolute_url(), plan.title)]
    return record_form(request, form, act, success, title=title, crumbs=crumbs, cancel_url=plan.get_absolute_url(),
                       intro="修订稿经审批后替代现行版本；现行版本在此之前继续有效，旧版本均可查看。")


@capability_required("risks.manage")
@require_http_methods(["GET", "POST"])
def plan_revise(request, pk):
    plan = access_plan(request.user, pk, "change")
    return _version_form(request, plan, None, lambda data: do_revise_plan(request.user, plan, **data),
                         "已保存修订稿；提交审批并批准后替代现行版本。")


@capability_required("risks.manage")
@require_http_methods(["GET", "POST"])
def version_edit(request, pk):
    version = access_version(request.user, pk, "change")
    if version.is_approved or is_locked(version):
        messages.error(request, "已批准或正在审批的版本不能修改；如需修改，请修订出新版本。")
        return redirect(version.get_absolute_url())
    return _version_form(request, version.plan, version,
                         lambda data: do_update_version(request.user, version, **data), "已保存修改。")


version_submit = posted(access_version, do_submit_version, "已提交审批。")