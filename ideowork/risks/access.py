"""Fetching the risks area's records authorised in one step (see ``core/access.py``): 404 when a
record is not visible, a Chinese 403 when it is visible but the action is not allowed."""

from ideowork.core.access import accessor

from .models import (Assessment, CampaignReturn, Drill, EmergencyPlan, FollowUpTask, Guidance, GuidanceFile,
                     Incident, JointMeeting, PlanVersion, Risk, RiskEvidence, ScreeningCampaign, UpwardReport)

__all__ = ["access_risk", "access_evidence", "access_assessment", "access_plan", "access_version", "access_incident",
           "access_drill", "access_meeting", "access_task", "access_campaign", "access_return", "access_guidance",
           "access_guidance_file", "access_upward"]

access_risk = accessor(Risk, "org_unit", "owner", "matrix", "carried_from", "accepted_by",
                       message="您无权处置该风险隐患。")
access_evidence = accessor(RiskEvidence, "attachment", "risk")
access_assessment = accessor(Assessment, "org_unit", "created_by", "signed_off_by", message="您无权修改该评估。")
access_plan = accessor(EmergencyPlan, "org_unit", "current_version", message="您无权修订该预案。")
access_version = accessor(PlanVersion, "plan__org_unit", "created_by", "approved_by", message="您无权修改该预案。")
access_incident = accessor(Incident, "org_unit", "plan", "plan_version", "lead", message="您无权处置该事件。")
access_drill = accessor(Drill, "org_unit", "plan", "plan_version", "item", message="您无权修改该演练记录。")
access_meeting = accessor(JointMeeting, "org_unit", "chair", "item", message="您无权修改该会议记录。")
access_task = accessor(FollowUpTask, "owner", "drill", "meeting", message="您无权确认该事项完成。")
access_campaign = accessor(ScreeningCampaign, "org_unit", "matrix", "item", "opened_by", "closed_by",
                           message="只有组织单位的风险防控工作人员可以办理该排查活动。")
access_return = accessor(CampaignReturn, "campaign__org_unit", "org_unit", "matrix", "reported_by",
                         message="只有本单位风险防控工作人员可以报送排查结果。")
access_guidance = accessor(Guidance, "org_unit", "sent_by")
access_guidance_file = accessor(GuidanceFile, "attachment", "guidance")
access_upward = accessor(UpwardReport, "org_unit", "reported_by", "acknowledged_by",
                         message="只有上级单位的风险防控工作人员可以确认。")
