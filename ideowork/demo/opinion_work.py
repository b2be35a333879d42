"""The opinion demo's monitoring work: schemes of the city office and 城关区, stories several outlets
carried (written here, about no private person), the events they form at every handling stage, and a
daily and a weekly briefing.

The items are analysed and grouped into events on arrival by the events service; ``build_events`` merges
a story's events by hand where the analyser left it in two (``do_merge_events``) and then sets each
story's event at its handling stage directly — a stand-in for walking it through the handling services
(``actions/handling.py``), to be switched to them. Everything else goes through the area's services.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ideowork.opinion.actions.briefings import do_generate_briefing, do_issue_briefing
from ideowork.opinion.actions.event_edits import do_merge_events
from ideowork.opinion.actions.events import events_changed
from ideowork.opinion.actions.ingest import do_ingest_items
from ideowork.opinion.actions.schemes import do_create_scheme
from ideowork.opinion.choices import BriefingKind, EventStatus
from ideowork.opinion.models import Event, Item, ItemMatch

__all__ = ["SCHEMES", "STORIES", "build_schemes", "ingest_stories", "backdate_arrivals",
           "build_events", "build_briefings"]

# (unit key, staff username, name, region words, subject words, event words, exclude words, description)
SCHEMES = [
    ("city", "zhoujie", "机构改革与编制管理", "", "机构改革\n编制\n事业单位\n综合行政执法\n编办", "", "招聘启事\n培训广告",
     "机构改革落地、编制配备、事业单位改革的社会反映"),
    ("city", "zhoujie", "政策解读与政务服务", "", "一网通办\n政务服务\n营商环境\n综合查一次\n企业开办",
     "办结\n新增\n减少\n窗口\n预约\n审批", "", "政策出台后的解读、办事体验和企业感受"),
    ("city", "zhoujie", "民生诉求", "", "小区\n物业\n学位\n入学\n加装电梯\n堤防\n停车",
     "反映\n投诉\n咨询\n不便\n网传\n险情\n紧张\n拥堵\n扰民", "", "群众身边的诉求和网传不实信息"),
    ("county:0", "cg_staff", "城关区民生诉求", "城关区\n东关街道\n西湖社区\n老城片区", "小区\n物业\n学位\n停车\n施工",
     "反映\n投诉\n咨询\n不便\n扰民", "", "本区群众诉求"),
]


@dataclass(frozen=True)
class Story:
    key: str
    unit: str                 # the unit key of the watching scheme (the event's unit)
    title: str
    status: str
    grade: str
    days_ago: int             # when the first report arrived
    reports: tuple            # (source index, outlet, title, text, reads, reposts)
    assigned: str = ""        # unit key of the handling unit
    deadline_hours: int | None = None   # from now; negative: overdue
    reported_hours: int | None = None   # a county reported it upward this many hours after it began


STORIES = [
    Story("demo-exam", "city", "临河县中小学入学报名系统拥堵", EventStatus.JUDGING, "2", 0, (
        (1, "本地论坛", "临河县入学报名系统拥堵，家长反映一上午登不上", "今天上午临河县学位报名系统拥堵，不少家长反映页面打不开，咨询电话也占线，希望尽快解决。", 8200, 140),
        (1, "某短视频平台", "入学报名系统又崩了？临河县家长排队咨询", "临河县入学报名系统拥堵，家长到教育局窗口排队咨询，现场秩序正常。", 23000, 410),
        (0, "市融媒体中心", "临河县教育局：学位报名延长两天，分时段办理", "针对入学报名系统拥堵，临河县教育局表示报名时间延长两天，按片区分时段办理，学位供给充足。", 5100, 60),
    ), assigned="county:1"),
    Story("demo-renovation", "county:0", "东关街道老旧小区改造施工扰民", EventStatus.HANDLING, "2", 2, (
        (3, "城关区融媒体中心", "东关街道老旧小区改造夜间施工扰民 居民投诉", "城关区东关街道部分小区改造工地夜间施工扰民，居民投诉噪声大、停车不便，希望调整施工时间。", 3900, 70),
        (1, "本地论坛", "城关区东关街道小区施工到半夜，投诉有用吗", "有居民在论坛反映城关区东关街道小区改造施工到半夜，投诉后仍未改善，停车也不便。", 6100, 95),
        (1, "某短视频平台", "半夜施工扰民？城关区东关街道回应来了", "城关区东关街道表示已约谈施工单位，夜间22时后停止高噪声作业，小区临时停车位同步增加。", 12000, 230),
    ), assigned="county:0", deadline_hours=30, reported_hours=3),
    Story("demo-property", "city", "滨江新区小区物业费公示不及时", EventStatus.RESPONDING, "1", 4, (
        (1, "本地论坛", "滨江新区某小区物业费公示不及时，业主反映账目不清", "有业主在论坛反映滨江新区某小区物业费收支公示不及时，投诉多次未获答复。", 2300, 30),
        (2, "市政务服务热线", "热线摘要：滨江新区小区物业费公示问题", "市民来电反映滨江新区小区物业费公示不及时，已转住建部门办理。", 0, 0),
    ), assigned="city", deadline_hours=20),
    Story("demo-levee", "city", "网传青山县河段堤防出现险情", EventStatus.CLOSING, "3", 5, (
        (1, "某短视频平台", "网传青山县河段堤防出现险情，大量车辆聚集", "网传青山县某河段堤防出现险情，视频显示大量车辆和人员聚集，引发网民关注和恐慌。", 56000, 1900),
        (1, "本地论坛", "青山县堤防险情是真的吗？求官方回应", "网传青山县堤防险情，有网友咨询是否需要转移，希望官方尽快回应。", 9800, 240),
        (0, "市融媒体中心", "青山县：网传堤防险情不实，系例行加固施工", "青山县水利部门核实，网传堤防险情系例行加固施工，车辆为施工车辆，堤防安全，请勿信谣传谣。", 31000, 820),
        (2, "市政务服务热线", "热线摘要：咨询青山县堤防险情", "多名市民来电咨询网传青山县堤防险情，已按水利部门口径答复。", 0, 0),
    ), assigned="county:2", deadline_hours=-2),
    Story("demo-phone", "city", "机构改革后部分咨询电话变更", EventStatus.CLOSED, "1", 9, (
        (1, "本地论坛", "机构改革后原来的咨询电话打不通了", "有网友反映机构改革后原来的咨询电话打不通，不知道去哪个部门咨询，希望公布新号码。", 1800, 20),
        (0, "市融媒体中心", "市委编办：机构改革后咨询电话一览", "机构改革后部分部门职责调整，市委编办汇总公布了各部门新的咨询电话，原号码设置转接提示。", 7400, 150),
    ), assigned="city"),
    Story("demo-startup", "city", "高新区企业开办一天办结", EventStatus.DISMISSED, "1", 3, (
        (0, "市融媒体中心", "高新区企业开办一天办结，一网通办再提速", "高新区政务服务中心推行一网通办，企业开办一天办结，营商环境持续优化，企业点赞。", 4200, 80),
        (1, "某短视频平台", "一天拿到营业执照！高新区政务服务点赞", "企业负责人表示在高新区一网通办窗口一天办结企业开办，审批材料减少，体验很好。", 15000, 300),
    )),
]


def build_schemes(ctx) -> int:
    made = 0
    for unit_key, username, name, region, subject, event, exclude, description in SCHEMES:
        if unit_key in ctx.units and username in ctx.users:
            do_create_scheme(ctx.users[username], org_unit=ctx.units[unit_key], name=name, region_words=region,
                             subject_words=subject, event_words=event, exclude_words=exclude, description=description)
            made += 1
    return made


def ingest_stories(ctx, sources: list) -> dict[str, list[int]]:
    """Each story's reports through the ingestion service, as its sources' collectors bring them:
    story key → the ids of its items."""
    now = timezone.now()
    found: dict[str, list[int]] = {}
    for story in STORIES:
        for n, (index, outlet, title, text, reads, reposts) in enumerate(story.reports):
            source, staff = sources[index]
            moment = now - timedelta(days=story.days_ago, hours=max(0, 6 - n * 2))
            if moment > now:
                moment = now - timedelta(minutes=30 * (len(story.reports) - n))
            result = do_ingest_items(staff, source, [{
                "title": title, "text": text, "outlet": outlet, "published": moment,
                "url": f"https://news.example.cn/story/{story.key}/{n}.html", "reads": reads, "reposts": reposts}])
            if result.created:
                item = Item.objects.get(source=source, url=f"https://news.example.cn/story/{story.key}/{n}.html")
                found.setdefault(story.key, []).append(item.pk)
    return found


def backdate_arrivals(item_ids=None) -> None:
    """The demo's items arrive when they were published (a collector's backfill), so that the charts
    and briefings of the last weeks have their days; the matches carry the same time."""
    items = Item.objects.filter(published_at__isnull=False)
    if item_ids is not None:
        items = items.filter(pk__in=item_ids)
    now = timezone.now()
    with transaction.atomic():
        for pk, published in items.values_list("pk", "published_at"):
            arrived = min(published + timedelta(minutes=7), now)
            Item.objects.filter(pk=pk).update(arrived_at=arrived)
            ItemMatch.objects.filter(item_id=pk).update(arrived_at=arrived)


# Who merges a story's events by hand in each watching unit.
HANDLERS = {"city": "zhoujie", "county:0": "cg_staff"}


def build_events(ctx, story_items: dict[str, list[int]]) -> int:
    """Each story's event, as the events service formed it on arrival in the unit of its watching scheme
    (merged by hand, as a user would, where the analyser left a story in two), set at the story's
    handling stage (a stand-in for walking it through the handling services)."""
    now = timezone.now()
    made = 0
    with transaction.atomic():
        for story in STORIES:
            ids = story_items.get(story.key, [])
            unit = ctx.units.get(story.unit)
            if not ids or unit is None:
                continue
            event_ids = set(ItemMatch.objects.filter(item_id__in=ids, org_unit=unit, event__isnull=False)
                            .values_list("event_id", flat=True))
            events = sorted(Event.objects.filter(pk__in=event_ids), key=lambda e: (-e.item_count, e.pk))
            if not events:
                continue
            lead = events[0]
            if len(events) > 1:
                lead = do_merge_events(ctx.users[HANDLERS[story.unit]], lead, events[1:])
            first = lead.first_seen_at
            Event.objects.filter(pk=lead.pk).update(
                title=story.title, grade=story.grade, status=story.status,
                assigned_unit=ctx.units.get(story.assigned) if story.assigned else None,
                deadline=now + timedelta(hours=story.deadline_hours) if story.deadline_hours is not None else None,
                reported_at=first + timedelta(hours=story.reported_hours) if story.reported_hours is not None else None)
            events_changed([lead.org_unit_id])   # the stage set here shows on the opinion card at once
            made += 1
    return made


def build_briefings(ctx) -> int:
    """Yesterday's daily briefing (issued by the head) and this week's weekly (a draft), for the city,
    and the special report on its gravest open event."""
    staff, head, city = ctx.users.get("zhoujie"), ctx.users.get("zhangwei"), ctx.units.get("city")
    if staff is None or head is None or city is None:
        return 0
    today = timezone.localdate()
    daily = do_generate_briefing(staff, city, BriefingKind.DAILY, today - timedelta(days=1))
    do_issue_briefing(head, daily)
    do_generate_briefing(staff, city, BriefingKind.WEEKLY, today)
    made = 2
    grave = (Event.objects.filter(org_unit=city, status__in=[EventStatus.HANDLING, EventStatus.CLOSING,
                                                             EventStatus.RESPONDING])
             .order_by("-grade", "pk").first())
    if grave is not None:
        do_generate_briefing(staff, city, BriefingKind.SPECIAL, today, event=grave)
        made += 1
    return made

