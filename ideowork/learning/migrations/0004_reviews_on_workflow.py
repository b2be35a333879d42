"""Learning's reflections and 学习标兵 selections move onto the core review workflow.

Every existing reflection gets the review its state stands for (待审阅 → a review in progress at its
审阅 step, 已退回 → returned to its author, 已通过 → approved), with its review history as the
review's decisions; a selection under review (``reviewing``) gets an open 审批 review decided by
its organ's leaders and becomes a draft again (its review says it is under review). Then the
fields that kept those states by hand go: ``Reflection.status``, ``reviewer``, ``review_comment``,
``reviewed_at`` and the ``ReflectionReview`` rows. Self-contained: the roles and step names are
written here as they are when it runs, not imported.
"""

from datetime import timedelta

from django.conf import settings
from django.db import migrations, models

REFLECTION_STATES = {"submitted": "in_review", "returned": "returned", "accepted": "approved"}
STAGE_STATES = {"in_review": "active", "returned": "returned", "approved": "approved"}
KIND_LABELS = {"insight": "心得体会", "research": "调研报告"}
LEARNING_MANAGERS = ("head", "deputy", "section_chief", "staff")  # holders of learning.manage
LEADERS = ("head", "deputy")


def _working_days_after(moment, days):
    while days > 0:
        moment += timedelta(days=1)
        if moment.weekday() < 5:
            days -= 1
    return moment


def _people(User, organ_id, roles, exclude):
    return set(User.objects.filter(is_active=True, role__in=roles, org_unit__organ_id=organ_id)
               .exclude(pk=exclude).values_list("pk", flat=True))


def _decision(ReviewDecision, review, stage, actor_id, decision, when, comment=""):
    row = ReviewDecision.objects.create(review=review, stage=stage, actor_id=actor_id, decision=decision,
                                        comment=comment, version=1, version_digest="")
    ReviewDecision.objects.filter(pk=row.pk).update(created_at=when)


def reflections_on_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Review = apps.get_model("core", "Review")
    ReviewStage = apps.get_model("core", "ReviewStage")
    ReviewDecision = apps.get_model("core", "ReviewDecision")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    Reflection = apps.get_model("learning", "Reflection")
    ReflectionReview = apps.get_model("learning", "ReflectionReview")
    subject_type, _ = ContentType.objects.get_or_create(app_label="learning", model="reflection")
    done = set(Review.objects.filter(subject_type=subject_type).values_list("subject_id", flat=True))
    for reflection in Reflection.objects.exclude(pk__in=done).select_related("group__org_unit").order_by("pk"):
        status = REFLECTION_STATES.get(reflection.status, "in_review")
        decided = status != "in_review"
        unit = reflection.group.org_unit
        review = Review.objects.create(
            org_unit_id=reflection.org_unit_id, subject_type=subject_type, subject_id=reflection.pk,
            title=f"{KIND_LABELS.get(reflection.kind, '心得体会')}：{reflection.title}"[:200], purpose="reflection",
            author_id=reflection.author_id, flow_name="心得体会审阅（默认流程）", status=status, version=1,
            version_digest="", submitted_at=reflection.submitted_at,
            finished_at=reflection.reviewed_at if status == "approved" else None,
            signed_by_id=reflection.reviewer_id if status == "approved" else None)
        stage = ReviewStage.objects.create(
            review=review, order=1, name="审阅", kind="review", role="owner", due_days=5, signs=True,
            status=STAGE_STATES[status], activated_at=reflection.submitted_at,
            due_at=None if decided else _working_days_after(reflection.submitted_at, 5),
            decided_by_id=reflection.reviewer_id if decided else None,
            decided_at=reflection.reviewed_at if decided else None, decided_version=1 if decided else None)
        deciders = _people(User, unit.organ_id or unit.pk, LEARNING_MANAGERS, reflection.author_id)
        secretary = reflection.group.secretary_id
        if secretary and secretary != reflection.author_id:
            deciders.add(secretary)
        stage.deciders.set(deciders)
        _decision(ReviewDecision, review, None, reflection.author_id, "submit", reflection.created_at)
        history = list(ReflectionReview.objects.filter(reflection=reflection).order_by("created_at", "id"))
        for number, entry in enumerate(history):
            kind = "approve" if entry.decision == "accepted" else "return_author"
            _decision(ReviewDecision, review, stage, entry.reviewer_id, kind, entry.created_at, entry.comment)
            if kind == "return_author" and (number + 1 < len(history) or status == "in_review"):
                _decision(ReviewDecision, review, None, reflection.author_id, "submit",
                          max(reflection.submitted_at, entry.created_at))


