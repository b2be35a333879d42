"""Who acts on outlets' records, and fetching them authorised in one step (see ``core/access.py``).

``can_publish_for(user, unit)``: the publicity staff (capability ``outlets.publish``) whose scope
holds the unit — a county bureau's staff for their bureau, the city office's staff for the office,
its sections and the bureaus under it. The ``access_*`` helpers answer 404 when a record is not
visible and a Chinese 403 when it is visible but the action is not allowed.
"""

from ideowork.core.access import access
from ideowork.core.models import OrgUnit, User
from ideowork.core.scoping import can_act_in

from .models import (BriefingIssue, ContentItem, Expert, ExternalPlacement, Outlet, OutletInspection,
                     PolicyInterpretation, PressConference, ProofRule, PublicQuestion)

__all__ = ["can_publish_for", "access_content", "access_outlet", "access_inspection", "access_issue",
           "access_placement", "access_press_conference", "access_expert", "access_interpretation",
           "access_public_question", "access_proof_rule"]


def can_publish_for(user: User, unit: OrgUnit) -> bool:
    return can_act_in(user, unit, "outlets.publish")


def access_content(user, pk, action="view") -> ContentItem:
    return access(ContentItem.objects.select_related("outlet", "author__org_unit", "org_unit", "activity"),
                  user, pk, action)


def access_outlet(user, pk, action="view") -> Outlet:
    return access(Outlet.objects.select_related("org_unit", "responsible", "review_flow", "item__plan"),
                  user, pk, action, "您无权管理该宣传阵地。")


def access_inspection(user, pk, action="view") -> OutletInspection:
    return access(OutletInspection.objects.select_related("outlet__org_unit", "outlet__responsible"),
                  user, pk, action, "您无权登记该阵地的整改情况。")


def access_issue(user, pk, action="view") -> BriefingIssue:
    return access(BriefingIssue.objects.select_related("series__org_unit", "content", "created_by"),
                  user, pk, action)


def access_placement(user, pk, action="view") -> ExternalPlacement:
    return access(ExternalPlacement.objects.select_related("org_unit", "content", "activity", "created_by"),
                  user, pk, action)


def access_press_conference(user, pk, action="view") -> PressConference:
    return access(PressConference.objects.select_related("org_unit", "release", "activity", "created_by"),
                  user, pk, action)


def access_expert(user, pk, action="view") -> Expert:
    return access(Expert, user, pk, action)


def access_interpretation(user, pk, action="view") -> PolicyInterpretation:
    return access(PolicyInterpretation, user, pk, action)


def access_public_question(user, pk, action="view") -> PublicQuestion:
    return access(PublicQuestion.objects.select_related("org_unit", "answered_by", "activity"), user, pk, action)


def access_proof_rule(user, pk, action="view") -> ProofRule:
    return access(ProofRule.objects.select_related("org_unit"), user, pk, action)
