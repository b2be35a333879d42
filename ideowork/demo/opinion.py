"""The opinion demo: monitoring schemes of the city office and of 城关区, their sources, and a few
hundred items about local government work — written here, about no private person — stored through
the one ingestion service, as a collector or an import would bring them; then the stories several
outlets carried, the events they form at every handling stage, and the briefings
(``opinion_work.py``). Each item is analysed on arrival and what the schemes match is grouped into
events by the events service."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from ideowork.opinion.actions.ingest import do_ingest_items
from ideowork.opinion.actions.schemes import do_create_scheme
from ideowork.opinion.actions.sources import do_create_source
from ideowork.opinion.models import Event

from . import opinion_work

__all__ = ["build"]

# (unit key, staff username, name, kind, level, description)
SOURCES = [
    ("city", "zhoujie", "市融媒体中心", "api", "city", "采集网关每10分钟推送一次"),
    ("city", "zhoujie", "舆情服务导出", "import", "social", "每日导出社交平台、论坛信息"),
    ("city", "zhoujie", "市政务服务热线摘要", "import", "government", "12345热线工单摘要（已脱敏）"),
    ("county:0", "cg_staff", "城关区融媒体中心", "api", "county", ""),
]
PLACES = ["城关区", "临河县", "青山县", "滨江新区", "高新区", "老城片区", "东关街道", "西湖社区"]
TOPICS = [
    ("机构改革", ["街道综合行政执法改革平稳落地，群众办事“只进一扇门”。", "部分网友询问改革后咨询电话是否变更，相关部门已逐一答复。"]),
    ("编制管理", ["事业单位编制统筹使用，优先保障教育卫生一线。", "有网友对中小学教师编制配备提出建议，编办表示将认真研究。"]),
    ("政务服务", ["“一网通办”事项新增四十项，企业开办一天办结。", "有市民反映线上预约号源紧张，窗口工作人员延时服务。"]),
    ("老旧小区改造", ["今年改造小区三十个，加装电梯六十部。", "施工期间部分路段停车不便，社区张贴公告致歉并设置临时车位。"]),
    ("防汛备汛", ["各地完成汛前隐患排查，物资储备到位。", "网传某河段堤防出现险情，经核实为例行加固施工。"]),
    ("营商环境", ["涉企检查“综合查一次”，减少对企业正常经营的干扰。", "有企业在留言板反映审批材料要求不一，部门已统一清单。"]),
    ("学位供给", ["新建改扩建学校五所，新增学位四千个。", "个别片区入学报名咨询集中，教育部门开通专线答疑。"]),
    ("物业管理", ["物业服务纳入社区治理，业主满意度测评常态化。", "有居民在论坛反映小区物业费公示不及时，街道已督促整改。"]),
]
# (unit key, staff username, name, word groups): made before the items arrive, so that they form events.
SCHEMES = [
    ("city", "zhoujie", "民生热点", {"event_words": "老旧小区\n物业\n学位\n防汛\n一网通办\n窗口"}),
    ("county:0", "cg_staff", "城关区动态", {"region_words": "城关区\n东关街道\n西湖社区"}),
]
OUTLETS = ["市融媒体中心", "市日报", "市广播电视台", "本地论坛", "某短视频平台", "市政府网站", "城关区融媒体中心"]
ITEMS_PER_SOURCE = 80


def _items(ctx, source_index: int) -> list[dict]:
    rng = ctx.rng
    records = []
    for n in range(ITEMS_PER_SOURCE):
        topic, lines = rng.choice(TOPICS)
        place = rng.choice(PLACES)
        day = ctx.today - timedelta(days=rng.randint(0, 20))
        moment = timezone.make_aware(datetime.combine(day, time(rng.randint(7, 22), rng.randint(0, 59))))
        lead = rng.choice(lines)
        title = f"{place}{topic}：{lead.split('，')[0].rstrip('。')}"
        text = f"{place}{lead}{rng.choice(lines)}相关部门表示，将持续回应群众关切，及时发布权威信息。"
        records.append({"title": title, "text": text, "url": f"https://news.example.cn/{source_index}/{n}.html",
                        "published": moment, "outlet": rng.choice(OUTLETS), "reads": rng.randint(50, 30000),
                        "reposts": rng.randint(0, 300), "comments": rng.randint(0, 200), "likes": rng.randint(0, 900)})
    return records


def build(ctx, log) -> None:
    for unit_key, username, name, words in SCHEMES:
        if unit_key in ctx.units and username in ctx.users:
            do_create_scheme(ctx.users[username], org_unit=ctx.units[unit_key], name=name, **words)
    schemes = len(SCHEMES) + opinion_work.build_schemes(ctx)
    created, sources = 0, []
    for index, (unit_key, username, name, kind, level, description) in enumerate(SOURCES):
        if unit_key not in ctx.units or username not in ctx.users:
            continue
        staff = ctx.users[username]
        source = do_create_source(staff, org_unit=ctx.units[unit_key], name=name, kind=kind, level=level,
                                  description=description)
        sources.append((source, staff))
        created += do_ingest_items(staff, source, _items(ctx, index)).created
    log(f"已生成舆情监测方案 {schemes} 个、信息来源 {len(SOURCES)} 个、舆情信息 {created} 条、"
        f"舆情事件 {Event.objects.count()} 个。")
    if len(sources) < len(SOURCES):
        return
    stories = opinion_work.ingest_stories(ctx, sources)
    opinion_work.backdate_arrivals()
    events = opinion_work.build_events(ctx, stories)
    briefings = opinion_work.build_briefings(ctx)
    log(f"已生成舆情事件 {events} 件（各处置阶段）、舆情简报 {briefings} 期。")
