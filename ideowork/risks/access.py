"""Fetching the risks area's records authorised in one step (see ``core/access.py``): 404 when a
record is not visible, a Chinese 403 when it is visible but the action is not allowed."""

from ideowork.core.access import accessor

from .models import (CampaignReturn, Guidance, GuidanceFile, Risk, RiskEvidence, ScreeningCampaign,
                     UpwardReport)

__all__ = ["access_risk", "access_evidence", "access_campaign", "access_return", "access_guidance",
           "access_guidance_file", "access_upward"]

access_risk = accessor(Risk, "org_unit", "owner", "matrix", "carried_from", "accepted_by",
                       message="您无权处置该风险隐患。")
access_evidence = accessor(RiskEvidence, "attachment", "risk")
access_campaign = accessor(ScreeningCampaign, "org_unit", "matrix", "item", "opened_by", "closed_by",
                           message="只有组织单位的风险防控工作人员可以办理该排查活动。")
access_return = accessor(CampaignReturn, "campaign__org_unit", "org_unit", "matrix", "reported_by",
                         message="只有本单位风险防控工作人员可以报送排查结果。")
access_guidance = accessor(Guidance, "org_unit", "sent_by")
access_guidance_file = accessor(GuidanceFile, "attachment", "guidance")
access_upward = accessor(UpwardReport, "org_unit", "reported_by", "acknowledged_by",
                         message="只有上级单位的风险防控工作人员可以确认。")
