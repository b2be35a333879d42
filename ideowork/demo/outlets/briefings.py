"""Demo: the city office's 机构编制工作简报 for the demo year, and the government organ's 工作简报.

One issue for each past month (the government organ's: the last ones only), compiled from that
month's real ledger activities, reviewed through the 三审三校 and issued (so the city's monthly
target shows progress); the current month's issue is in review. 综合科's chief compiles the city's
issues, 周杰 proofreads them; written only through the services.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Case, Value, When
from django.utils import timezone

from ideowork.core.actions.reviews import active_stage, do_decide, eligible_users, open_review
from ideowork.ledger.choices import ActivitySource
from ideowork.ledger.models import Activity
from ideowork.outlets.actions.briefings import (NOT_REPORTED, do_create_issue, do_publish_issue,
                                                do_submit_issue)
from ideowork.outlets.actions.content import do_waive_finding
from ideowork.outlets.findings import content_findings, open_errors
from ideowork.outlets.models import ContentItem, Outlet

__all__ = ["build", "build_series", "BriefingSeries", "ORGANS", "SERIES", "GOV_SERIES"]

SERIES = "机构编制工作简报"
EDITOR = "liuyang"
GOV_SERIES = "市政府机关意识形态工作简报"


@dataclass(frozen=True)
class BriefingSeries:
    key: str  # the organ's unit key in ctx.units
    series: str
    editor: str
    signer: str
    months: int | None = None  # only the last months of the year (None: every month)


ORGANS = [BriefingSeries("city", SERIES, EDITOR, "zhangwei"),
          BriefingSeries("gov", GOV_SERIES, "gov_chief", "gov_head", months=2)]
ENTRIES_PER_ISSUE = 3
NOTES = [
    ("工作动态", "市委编办坚持每月编发工作简报，围绕机构改革进展、编制配置成效、意识形态工作动态等内容，"
                 "及时反映全市机构编制工作情况。"),
    ("经验交流", "各县（市、区）委编办结合实际，把意识形态工作融入机构编制日常业务，做到同部署、同落实、同检查。"),
    ("下步安排", "下一步，市委编办将继续压实意识形态工作责任，强化阵地管理，推动各项任务落地见效。"),
]
GOV_NOTES = [
    ("工作动态", "市政府办公室每月编发意识形态工作简报，反映理论学习、政务公开、政务新媒体管理等工作情况。"),
    ("下步安排", "下一步，市政府办公室将严格落实信息发布“三审三校”制度，持续加强门户网站和政务新媒体建设管理。"),
]


def build(ctx, log=print) -> None:
    for organ in ORGANS:
        if organ.key in ctx.units:
            build_series(ctx, organ, log)


def build_series(ctx, organ: BriefingSeries, log=print) -> None:
    series = Outlet.objects.filter(org_unit=ctx.units[organ.key], name=organ.series).first()
    if series is None:
        log(f"未找到“{organ.series}”，跳过工作简报演示数据。")
        return
    editor = ctx.users[organ.editor]
    year, issued = ctx.today.year, 0
    first = 1 if organ.months is None else max(1, ctx.today.month - organ.months + 1)
    for month in range(first, ctx.today.month + 1):
        issue = _compile(ctx, series, editor, date(year, month, 1), organ.signer)
        do_submit_issue(editor, issue)
        if month == ctx.today.month:
            _approve(issue, stages=1)  # 一校 done, 初审 pending
            log(f"{issue}（{ctx.today.month}月）已提交审核。")
            continue
        _approve(issue)
        do_publish_issue(editor, issue, published_at=_issue_time(issue.issue_date))
        issued += 1
    past = "个已过月份各1期" if organ.months is None else "期"
    log(f"已编发{organ.series}{issued}期（{year}年{issued if organ.months else ctx.today.month - 1}{past}），"
        "本月一期在审核中。")


def _compile(ctx, series, editor, month: date, signer: str):
    day = _issue_day(ctx, month)
    activities = _pick_activities(series, month)
    notes = GOV_NOTES if series.org_unit_id != ctx.units["city"].pk else NOTES
    note = notes[(month.month - 1) % len(notes)]
    return do_create_issue(editor, series, month=month, activities=activities, notes=[note], issue_date=day,
                           signer=ctx.users[signer].name)


def _pick_activities(series, month: date) -> list[Activity]:
    """Up to three activities of the month, of different kinds, preferring those with a summary."""
    # Activities recorded by an area (a study session with its agenda, an inspection) say more than
    # a bare ledger entry: take those first.
    plain = Case(When(source=ActivitySource.LEDGER, then=Value(1)), default=Value(0))
    candidates = (Activity.objects.filter(org_unit__path__startswith=series.org_unit.path, date__year=month.year,
                                          date__month=month.month)
                  .exclude(kind__in=NOT_REPORTED).exclude(source_type=ContentType.objects.get_for_model(ContentItem))
                  .select_related("org_unit").order_by(plain, "date", "id"))
    chosen, kinds = [], set()
    for activity in candidates:
        if activity.kind not in kinds:
            chosen.append(activity)
            kinds.add(activity.kind)
        if len(chosen) == ENTRIES_PER_ISSUE:
            break
    return chosen


def _issue_day(ctx, month: date) -> date:
    if (month.year, month.month) == (ctx.today.year, ctx.today.month):
        return ctx.today
    return month.replace(day=26)


def _issue_time(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(16, 0)))


def _approve(issue, stages: int | None = None) -> None:
    """Decide the open review's stages in turn (all of them when ``stages`` is None)."""
    content = issue.content
    done = 0
    while stages is None or done < stages:
        review = open_review(content)
        stage = active_stage(review) if review is not None else None
        if stage is None:
            return
        stage.review = review
        person = eligible_users(stage).first()
        try:
            do_decide(person, review, stage_id=stage.pk, version=review.version, decision="approve")
        except ValidationError:
            # The signer will not sign over open proofreading errors: the reviewer confirms them.
            for finding in open_errors(content, content_findings(content.latest, unit=content.org_unit)):
                do_waive_finding(person, content, rule=finding["rule"], text=finding["text"],
                                 reason="经核对，此处表述符合原文，予以保留。")
            do_decide(person, review, stage_id=stage.pk, version=review.version, decision="approve")
        content.refresh_from_db()
        done += 1
