"""The risk register of the demo: risks at every status and every level in the city office and in a
county bureau, written through the risks area's services (close-out through the 销号 review); the
city's quarterly screening campaigns of the year (the past quarters recorded and closed with their
returns, the current one open with some units reported and some not) and its schedule; guidance sent
down to the county bureaus, and what the counties reported up."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile

from ideowork.core.actions.reviews import active_stage, do_decide, eligible_users
from ideowork.plans.models import PlanItem
from ideowork.risks.actions import (do_accept_risk, do_acknowledge_upward, do_close_campaign, do_create_risk,
                                    do_open_campaign, do_read_guidance, do_read_upward, do_record_progress,
                                    do_report_risk, do_report_upward, do_request_closeout, do_save_schedule,
                                    do_send_guidance, do_submit_nil_return)
from ideowork.risks.actions.campaigns import campaign_units, default_title, quarter_of
from ideowork.risks.choices import DEFAULT_FOCUS_AREAS

from .risks_response import OWN_KINDS as RESPONSE_KINDS, build_response

__all__ = ["build", "RISKS", "OWN_KINDS"]

# The city's screening campaigns are its ledger's 排查 activities, its drills its 演练: the plans builder
# leaves them out.
OWN_KINDS = {"city": frozenset({"screening"}) | RESPONSE_KINDS["city"]}

# (unit key, author, area, title, likelihood, impact, what happens: open/rectifying/closing/closed/accepted)
RISKS = [
    ("综合科", "zhoujie", "reform", "机构改革期间部分转隶人员存在思想波动", 4, 5, "open"),
    ("综合科", "zhoujie", "policy", "编制调整政策解读口径不统一，易引发误读", 3, 4, "rectifying"),
    ("综合科", "zhoujie", "online", "涉编制话题网络舆情处置响应偏慢", 3, 3, "closing"),
    ("综合科", "zhoujie", "positions", "机关宣传栏内容更新不及时", 2, 2, "closed"),
    ("综合科", "zhoujie", "staffing", "事业单位改革人员安置政策存在误传", 2, 4, "accepted"),
    ("county:0", "cg_staff", "reform", "县级机构改革中个别干部消极情绪", 5, 4, "rectifying"),
    ("county:0", "cg_staff", "online", "县区政务新媒体评论区管理不到位", 3, 3, "open"),
    ("county:0", "cg_staff", "policy", "基层对编制核定政策理解有偏差", 1, 3, "accepted"),
    ("county:0", "cg_staff", "positions", "乡镇宣传阵地无专人维护", 4, 3, "closing"),
]
MEASURES = "逐一谈心谈话、讲清政策；统一解读口径并及时回应关切；建立周报告制度。"


def _photo(ctx, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, ctx.photo, content_type="image/png")


def _approve_all(review) -> None:
    """Walk the close-out review to its end, each stage decided by someone allowed to."""
    while (stage := active_stage(review)) is not None:
        stage.review = review
        do_decide(eligible_users(stage).first(), review, stage_id=stage.pk, version=review.version,
                  decision="approve", comment="整改到位，同意销号。")
        review.refresh_from_db()


def build(ctx, log=print) -> None:
    today = ctx.today
    made = 0
    for unit_key, author, area, title, likelihood, impact, end in RISKS:
        unit, actor = ctx.units[unit_key], ctx.users[author]
        leader = ctx.users["zhangwei" if unit_key != "county:0" else "cg_head"]
        risk = do_create_risk(actor, org_unit=unit, area=area, title=title, likelihood=likelihood, impact=impact,
                              source="screening", owner=actor, measures=MEASURES,
                              deadline=today + timedelta(days=45 if end != "rectifying" else -5),
                              description="季度意识形态风险隐患排查中发现。")
        if end in ("rectifying", "closing", "closed"):
            do_record_progress(actor, risk, text="已召开专题会议研究整改措施，开展谈心谈话并形成记录。",
                               on=today - timedelta(days=3), files=[_photo(ctx, "整改记录.png")])
        if end in ("closing", "closed"):
            review = do_request_closeout(actor, risk)
            if end == "closed":
                _approve_all(review)
        if end == "accepted":
            do_accept_risk(leader, risk, reason="影响范围小、已有常态化防控措施，经研判予以接受。",
                           review_on=today + timedelta(days=90))
        made += 1
    log(f"已建立风险隐患台账：{made}项（市委编办与{ctx.units['county:0'].display_name}，各状态、各等级）。")
    build_response(ctx, log)
    build_campaigns(ctx, log)
    build_reports(ctx, log)


# What each quarter's screening found: (unit key, reporter, area, title, likelihood, impact).
FOUND = {
    1: [("county:0", "cg_staff", "reform", "乡镇机构改革人员分流中个别干部思想包袱较重", 3, 4),
        ("综合科", "liuyang", "policy", "编制调整政策宣传材料表述不够统一", 2, 3)],
    2: [("county:0", "cg_staff", "online", "县区政务新媒体留言区出现涉改革负面评论", 3, 3),
        ("机构编制一科", "chenjing", "staffing", "事业单位编制核减引发部分单位职工疑虑", 3, 4)],
    3: [("county:1", "lh_staff", "reform", "县级机构改革后部分岗位职责交叉引发议论", 2, 4),
        ("综合科", "liuyang", "online", "涉编制调整话题在本地论坛出现不实传言", 4, 3)],
    4: [("county:0", "cg_staff", "policy", "基层对新出台编制管理办法解读存在偏差", 3, 3)],
}
# Who checks and reports for each unit that finds nothing (a nil return).
NIL_BY = {"秘书科": "wangqiang", "综合科": "liuyang", "机构编制一科": "chenjing", "机构编制二科": "yangfan",
          "监督检查科": "zhaolei", "事业单位登记管理科": "huangmin", "county:0": "cg_staff", "county:1": "lh_staff",
          "county:2": "qs_staff"}
# In the open campaign, these have reported so far (the rest have not).
REPORTED_NOW = {"county:0", "综合科", "秘书科", "机构编制二科"}


def _report(ctx, campaign_return, unit_key, author, area, title, likelihood, impact, on=None):
    do_report_risk(ctx.users[author], campaign_return, reported_on=on, area=area, title=title, likelihood=likelihood,
                   impact=impact, owner=ctx.users[author], measures=MEASURES,
                   deadline=ctx.today + timedelta(days=30), description="季度意识形态风险隐患排查中发现。")


def _nil(ctx, campaign_return, unit_key, on=None):
    person = ctx.users[NIL_BY[unit_key]]
    do_submit_nil_return(person, campaign_return, reported_on=on, checked_by=f"{person.name}牵头，本单位全体干部参加",
                         method="召开专题会议，对照机构改革、编制调整、政策解读、网络舆情等重点领域逐项排查，"
                                "查阅本季度信访和网络舆情记录。")


def build_campaigns(ctx, log) -> None:
    """The city's campaigns of the year: each past quarter recorded (补录) and closed with every unit's
    return, the current quarter's open with some units reported; and the quarterly schedule."""
    city, staff, today = ctx.units["city"], ctx.users["zhoujie"], ctx.today
    units = list(campaign_units(city))
    keys = {ctx.units[key].pk: key for key in NIL_BY}
    current = quarter_of(today)
    # The campaigns count under the plan's own item for screening (seed 000, item 21), chosen as a user would.
    item = PlanItem.objects.filter(plan__org_unit=city, plan__year=today.year, title__contains="风险隐患排查").first()
    for quarter in range(1, current + 1):
        live = quarter == current
        opened = None if live else date(today.year, quarter * 3 - 2, 5)
        deadline = today + timedelta(days=14) if live else opened + timedelta(days=20)
        campaign = do_open_campaign(staff, organ=city, title=default_title(today.year, quarter), year=today.year,
                                    quarter=quarter, focus_areas=list(DEFAULT_FOCUS_AREAS), units=units,
                                    deadline=deadline, opened_on=opened, item=item,
                                    instructions="各科室、各县区编办对照重点领域全面排查，逐项登记风险点、等级、责任人和防控措施；"
                                                 "确无风险的，报送无风险报告。")
        returns = {keys[r.org_unit_id]: r for r in campaign.returns.all() if r.org_unit_id in keys}
        found = {row[0] for row in FOUND.get(quarter, [])}
        for n, (unit_key, author, *risk) in enumerate(FOUND.get(quarter, [])):
            _report(ctx, returns[unit_key], unit_key, author, *risk, on=None if live else opened + timedelta(days=8 + n))
        for n, (unit_key, campaign_return) in enumerate(returns.items()):
            if unit_key in found or (live and unit_key not in REPORTED_NOW):
                continue
            _nil(ctx, campaign_return, unit_key, on=None if live else opened + timedelta(days=6 + n))
        if not live:
            do_close_campaign(staff, campaign, closed_on=deadline + timedelta(days=2),
                              summary="各单位均已报送，发现的风险已纳入台账跟踪整改。")
    do_save_schedule(staff, city, is_active=True, focus_areas=list(DEFAULT_FOCUS_AREAS), units=units, open_day=5,
                     days_given=20, instructions="对照重点领域全面排查，按时报送。")
    log(f"已开展风险排查：{today.year}年{current}次（第{current}季度开展中），并设置每季度自动开展。")