def selections_on_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Review = apps.get_model("core", "Review")
    ReviewStage = apps.get_model("core", "ReviewStage")
    ReviewDecision = apps.get_model("core", "ReviewDecision")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    ExemplarSelection = apps.get_model("learning", "ExemplarSelection")
    subject_type, _ = ContentType.objects.get_or_create(app_label="learning", model="exemplarselection")
    for selection in ExemplarSelection.objects.filter(status="reviewing").order_by("pk"):
        ExemplarSelection.objects.filter(pk=selection.pk).update(status="draft")
        if selection.created_by_id is None or Review.objects.filter(
                subject_type=subject_type, subject_id=selection.pk, status__in=["in_review", "returned"]).exists():
            continue  # nobody to resubmit it: a draft its organisers submit again
        submitted = selection.submitted_at or selection.created_at
        review = Review.objects.create(
            org_unit_id=selection.org_unit_id, subject_type=subject_type, subject_id=selection.pk,
            title=f"学习标兵评选：{selection.title}"[:200], purpose="approval", author_id=selection.created_by_id,
            flow_name="审批（默认流程）", status="in_review", version=1, version_digest="", submitted_at=submitted)
        stage = ReviewStage.objects.create(
            review=review, order=1, name="审批", kind="review", role="owner", due_days=2, signs=True,
            status="active", activated_at=submitted, due_at=_working_days_after(submitted, 2))
        stage.deciders.set(_people(User, selection.org_unit_id, LEADERS, selection.created_by_id))
        _decision(ReviewDecision, review, None, selection.created_by_id, "submit", submitted)


def states_back(apps, schema_editor):
    """Back to the hand-kept states (the reviews stay, as history)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Review = apps.get_model("core", "Review")
    Reflection = apps.get_model("learning", "Reflection")
    ExemplarSelection = apps.get_model("learning", "ExemplarSelection")
    back = {value: key for key, value in REFLECTION_STATES.items()}
    for model, name in ((Reflection, "reflection"), (ExemplarSelection, "exemplarselection")):
        subject_type = ContentType.objects.filter(app_label="learning", model=name).first()
        if subject_type is None:
            continue
        for review in Review.objects.filter(subject_type=subject_type).order_by("submitted_at", "id"):
            if model is Reflection:
                Reflection.objects.filter(pk=review.subject_id).update(status=back.get(review.status, "returned"))
            elif review.status == "in_review":
                ExemplarSelection.objects.filter(pk=review.subject_id, status="draft").update(status="reviewing")



class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('core', '0005_workflow_purposes'),
        ('learning', '0003_activity_source_record'),
        ('ledger', '0005_ledger_version'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='exemplarselection',
            name='version',
            field=models.PositiveIntegerField(default=1, verbose_name='版本号'),
        ),
        migrations.AddField(
            model_name='reflection',
            name='version',
            field=models.PositiveIntegerField(default=1, verbose_name='版本号'),
        ),
        migrations.RunPython(reflections_on_workflow, states_back),
        migrations.RunPython(selections_on_workflow, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='reflectionreview',
            name='reflection',
        ),
        migrations.RemoveField(
            model_name='reflectionreview',
            name='reviewer',
        ),
        migrations.RemoveIndex(
            model_name='reflection',
            name='reflection_author_year_idx',
        ),
        migrations.RemoveField(
            model_name='reflection',
            name='review_comment',
        ),
        migrations.RemoveField(
            model_name='reflection',
            name='reviewed_at',
        ),
        migrations.RemoveField(
            model_name='reflection',
            name='reviewer',
        ),
        migrations.RemoveField(
            model_name='reflection',
            name='status',
        ),
        migrations.AlterField(
            model_name='exemplarselection',
            name='status',
            field=models.CharField(choices=[('draft', '提名中'), ('published', '已发布')], default='draft', max_length=10, verbose_name='发布状态'),
        ),
        migrations.AddIndex(
            model_name='reflection',
            index=models.Index(fields=['author', 'year'], name='reflection_author_year_idx'),
        ),
        migrations.DeleteModel(
            name='ReflectionReview',
        ),
    ]
