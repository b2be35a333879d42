"""The plans and ledger part of the demo: both seed documents imported as this year's plans (the county
bureaus run the city's programme as their own), every item assigned, and a year of activities recorded
through the ledger's own service so that the dashboards show every status.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from ideowork.core.periods import periods_of_year
from ideowork.ledger.actions import do_record_activity
from ideowork.plans.actions.assignments import do_assign_item
from ideowork.plans.actions.imports import do_import_plan
from ideowork.plans.actions.targets import do_add_target
from ideowork.plans.drafts import new_draft
from ideowork.plans.models import Target, WorkPlan
from ideowork.plans.parser import parse_text

from .people import CITY_LEADS, COUNTIES, KIND_TITLES

__all__ = ["build", "import_plan", "quantify", "GOV_TARGETS", "DATA"]

DATA = Path(__file__).resolve().parent / "data"
# The year the seed documents were written for; the demo imports them as the plans of the year it is
# built for (ctx.today's), so that its dates follow the day it is built.
SEED_YEAR = 2026
# How each target's year unfolds; cycled so that every status shows on the dashboards.
PROFILES = ["complete", "ontrack", "overdue", "behind", "complete", "ontrack"]
# Seed 001 is mostly qualitative: the government organ's staff quantify a few items after importing it,
# as a real organ would, so that its study sessions and publications have targets to count toward.
# (item number, phrase, count, unit, period)
GOV_TARGETS = [
    (1, "党组理论学习中心组每月集中学习研讨1次", 1, "次", "month"),
    (9, "全年在门户网站和政务新媒体刊发稿件不少于6篇", 6, "篇", "year"),
]


def build(ctx, log=print) -> None:
    city_plan = import_plan(ctx, "city_office_2026.txt", ctx.units["city"], "zhoujie")
    gov_plan = import_plan(ctx, "city_government_2026.txt", ctx.units["gov"], "gov_staff")
    quantify(ctx, gov_plan, GOV_TARGETS, "gov_staff")
    county_plans = []
    for i, (name, short) in enumerate(COUNTIES):
        staff = ["cg_staff", "lh_staff", "qs_staff"][i]
        county_plans.append(import_plan(ctx, "city_office_2026.txt", ctx.units[f"county:{i}"], staff,
                                        title=f"{ctx.today.year}年{short}编办意识形态工作要点"))
    log("已导入工作要点：" + "、".join(p.title for p in [city_plan, gov_plan, *county_plans]))
    _assign_city(ctx, city_plan)
    _assign_simply(ctx, gov_plan, "gov_head", "gov_staff")
    for i, plan in enumerate(county_plans):
        prefix = ["cg", "lh", "qs"][i]
        _assign_simply(ctx, plan, f"{prefix}_head", f"{prefix}_staff")
    log("已分配责任清单。")
    _record_year(ctx, city_plan, recorder_of=_city_recorder(ctx), profile_offset=0,
                 skip_kinds=ctx.own_kinds.get("city", frozenset()))
    _record_year(ctx, gov_plan, recorder_of=lambda item: ctx.users["gov_staff"], profile_offset=0,
                 skip_kinds=ctx.own_kinds.get("gov", frozenset()))
    for i, plan in enumerate(county_plans):
        staff = ctx.users[["cg_staff", "lh_staff", "qs_staff"][i]]
        _record_year(ctx, plan, recorder_of=lambda item, s=staff: s, profile_offset=i + 1, skip_daily=i > 0)
    log(f"已登记台账活动 {ctx.activities} 条。")


def import_plan(ctx, filename, unit, username, title=None) -> WorkPlan:
    """Import the seed document ``filename`` (in ``data/``) as ``unit``'s plan, as the user ``username``."""
    text = (DATA / filename).read_text(encoding="utf-8")
    parsed = parse_text(text).to_dict()
    draft = new_draft(parsed, org_unit_id=unit.pk, year=ctx.today.year, source_name=filename, source_text=text)
    draft["title"] = title or draft["title"].replace(f"{SEED_YEAR}年", f"{ctx.today.year}年")
    return do_import_plan(ctx.users[username], draft)


def quantify(ctx, plan, targets, username) -> None:
    items = {item.number: item for item in plan.items.all()}
    for number, text, count, unit, period in targets:
        do_add_target(ctx.users[username], items[number], text=text, count=count, unit=unit, period=period,
                      comparator=">=", per="org")


def _assign_city(ctx, plan) -> None:
    chiefs = {u.org_unit.name: u for u in ctx.users.values() if u.role == "section_chief"}
    staff = ctx.users["zhoujie"]
    soon = {2: 9, 9: 18, 17: 26}  # items due within the month, to show on the dashboard
    for item in plan.items.all():
        lead_name = CITY_LEADS.get(item.number, "综合科")
        deadline = ctx.today + timedelta(days=soon[item.number]) if item.number in soon else date(ctx.today.year, 12, 31)
        if item.number == 22:
            deadline = date(ctx.today.year, 6, 30)
        cooperating = [ctx.units[n] for n in ("综合科", "秘书科") if n != lead_name][:1]
        do_assign_item(staff, item, lead_unit=ctx.units[lead_name], cooperating_units=cooperating,
                       first_responsible=ctx.users["zhangwei"], direct_responsible=ctx.users["lina"],
                       specific_responsible=chiefs[lead_name], deadline=deadline,
                       measures=_first_sentence(item.text), progress_note="")


