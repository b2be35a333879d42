"""The demo's risk register: every status and every level, in the city office and a county bureau."""

from django.utils import timezone

from ideowork.demo import people, risks
from ideowork.demo.context import DemoContext, png_photo
from ideowork.risks.choices import RiskStatus
from ideowork.risks.models import CampaignReturn, GuidanceRecipient, Risk, ScreeningCampaign, UpwardReport


def test_the_demo_register_has_every_status_and_level_in_the_city_and_a_county(db):
    ctx = DemoContext(today=timezone.localdate(), photo=png_photo())
    people.build(ctx, log=lambda *_: None)
    lines = []
    risks.build(ctx, log=lines.append)
    assert any("已建立风险隐患台账：9项" in line for line in lines)
    for organ in (ctx.units["city"], ctx.units["county:0"]):
        mine = Risk.objects.filter(org_unit__organ=organ)
        assert {r.status for r in mine} >= {RiskStatus.OPEN, RiskStatus.RECTIFYING, RiskStatus.CLOSING,
                                             RiskStatus.ACCEPTED}
    city = Risk.objects.filter(org_unit__organ=ctx.units["city"])
    assert {r.status for r in city} == set(RiskStatus.values)
    assert {r.inherent_level for r in city} == {0, 1, 2, 3}



def test_the_demo_has_an_assessment_a_plan_with_two_versions_an_incident_a_drill_and_a_meeting(db):
    from ideowork.demo.plans import import_plan
    from ideowork.risks.models import Assessment, Drill, EmergencyPlan, FollowUpTask, Incident, JointMeeting

    ctx = DemoContext(today=timezone.localdate(), photo=png_photo())
    people.build(ctx, log=lambda *_: None)
    import_plan(ctx, "city_office_2026.txt", ctx.units["city"], "zhoujie")
    import_plan(ctx, "city_government_2026.txt", ctx.units["gov"], "gov_staff")
    risks.build(ctx, log=lambda *_: None)
    assessment = Assessment.objects.get()
    assert assessment.is_signed_off and Risk.objects.filter(source="assessment").count() == 1
    plan = EmergencyPlan.objects.get()
    assert plan.versions.count() == 2 and plan.current_version.number == 2
    incident = Incident.objects.get()
    assert incident.status == "closed" and incident.entries.count() == 5
    drill = Drill.objects.get()
    assert any("drill" in target.activity_kinds for target in drill.activity.targets.all())  # 每年不少于1次演练
    assert FollowUpTask.objects.filter(drill=drill).count() == 2
    meeting = JointMeeting.objects.get()
    assert meeting.item is not None and meeting.item.number == 6 and meeting.activity is not None
def test_the_demo_has_the_years_campaigns_one_open_with_units_not_reported_and_reports_both_ways(db):
    today = timezone.localdate()
    ctx = DemoContext(today=today, photo=png_photo())
    people.build(ctx, log=lambda *_: None)
    risks.build(ctx, log=lambda *_: None)
    quarter = (today.month - 1) // 3 + 1
    campaigns = ScreeningCampaign.objects.filter(org_unit=ctx.units["city"], year=today.year)
    assert sorted(c.quarter for c in campaigns) == list(range(1, quarter + 1))
    assert {c.quarter for c in campaigns if c.status == "closed"} == set(range(1, quarter))
    live = campaigns.get(status="open")
    statuses = {r.org_unit.display_name: r.status for r in CampaignReturn.objects.filter(campaign=live)}
    assert "pending" in statuses.values() and "reported" in statuses.values() and "nil" in statuses.values()
    assert statuses[ctx.units["county:1"].display_name] == "pending"
    assert not CampaignReturn.objects.filter(campaign__status="closed", status="pending").exists()
    assert UpwardReport.objects.filter(kind="early_sign").count() == 2
    assert GuidanceRecipient.objects.filter(read_at__isnull=False).count() == 1
