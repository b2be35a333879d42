"""The demo's municipal government organ runs its own programme (seed 001): its defaults, its study
group and sessions, materials, bank, exams, daily quizzes and outlets, built through the services."""

import pytest
from django.utils import timezone

from ideowork.core.actions.reviews import active_stage, eligible_users, open_review
from ideowork.ledger.progress import compute_progress
from ideowork.learning.actions.quizzes import do_start_quiz
from ideowork.learning.models import Exam, Material, Question, QuizKind, QuizRun, StudySession
from ideowork.outlets.choices import ContentStatus
from ideowork.outlets.models import BriefingIssue, ContentItem, Outlet
from ideowork.plans.models import Target
from ideowork.demo import learning, people
from ideowork.demo.context import DemoContext, png_photo
from ideowork.demo.outlets import briefings, content, register
from ideowork.demo.plans import GOV_TARGETS, import_plan, quantify

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


def test_the_government_organ_runs_its_own_programme(db):
    """One build checked part by part: building it is the slow part."""
    ctx = build_gov_demo()
    check_every_demo_organ_starts_with_its_defaults(ctx)
    check_the_gov_cadre_quizzes_reads_and_takes_exams_of_its_own_organ(ctx)
    check_the_gov_plan_shows_progress_from_its_own_records(ctx)
    check_the_gov_outlets_carry_content_under_review(ctx)


def build_gov_demo():
    """The demo's organisation, and the government organ's plan, learning and outlets."""
    ctx = DemoContext(today=timezone.localdate(), photo=png_photo())
    lines = []
    people.build(ctx, log=lines.append)
    plan = import_plan(ctx, "city_government_2026.txt", ctx.units["gov"], "gov_staff")
    quantify(ctx, plan, GOV_TARGETS, "gov_staff")
    spec = next(o for o in learning.ORGANS if o.key == "gov")
    learning.build_organ(ctx, spec, log=lines.append)
    register.build(ctx, log=lines.append)
    content.build_organ(ctx, next(o for o in content.ORGANS if o.key == "gov"), log=lines.append)
    briefings.build_series(ctx, next(o for o in briefings.ORGANS if o.key == "gov"), log=lines.append)
    ctx.plan, ctx.lines = plan, lines
    return ctx


def check_every_demo_organ_starts_with_its_defaults(gov_demo):
    assert any(line.startswith("市政府机关初始配置：") for line in gov_demo.lines)
    city, gov = gov_demo.units["city"], gov_demo.units["gov"]
    assert Question.objects.filter(org_unit=city).exists() and Question.objects.filter(org_unit=gov).exists()
    assert not Question.objects.filter(org_unit__kind="county").exists()  # they quiz on the city's


def check_the_gov_cadre_quizzes_reads_and_takes_exams_of_its_own_organ(gov_demo):
    cadre, gov = gov_demo.users["gov_cadre"], gov_demo.units["gov"]
    run = do_start_quiz(cadre, QuizKind.DAILY)
    drawn = [item.question for item in run.questions.select_related("question")]
    assert len(drawn) == 5 and {q.org_unit_id for q in drawn} == {gov.pk}
    assert Question.objects.filter(org_unit=gov, source="市政府机关意识形态工作要点").count() == 6
    assert QuizRun.objects.filter(user__username__in=["gov_lu", "gov_chief"], kind=QuizKind.DAILY,
                                  finished_at__isnull=False).count() == 2

    materials = set(Material.objects.visible_to(cadre).values_list("title", flat=True))
    assert "深入理解意识形态工作责任制的核心要求" in materials
    assert any(title.startswith("工作要点摘编：深入开展党的二十届四中全会精神") for title in materials)
    assert not Material.objects.visible_to(cadre).exclude(org_unit=gov).exists()

    exams = {e.title: e for e in Exam.objects.visible_to(cadre)}
    assert set(exams) == {"政务公开和政务新媒体管理知识测试", "学习贯彻党的二十届四中全会精神测试"}
    assert exams["政务公开和政务新媒体管理知识测试"].attempts.filter(user=cadre).exists()
    upcoming = exams["学习贯彻党的二十届四中全会精神测试"]
    assert upcoming.status == "published" and upcoming.opens_at < timezone.now() < upcoming.closes_at


def check_the_gov_plan_shows_progress_from_its_own_records(gov_demo):
    today = gov_demo.today
    study = Target.objects.get(item__plan=gov_demo.plan, text=GOV_TARGETS[0][1])
    published = Target.objects.get(item__plan=gov_demo.plan, text=GOV_TARGETS[1][1])
    progress = compute_progress([study, published], year=today.year, today=today)
    sessions = StudySession.objects.filter(org_unit=gov_demo.units["gov"], status="closed")
    assert sessions.count() == today.month
    assert progress[study.pk].done_year == today.month  # one closed session a month, through the ledger sync
    assert progress[study.pk].status in ("done", "ontrack")  # every month so far has its session
    assert progress[published.pk].done_year == 5  # the five articles published on its outlets


def check_the_gov_outlets_carry_content_under_review(gov_demo):
    gov = gov_demo.units["gov"]
    assert set(Outlet.objects.filter(org_unit=gov).values_list("name", flat=True)) == {
        "市人民政府门户网站", "“市政府发布”微信公众号", "市政府机关意识形态工作简报"}
    items = ContentItem.objects.with_status().filter(org_unit__path__startswith=gov.path, kind="article")
    states = list(items.values_list("state", flat=True))
    assert states.count(ContentStatus.PUBLISHED) == 5 and ContentStatus.DRAFT in states
    waiting = items.get(state=ContentStatus.IN_REVIEW)
    stage = active_stage(open_review(waiting))
    assert stage.name == "复审" and list(eligible_users(stage)) == [gov_demo.users["gov_deputy"]]
    issues = BriefingIssue.objects.filter(series__org_unit=gov).order_by("month")
    assert [i.content.status for i in issues][-1] == "in_review" and issues.count() == min(2, gov_demo.today.month)
