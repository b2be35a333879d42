"""The opinion demo's monitoring work: schemes of the city office and 城关区, stories several outlets
carried (written here, about no private person), the events they form, walked through the handling
services to every stage, and a daily and a weekly briefing.

The items are analysed and grouped into events on arrival by the events service; ``build_events``
then does what the watching unit's staff would: takes a story's reports out of an event the analyser
put them in with other items (``do_split_event``), merges the story's events where the analyser left
it in two (``do_merge_events``), names it (``do_rename_event``), and handles it — 研判, 上报, 交办,
回应, 联合处置, 销号 and its review, 无需处置 — through ``actions/handling.py`` as the right people, so
that every demo event carries its real handling record, timeline, notifications and audit events; the
timeline's times are then those of the days the story took (``opinion_timeline.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from ideowork.core.actions.reviews import active_stage, do_decide, eligible_users
from ideowork.opinion.actions.briefings import do_generate_briefing, do_issue_briefing
from ideowork.opinion.actions.event_edits import do_merge_events, do_rename_event, do_split_event
from ideowork.opinion.actions.event_figures import refresh_event_figures
from ideowork.opinion.actions.events import events_changed
from ideowork.opinion.actions.handling import (do_assign_event, do_dismiss_event, do_judge_event, do_record_joint,
                                               do_report_event, do_request_closeout, do_respond_event)
from ideowork.opinion.actions.ingest import do_ingest_items
from ideowork.opinion.actions.schemes import do_create_scheme
from ideowork.opinion.choices import BriefingKind, EventStatus
from ideowork.opinion.models import Event, Item, ItemMatch

from . import opinion_timeline
from .opinion_stream import COUNTIES

__all__ = ["CHENGGUAN_PLACES", "SCHEMES", "STORIES", "STAFF", "build_schemes", "ingest_stories", "backdate_arrivals",
           "build_events", "build_briefings"]

# 城关区's names that its schemes list as region words: the district, its streets and communities.
CHENGGUAN_PLACES = ("城关区", "东关街道", "西湖社区", "老城片区", *COUNTIES["城关区"])
# (unit key, staff username, name, region words, subject words, event words, exclude words, description)
SCHEMES = [
    ("city", "zhoujie", "机构改革与编制管理", "", "机构改革\n编制\n事业单位\n综合行政执法\n编办", "", "招聘启事\n培训广告",
     "机构改革落地、编制配备、事业单位改革的社会反映"),
    ("city", "zhoujie", "政策解读与政务服务", "", "一网通办\n政务服务\n营商环境\n综合查一次\n企业开办",
     "办结\n新增\n减少\n窗口\n预约\n审批", "", "政策出台后的解读、办事体验和企业感受"),
    ("city", "zhoujie", "民生诉求", "", "小区\n物业\n学位\n入学\n加装电梯\n堤防\n停车",
     "反映\n投诉\n咨询\n不便\n网传\n险情\n紧张\n拥堵\n扰民", "", "群众身边的诉求和网传不实信息"),
    ("county:0", "cg_staff", "城关区民生诉求", "\n".join(CHENGGUAN_PLACES), "小区\n物业\n学位\n停车\n施工",
     "反映\n投诉\n咨询\n不便\n扰民", "", "本区群众诉求"),
]


@dataclass(frozen=True)
class Story:
    key: str
    unit: str                 # the unit key of the watching scheme (the event's unit)
    title: str
    status: str               # the handling stage the story is walked to
    grade: str                # the grade its 研判 confirms or sets
    days_ago: int             # the day the first report arrived (``_first_report``)
    reports: tuple            # (source index, outlet, title, text, reads, reposts)
    # The hours after the event was first seen at which each step of its walk happened (by step kind;
    # the 销号 review's stages are decided between the request and the closing): the handling took the
    # story's days, and its deadlines follow from its grade (``opinion_timeline.py``).
    hours: dict = field(default_factory=dict)
    assigned: str = ""        # unit key of the handling unit (交办)
    judgement: str = ""       # why the grade differs from the analyser's (研判意见), or the dismissal's reason
    measures: str = ""        # the instructions of the assignment (处置要求)
    response: str = ""        # the response (回应)
    joint: tuple = ()         # (department, what it did): joint handling (联合处置)
    result: str = ""          # the handling's result (销号申请)


STORIES = [
    Story("demo-exam", "city", "临河县中小学入学报名系统拥堵", EventStatus.JUDGING, "2", 0, (
        (1, "本地论坛", "临河县入学报名系统拥堵，家长反映一上午登不上", "今天上午临河县学位报名系统拥堵，不少家长反映页面打不开，咨询电话也占线，希望尽快解决。", 8200, 140),
        (1, "某短视频平台", "入学报名系统又崩了？临河县家长排队咨询", "临河县入学报名系统拥堵，家长到教育局窗口排队咨询，现场秩序正常。", 23000, 410),
        (0, "市融媒体中心", "临河县教育局：学位报名延长两天，分时段办理", "针对入学报名系统拥堵，临河县教育局表示报名时间延长两天，按片区分时段办理，学位供给充足。", 5100, 60),
    )),
    # reported up at once, judged and assigned within hours, and past its 72 hours (较大) since yesterday
    Story("demo-renovation", "county:0", "东关街道老旧小区改造施工扰民", EventStatus.HANDLING, "2", 4, (
        (3, "城关区融媒体中心", "东关街道老旧小区改造夜间施工扰民 居民投诉", "城关区东关街道部分小区改造工地夜间施工扰民，居民投诉噪声大、停车不便，希望调整施工时间。", 3900, 70),
        (1, "本地论坛", "城关区东关街道小区施工到半夜，投诉有用吗", "有居民在论坛反映城关区东关街道小区改造施工到半夜，投诉后仍未改善，停车也不便。", 6100, 95),
        (1, "某短视频平台", "半夜施工扰民？城关区东关街道回应来了", "城关区东关街道表示已约谈施工单位，夜间22时后停止高噪声作业，小区临时停车位同步增加。", 12000, 230),
    ), hours={"report": 1.5, "judge": 2, "assign": 2.5}, assigned="county:0",
        judgement="多家媒体转发，居民投诉集中，定为较大。",
        measures="约谈施工单位，调整夜间施工时间，增设临时停车位，及时向居民通报。"),
    Story("demo-property", "city", "滨江新区小区物业费公示不及时", EventStatus.RESPONDING, "1", 4, (
        (1, "本地论坛", "滨江新区某小区物业费公示不及时，业主反映账目不清", "有业主在论坛反映滨江新区某小区物业费收支公示不及时，投诉多次未获答复。", 2300, 30),
        (2, "市政务服务热线", "热线摘要：滨江新区小区物业费公示问题", "市民来电反映滨江新区小区物业费公示不及时，已转住建部门办理。", 0, 0),
    ), hours={"judge": 3, "assign": 3.5, "respond": 27}, assigned="city",
        judgement="业主诉求具体、传播范围有限，定为一般，限时督办。",
        measures="督促街道和物业公司公开物业费收支明细，答复业主诉求。",
        response="已督促滨江新区住建部门约谈物业公司，物业费收支明细已在小区公告栏和业主群公示，并开通业主查询渠道。"),
    # a rumour of today: judged within the hour, denied within hours, 销号 asked for the same day
    Story("demo-levee", "city", "网传青山县河段堤防出现险情", EventStatus.CLOSING, "3", 0, (
        (1, "某短视频平台", "网传青山县河段堤防出现险情，大量车辆聚集", "网传青山县某河段堤防出现险情，视频显示大量车辆和人员聚集，引发网民关注和恐慌。", 56000, 1900),
        (1, "本地论坛", "青山县堤防险情是真的吗？求官方回应", "网传青山县堤防险情，有网友咨询是否需要转移，希望官方尽快回应。", 9800, 240),
        (0, "市融媒体中心", "青山县：网传堤防险情不实，系例行加固施工", "青山县水利部门核实，网传堤防险情系例行加固施工，车辆为施工车辆，堤防安全，请勿信谣传谣。", 31000, 820),
        (2, "市政务服务热线", "热线摘要：咨询青山县堤防险情", "多名市民来电咨询网传青山县堤防险情，已按水利部门口径答复。", 0, 0),
    ), hours={"judge": 0.5, "assign": 0.75, "respond": 3.5, "joint": 4, "request_closeout": 5.5}, assigned="county:2",
        judgement="网传险情引发恐慌，转发量大，定为重大。",
        measures="会同水利部门核实情况，通过官方渠道发布权威信息，做好网民答复。",
        response="青山县水利部门已核实并发布通报：网传“险情”系例行加固施工，堤防安全；县融媒体中心同步发布现场视频。",
        joint=("青山县水利局", "派员现场核查堤防，出具情况说明，配合发布辟谣信息。"),
        result="权威信息发布后网民疑虑消除，相关视频评论转为平稳，热线咨询回落。"),
    Story("demo-phone", "city", "机构改革后部分咨询电话变更", EventStatus.CLOSED, "1", 9, (
        (1, "本地论坛", "机构改革后原来的咨询电话打不通了", "有网友反映机构改革后原来的咨询电话打不通，不知道去哪个部门咨询，希望公布新号码。", 1800, 20),
        (0, "市融媒体中心", "市委编办：机构改革后咨询电话一览", "机构改革后部分部门职责调整，市委编办汇总公布了各部门新的咨询电话，原号码设置转接提示。", 7400, 150),
    ), hours={"judge": 4, "assign": 4.5, "respond": 28, "request_closeout": 122, "close": 146}, assigned="city",
        measures="汇总公布机构改革后各部门新的咨询电话，原号码设置转接提示。",
        response="已在市政府网站和市融媒体中心公布各部门新的咨询电话，原号码设置语音转接提示。",
        result="新号码公布后未再出现相关投诉，网友留言表示问题已解决。"),
    Story("demo-startup", "city", "高新区企业开办一天办结", EventStatus.DISMISSED, "1", 3, (
        (0, "市融媒体中心", "高新区企业开办一天办结，一网通办再提速", "高新区政务服务中心推行一网通办，企业开办一天办结，营商环境持续优化，企业点赞。", 4200, 80),
        (1, "某短视频平台", "一天拿到营业执照！高新区政务服务点赞", "企业负责人表示在高新区一网通办窗口一天办结企业开办，审批材料减少，体验很好。", 15000, 300),
    ), hours={"dismiss": 5}, judgement="正面宣传报道，无负面倾向，无需处置。"),
]


def build_schemes(ctx) -> int:
    made = 0
    for unit_key, username, name, region, subject, event, exclude, description in SCHEMES:
        if unit_key in ctx.units and username in ctx.users:
            do_create_scheme(ctx.users[username], org_unit=ctx.units[unit_key], name=name, region_words=region,
                             subject_words=subject, event_words=event, exclude_words=exclude, description=description)
            made += 1
    return made


def _first_report(story: Story, now: datetime) -> datetime:
    """When the story's first report came: at nine in the morning of its day, so that its handling
    falls in working hours; today's, six hours ago."""
    if story.days_ago == 0:
        return now - timedelta(hours=6)
    return timezone.make_aware(datetime.combine(timezone.localdate(now) - timedelta(days=story.days_ago), time(9)))


