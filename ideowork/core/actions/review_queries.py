"""Reading the review workflow: who may decide a stage, what awaits a person, the panel on a page.

Who may decide a stage (``eligible_users``): the named assignee, else the active people holding the
stage's role in the organ of the review's unit (for 具体责任人: the chief of the stage's ``unit``,
the record's section or else the author's, fixed on submission by ``review_staffing``); never the
author, and for 审 stages nobody who already approved another 审 stage of the same review, so 三审
are three different people. ``awaiting`` is the same rule as one query.

A record's review state is read here, never kept on the record: ``review_state(record)``.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from ..forms.reviews import DecisionForm
from ..models import User
from ..models.reviews import OWNER, Decision, Review, ReviewStage, ReviewStatus, StageStatus, StepKind
from .review_registry import purpose

__all__ = ["review_state", "with_review_state", "open_review", "latest_review", "is_locked", "active_stage", "eligible_users", "can_decide_stage",
           "can_decide", "awaiting", "submitted_by", "with_subjects", "subject_url", "review_panel"]


def _subject_filter(subject) -> Q:
    return Q(subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk)


def open_review(subject) -> Review | None:
    """The subject's review in progress or returned to its author, if any."""
    return Review.objects.filter(_subject_filter(subject),
                                 status__in=[ReviewStatus.IN_REVIEW, ReviewStatus.RETURNED]).first()


def latest_review(subject) -> Review | None:
    return Review.objects.filter(_subject_filter(subject)).order_by("-submitted_at", "-id").first()


def with_review_state(queryset: QuerySet) -> QuerySet:
    """``queryset`` (of one reviewable model) annotated with its last review's ``review_status`` and
    ``review_version``, for lists that show or filter by the state without a query per row."""
    last = Review.objects.filter(subject_type=ContentType.objects.get_for_model(queryset.model),
                                 subject_id=OuterRef("pk")).order_by("-submitted_at", "-id")
    return queryset.annotate(review_status=Subquery(last.values("status")[:1]),
                             review_version=Subquery(last.values("version")[:1]))


def review_state(subject) -> str:
    """The subject's review status (``ReviewStatus``) from its open or last review; "" if never submitted."""
    review = open_review(subject) or latest_review(subject)
    return review.status if review is not None else ""


def is_locked(subject) -> bool:
    """True while the subject is under review: it may not be edited then."""
    return Review.objects.filter(_subject_filter(subject), status=ReviewStatus.IN_REVIEW).exists()


def active_stage(review: Review) -> ReviewStage | None:
    if review.status != ReviewStatus.IN_REVIEW:
        return None
    return review.stages.filter(status=StageStatus.ACTIVE).select_related("assignee").first()


def eligible_users(stage: ReviewStage) -> QuerySet:
    """The people who may decide ``stage`` now (see the module docstring)."""
    review = stage.review
    people = User.objects.business()
    if stage.assignee_id:
        people = people.filter(pk=stage.assignee_id)
    elif stage.role == OWNER:
        people = people.filter(pk__in=stage.deciders.values("pk"))
    else:
        unit = review.org_unit
        people = people.filter(role=stage.role, org_unit__organ_id=unit.organ_id or unit.pk)
        if stage.unit_id:
            people = people.filter(org_unit_id=stage.unit_id)
    people = people.exclude(pk=review.author_id)
    if stage.kind == StepKind.REVIEW:
        approvers = (ReviewStage.objects.filter(review=review, kind=StepKind.REVIEW, status=StageStatus.APPROVED,
                                                decided_by__isnull=False)
                     .exclude(pk=stage.pk).values("decided_by"))
        people = people.exclude(pk__in=approvers)
    return people


def can_decide_stage(user: User, stage: ReviewStage) -> bool:
    if not (user.is_authenticated and user.is_active and user.is_business):
        return False
    return eligible_users(stage).filter(pk=user.pk).exists()


def can_decide(user: User, review: Review) -> bool:
    stage = active_stage(review)
    return stage is not None and can_decide_stage(user, stage)


