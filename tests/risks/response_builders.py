"""Builders the response tests share: an approved emergency plan, an incident, a drill, a meeting, an
assessment ready for sign-off, and walking a review to its end."""

from datetime import timedelta

from django.utils import timezone

from ideowork.core.actions.reviews import active_stage, do_decide, eligible_users
from ideowork.risks.actions import (do_create_assessment, do_create_plan, do_open_incident, do_save_drill,
                                    do_save_meeting, do_submit_version, do_update_assessment)

LEVELS = [{"name": "Ⅰ级响应", "criteria": "全市范围的重大舆情"}, {"name": "Ⅱ级响应", "criteria": "较大范围传播"}]
CONTACTS = [{"role": "组长", "name": "张主任", "phone": "0571-1"}]
CONTENT = {"command": "成立领导小组，主任任组长。", "contacts": CONTACTS, "levels": LEVELS,
           "procedures": "信息报告、先期处置、应急响应、信息发布、善后总结。"}


def approve_through(review) -> None:
    """Walk a review to its end, each stage decided by someone allowed to."""
    while (stage := active_stage(review)) is not None:
        stage.review = review
        do_decide(eligible_users(stage).first(), review, stage_id=stage.pk, version=review.version,
                  decision="approve")
        review.refresh_from_db()


def make_plan_draft(org, *, unit=None, actor=None, title="意识形态突发事件应急预案"):
    return do_create_plan(actor or org.staff, org_unit=unit or org.office, title=title, scope="本办", **CONTENT)


def make_approved_plan(org, *, unit=None, actor=None, title="意识形态突发事件应急预案"):
    plan = make_plan_draft(org, unit=unit, actor=actor, title=title)
    approve_through(do_submit_version(actor or org.staff, plan.versions.get()))
    plan.refresh_from_db()
    return plan


def make_incident(org, plan=None):
    plan = plan or make_approved_plan(org)
    return do_open_incident(org.staff, plan, title="网传不实信息", description="论坛帖文转发较多。",
                            occurred_at=timezone.now() - timedelta(hours=3), level="Ⅱ级响应", lead=org.principal)


def make_drill(org, *, unit=None, actor=None, **extra):
    extra.setdefault("held_on", timezone.localdate() - timedelta(days=1))
    return do_save_drill(actor or org.staff, org_unit=unit or org.office, title="网络舆情应急处置演练",
                         scenario="模拟不实信息快速发酵。", participants=[org.staff, org.section_chief], **extra)


def make_meeting(org, *, unit=None, actor=None, **extra):
    extra.setdefault("held_on", timezone.localdate() - timedelta(days=1))
    return do_save_meeting(actor or org.staff, org_unit=unit or org.city, kind="joint", title="意识形态工作联席会议",
                           conclusions="总体平稳，加强评论区管理。", units=[org.office, org.theory],
                           participants=[org.principal, org.staff], **extra)


def make_assessment(org, *, complete=True, unit=None, actor=None):
    actor = actor or org.staff
    assessment = do_create_assessment(actor, org_unit=unit or org.office, measure="事业单位分类改革实施方案",
                                      kind="reform", description="涉及人员转隶。")
    if complete:
        do_update_assessment(actor, assessment, measure=assessment.measure, kind="reform",
                             description=assessment.description, findings="部分人员有顾虑。", conclusion="adjust",
                             answers={row.pk: ("yes", "") for row in assessment.answers.all()})
        assessment.refresh_from_db()
    return assessment
