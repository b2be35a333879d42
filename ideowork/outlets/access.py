"""Who acts on outlets' records, and fetching them authorised in one step (see ``core/access.py``).

``can_publish_for(user, unit)``: the publicity staff (capability ``outlets.publish``) whose scope
holds the unit — a county bureau's staff for their bureau, the city office's staff for the office,
its sections and the bureaus under it. The ``access_*`` helpers answer 404 when a record is not
visible and a Chinese 403 when it is visible but the action is not allowed.
"""

from ideowork.core.access import accessor
from ideowork.core.models import OrgUnit, User
from ideowork.core.scoping import can_act_in

from .models import (BriefingIssue, ContentItem, Expert, ExternalPlacement, Outlet, OutletInspection,
                     PolicyInterpretation, PressConference, ProofRule, PublicQuestion)

__all__ = ["can_publish_for", "access_content", "access_outlet", "access_inspection", "access_issue",
           "access_placement", "access_press_conference", "access_expert", "access_interpretation",
           "access_public_question", "access_proof_rule"]


def can_publish_for(user: User, unit: OrgUnit) -> bool:
    return can_act_in(user, unit, "outlets.publish")


access_content = accessor(ContentItem, "outlet", "author__org_unit", "org_unit", "activity")
access_outlet = accessor(Outlet, "org_unit", "responsible", "review_flow", "item__plan",
                         message="您无权管理该宣传阵地。")
access_inspection = accessor(OutletInspection, "outlet__org_unit", "outlet__responsible",
                             message="您无权登记该阵地的整改情况。")
access_issue = accessor(BriefingIssue, "series__org_unit", "content", "created_by")
access_placement = accessor(ExternalPlacement, "org_unit", "content", "activity", "created_by")
access_press_conference = accessor(PressConference, "org_unit", "release", "activity", "created_by")
access_expert = accessor(Expert)
access_interpretation = accessor(PolicyInterpretation)
access_public_question = accessor(PublicQuestion, "org_unit", "answered_by", "activity")
access_proof_rule = accessor(ProofRule, "org_unit")