def _with_active_stage(reviews: QuerySet) -> QuerySet:
    """Each review with its active stage's ``stage_name``, ``stage_id_now`` and ``due_at``."""
    active = ReviewStage.objects.filter(review=OuterRef("pk"), status=StageStatus.ACTIVE)
    return reviews.annotate(due_at=Subquery(active.values("due_at")[:1]),
                            stage_name=Subquery(active.values("name")[:1]),
                            stage_id_now=Subquery(active.values("pk")[:1])).select_related("author", "org_unit")


def awaiting(user: User) -> QuerySet:
    """Reviews whose active stage ``user`` may decide, soonest due first (so overdue first).

    The same rule as ``eligible_users``, written as one query, for the inbox and its counts.
    """
    reviews = _with_active_stage(Review.objects.all()).order_by(F("due_at").asc(nulls_last=True), "submitted_at",
                                                                "id")
    if not (user.is_authenticated and user.is_active and user.is_business and user.org_unit_id):
        return reviews.none()
    organ_id = user.org_unit.organ_id or user.org_unit_id
    by_role = Q(assignee__isnull=True, role=user.role, review__org_unit__organ_id=organ_id) & (
        Q(unit__isnull=True) | Q(unit_id=user.org_unit_id))
    approved_before = ReviewStage.objects.filter(review=OuterRef("review"), kind=StepKind.REVIEW,
                                                 status=StageStatus.APPROVED, decided_by=user)
    stages = (ReviewStage.objects.filter(status=StageStatus.ACTIVE, review__status=ReviewStatus.IN_REVIEW)
              .filter(Q(assignee=user) | by_role | Q(role=OWNER, assignee__isnull=True, deciders=user))
              .exclude(review__author=user)
              .exclude(Q(kind=StepKind.REVIEW) & Exists(approved_before)))
    return reviews.filter(pk__in=stages.values("review"))


def submitted_by(user: User) -> QuerySet:
    """The reviews ``user`` submitted, newest first, with the active stage's name and due time."""
    return _with_active_stage(Review.objects.filter(author=user)).order_by("-submitted_at", "-id")


def with_subjects(reviews) -> list[Review]:
    """The reviews with their subjects loaded, one query per subject type (for lists)."""
    reviews = list(reviews)
    by_type: dict[int, list[Review]] = {}
    for review in reviews:
        by_type.setdefault(review.subject_type_id, []).append(review)
    for type_id, group in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        found = model._default_manager.in_bulk([r.subject_id for r in group])
        for review in group:
            if review.subject_id in found:
                review._subject = found[review.subject_id]
    return reviews


def subject_url(review: Review) -> str:
    """The subject's page, or 待我审核 while the subject's area has no page for it."""
    try:
        return review.subject.get_absolute_url()
    except (NoReverseMatch, ObjectDoesNotExist):  # the subject's area has no page yet
        return reverse("core:review_inbox")


# --- the panel on a subject's page -----------------------------------------------------------------
def review_panel(user: User, subject) -> dict:
    """Context for ``{% include "core/review_panel.html" with panel=panel %}`` on the subject's page."""
    review = latest_review(subject)
    panel = {"review": review, "subject": subject, "stages": [], "decisions": [], "can_decide": False,
             "can_withdraw": False, "stage": None, "form": None, "last_return": None}
    if review is None:
        return panel
    review._subject = subject
    now = timezone.now()
    stages = list(review.stages.select_related("decided_by", "assignee"))
    for stage in stages:
        stage.review = review
        stage.is_overdue = bool(stage.status == StageStatus.ACTIVE and stage.due_at and stage.due_at < now)
    stage = next((s for s in stages if s.status == StageStatus.ACTIVE), None) \
        if review.status == ReviewStatus.IN_REVIEW else None
    if stage is not None:
        stage.people = list(eligible_users(stage))
        panel["can_decide"] = user.pk in {p.pk for p in stage.people} and user.is_business
        if panel["can_decide"]:
            panel["form"] = DecisionForm(stage=stage, earlier=[s for s in stages if s.order < stage.order],
                                         version=review.version, rejects=purpose(review.purpose).rejects)
    decisions = list(review.decisions.select_related("actor", "stage", "returned_to"))
    returns = [d for d in decisions if d.decision == Decision.RETURN_AUTHOR]
    panel.update(stages=stages, stage=stage, decisions=decisions,
                 last_return=returns[-1] if returns and review.status == ReviewStatus.RETURNED else None,
                 can_withdraw=review.is_open and review.author_id == user.pk)
    return panel
