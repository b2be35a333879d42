"""Content items: versions, the lock during review, waivers and the gate before 终审, publishing into
the ledger, 撤稿, and bad uploads."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ideowork.core.actions.reviews import do_decide, do_save_flow, eligible_users, is_locked
from ideowork.core.models import AuditEvent, Review, ReviewStatus
from ideowork.ledger.models import Activity, TargetCredit
from ideowork.outlets.actions.content import (do_create_content, do_publish_content, do_revise_content,
                                              do_submit_content, do_waive_finding, do_withdraw_content,
                                              review_blockers)
from ideowork.outlets.choices import ContentStatus
from ideowork.outlets.findings import content_findings
from ideowork.outlets.models import ContentItem, ContentVersion, Outlet, ProofRule
from ideowork.plans.models import Target
from ideowork.core.choices import Role
from tests.factories import make_plan, make_user

# A custom rule of the city office: a certain error wherever the text says 机构编织.
WRONG, RIGHT = "机构编织", "机构编制"
BODY = (f"今年以来，市委编办坚持把{WRONG}工作放在全局中谋划。\n"
        "一是深化机构改革，二是严格编制管理。\n"
        f"下一步，我们将继续推进{WRONG}资源优化配置。")
FIXED = BODY.replace(WRONG, RIGHT)


def make_outlet(org, name="市委编办微信公众号", kind="wechat", flow=None):
    return Outlet.objects.create(org_unit=org.city, name=name, kind=kind, account="gh_bianban",
                                 responsible=org.staff, review_flow=flow)


def add_rule(org, pattern=WRONG, suggestion=RIGHT):
    return ProofRule.objects.create(org_unit=org.city, category="custom", pattern=pattern, suggestion=suggestion,
                                    severity="error", note="错别字")


def short_flow(org):
    """初审 by the section chief, 终审 by the head, who signs: enough to test the whole run."""
    return do_save_flow(org.staff, None, org_unit=org.city, name="简易流程", steps=[
        {"name": "初审", "kind": "review", "role": "section_chief", "due_days": 2, "signs": False},
        {"name": "终审", "kind": "review", "role": "head", "due_days": 2, "signs": True}])


def write(org, outlet=None, body=BODY, author=None, kind="article", title="市委编办扎实推进机构编制工作"):
    author = author or org.cadre
    return do_create_content(author, org_unit=author.org_unit, kind=kind, title=title, body=body, outlet=outlet)


def decide(review, user, decision="approve", comment=""):
    review = Review.objects.get(pk=review.pk)  # a fresh copy: the review caches its subject
    stage = review.stages.get(status="active")
    return do_decide(user, review, stage_id=stage.pk, version=review.version, decision=decision, comment=comment)


def approve_until_signing(review):
    """Approve every stage before the signing one, each by someone allowed to; return the signing stage."""
    while True:
        stage = review.stages.get(status="active")
        if stage.signs:
            return stage
        decide(review, eligible_users(stage).first())


@pytest.fixture
def rule(org):
    return add_rule(org)


# --- versions ---------------------------------------------------------------------------------------
def test_every_revision_is_a_new_version_and_old_ones_stay(org, rule):
    content = write(org)
    assert content.current_version == 1 and content.status == ContentStatus.DRAFT
    version = do_revise_content(org.cadre, content, title=content.title, body=FIXED, note="改正错别字")
    content.refresh_from_db()
    assert version.number == 2 and content.current_version == 2
    first, second = ContentVersion.objects.filter(item=content).order_by("number")
    assert first.body == BODY and second.body == FIXED and second.note == "改正错别字"
    assert first.digest != second.digest
    assert AuditEvent.objects.filter(event_type="outlets.content.revise").exists()
    with pytest.raises(ValidationError, match="内容与当前版本相同"):
        do_revise_content(org.cadre, content, title=content.title, body=FIXED)


def test_only_the_author_or_unit_publicity_staff_edit(org, rule):
    content = write(org)
    with pytest.raises(PermissionDenied):
        do_revise_content(org.supervisor, content, title="x", body="y")
    with pytest.raises(PermissionDenied):
        do_revise_content(org.county_staff, content, title="x", body="y")
    do_revise_content(org.staff, content, title=content.title, body=FIXED, note="宣传专干代为修改")
    assert ContentItem.objects.get(pk=content.pk).current_version == 2


def test_a_cadre_writes_only_for_their_own_unit(org):
    with pytest.raises(PermissionDenied):
        do_create_content(org.cadre, org_unit=org.city, kind="article", title="标题", body="正文")
    with pytest.raises(PermissionDenied):
        do_create_content(org.county_staff, org_unit=org.office, kind="article", title="标题", body="正文")
    with pytest.raises(ValidationError) as exc:
        do_create_content(org.cadre, org_unit=org.office, kind="poem", title=" ", body="")
    assert set(exc.value.message_dict) >= {"kind"}


def test_an_outlet_of_another_organ_is_refused(org):
    other = Outlet.objects.create(org_unit=org.gov, name="市政府网站", kind="website", responsible=org.gov_staff)
    with pytest.raises(ValidationError) as exc:
        write(org, outlet=other)
    assert "outlet" in exc.value.message_dict
    assert not ContentItem.objects.exists()


# --- findings ---------------------------------------------------------------------------------------
def test_findings_are_cached_on_the_version_and_recomputed_when_rules_change(org, rule):
    content = write(org)
    version = content.latest
    assert version.findings_revision
    errors = [f for f in version.findings if f["rule"] == rule.code]
    assert len(errors) == 2 and errors[0]["field"] == "body" and errors[0]["suggestion"] == RIGHT
    assert BODY[errors[0]["start"]:errors[0]["end"]] == WRONG
    assert content_findings(version) is version.findings  # cached: same rules, nothing recomputed
    add_rule(org, pattern="深化机构改革", suggestion="深化机构编制改革")
    fresh = ContentVersion.objects.get(pk=version.pk)
    assert len(content_findings(fresh)) == len(version.findings) + 1
    assert ContentVersion.objects.get(pk=version.pk).findings_revision == fresh.findings_revision != \
        version.findings_revision


# --- review: lock, gate before signing, waivers -------------------------------------------------------
def test_locked_while_in_review_and_editable_again_when_returned(org, rule):
    outlet = make_outlet(org, flow=short_flow(org))
    content = write(org, outlet)
    review = do_submit_content(org.cadre, content)
    content.refresh_from_db()
    assert content.status == ContentStatus.IN_REVIEW and is_locked(content)
    with pytest.raises(ValidationError, match="内容正在审核中，已锁定，不能修改。"):
        do_revise_content(org.cadre, content, title=content.title, body=FIXED)
    decide(review, org.section_chief, "return_author", "第一段有错别字，请修改。")
    content.refresh_from_db()
    assert content.status == ContentStatus.RETURNED and not is_locked(content)
    do_revise_content(org.cadre, content, title=content.title, body=FIXED, note="按初审意见修改")
    review = do_submit_content(org.cadre, content)
    assert review.version == 2 and review.stages.get(status="active").name == "初审"


def test_only_the_author_submits_and_nobody_reviews_their_own_text(org, rule):
    second_head = make_user("head2", Role.HEAD, org.city, "陈主任")
    content = write(org, make_outlet(org, flow=short_flow(org)), author=org.principal)
    with pytest.raises(PermissionDenied):
        do_submit_content(org.staff, content)
    review = do_submit_content(org.principal, content)
    signing = approve_until_signing(review)
    assert list(eligible_users(signing)) == [second_head]
    with pytest.raises(PermissionDenied):  # the author is a head, but not the reviewer of their own text
        decide(review, org.principal)
    with pytest.raises(PermissionDenied):
        do_waive_finding(org.principal, content, rule=rule.code, text=WRONG, reason="本人认为无误")


def test_signing_is_refused_while_an_error_is_open_then_waived(org, rule):
    content = write(org, make_outlet(org, flow=short_flow(org)))
    review = do_submit_content(org.cadre, content)
    signing = approve_until_signing(review)
    blockers = review_blockers(content, signing)
    assert len(blockers) == 1 and blockers[0].startswith("还有") and blockers[0].endswith("处校对错误未修改或确认保留，不能签发。")
    with pytest.raises(ValidationError, match="未修改或确认保留，不能签发"):
        decide(review, org.principal)
    with pytest.raises(PermissionDenied):  # the author never confirms their own text
        do_waive_finding(org.cadre, content, rule=rule.code, text=WRONG, reason="我认为没错")
    with pytest.raises(ValidationError) as exc:
        do_waive_finding(org.principal, content, rule=rule.code, text=WRONG, reason=" ")
    assert "reason" in exc.value.message_dict
    with pytest.raises(ValidationError, match="没有这处校对问题"):
        do_waive_finding(org.principal, content, rule=rule.code, text="别处", reason="理由")
    # Other errors the shipped checks may find are waived the same way.
    findings = content_findings(content.latest)
    for rule_code, text in {(f["rule"], f["text"]) for f in findings if f["severity"] == "error"}:
        do_waive_finding(org.principal, content, rule=rule_code, text=text, reason="引用会议原文，保持原样")
    with pytest.raises(ValidationError, match="已确认保留"):
        do_waive_finding(org.principal, content, rule=rule.code, text=WRONG, reason="再次")
    assert review_blockers(content, signing) == []
    decide(review, org.principal)
    content.refresh_from_db()
    assert content.status == ContentStatus.APPROVED
    review.refresh_from_db()
    assert review.status == ReviewStatus.APPROVED and review.signed_by == org.principal


def test_fixing_the_text_clears_the_gate(org, rule):
    content = write(org, make_outlet(org, flow=short_flow(org)))
    review = do_submit_content(org.cadre, content)
    decide(review, org.section_chief, "return_author", "请改正错别字。")
    do_revise_content(org.cadre, content, title=content.title, body=FIXED, note="改正")
    do_submit_content(org.cadre, content)
    signing = approve_until_signing(review)
    assert not [f for f in content_findings(content.latest) if f["rule"] == rule.code]
    blockers = review_blockers(content, signing)
    if blockers:  # a shipped structural check may still find something in the sample text
        for f in content_findings(content.latest):
            if f["severity"] == "error":
                do_waive_finding(org.staff, content, rule=f["rule"], text=f["text"], reason="保留")
    decide(review, org.principal)
    assert ContentItem.objects.get(pk=content.pk).status == ContentStatus.APPROVED


# --- publishing ---------------------------------------------------------------------------------------
def _approved(org, outlet, body=FIXED, kind="article"):
    content = write(org, outlet, body=body, kind=kind)
    review = do_submit_content(org.cadre, content)
    approve_until_signing(review)
    for f in content_findings(content.latest):
        if f["severity"] == "error":
            do_waive_finding(org.staff, content, rule=f["rule"], text=f["text"], reason="保留")
    decide(review, org.principal)
    content.refresh_from_db()
    assert content.status == ContentStatus.APPROVED
    return content


def test_publishing_creates_the_activity_counted_on_the_plans_target(org):
    today = timezone.localdate()
    plan = make_plan(org.city, year=today.year, creator=org.staff)
    item = plan.items.get(number=2)
    own = Target.objects.create(item=item, text="全年在本单位公众号刊发稿件不少于50篇", count=50, unit="篇", period="year",
                                activity_kinds=["publication"], order=5)
    media = Target.objects.create(item=item, text="全年在市级以上媒体刊发稿件不少于20篇", count=20, unit="篇",
                                  period="year", activity_kinds=["publication"], order=6)
    outlet = make_outlet(org, flow=short_flow(org))
    content = _approved(org, outlet)
    with pytest.raises(PermissionDenied):
        do_publish_content(org.cadre, content, published_at=timezone.now())
    with pytest.raises(ValidationError) as exc:
        do_publish_content(org.staff, content, published_at=timezone.now() + timedelta(days=2))
    assert "published_at" in exc.value.message_dict
    do_publish_content(org.staff, content, published_at=timezone.now(), where="https://mp.weixin.qq.com/s/abc")
    content.refresh_from_db()
    assert content.status == ContentStatus.PUBLISHED and content.published_version == content.current_version
    activity = Activity.objects.for_source(content).get(source="outlets")
    assert content.activity == activity and activity.kind == "publication" and activity.date == today
    assert list(activity.participants.all()) == [org.cadre]
    assert TargetCredit.objects.filter(activity=activity, target=own).exists()
    assert not TargetCredit.objects.filter(activity=activity, target=media).exists()  # an internal outlet
    outlet.refresh_from_db()
    assert outlet.last_updated_on == today
    with pytest.raises(ValidationError, match="只有审核通过"):
        do_publish_content(org.staff, content, published_at=timezone.now())


def _published_on_the_board(org):
    """The plan's quarterly board target, and an approved article published on the office's board."""
    plan = make_plan(org.city, year=timezone.localdate().year, creator=org.staff)
    quarterly = Target.objects.get(item__plan=plan, text="每季度更新不少于1次")
    content = _approved(org, make_outlet(org, name="机关宣传栏", kind="board", flow=short_flow(org)))
    do_publish_content(org.staff, content, published_at=timezone.now())
    return quarterly, content


def test_a_board_update_counts_on_the_quarterly_target(org):
    quarterly, content = _published_on_the_board(org)
    content.refresh_from_db()
    assert content.activity.kind == "board_update" and content.published_where == "gh_bianban"
    assert TargetCredit.objects.filter(activity=content.activity, target=quarterly).exists()


def test_an_interview_request_ends_at_approval_unless_its_use_is_recorded(org):
    content = _approved(org, None, body="拟接受市广播电视台采访，介绍事业单位改革进展。", kind="interview")
    with pytest.raises(ValidationError) as exc:
        do_publish_content(org.staff, content, published_at=timezone.now())
    assert "使用情况" in exc.value.message_dict["where"][0]
    do_publish_content(org.staff, content, published_at=timezone.now(), where="市广播电视台《今日关注》栏目")
    assert ContentItem.objects.get(pk=content.pk).status == ContentStatus.PUBLISHED


def test_publishing_needs_approval_and_revising_voids_it(org):
    outlet = make_outlet(org, flow=short_flow(org))
    draft = write(org, outlet, body=FIXED)
    with pytest.raises(ValidationError, match="只有审核通过"):
        do_publish_content(org.staff, draft, published_at=timezone.now())
    content = _approved(org, outlet)
    do_revise_content(org.cadre, content, title=content.title, body=FIXED + "\n补充一段。", note="补充")
    content.refresh_from_db()
    assert content.status == ContentStatus.DRAFT
    with pytest.raises(ValidationError, match="只有审核通过"):
        do_publish_content(org.staff, content, published_at=timezone.now())


def test_withdrawing_keeps_the_activity_marked_and_off_every_target(org):
    quarterly, content = _published_on_the_board(org)
    with pytest.raises(ValidationError):
        do_withdraw_content(org.staff, content, reason="")
    with pytest.raises(PermissionDenied):
        do_withdraw_content(org.cadre, content, reason="作者要求")
    do_withdraw_content(org.staff, content, reason="数据有误，待核实后重新发布")
    content.refresh_from_db()
    assert content.status == ContentStatus.WITHDRAWN and content.published_at is not None
    activity = Activity.objects.get(pk=content.activity_id)
    assert activity.title.startswith("【已撤稿】") and "数据有误" in activity.summary
    assert not activity.targets.exists()
    assert not TargetCredit.objects.filter(activity=activity, target=quarterly).exists()
    assert AuditEvent.objects.filter(event_type="outlets.content.withdraw").exists()
    with pytest.raises(ValidationError, match="只有已发布"):
        do_withdraw_content(org.staff, content, reason="再次")


# --- uploads ------------------------------------------------------------------------------------------
def _docx(text: str) -> bytes:
    import io

    from docx import Document

    document = Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_text_or_word_file_becomes_the_body(org):
    txt = SimpleUploadedFile("稿件.txt", FIXED.encode("gb18030"), content_type="text/plain")
    content = do_create_content(org.cadre, org_unit=org.office, kind="article", title="来自文本文件", file=txt)
    assert content.latest.body == FIXED and content.latest.source.original_name == "稿件.txt"
    word = SimpleUploadedFile("稿件.docx", _docx(BODY), content_type="application/octet-stream")
    version = do_revise_content(org.cadre, content, title="来自Word文件", file=word, note="上传Word")
    assert version.body == BODY and version.source.kind == "docx"


_UTF8 = ("机构编制工作要点" * 40).encode("utf-8")
BROKEN_UTF8 = _UTF8[:301] + _UTF8[302:]  # one byte of a character lost in the middle


@pytest.mark.parametrize("name, data, message", [
    ("稿件.pdf", b"%PDF-1.4 fake", "类型不受支持"),
    ("稿件.docx", "这不是Word文件".encode(), "内容与扩展名不符"),
    ("稿件.txt", BROKEN_UTF8, "编码"),
    ("稿件.txt", b"", "空文件"),
])
def test_bad_uploads_are_refused_in_chinese_and_nothing_is_created(org, name, data, message):
    upload = SimpleUploadedFile(name, data)
    with pytest.raises(ValidationError) as exc:
        do_create_content(org.cadre, org_unit=org.office, kind="article", title="标题", file=upload)
    assert "file" in exc.value.message_dict and message in " ".join(exc.value.message_dict["file"])
    assert not ContentItem.objects.exists() and not ContentVersion.objects.exists()


def test_content_without_an_outlet_takes_the_organs_own_flow(org):
    do_save_flow(org.staff, None, org_unit=org.city, name="本办对外材料审核", is_default=True, steps=[
        {"name": "科室把关", "kind": "review", "role": "section_chief", "due_days": 2, "signs": False},
        {"name": "领导签发", "kind": "review", "role": "head", "due_days": 2, "signs": True}])
    for kind in ("external", "interview", "press_release"):
        review = do_submit_content(org.cadre, write(org, kind=kind, title=f"{kind}稿件"))
        assert review.flow_name == "本办对外材料审核"
        assert [s.name for s in review.stages.all()] == ["科室把关", "领导签发"]


def test_a_section_chiefs_press_release_runs_without_their_own_step(org):
    review = do_submit_content(org.section_chief, write(org, kind="press_release", author=org.section_chief))
    assert review.stages.get(name="初审").status == "skipped"
    assert review.flow_name == "三审三校（默认流程）"
