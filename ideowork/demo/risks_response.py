"""The response part of the risks demo: an assessment of a proposed measure signed off with the risk
it found, an emergency plan with two approved versions, an incident handled under it from activation
to summary, a drill with improvement items, and the municipal government organ's joint meeting —
all through the risks area's services, sign-offs through the review workflow."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from ideowork.plans.models import PlanItem
from ideowork.risks.actions import (do_add_assessment_risk, do_add_entry, do_add_task, do_close_incident,
                                    do_close_task, do_create_assessment, do_create_plan, do_open_incident,
                                    do_revise_plan, do_save_drill, do_save_meeting, do_submit_assessment,
                                    do_submit_version, do_update_assessment)
from ideowork.risks.choices import ChecklistAnswer

__all__ = ["build_response", "OWN_KINDS"]

# The city office's drills are recorded here, so the plans builder's generic year records none.
OWN_KINDS = {"city": frozenset({"drill"})}

COMMAND = ("成立意识形态突发事件应急处置领导小组，办主要负责同志任组长，分管领导任副组长，各科室负责人为成员。"
           "领导小组办公室设在综合科，负责信息汇总、协调联络和日常工作。")
CONTACTS = [{"role": "组长", "name": "张伟", "phone": "0571-87050001"},
            {"role": "副组长", "name": "李娜", "phone": "0571-87050002"},
            {"role": "联络员", "name": "周杰", "phone": "0571-87050016"}]
LEVELS = [{"name": "Ⅰ级响应", "criteria": "引发全市范围关注的重大舆情或群体性事件"},
          {"name": "Ⅱ级响应", "criteria": "在本系统或较大范围传播、可能造成不良影响的舆情"},
          {"name": "Ⅲ级响应", "criteria": "影响范围小、可及时处置的苗头性问题"}]
PROCEDURES = ("一、信息报告：发现苗头即报领导小组办公室，30分钟内报告组长。\n"
              "二、先期处置：核实情况，统一口径，及时回应关切。\n"
              "三、应急响应：按级别启动响应，组长靠前指挥，相关科室协同处置。\n"
              "四、信息发布：经组长审定后统一发布权威信息。\n"
              "五、善后总结：形成处置总结，完善预案和防范措施。")


def _approve_all(review) -> None:
    from .risks import _approve_all as approve

    approve(review)


def _moment(day, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def build_response(ctx, log=print) -> None:
    today, staff, head = ctx.today, ctx.users["zhoujie"], ctx.users["zhangwei"]
    unit = ctx.units["综合科"]

    assessment = do_create_assessment(staff, org_unit=unit, measure="市直事业单位分类改革实施方案（征求意见稿）",
                                      kind="reform", description="涉及市直32家事业单位分类调整、人员转隶和编制核减。")
    answers = {row.pk: (ChecklistAnswer.NO if "征求" in row.text else ChecklistAnswer.YES,
                        "已召开座谈会2场" if "征求" in row.text else "") for row in assessment.answers.all()}
    do_update_assessment(staff, assessment, measure=assessment.measure, kind="reform",
                         description=assessment.description, answers=answers,
                         findings="涉及人员转隶，部分干部职工存在顾虑；个别单位政策口径尚不统一。",
                         conclusion="adjust", conclusion_note="统一政策解读口径、完成干部职工意见征求后实施。")
    do_add_assessment_risk(staff, assessment, title="事业单位分类改革人员转隶引发思想波动", area="reform",
                           likelihood=3, impact=4, owner=staff, measures="逐一谈心谈话，统一解读口径。",
                           deadline=today + timedelta(days=60))
    _approve_all(do_submit_assessment(staff, assessment))

    plan = do_create_plan(staff, org_unit=unit, title="市委编办意识形态突发事件应急预案",
                          scope="本办及所属事业单位发生的意识形态领域突发事件和重大舆情。", command=COMMAND,
                          contacts=CONTACTS, levels=LEVELS[1:], procedures=PROCEDURES)
    _approve_all(do_submit_version(staff, plan.versions.get()))
    revision = do_revise_plan(staff, plan, command=COMMAND, contacts=CONTACTS, levels=LEVELS,
                              procedures=PROCEDURES, change_note="机构改革期间增设Ⅰ级响应，明确组长靠前指挥。")
    _approve_all(do_submit_version(staff, revision))
    plan.refresh_from_db()

    day = today - timedelta(days=20)
    incident = do_open_incident(staff, plan, title="网传“机构改革大规模裁员”不实信息", level="Ⅱ级响应", lead=head,
                                occurred_at=_moment(day, 9, 10),
                                description="某网络论坛出现“市直机构改革将大规模裁员”帖文，转发200余次。")
    for hours, kind, text in ((1, "report", "向市委宣传部、市委网信办报告情况。"),
                              (2, "action", "联系平台核实处置，发布权威解读，统一答复口径。"),
                              (26, "action", "帖文热度明显下降，持续监测。")):
        do_add_entry(staff, incident, kind=kind, text=text, at=_moment(day, 9, 10) + timedelta(hours=hours))
    do_close_incident(head, incident, summary="2小时内完成核实和权威发布，舆情24小时内平息；完善了政策解读口径库。")

    drill = do_save_drill(staff, org_unit=unit, title="机构改革期间网络舆情应急处置演练", held_on=today - timedelta(days=10),
                          plan=plan, scenario="模拟网传编制调整不实信息并快速发酵，检验信息报告、研判、发布流程。",
                          participants=[head, ctx.users["lina"], ctx.users["liuyang"], staff],
                          other_participants="市委网信办2人", evaluation="信息报告及时，口径统一；发布审核环节用时偏长。")
    done = do_add_task(staff, drill, text="压缩信息发布审核时间，明确值班审核人", owner=ctx.users["liuyang"],
                       deadline=today + timedelta(days=10))
    do_close_task(staff, done, result="已建立发布审核值班表，审核时限压缩至30分钟。")
    do_add_task(staff, drill, text="更新应急联系人通讯录", owner=staff, deadline=today + timedelta(days=20))

    gov, gov_staff = ctx.units["gov"], ctx.users["gov_staff"]
    item = PlanItem.objects.filter(plan__org_unit=gov, plan__year=today.year, number=6).first()
    meeting = do_save_meeting(gov_staff, org_unit=gov, kind="joint", title=f"{today.year}年意识形态工作联席会议",
                              held_on=today - timedelta(days=5), chair=ctx.users["gov_head"],
                              units=[ctx.units[f"gov:{name}"] for name in ("秘书一科", "新闻宣传科", "政务公开科")],
                              other_units="市委宣传部、市委网信办", item=item,
                              participants=[ctx.users["gov_head"], ctx.users["gov_deputy"], ctx.users["gov_chief"],
                                            gov_staff],
                              situation="政务新媒体评论区偶有涉政策误读留言，总体平稳。",
                              conclusions="总体风险可控；加强政务新媒体评论区管理，重要情况第一时间报告。")
    do_add_task(gov_staff, meeting, text="修订政务新媒体评论区管理办法", owner=ctx.users["gov_chief"],
                deadline=today + timedelta(days=30))
    log("已建立风险应对：措施风险评估1项（已签批），应急预案1部（2个版本），突发事件1起（已结束），"
        "应急演练1次（整改事项2项），联席会议1次。")
