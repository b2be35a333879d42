"""The review workflow's pages: 待我审核, the decide and withdraw POSTs, the flow pages."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from ideowork.core.actions.reviews import active_stage, do_save_flow, do_submit_for_review, review_panel
from ideowork.core.choices import Role
from ideowork.core.models.reviews import ReviewFlow, ReviewStage, ReviewStatus, StageStatus, StepKind
from tests.reviewapp.models import BLOCKERS

from .reviews_support import approve_through, make_content, stage


@pytest.fixture(autouse=True)
def _no_blockers(monkeypatch):
    monkeypatch.setitem(BLOCKERS, "reasons", [])


@pytest.fixture
def review(org):
    return do_submit_for_review(org.cadre, make_content(org.office, org.cadre))


def decide_url(review):
    return reverse("core:review_decide", args=[review.pk])


def test_decide_post_approves_and_redirects_to_the_subject(org, review, login):
    client = login(org.staff)
    first = active_stage(review)
    response = client.post(decide_url(review), {"decision": "approve", "stage_id": first.pk, "version": 1,
                                                 "comment": "已校。"})
    assert response.status_code == 302 and response.url == review.subject.get_absolute_url()
    first.refresh_from_db()
    assert first.status == StageStatus.APPROVED and first.decided_by == org.staff
    assert active_stage(review).name == "初审"


def test_decide_post_shows_service_errors_and_changes_nothing(org, review, login):
    client = login(org.staff)
    first = active_stage(review)
    response = client.post(decide_url(review), {"decision": "return_author", "stage_id": first.pk, "version": 1},
                           follow=True)
    assert "退回时请填写退回意见。" in response.content.decode()
    response = client.post(decide_url(review), {"decision": "approve", "stage_id": first.pk, "version": 7},
                           follow=True)
    assert "内容已更新，请刷新后按最新版本审核。" in response.content.decode()
    response = client.post(decide_url(review), {"decision": "approve", "stage_id": "", "version": 1}, follow=True)
    assert "审核意见填写有误" in response.content.decode()
    assert active_stage(review).pk == first.pk and review.decisions.count() == 1


def test_decide_post_by_someone_not_eligible_is_forbidden(org, review, login):
    first = active_stage(review)
    data = {"decision": "approve", "stage_id": first.pk, "version": 1}
    assert login(org.deputy).post(decide_url(review), data).status_code == 403
    assert login(org.county_staff).post(decide_url(review), data).status_code == 404  # not even visible
    assert login(org.sysadmin).post(decide_url(review), data).status_code == 403
    assert login(org.staff).get(decide_url(review)).status_code == 405
    first.refresh_from_db()
    assert first.status == StageStatus.ACTIVE


def test_return_to_an_earlier_stage_through_the_form(org, review, login):
    approve_through(org, review, "二校")
    chief_stage = stage(review, "初审")
    response = login(org.deputy).post(decide_url(review), {
        "decision": "return_step", "return_to": chief_stage.pk, "stage_id": stage(review, "复审").pk, "version": 1,
        "comment": "请科室再核一遍数据。"})
    assert response.status_code == 302
    assert active_stage(review).pk == chief_stage.pk


def test_withdraw_post(org, review, login):
    url = reverse("core:review_withdraw", args=[review.pk])
    assert login(org.staff).post(url).status_code == 403
    response = login(org.cadre).post(url, {"comment": "先不发了。"})
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == ReviewStatus.WITHDRAWN


def test_inbox_lists_what_awaits_me_overdue_first(org, review, login):
    other = do_submit_for_review(org.cadre, make_content(org.office, org.cadre, title="逾期的稿件"))
    ReviewStage.objects.filter(pk=active_stage(other).pk).update(due_at=timezone.now() - datetime.timedelta(days=2))
    page = login(org.staff).get(reverse("core:review_inbox")).content.decode()
    assert "待我审核（2）" in page and "已超期" in page
    assert page.index("逾期的稿件") < page.index("关于加强机关宣传阵地管理的通报")
    assert review.subject.get_absolute_url() in page
    mine = login(org.cadre).get(reverse("core:review_inbox") + "?tab=mine").content.decode()
    assert "逾期的稿件" in mine and "审核中" in mine
    assert "暂无待您审核的内容" in login(org.deputy).get(reverse("core:review_inbox")).content.decode()


@pytest.mark.parametrize("who", ["sysadmin", "secadmin", "auditor"])
def test_system_roles_get_403(org, login, who):
    client = login(org.users[who])
    for name in ("core:review_inbox", "core:review_flows", "core:review_flow_create"):
        assert client.get(reverse(name)).status_code == 403


def test_panel_for_the_decider_the_author_and_a_bystander(org, review):
    request = RequestFactory().get("/")

    def render(user):
        request.user = user
        return render_to_string("core/review_panel.html", {"panel": review_panel(user, review.subject)},
                                request=request)

    staff_page = render(org.staff)
    assert "办理“一校”" in staff_page and "退回作者修改" in staff_page and "撤回审核" not in staff_page
    assert "退回至之前环节" not in staff_page  # nothing before the first stage
    author_page = render(org.cadre)
    assert "撤回审核" in author_page and "提交审核意见" not in author_page
    assert "当前由“一校”环节办理（赵专干）" in author_page
    approve_through(org, review, "二校")
    deputy_page = render(org.deputy)
    assert "退回至之前环节" in deputy_page and ">初审<" in deputy_page and "王科长 已通过" in deputy_page
    empty = review_panel(org.staff, make_content(org.office, org.cadre, title="未提交"))
    request.user = org.staff
    assert "尚未提交审核" in render_to_string("core/review_panel.html", {"panel": empty}, request=request)


def test_flow_pages(org, login):
    client = login(org.staff)
    page = client.get(reverse("core:review_flows")).content.decode()
    assert "三审三校（默认流程）" in page and "新建审核流程" in page
    form = client.get(reverse("core:review_flow_create")).content.decode()
    assert "一校" in form and "终审" in form
    data = {"name": "简易流程", "description": "", "steps-TOTAL_FORMS": "3", "steps-INITIAL_FORMS": "0",
            "steps-MIN_NUM_FORMS": "0", "steps-MAX_NUM_FORMS": "9",
            "steps-0-name": "校对", "steps-0-kind": "proofread", "steps-0-role": "staff", "steps-0-due_days": "1",
            "steps-1-name": "审核", "steps-1-kind": "review", "steps-1-role": "head", "steps-1-due_days": "2",
            "steps-2-name": "", "steps-2-kind": "review", "steps-2-role": "", "steps-2-due_days": "2"}
    response = client.post(reverse("core:review_flow_create"), data)
    assert response.status_code == 302, response.content.decode()
    flow = ReviewFlow.objects.get(name="简易流程")
    assert [(s.name, s.signs) for s in flow.steps.all()] == [("校对", False), ("审核", True)]
    bad = client.post(reverse("core:review_flow_edit", args=[flow.pk]),
                      {**data, "steps-1-kind": "proofread"}).content.decode()
    assert "审核流程至少应有一个审核（审）环节。" in bad
    assert "简易流程" in client.get(reverse("core:review_flows")).content.decode()
    # others of the organ read; they may not edit; another organ cannot even see it
    reader = login(org.cadre)
    assert "新建审核流程" not in reader.get(reverse("core:review_flows")).content.decode()
    assert reader.get(reverse("core:review_flow_edit", args=[flow.pk])).status_code in (403, 404)
    assert login(org.supervisor).get(reverse("core:review_flow_create")).status_code == 403
    assert login(org.gov_staff).get(reverse("core:review_flow_edit", args=[flow.pk])).status_code == 404


def test_a_county_edits_its_own_flows(org, login):
    do_save_flow(org.county_staff, None, org_unit=org.county_a, name="县级流程",
                 steps=[{"name": "审核", "kind": StepKind.REVIEW, "role": Role.HEAD}])
    page = login(org.county_staff).get(reverse("core:review_flows")).content.decode()
    assert "县级流程" in page
    assert "县级流程" not in login(org.staff).get(reverse("core:review_flows")).content.decode()


def test_a_business_user_without_a_unit_reads_the_default_flow(org, login):
    from tests.factories import make_user

    loose = make_user("loose", Role.STAFF, None, "无单位")
    client = login(loose)
    assert "三审三校（默认流程）" in client.get(reverse("core:review_flows")).content.decode()
    assert client.get(reverse("core:review_flow_create")).status_code == 403
    assert client.get(reverse("core:review_inbox")).status_code == 200
