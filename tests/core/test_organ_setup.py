"""A new organ works out of the box: the working defaults every area registers (core.organ_setup)."""

from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from ideowork.core.actions.orgs import do_create_org_unit, do_update_org_unit
from ideowork.core.actions.review_flows import steps_for
from ideowork.core.choices import OrgKind, Role
from ideowork.core.models import AuditEvent, Notification, OrgUnit, ReviewFlow
from ideowork.core.organ_setup import do_setup_organ, organ_defaults
from ideowork.core.system import system_actor
from ideowork.learning.actions.quizzes import do_answer_quiz, do_start_quiz
from ideowork.learning.models import Material, PointsRule, Question, QuizKind, Topic
from ideowork.learning.organ_defaults import starter_questions
from ideowork.outlets.actions.content import do_create_content, do_submit_content
from ideowork.outlets.reviews import PUBLISH_STEPS
from tests.factories import make_user

pytestmark = pytest.mark.django_db

STARTER = starter_questions()
OBJECTIVE = [q for q in STARTER if q["kind"] != "short"]


def create_organ(client, name="市教育局", parent=None):
    response = client.post("/system/orgs/new/", {"name": name, "short_name": "", "kind": OrgKind.ORGAN,
                                                  "parent": parent.pk if parent else "", "code": "", "sort_order": 3})
    assert response.status_code == 302, response.content.decode()
    return OrgUnit.objects.get(name=name)


def counts() -> dict:
    return {model.__name__: model.objects.count()
            for model in (Question, PointsRule, ReviewFlow, Material, Topic, AuditEvent, Notification)}


def test_the_starter_bank_is_complete_and_consistent():
    assert len(OBJECTIVE) >= 60
    assert len({q["stem"] for q in STARTER}) == len(STARTER)
    for q in STARTER:
        assert q["explanation"].strip() and q["source"].strip() and q["category"].strip(), q["stem"]
        keys = "ABCDEF"[:len(q["options"])]
        if q["kind"] == "single":
            assert q["answer"] in keys
        elif q["kind"] == "multiple":
            assert len(q["answer"]) >= 2 and set(q["answer"]) <= set(keys) and len(q["answer"]) < len(keys)
        elif q["kind"] == "judge":
            assert isinstance(q["answer"], bool) and not q["options"]
        elif q["kind"] == "blank":
            assert q["stem"].count("____") == len(q["answer"])


def test_a_new_organ_gets_working_defaults_and_its_cadre_quizzes_on_day_one(org, login):
    client = login(org.sysadmin)
    organ = create_organ(client)
    assert "已完成初始配置" in client.get("/system/orgs/").content.decode()
    section = do_create_org_unit(org.sysadmin, name="办公室", kind=OrgKind.SECTION, parent=organ)

    bank = Question.objects.filter(org_unit=organ)
    assert bank.count() == len(STARTER) and bank.filter(kind__in=["single", "multiple", "judge", "blank"]).count() \
        == len(OBJECTIVE)
    assert all(q.explanation for q in bank) and bank.filter(category__name="意识形态工作责任制").exists()
    assert PointsRule.objects.filter(action="quiz", is_active=True).exists()
    publish = ReviewFlow.objects.get(org_unit=organ, purpose="publish", is_default=True)
    assert [s["name"] for s in steps_for(publish)] == [s["name"] for s in PUBLISH_STEPS]
    assert set(ReviewFlow.objects.filter(org_unit=organ).values_list("purpose", flat=True)) >= {
        "publish", "reflection", "approval"}
    assert Material.objects.filter(org_unit=organ, topic__title="意识形态工作应知应会").count() == 3

    event = AuditEvent.objects.get(event_type="core.organ.setup")
    assert event.actor == org.sysadmin and event.subject_id == str(organ.pk)
    assert set(event.new) == {d.label for d in organ_defaults()}
    imported = AuditEvent.objects.get(event_type="learning.question.import", subject_id=str(organ.pk))
    assert imported.actor == system_actor() and imported.new["count"] == len(STARTER)

    cadre = make_user("jy_cadre", Role.CADRE, section, "教育局干部")
    run = do_start_quiz(cadre, QuizKind.DAILY)
    drawn = [item.question for item in run.questions.select_related("question")]
    assert len(drawn) == 5 and all(q.org_unit_id == organ.pk for q in drawn)
    first = run.questions.select_related("question").get(position=1).question
    answer = first.answer if first.kind != "blank" else [alts[0] for alts in first.answer]
    assert do_answer_quiz(cadre, run, 1, answer).is_correct

    # Its publicity goes through the 三审三校 flow it was given.
    make_user("jy_staff", Role.STAFF, section, "教育局专干")
    make_user("jy_head", Role.HEAD, organ, "教育局局长")
    content = do_create_content(cadre, org_unit=section, kind="article", title="教育局召开意识形态工作会议",
                                body="会议传达学习了有关精神。")
    review = do_submit_content(cadre, content)
    assert review.flow_name == publish.name == "三审三校（默认流程）"
    assert list(review.stages.values_list("name", flat=True)) == [s["name"] for s in PUBLISH_STEPS]


