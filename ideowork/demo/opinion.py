"""The opinion demo: monitoring schemes of the city office and of 城关区, their sources, and a few
hundred items about local government work — the background stream of many small local stories
(``opinion_stream.py``), written there, about no private person — stored through the one ingestion
service, as a collector or an import would bring them; then the stories several outlets carried, the
events they form at every handling stage, and the briefings (``opinion_work.py``). Each item is
analysed on arrival and what the schemes match is grouped into events by the events service."""

from __future__ import annotations

from django.utils import timezone

from ideowork.opinion.actions.ingest import do_ingest_items
from ideowork.opinion.actions.schemes import do_create_scheme
from ideowork.opinion.actions.sources import do_create_source
from ideowork.opinion.models import Event

from . import opinion_stream, opinion_work

__all__ = ["build"]

# (unit key, staff username, name, kind, level, description)
SOURCES = [
    ("city", "zhoujie", "市融媒体中心", "api", "city", "采集网关每10分钟推送一次"),
    ("city", "zhoujie", "舆情服务导出", "import", "social", "每日导出社交平台、论坛信息"),
    ("city", "zhoujie", "市政务服务热线摘要", "import", "government", "12345热线工单摘要（已脱敏）"),
    ("county:0", "cg_staff", "城关区融媒体中心", "api", "county", ""),
]
# (unit key, staff username, name, word groups): made before the items arrive, so that they form events.
SCHEMES = [
    ("city", "zhoujie", "民生热点", {"event_words": "老旧小区\n物业\n学位\n防汛\n一网通办\n窗口"}),
    ("county:0", "cg_staff", "城关区动态", {"region_words": "\n".join(opinion_work.CHENGGUAN_PLACES)}),
]


def build(ctx, log) -> None:
    for unit_key, username, name, words in SCHEMES:
        if unit_key in ctx.units and username in ctx.users:
            do_create_scheme(ctx.users[username], org_unit=ctx.units[unit_key], name=name, **words)
    schemes = len(SCHEMES) + opinion_work.build_schemes(ctx)
    by_source: dict[int, list[dict]] = {}
    for index, record in opinion_stream.background_reports(ctx.rng, ctx.today, timezone.now()):
        by_source.setdefault(index, []).append(record)
    made = {}
    for index, (unit_key, username, name, kind, level, description) in enumerate(SOURCES):
        if unit_key in ctx.units and username in ctx.users:
            staff = ctx.users[username]
            made[index] = (do_create_source(staff, org_unit=ctx.units[unit_key], name=name, kind=kind, level=level,
                                            description=description), staff)
    # The gateways push every few minutes and the exports come once a day: the media centres' reports
    # are in before the platforms' and the hotline's, and an event is named after the report.
    created = 0
    for index in sorted(made, key=lambda index: SOURCES[index][3] != "api"):
        source, staff = made[index]
        records = sorted(by_source.get(index, []), key=lambda record: record["published"])
        created += do_ingest_items(staff, source, records).created
    log(f"已生成舆情监测方案 {schemes} 个、信息来源 {len(made)} 个、舆情信息 {created} 条、"
        f"舆情事件 {Event.objects.count()} 个。")
    if len(made) < len(SOURCES):
        return
    sources = [made[index] for index in range(len(SOURCES))]
    stories = opinion_work.ingest_stories(ctx, sources)
    opinion_work.backdate_arrivals()
    events = opinion_work.build_events(ctx, stories)
    briefings = opinion_work.build_briefings(ctx)
    log(f"已生成舆情事件 {events} 件（各处置阶段）、舆情简报 {briefings} 期。")
