"""Configuring review flows: an organ's publicity staff edit them; the steps are checked as a whole."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ideowork.core.actions.reviews import do_save_flow, do_submit_for_review, steps_for
from ideowork.core.choices import Role
from ideowork.core.models import AuditEvent
from ideowork.core.models.reviews import ReviewFlow, StepKind
from tests.reviewapp.models import BLOCKERS

from .reviews_support import make_content


@pytest.fixture(autouse=True)
def _core_only(settings, monkeypatch):
    settings.ROOT_URLCONF = "tests.core.reviews_urls"
    monkeypatch.setitem(BLOCKERS, "reasons", [])


def step(name, kind=StepKind.REVIEW, role=Role.HEAD, **extra):
    return {"name": name, "kind": kind, "role": role, "assignee": None, "due_days": 2, "signs": False, **extra}


TWO_STEPS = [step("校对", StepKind.PROOFREAD, Role.STAFF), step("审核", role=Role.HEAD)]


def save(user, org, steps, flow=None, name="简易流程", unit=None):
    return do_save_flow(user, flow, org_unit=unit or org.city, name=name, steps=steps)


def test_staff_create_a_flow_and_the_last_review_signs(org):
    flow = save(org.staff, org, TWO_STEPS)
    assert steps_for(flow) == [{**TWO_STEPS[0]}, {**TWO_STEPS[1], "signs": True}]
    event = AuditEvent.objects.get(event_type="core.review_flow.create")
    assert event.actor == org.staff and [s["name"] for s in event.new["steps"]] == ["校对", "审核"]


def test_a_flagged_review_step_signs_instead(org):
    flow = save(org.staff, org, [step("初审", role=Role.SECTION_CHIEF), step("签发", role=Role.HEAD, signs=True),
                                 step("复核", role=Role.DEPUTY)])
    assert [s["signs"] for s in steps_for(flow)] == [False, True, False]


def test_editing_replaces_the_steps_but_not_running_reviews(org):
    flow = save(org.staff, org, TWO_STEPS)
    review = do_submit_for_review(org.cadre, make_content(org.office, org.cadre), flow=flow)
    save(org.principal, org, [step("终审", role=Role.HEAD)], flow=flow, name="新流程")
    flow.refresh_from_db()
    assert flow.name == "新流程" and [s["name"] for s in steps_for(flow)] == ["终审"]
    assert [s.name for s in review.stages.all()] == ["校对", "审核"]
    event = AuditEvent.objects.get(event_type="core.review_flow.update")
    assert event.old["name"] == "简易流程" and event.new["name"] == "新流程"


@pytest.mark.parametrize("steps, message", [
    ([], "1 至 9 个环节"),
    ([step(f"审{i}") for i in range(10)], "1 至 9 个环节"),
    ([step("  ")], "请填写环节名称"),
    ([step("审核"), step("审核")], "环节名称“审核”重复"),
    ([step("审核", role="")], "请选择办理角色或指定办理人"),
    ([step("审核", role=Role.SYSADMIN)], "办理角色无效"),
    ([step("校对", StepKind.PROOFREAD, Role.STAFF)], "至少应有一个审核（审）环节"),
    ([step("初审", signs=True), step("终审", signs=True)], "只能有一个签发环节"),
    ([step("校对", StepKind.PROOFREAD, Role.STAFF, signs=True), step("审核")], "签发环节必须是审核（审）环节"),
    ([step("审核", kind="vote")], "环节类型无效"),
    ([step("审核", due_days=31)], "0 至 30 个工作日"),
    ([step("审核", due_days="两天")], "0 至 30 个工作日"),
    ([step("审" * 31)], "不能超过 30 个字"),
])
def test_bad_steps_are_refused(org, steps, message):
    with pytest.raises(ValidationError) as caught:
        save(org.staff, org, steps)
    assert any(message in m for m in caught.value.message_dict["steps"]), caught.value.message_dict
    assert not ReviewFlow.objects.exists()


def test_an_assignee_must_be_of_the_organ(org):
    with pytest.raises(ValidationError, match="指定办理人必须是本单位在岗的业务人员"):
        save(org.staff, org, [step("审核", role="", assignee=org.gov_staff)])
    with pytest.raises(ValidationError, match="指定办理人必须是本单位"):
        save(org.staff, org, [step("审核", role="", assignee=org.sysadmin)])
    flow = save(org.staff, org, [step("审核", role="", assignee=org.deputy.pk)])
    assert steps_for(flow)[0]["assignee"] == org.deputy


def test_flow_name_is_required_and_unique_per_organ(org):
    with pytest.raises(ValidationError) as caught:
        save(org.staff, org, TWO_STEPS, name=" ")
    assert caught.value.message_dict == {"name": ["请填写流程名称。"]}
    save(org.staff, org, TWO_STEPS)
    with pytest.raises(ValidationError, match="已有同名"):
        save(org.staff, org, TWO_STEPS)
    save(org.gov_staff, org, TWO_STEPS, unit=org.gov)  # another organ may use the same name


@pytest.mark.parametrize("who", ["cadre", "supervisor", "county_staff", "gov_staff", "sysadmin", "auditor"])
def test_only_the_organs_publicity_staff_edit_its_flows(org, who):
    with pytest.raises(PermissionDenied):
        save(org.users[who], org, TWO_STEPS)


def test_flows_belong_to_organs_not_sections(org):
    with pytest.raises(PermissionDenied):
        save(org.staff, org, TWO_STEPS, unit=org.office)
    county = save(org.county_staff, org, TWO_STEPS, unit=org.county_a)
    with pytest.raises(PermissionDenied):
        save(org.staff, org, TWO_STEPS, flow=county, unit=org.city)