def test_running_the_setup_again_changes_nothing(org, login):
    organ = create_organ(login(org.sysadmin))
    before = counts()
    assert do_setup_organ(org.sysadmin, organ) == {}
    out = StringIO()
    call_command("setup_organ", str(organ.pk), stdout=out)
    assert "未作改动" in out.getvalue()
    assert counts() == before


def test_managers_disabling_starter_questions_is_respected(org, login):
    organ = create_organ(login(org.sysadmin))
    kept = Question.objects.filter(org_unit=organ, kind="single").order_by("pk").first()
    Question.objects.filter(org_unit=organ).exclude(pk=kept.pk).update(is_active=False)
    before = counts()
    do_setup_organ(system_actor(), organ)
    assert counts() == before


def test_an_existing_organ_is_set_up_by_the_command_and_its_managers_are_told(org):
    out = StringIO()
    call_command("setup_organ", str(org.gov.pk), stdout=out)
    assert "导入内置题库" in out.getvalue()
    assert Question.objects.filter(org_unit=org.gov).count() == len(STARTER)
    note = Notification.objects.get(recipient=org.gov_staff)
    assert "初始配置" in note.title and "题库" in note.body
    assert AuditEvent.objects.get(event_type="core.organ.setup").actor == system_actor()


def test_a_county_bureau_quizzes_on_the_bank_its_city_publishes(org, login):
    call_command("setup_organ", str(org.city.pk), stdout=StringIO())
    client = login(org.sysadmin)
    county = create_organ(client, "丙县委编办", parent=org.city)
    assert county.kind == OrgKind.ORGAN and county.organ == county
    assert not Question.objects.filter(org_unit=county).exists()  # it sees the city's
    assert not Material.objects.filter(org_unit=county).exists()
    assert ReviewFlow.objects.filter(org_unit=county, purpose="publish").exists()
    cadre = make_user("bx_cadre", Role.CADRE, county, "丙县干部")
    run = do_start_quiz(cadre, QuizKind.DAILY)
    assert run.questions.count() == 5


def test_a_section_made_an_organ_gets_the_defaults(org):
    unit = do_create_org_unit(org.sysadmin, name="信息中心", kind=OrgKind.SECTION, parent=org.city)
    assert not ReviewFlow.objects.filter(org_unit=unit).exists()
    do_update_org_unit(org.sysadmin, unit, kind=OrgKind.ORGAN, parent=None)
    assert ReviewFlow.objects.filter(org_unit=unit, purpose="publish").exists()
    assert Question.objects.filter(org_unit=unit).exists()


def test_only_organs_and_only_the_sysadmin(org):
    with pytest.raises(ValidationError, match="不是机关或县区单位"):
        do_setup_organ(org.sysadmin, org.office)
    with pytest.raises(PermissionDenied):
        do_setup_organ(org.principal, org.gov)
    with pytest.raises(CommandError, match="没有编号为 999999 的单位"):
        call_command("setup_organ", "999999", stdout=StringIO())
    assert not AuditEvent.objects.filter(event_type="core.organ.setup").exists()


def test_the_new_organs_managers_see_what_was_set_up_on_their_dashboard(org, login):
    organ = create_organ(login(org.sysadmin))
    head = make_user("jy_head", Role.HEAD, organ, "教育局局长")
    html = login(head).get("/office/").content.decode()
    assert 'data-testid="organ-setup-panel"' in html
    assert f"本单位题库启用{len(STARTER)}道题" in html and "三审三校（默认流程）" in html and "/learning/questions/" in html
    cadre = make_user("jy_cadre2", Role.CADRE, organ, "干部")
    page = login(cadre).get("/office/")
    assert page.status_code == 200 and 'data-testid="organ-setup-panel"' not in page.content.decode()
