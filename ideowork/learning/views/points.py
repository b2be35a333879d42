"""Points: my points, the rankings, the rules and manual adjustments."""

from django.core.paginator import Paginator
from django.db.models import Sum
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from ideowork.core.outcomes import form_outcome
from ideowork.core.permissions import capability_required, is_business

from .. import rankings
from ..actions.points import DEFAULT_RULES, active_rules, can_set_rules, do_adjust_points, do_save_points_rule
from ..choices import PointsAction, RankingPeriod
from ..forms.points import PointsAdjustForm, PointsRuleForm
from ..models import PointsEntry, PointsRule

PAGE_SIZE = 50


def today_progress(user) -> list[dict]:
    """Per action: points earned today and the daily cap, as 学习强国 shows them."""
    today = timezone.localdate()
    earned = dict(PointsEntry.objects.visible_to(user).filter(user=user, date=today).values_list("action")
                  .annotate(n=Sum("points")).order_by())
    rules = active_rules()
    rows = []
    for action, label in PointsAction.choices:
        rule = rules.get(action)
        if rule is None:
            continue
        cap = rule.daily_cap
        got = earned.get(action, 0)
        rows.append({"action": action, "label": label, "points": rule.points, "cap": cap, "earned": got,
                     "percent": min(100, round(100 * got / cap)) if cap else (100 if got else 0)})
    return rows


@is_business
def my_points(request):
    entries = PointsEntry.objects.visible_to(request.user).filter(user=request.user)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    totals = [(value, label, *rankings.rank_of(request.user, value, today, rankings.organ_scope(request.user)))
              for value, label in RankingPeriod.choices]
    return render(request, "learning/points/mine.html", {
        "page": page, "today": today_progress(request.user), "totals": totals,
    })


@is_business
def ranking(request):
    user = request.user
    scopes = rankings.scopes_for(user)
    if not scopes:
        return render(request, "learning/points/rankings.html", {"scopes": []})
    scope = next((s for s in scopes if s.code == request.GET.get("scope")),
                 next(s for s in scopes if s.code == "organ"))
    period = request.GET.get("period") if request.GET.get("period") in RankingPeriod.values else RankingPeriod.MONTH
    view = "units" if request.GET.get("view") == "units" else "people"
    today = timezone.localdate()
    context = {"scopes": scopes, "scope": scope, "period": period, "periods": RankingPeriod.choices, "view": view,
               "period_label": rankings.period_label(period, today)}
    my_rank, my_points = rankings.rank_of(user, period, today, scope)
    context.update(my_rank=my_rank, my_points=my_points)
    if view == "units":
        order = "total" if request.GET.get("order") == "total" else "per_capita"
        context.update(units=rankings.unit_ranking(period, today, scope, order=order), order=order)
    else:
        try:
            number = max(1, int(request.GET.get("page", 1)))
        except ValueError:
            number = 1
        rows, total = rankings.person_ranking(period, today, scope, offset=(number - 1) * PAGE_SIZE,
                                              limit=PAGE_SIZE)
        pages = max(1, (total + PAGE_SIZE - 1) // PAGE_SIZE)
        context.update(rows=rows, total=total, number=number, pages=pages,
                       has_previous=number > 1, has_next=number < pages)
    return render(request, "learning/points/rankings.html", context)


@capability_required("learning.manage")
def rules(request):
    saved = {rule.action: rule for rule in PointsRule.objects.all()}
    rows = []
    for action, label in PointsAction.choices:
        if action == PointsAction.ADJUST:
            continue
        rule = saved.get(action)
        default = DEFAULT_RULES.get(action, (1, None, None))
        rows.append({"action": action, "label": label, "rule": rule,
                     "points": rule.points if rule else default[0],
                     "daily_cap": rule.daily_cap if rule else default[1],
                     "weekly_cap": rule.weekly_cap if rule else default[2],
                     "is_active": rule.is_active if rule else True, "note": rule.note if rule else ""})
    can_edit = can_set_rules(request.user)
    return render(request, "learning/points/rules.html", {"rows": rows, "can_edit": can_edit})


@capability_required("learning.manage")
@require_http_methods(["GET", "POST"])
def rule_edit(request, action):
    if action not in PointsAction.values or action == PointsAction.ADJUST:
        return redirect("learning:points_rules")
    rule = PointsRule.objects.filter(action=action).first()
    default = DEFAULT_RULES.get(action, (1, None, None))
    initial = ({"points": rule.points, "daily_cap": rule.daily_cap, "weekly_cap": rule.weekly_cap,
                "is_active": rule.is_active, "note": rule.note} if rule else
               {"points": default[0], "daily_cap": default[1], "weekly_cap": default[2], "is_active": True})
    form = PointsRuleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = form_outcome(request, form, lambda: do_save_points_rule(request.user, action, **form.cleaned_data),
                             f"已保存积分规则：{PointsAction(action).label}")
        if saved:
            return redirect("learning:points_rules")
    return render(request, "learning/points/rule_form.html", {"form": form, "label": PointsAction(action).label})


@capability_required("learning.manage")
@require_http_methods(["GET", "POST"])
def adjust(request):
    form = PointsAdjustForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = form_outcome(request, form,
                             lambda: do_adjust_points(request.user, data["user"], data["points"], note=data["note"]),
                             f"已为{data['user'].name}调整积分{data['points']:+d}分。")
        if saved:
            return redirect("learning:points_adjust")
    recent = (PointsEntry.objects.visible_to(request.user).filter(action=PointsAction.ADJUST)
              .select_related("user", "created_by")[:20])
    return render(request, "learning/points/adjust.html", {"form": form, "recent": recent})