def _assign_simply(ctx, plan, head, staff) -> None:
    for item in plan.items.all():
        do_assign_item(ctx.users[staff], item, lead_unit=plan.org_unit, first_responsible=ctx.users[head],
                       direct_responsible=ctx.users[head], specific_responsible=ctx.users[staff],
                       deadline=date(ctx.today.year, 12, 31), measures=_first_sentence(item.text))


def _first_sentence(text: str) -> str:
    for stop in "。；":
        if stop in text:
            return text.split(stop, 1)[0][:200] + "。"
    return text[:200]


def _city_recorder(ctx):
    chiefs = {u.org_unit_id: u for u in ctx.users.values() if u.role == "section_chief"}

    def recorder(item):
        lead = getattr(getattr(item, "assignment", None), "lead_unit_id", None)
        return chiefs.get(lead, ctx.users["zhoujie"])

    return recorder


def _record_year(ctx, plan, *, recorder_of, profile_offset: int, skip_daily: bool = False,
                 skip_kinds: frozenset = frozenset()) -> None:
    """Record activities for every target of ``plan``, one group per (item, kind): an activity
    counts toward every target of its item that takes its kind, as the ledger suggests."""
    targets = list(Target.objects.filter(item__plan=plan).select_related("item", "item__assignment")
                   .prefetch_related("persons").order_by("item__order", "order"))
    groups: dict[tuple, list[Target]] = {}
    for target in targets:
        kind = (target.activity_kinds or ["other"])[0]
        groups.setdefault((target.item_id, kind), []).append(target)
    for index, ((_, kind), group) in enumerate(groups.items()):
        primary = group[0]
        if (skip_daily and primary.period == "day") or kind in skip_kinds:
            continue
        profile = PROFILES[(index + profile_offset) % len(PROFILES)]
        recorder = recorder_of(primary.item)
        unit = recorder.org_unit if recorder.org_unit.is_within(plan.org_unit) else plan.org_unit
        if primary.per == "person":
            _record_personal(ctx, primary, group, kind, recorder, unit, profile)
            continue
        for day, n in _schedule(ctx, primary, profile):
            _record(ctx, recorder, unit, kind, primary, group, day, n)


def _schedule(ctx, target, profile):
    """(date, sequence number) of the activities that make ``target`` follow ``profile``."""
    periods = [p for p in periods_of_year(target.period, ctx.today.year) if p.start <= ctx.today]
    ended = [p for p in periods if p.end < ctx.today]
    skipped = ended[-2] if profile == "overdue" and len(ended) >= 2 else None
    if target.period == "day" and profile == "overdue":
        skipped_days = {p.start for p in ctx.rng.sample(ended, min(6, len(ended)))}
    else:
        skipped_days = set()
    n = 0
    for period in periods:
        if period is skipped or period.start in skipped_days:
            continue
        last = min(period.end, ctx.today)
        if len(periods) == 1:  # a yearly count: pace it
            share = period.elapsed_fraction(ctx.today)
            wanted = {"complete": target.count, "ontrack": math.ceil(target.count * share),
                      "behind": max(1, math.floor(target.count * share / 2)),
                      "overdue": max(0, math.floor(target.count * share) - 1)}[profile]
            wanted = min(wanted, target.count)
        elif period.end >= ctx.today and profile != "complete":
            wanted = 0  # the current period is still open
        else:
            wanted = target.count
        span = max((last - period.start).days, 0)
        for k in range(wanted):
            n += 1
            offset = ctx.rng.randint(0, span) if span else 0
            yield period.start + timedelta(days=offset), n


def _record_personal(ctx, primary, group, kind, recorder, unit, profile) -> None:
    persons = list(primary.persons.all())
    year_start = date(ctx.today.year, 1, 1)
    share = (ctx.today - year_start).days / 365
    for i, person in enumerate(persons):
        wanted = primary.count if (i + (profile == "complete")) % 3 else max(1, math.floor(primary.count * share / 2))
        elapsed = (ctx.today - year_start).days
        days = sorted(year_start + timedelta(days=ctx.rng.randint(0, elapsed)) for _ in range(wanted))
        for k, day in enumerate(days[:primary.count]):
            do_record_activity(
                recorder, org_unit=unit, kind=kind, title=f"{person.name}：{KIND_TITLES.get(kind, '心得体会')}（第{k + 1}篇）",
                date=day, summary=f"{person.name}围绕党的创新理论学习撰写的{KIND_TITLES.get(kind, '心得体会')}。",
                participants=[person], targets=group, item=primary.item,
            )
            ctx.activities += 1


def _record(ctx, recorder, unit, kind, primary, group, day, n) -> None:
    base = KIND_TITLES.get(kind, "意识形态工作")
    title = f"{base}（{day.month}月{day.day}日）" if primary.period in ("day", "week") else f"{base}（第{n}次）"
    members = [u for u in ctx.users.values() if u.is_business and u.org_unit.is_within(unit.organ or unit)]
    participants = ctx.rng.sample(members, min(len(members), 6)) if kind in ("study", "training", "meeting") else []
    files = []
    if kind in ("study", "drill", "training", "lecture") and n % 2 == 1:
        files = [SimpleUploadedFile(f"现场照片{n}.png", ctx.photo, content_type="image/png")]
    do_record_activity(recorder, org_unit=unit, kind=kind, title=title, date=day,
                       place="机关会议室" if kind in ("study", "meeting", "training") else "",
                       host=recorder.name, summary=f"围绕“{primary.text}”开展{base}。",
                       participants=participants, targets=group, item=primary.item, evidence_files=files)
    ctx.activities += 1

