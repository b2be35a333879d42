"""Content items: the list, writing and revising, the review page (三审三校 with the proofreader's
findings), the version history and the side-by-side comparison, publishing and 撤稿."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Subquery
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.access import can, require_can
from ideowork.core.actions.reviews import is_locked, open_review, review_panel
from ideowork.core.idempotency import idempotent
from ideowork.core.models import Decision, ReviewStage, StageStatus
from ideowork.core.permissions import is_business
from ideowork.core.outcomes import form_outcome, report_outcome

from ..access import access_content
from ..actions.content import (activity_kind_for, can_edit_content, can_waive_findings,
                               do_create_content, do_publish_content, do_revise_content, do_submit_content,
                               do_waive_finding, do_withdraw_content, outlets_for)
from ..choices import ContentKind, ContentStatus
from ..diffing import compare_texts
from ..findings import content_findings, finding_groups, highlighted, open_errors, waivers_of
from ..forms.content import ContentForm, PublishForm, ReviseForm, WaiveForm, WithdrawForm
from ..models import ContentItem, Outlet

PAGE_SIZE = 30
EDITABLE = {ContentStatus.DRAFT, ContentStatus.RETURNED, ContentStatus.APPROVED, ContentStatus.WITHDRAWN}
SUBMITTABLE = {ContentStatus.DRAFT, ContentStatus.RETURNED}


def _with_active_stage(qs):
    stages = ReviewStage.objects.filter(review__subject_type=ContentType.objects.get_for_model(ContentItem),
                                        review__subject_id=OuterRef("pk"), status=StageStatus.ACTIVE)
    return qs.annotate(stage_name=Subquery(stages.values("name")[:1]))


@is_business
def content_list(request):
    user = request.user
    visible = ContentItem.objects.visible_to(user).with_status()
    # Publicity staff run every outlet's content: they start on 全部; everyone else on their own.
    tab = request.GET.get("tab", "all" if user.has_capability("outlets.publish") else "mine")
    status, kind, outlet = request.GET.get("status", ""), request.GET.get("kind", ""), request.GET.get("outlet", "")
    qs = visible.select_related("outlet", "author__org_unit")
    if tab != "all":
        tab, qs = "mine", qs.filter(author=user)
    if status in ContentStatus.values:
        qs = qs.filter(state=status)
    if kind in ContentKind.values:
        qs = qs.filter(kind=kind)
    if outlet.isdigit():
        qs = qs.filter(outlet_id=int(outlet))
    counts = dict(visible.filter(author=user).order_by().values_list("state").annotate(n=Count("pk")))
    return render(request, "outlets/content_list.html", {
        "page": Paginator(_with_active_stage(qs), PAGE_SIZE).get_page(request.GET.get("page")),
        "tab": tab, "status": status, "kind": kind, "outlet": outlet, "statuses": ContentStatus.choices,
        "kinds": ContentKind.choices, "outlets": Outlet.objects.visible_to(user).only("pk", "name"),
        "my_counts": [(value, label, counts.get(value, 0)) for value, label in ContentStatus.choices],
        "my_total": sum(counts.values()),
    })


@is_business
@require_http_methods(["GET", "POST"])
@idempotent
def content_create(request):
    outlets = outlets_for(request.user)
    if request.method == "POST":
        form = ContentForm(request.POST, request.FILES, outlets=outlets)
        if form.is_valid():
            saved = form_outcome(request, form,
                                 lambda: do_create_content(request.user, org_unit=request.user.org_unit,
                                                           **form.cleaned_data),
                                 lambda content: f"已保存《{content.title}》第1版，请核对校对结果后提交审核。")
            if saved:
                return redirect(saved.result.get_absolute_url())
    else:
        initial = {"kind": request.GET.get("kind", ContentKind.ARTICLE)}
        if request.GET.get("outlet", "").isdigit():
            initial["outlet"] = int(request.GET["outlet"])
        form = ContentForm(initial=initial, outlets=outlets)
    return render(request, "outlets/content_form.html", {"form": form, "content": None})


@is_business
@require_http_methods(["GET", "POST"])
def content_edit(request, pk):
    content = access_content(request.user, pk)
    require_can(request.user, "change", content, "只有作者本人或本单位宣传工作人员可以修改稿件。")
    latest = content.latest
    locked = is_locked(content)
    if request.method == "POST" and not locked:
        form = ReviseForm(request.POST, request.FILES)
        if form.is_valid():
            saved = form_outcome(request, form, lambda: do_revise_content(request.user, content, **form.cleaned_data),
                                 lambda version: f"已保存为第{version.number}版。")
            if saved:
                return redirect(content.get_absolute_url())
    else:
        form = ReviseForm(initial={"title": latest.title, "body": latest.body})
    return render(request, "outlets/content_form.html", {
        "form": form, "content": content, "latest": latest, "locked": locked,
        "published": content.status == ContentStatus.PUBLISHED, "returned": _last_return(content),
    })


def _last_return(content):
    """The comment the item was last returned with, shown to the author while revising."""
    review = open_review(content)
    if review is None or content.status != ContentStatus.RETURNED:
        return None
    return (review.decisions.filter(decision__in=[Decision.RETURN_AUTHOR, Decision.RETURN_STEP])
            .select_related("actor", "stage").order_by("-created_at", "-id").first())


def _shown_version(request, content):
    number = request.GET.get("v", "")
    number = int(number) if number.isdigit() else content.current_version
    version = content.versions.select_related("created_by").filter(number=number).first()
    if version is None:
        raise Http404("该版本不存在。")
    return version


@is_business
def content_detail(request, pk):
    """The review page: the text with its findings highlighted, the findings list, the review panel."""
    user = request.user
    content = access_content(user, pk)
    version = _shown_version(request, content)
    is_current = version.number == content.current_version
    findings = content_findings(version, unit=content.org_unit)
    waivers = waivers_of(content)
    closed = content.status in (ContentStatus.PUBLISHED, ContentStatus.WITHDRAWN)
    locked = is_locked(content)
    editor = can_edit_content(user, content)
    publisher = can(user, "publish", content)
    return render(request, "outlets/content_detail.html", {
        "content": content, "version": version, "is_current": is_current,
        "title_html": highlighted(version, findings, waivers, "title"),
        "body_html": highlighted(version, findings, waivers, "body"),
        "groups": finding_groups(findings, waivers), "finding_total": len(findings),
        "open_error_count": len(open_errors(content, findings, waivers)),
        "panel": review_panel(user, content) if is_current else None,
        "can_edit": editor and not locked and content.status in EDITABLE,
        "can_submit": content.author_id == user.pk and is_current and content.status in SUBMITTABLE,
        "can_publish": publisher and content.status == ContentStatus.APPROVED,
        "can_withdraw": publisher and content.status == ContentStatus.PUBLISHED,
        "can_waive": is_current and not closed and can_waive_findings(user, content),
        "waive_form": WaiveForm(),
        "previous": version.number - 1 if version.number > 1 else None,
    })


@is_business
def content_versions(request, pk):
    content = access_content(request.user, pk)
    versions = list(content.versions.select_related("created_by", "source").order_by("-number"))
    return render(request, "outlets/content_versions.html", {"content": content, "versions": versions,
                                                            "page_name": "版本记录"})


@is_business
def content_compare(request, pk):
    content = access_content(request.user, pk)
    numbers = {v.number: v for v in content.versions.select_related("created_by")}
    try:
        b = int(request.GET.get("b") or content.current_version)
        a = int(request.GET.get("a") or max(b - 1, 1))
    except ValueError:
        raise Http404("版本号无效。") from None
    if a not in numbers or b not in numbers:
        raise Http404("该版本不存在。")
    if a > b:
        a, b = b, a
    old, new = numbers[a], numbers[b]
    return render(request, "outlets/content_compare.html", {
        "content": content, "page_name": "版本对照", "old": old, "new": new,
        "versions": sorted(numbers.values(), key=lambda v: v.number),
        "title_diff": compare_texts(old.title, new.title), "diff": compare_texts(old.body, new.body),
    })


@is_business
@require_POST
def content_submit(request, pk):
    content = access_content(request.user, pk)
    try:
        review = do_submit_content(request.user, content)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, f"已提交审核（第{review.version}版），审核期间稿件锁定，不能修改。")
    return redirect(content.get_absolute_url())


@is_business
@require_POST
def content_waive(request, pk):
    content = access_content(request.user, pk)
    form = WaiveForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请填写确认保留的理由。")
        return redirect(content.get_absolute_url())
    report_outcome(request, lambda: do_waive_finding(request.user, content, **form.cleaned_data),
                   lambda: f"已确认保留“{form.cleaned_data['text']}”。")
    return redirect(content.get_absolute_url())


@is_business
@require_http_methods(["GET", "POST"])
def content_publish(request, pk):
    content = access_content(request.user, pk)
    require_can(request.user, "publish", content, "只有本单位宣传工作人员可以发布稿件。")
    if request.method == "POST":
        form = PublishForm(request.POST)
        if form.is_valid():
            saved = form_outcome(request, form, lambda: do_publish_content(request.user, content, **form.cleaned_data),
                                 "已登记发布，并已计入工作台账。")
            if saved:
                return redirect(content.get_absolute_url())
    else:
        where = content.outlet.account if content.outlet_id else ""
        form = PublishForm(initial={"kind": activity_kind_for(content), "where": where})
    return render(request, "outlets/content_publish.html", {"content": content, "form": form, "page_name": "登记发布"})


@is_business
@require_http_methods(["GET", "POST"])
def content_withdraw(request, pk):
    content = access_content(request.user, pk)
    require_can(request.user, "publish", content, "只有本单位宣传工作人员可以撤稿。")
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = form_outcome(request, form, lambda: do_withdraw_content(request.user, content, **form.cleaned_data),
                             "已撤稿；台账中的记录已标注“已撤稿”，不再计入指标。")
        if saved:
            return redirect(content.get_absolute_url())
    return render(request, "outlets/content_withdraw.html", {"content": content, "form": form, "page_name": "撤稿"})
