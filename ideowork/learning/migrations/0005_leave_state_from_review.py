"""A leave request's state is read from its 审批 review, no longer mirrored on the request.

Leave requests have been decided through the core workflow, so each normally has its review and the
mirrored ``status``, ``decided_by`` and ``decided_at`` say what the review says. A request that has
no review (made before the workflow, or written by hand) first gets the review its state stands for,
as ``learning`` 0004 did for reflections: 待审批 → a review in progress at its 审批 step, asked of
whoever runs the session's group (the organ's learning managers and the group's secretary, never the
requester); 已批准 / 未批准 → an approved / refused review whose step was decided by ``decided_by`` at
``decided_at``. Then the three mirrored fields go. Self-contained: the roles and step names are
written here as they are when it runs, not imported. Backwards, the fields come back filled from the
reviews (which stay, as history).
"""

from datetime import timedelta

from django.conf import settings
from django.db import migrations

# Mirrored state → (review status, stage status).
STATES = {"pending": ("in_review", "active"), "approved": ("approved", "approved"),
          "refused": ("rejected", "returned")}
LEARNING_MANAGERS = ("head", "deputy", "section_chief", "staff")  # holders of learning.manage
LEDGER_RECORDERS = ("head", "deputy", "section_chief", "staff", "supervisor")  # holders of ledger.record


def _working_days_after(moment, days):
    while days > 0:
        moment += timedelta(days=1)
        if moment.weekday() < 5:
            days -= 1
    return moment


def _deciders(User, group, requester_id):
    """Who runs the group: the organ's learning managers, and its secretary if they record the ledger."""
    unit = group.org_unit
    organ_id = unit.organ_id or unit.pk
    people = set(User.objects.filter(is_active=True, role__in=LEARNING_MANAGERS, org_unit__organ_id=organ_id)
                 .values_list("pk", flat=True))
    secretary = group.secretary
    if secretary is not None and secretary.is_active and secretary.role in LEDGER_RECORDERS:
        people.add(secretary.pk)
    people.discard(requester_id)
    return people


def leaves_on_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Review = apps.get_model("core", "Review")
    ReviewStage = apps.get_model("core", "ReviewStage")
    ReviewDecision = apps.get_model("core", "ReviewDecision")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    LeaveRequest = apps.get_model("learning", "LeaveRequest")
    subject_type, _ = ContentType.objects.get_or_create(app_label="learning", model="leaverequest")
    reviewed = set(Review.objects.filter(subject_type=subject_type).values_list("subject_id", flat=True))
    leaves = (LeaveRequest.objects.exclude(pk__in=reviewed)
              .select_related("user", "session__group__org_unit", "session__group__secretary").order_by("pk"))
    for leave in leaves:
        status, stage_status = STATES.get(leave.status, STATES["pending"])
        decided = status != "in_review"
        group = leave.session.group
        decided_at = (leave.decided_at or leave.created_at) if decided else None
        review = Review.objects.create(
            org_unit_id=group.org_unit_id, subject_type=subject_type, subject_id=leave.pk,
            title=f"请假申请：{leave.user.display_name}（{leave.session.title}）"[:200], purpose="approval",
            author_id=leave.user_id, flow_name="审批（默认流程）", status=status, version=1,
            version_digest=f"leave:{leave.pk}", submitted_at=leave.created_at, finished_at=decided_at,
            signed_by_id=leave.decided_by_id if status == "approved" else None)
        stage = ReviewStage.objects.create(
            review=review, order=1, name="审批", kind="review", role="owner", due_days=2, signs=True,
            status=stage_status, activated_at=leave.created_at,
            due_at=None if decided else _working_days_after(leave.created_at, 2),
            decided_by_id=leave.decided_by_id if decided else None, decided_at=decided_at,
            decided_version=1 if decided else None)
        stage.deciders.set(_deciders(User, group, leave.user_id))
        submit = ReviewDecision.objects.create(review=review, stage=None, actor_id=leave.user_id, decision="submit",
                                               comment="", version=1, version_digest=review.version_digest)
        ReviewDecision.objects.filter(pk=submit.pk).update(created_at=leave.created_at)
        if decided and leave.decided_by_id:
            row = ReviewDecision.objects.create(review=review, stage=stage, actor_id=leave.decided_by_id,
                                                decision="approve" if status == "approved" else "reject",
                                                comment="", version=1, version_digest=review.version_digest)
            ReviewDecision.objects.filter(pk=row.pk).update(created_at=decided_at)


def states_back(apps, schema_editor):
    """Fill the mirrored fields again from each request's last review."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Review = apps.get_model("core", "Review")
    ReviewStage = apps.get_model("core", "ReviewStage")
    LeaveRequest = apps.get_model("learning", "LeaveRequest")
    subject_type = ContentType.objects.filter(app_label="learning", model="leaverequest").first()
    if subject_type is None:
        return
    back = {"approved": "approved", "rejected": "refused"}
    for review in Review.objects.filter(subject_type=subject_type).order_by("submitted_at", "id"):
        status = back.get(review.status, "pending")
        stage = (ReviewStage.objects.filter(review=review, decided_by__isnull=False).order_by("-decided_at", "-id")
                 .first() if status != "pending" else None)
        LeaveRequest.objects.filter(pk=review.subject_id).update(
            status=status, decided_by_id=stage.decided_by_id if stage else None,
            decided_at=stage.decided_at if stage else None)


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('core', '0010_activation_confirmation'),
        ('learning', '0004_reviews_on_workflow'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(leaves_on_workflow, states_back),
        migrations.RemoveField(
            model_name='leaverequest',
            name='decided_at',
        ),
        migrations.RemoveField(
            model_name='leaverequest',
            name='decided_by',
        ),
        migrations.RemoveField(
            model_name='leaverequest',
            name='status',
        ),
    ]
