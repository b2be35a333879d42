"""Who decides each stage of a new review, fixed on submission so that every stage can be decided.

A flow names roles; a record's organ may not have them, or the author may hold one. On submission
each stage is resolved, in order:

- a step of role ``OWNER`` goes to the record's own decider (``review_owners()``, e.g. the
  organiser of a study session);
- a 具体责任人 step goes to the chief of the record's section, else of the author's section, never
  to every chief of the organ (only when that section has no chief do the organ's chiefs decide);
- a 审 step other than the signing one that nobody but the author can decide (a section chief's own
  briefing at 初审) or whose role the organ lacks (no 直接责任人 in a small organ) is skipped
  (免办理): nobody reviews their own work, and the next level still does;
- a 校 step or the signing step nobody else can decide falls back to the organ's leaders
  (直接责任人, then 第一责任人), keeping the role the flow named in ``planned_role`` so the page
  says why;
- otherwise the submission is refused, naming the people who may change the flow.

Because 三审 must be three different people, a step whose deciders are one person uses that
person up for the later 审 steps of the same review.
"""

from django.core.exceptions import ValidationError

from ..choices import OrgKind, Role
from ..models import User
from ..models.reviews import OWNER, Review, ReviewStage, StageStatus, StepKind
from .review_flows import flow_editors
from .review_registry import purpose as purpose_of

__all__ = ["staff_stages", "FALLBACK_ROLES"]

FALLBACK_ROLES = (Role.DEPUTY, Role.HEAD)


def _organ_people(review: Review):
    unit = review.org_unit
    return User.objects.business().filter(org_unit__organ_id=unit.organ_id or unit.pk)


def _chief_section(review: Review):
    """The section whose chief decides a 具体责任人 step: the record's section, else the author's."""
    for unit in (review.org_unit, review.author.org_unit):
        if unit is not None and unit.kind == OrgKind.SECTION:
            return unit
    return None


def _candidates(review: Review, stage: ReviewStage, subject) -> set[int]:
    if stage.assignee_id:
        return {stage.assignee_id}
    if stage.role == OWNER:
        return {u.pk for u in subject.review_owners() if u.is_active and u.is_business} - {review.author_id}
    people = _organ_people(review).filter(role=stage.role)
    if stage.unit_id:
        people = people.filter(org_unit_id=stage.unit_id)
    return set(people.values_list("pk", flat=True))


def _nobody(review: Review, stage: ReviewStage) -> ValidationError:
    organ = review.org_unit.organ or review.org_unit
    spec = purpose_of(review.purpose)
    people = flow_editors(organ, review.purpose)
    editors = "、".join([p.name for p in people if p.pk != review.author_id][:5])
    if any(p.pk == review.author_id for p in people):
        whom = f"请在“审核流程设置”中为本单位的“{spec.label}”流程指定办理人"
    elif editors:
        whom = f"请联系{editors}调整本单位的“{spec.label}”流程"
    else:
        whom = f"请联系本单位负责人为“{spec.label}”流程指定办理人"
    return ValidationError(f"环节“{stage.name}”没有可办理的人员（作者本人不能审核，三审须为不同的人）。{whom}。")


def staff_stages(review: Review, stages: list[ReviewStage], subject) -> None:
    """Resolve who decides each of ``stages`` (unsaved), in place; raise when a stage cannot be decided."""
    used: set[int] = set()
    author = review.author_id
    for stage in stages:
        if stage.role == Role.SECTION_CHIEF and not stage.assignee_id:
            stage.unit = _chief_section(review)
        found = _candidates(review, stage, subject)
        if stage.role == OWNER and not stage.assignee_id:
            stage.owner_ids = found  # saved as the stage's deciders once the stage has a key
        blocked = {author} | (used if stage.kind == StepKind.REVIEW else set())
        if not found and stage.unit_id:  # a section without any chief: the organ's chiefs
            stage.unit = None
            found = _candidates(review, stage, subject)
        if not found - blocked and stage.kind == StepKind.REVIEW and not stage.signs:
            stage.status = StageStatus.SKIPPED  # the author's own level, or a level the organ lacks
            continue
        if not found - blocked:
            for role in FALLBACK_ROLES:
                people = set(_organ_people(review).filter(role=role).values_list("pk", flat=True)) - blocked
                if people:
                    stage.planned_role = stage.role
                    stage.role, stage.unit, stage.assignee_id, found = role, None, None, people
                    break
            else:
                raise _nobody(review, stage)
        if stage.kind == StepKind.REVIEW and len(found - blocked) == 1:
            used |= found - blocked