def ingest_stories(ctx, sources: list) -> dict[str, list[int]]:
    """Each story's reports through the ingestion service, as its sources' collectors bring them, two
    hours apart: story key → the ids of its items."""
    now = timezone.now()
    found: dict[str, list[int]] = {}
    for story in STORIES:
        first = _first_report(story, now)
        for n, (index, outlet, title, text, reads, reposts) in enumerate(story.reports):
            source, staff = sources[index]
            moment = first + timedelta(hours=2 * n)
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
    and briefings of the last weeks have their days; the matches carry the same time, and their events
    were last seen when their last item arrived."""
    items = Item.objects.filter(published_at__isnull=False)
    if item_ids is not None:
        items = items.filter(pk__in=item_ids)
    now = timezone.now()
    with transaction.atomic():
        for pk, published in items.values_list("pk", "published_at"):
            arrived = min(published + timedelta(minutes=7), now)
            Item.objects.filter(pk=pk).update(arrived_at=arrived)
            ItemMatch.objects.filter(item_id=pk).update(arrived_at=arrived)
        matched = ItemMatch.objects.filter(item__in=items, event__isnull=False)
        refresh_event_figures(set(matched.values_list("event_id", flat=True)))
        events_changed(set(matched.values_list("org_unit_id", flat=True)))


# The handling staff of each unit a story is watched by or assigned to.
STAFF = {"city": "zhoujie", "county:0": "cg_staff", "county:1": "lh_staff", "county:2": "qs_staff"}
STAGES = (EventStatus.JUDGING, EventStatus.HANDLING, EventStatus.RESPONDING, EventStatus.CLOSING, EventStatus.CLOSED)


def _story_event(staff, unit, story: Story, ids: list[int]) -> Event | None:
    """The story's one event, as its unit's staff would make it: the story's reports taken out of an
    event that holds other items too (split), the rest merged into the largest, named after the story."""
    event_ids = set(ItemMatch.objects.filter(item_id__in=ids, org_unit=unit, event__isnull=False)
                    .values_list("event_id", flat=True))
    events = []
    for event in Event.objects.filter(pk__in=event_ids).order_by("pk"):
        held = set(ItemMatch.objects.filter(event=event).values_list("item_id", flat=True))
        if held - set(ids):
            event = do_split_event(staff, event, sorted(held & set(ids)))
        events.append(event)
    if not events:
        return None
    events.sort(key=lambda e: (-e.item_count, e.pk))
    lead = events[0]
    if len(events) > 1:
        lead = do_merge_events(staff, lead, events[1:])
    return do_rename_event(staff, lead, story.title)


def _approve_closeout(review) -> None:
    """The 销号 review, each stage decided by someone of the organ allowed to (科长, then the leader)."""
    while (stage := active_stage(review)) is not None:
        stage.review = review
        do_decide(eligible_users(stage).first(), review, stage_id=stage.pk, version=review.version,
                  decision="approve", comment="处置到位，同意销号。")
        review.refresh_from_db()


def _handle(ctx, story: Story, event: Event, at: dict, now) -> Event:
    """Walk the event through the handling services to the story's stage, in the order the handling
    page offers them; ``at``: each step's moment, for the assignment's deadline by grade."""
    staff = ctx.users[STAFF[story.unit]]
    if "report" in story.hours:
        event = do_report_event(staff, event, note="涉及群众切身利益，先行上报，同步处置。")
    if story.status == EventStatus.DISMISSED:
        return do_dismiss_event(staff, event, reason=story.judgement)
    stage = STAGES.index(story.status)
    if stage == 0:
        return event
    event = do_judge_event(staff, event, grade=story.grade,
                           reason="" if story.grade == event.grade else story.judgement or "结合传播范围和关注度研判。")
    if story.assigned:
        event = do_assign_event(staff, event, unit=ctx.units[story.assigned], instructions=story.measures,
                                deadline=opinion_timeline.due_by_grade(event, story.grade, at, now))
    if stage < 2:
        return event
    handler = ctx.users[STAFF[story.assigned or story.unit]]
    event = do_respond_event(handler, event, text=story.response)
    if story.joint:
        department, text = story.joint
        do_record_joint(handler, event, department=department, text=text)
    if stage < 3:
        return event
    review = do_request_closeout(handler, event, result=story.result)
    if stage == 4:
        _approve_closeout(review)
    return Event.objects.get(pk=event.pk)


def build_events(ctx, story_items: dict[str, list[int]]) -> int:
    """Each story's event, formed on arrival in the unit of its watching scheme, made the story's own by
    hand and handled to the story's stage through the services, its times then moved to the hours the
    story took (``opinion_timeline.py``)."""
    now = timezone.now()
    made = 0
    for story in STORIES:
        ids = story_items.get(story.key, [])
        unit = ctx.units.get(story.unit)
        if not ids or unit is None:
            continue
        with transaction.atomic():
            event = _story_event(ctx.users[STAFF[story.unit]], unit, story, ids)
            if event is None:
                continue
            at = opinion_timeline.moments(story.hours, event, now)
            event = _handle(ctx, story, event, at, now)
            opinion_timeline.as_the_days_went(event, at, ctx.users[STAFF[story.assigned or story.unit]])
        made += 1
    return made


def build_briefings(ctx) -> int:
    """Yesterday's daily briefing (issued by the head) and last week's weekly (a draft, as an office
    drafts it on Monday: this week's would hold little on a Monday or Tuesday), for the city, and the
    special report on its gravest open event."""
    staff, head, city = ctx.users.get("zhoujie"), ctx.users.get("zhangwei"), ctx.units.get("city")
    if staff is None or head is None or city is None:
        return 0
    today = timezone.localdate()
    daily = do_generate_briefing(staff, city, BriefingKind.DAILY, today - timedelta(days=1))
    do_issue_briefing(head, daily)
    do_generate_briefing(staff, city, BriefingKind.WEEKLY, today - timedelta(days=7))
    made = 2
    grave = (Event.objects.filter(org_unit=city, status__in=[EventStatus.HANDLING, EventStatus.CLOSING,
                                                             EventStatus.RESPONDING])
             .order_by("-grade", "pk").first())
    if grave is not None:
        do_generate_briefing(staff, city, BriefingKind.SPECIAL, today, event=grave)
        made += 1
    return made