def build_reports(ctx, log) -> None:
    """Guidance sent down to the county bureaus (read by one), and reports up: an early sign the city
    acknowledged, one waiting, and important information read by the head."""
    staff = ctx.users["zhoujie"]
    counties = [ctx.units[f"county:{i}"] for i in range(3)]
    guidance = do_send_guidance(
        staff, title="关于做好第四季度意识形态风险隐患排查的指导意见", recipients=counties,
        body="一、聚焦机构改革、编制调整、政策解读、网络舆情等重点领域，全面排查苗头性、倾向性问题。\n"
             "二、排查发现的风险逐项登记风险点、等级、责任人和防控措施，明确整改时限。\n"
             "三、发现重要情况第一时间报告市委编办，不得迟报、漏报。",
        files=[_photo(ctx, "风险排查登记表样式.png")])
    do_read_guidance(ctx.users["cg_staff"], guidance)
    early = do_report_upward(ctx.users["cg_staff"], kind="early_sign", area="reform",
                             title="部分乡镇干部对机构改革后岗位调整存在疑虑",
                             body="近期走访中发现，个别乡镇干部对改革后岗位调整和职数安排存在疑虑，私下议论较多。",
                             measures="已安排谈心谈话，讲清政策，持续跟踪思想动态。")
    do_acknowledge_upward(staff, early, reply="已阅。请继续做好思想引导，情况有变化及时报告。")
    do_report_upward(ctx.users["qs_staff"], kind="early_sign", area="online", title="县域论坛出现涉编制调整的片面解读",
                     body="县域论坛有帖子对编制调整政策作片面解读，浏览量不大，尚未扩散。",
                     measures="已联系网信部门关注，准备权威解读材料。")
    urgent = do_report_upward(ctx.users["lh_staff"], kind="urgent", area="online",
                              title="网络平台出现涉县级机构改革的不实信息",
                              body="今日上午发现短视频平台出现涉我县机构改革的不实信息，已有较多转发。",
                              measures="已启动舆情应对，报告县委宣传部，正在核实并准备回应口径。")
    do_read_upward(ctx.users["zhangwei"], urgent)
    log("已下发指导意见1份；县区向上报告3件（苗头性问题2件、重要情况1件）。")
