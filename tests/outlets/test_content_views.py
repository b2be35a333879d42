"""The content pages: the list, writing with an upload, the review page with its highlighted findings,
the version history and the side-by-side comparison."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ideowork.outlets.actions.content import do_revise_content, do_submit_content
from ideowork.outlets.choices import ContentStatus
from ideowork.outlets.diffing import compare_texts
from ideowork.outlets.models import ContentItem, FindingWaiver

from .review_states import in_review_state
from .test_content import BODY, FIXED, RIGHT, WRONG, add_rule, make_outlet, short_flow, write


@pytest.fixture
def rule(org):
    return add_rule(org)


def test_compare_marks_changed_characters_paragraph_by_paragraph():
    diff = compare_texts("第一段。\n第二段截止到今天。\n要删除的段落。\n末段", "第一段。\n第二段截至到今天。\n新增的段落<b>。\n末段")
    kinds = [row.kind for row in diff.rows]
    assert kinds[0] == "equal" and kinds[-1] == "equal" and "changed" in kinds
    changed = next(row for row in diff.rows if row.kind == "changed")
    assert changed.left == "第二段截<del>止</del>到今天。" and changed.right == "第二段截<ins>至</ins>到今天。"
    assert any("&lt;b&gt;" in (row.right or "") for row in diff.rows)  # escaped, never markup
    assert compare_texts("同一段", "同一段").identical


def test_the_compare_page_shows_two_versions_side_by_side(org, login, rule):
    content = write(org, body=BODY + "\n<script>alert(1)</script>")
    do_revise_content(org.cadre, content, title="市委编办扎实推进机构编制工作（修改稿）", body=FIXED, note="改正错别字")
    client = login(org.cadre)
    url = reverse("outlets:content_compare", args=[content.pk])
    page = client.get(url, {"a": 2, "b": 1}).content.decode()  # either order
    assert f"<del>{WRONG[-1]}</del>" in page and f"<ins>{RIGHT[-1]}</ins>" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    assert "改正错别字" in page and "（修改稿）" in page
    assert client.get(url, {"a": 1, "b": 9}).status_code == 404
    assert client.get(url, {"a": "x"}).status_code == 404
    versions = client.get(reverse("outlets:content_versions", args=[content.pk])).content.decode()
    assert "第1版" in versions and "第2版" in versions and "改正错别字" in versions
    old = client.get(content.get_absolute_url(), {"v": 1}).content.decode()
    assert "您正在查看第1版（当前为第2版）" in old and f">{WRONG}</mark>" in old
    assert client.get(content.get_absolute_url(), {"v": 9}).status_code == 404


def test_the_review_page_highlights_findings_and_offers_waivers_to_reviewers(org, login, rule):
    content = write(org, make_outlet(org, flow=short_flow(org)))
    do_submit_content(org.cadre, content)
    page = login(org.section_chief).get(content.get_absolute_url()).content.decode()
    assert 'class="pf pf-error' in page and f">{WRONG}</mark>" in page
    assert RIGHT in page and "确认保留" in page and 'name="reason"' in page
    assert "处错误未修改或确认保留" in page
    own = login(org.cadre).get(content.get_absolute_url()).content.decode()
    assert f">{WRONG}</mark>" in own and 'name="reason"' not in own  # the author sees, never waives


def test_waiving_from_the_page(org, login, rule):
    content = write(org, make_outlet(org, flow=short_flow(org)))
    do_submit_content(org.cadre, content)
    client = login(org.staff)
    url = reverse("outlets:content_waive", args=[content.pk])
    response = client.post(url, {"rule": rule.code, "text": WRONG, "reason": ""}, follow=True)
    assert "请填写确认保留的理由" in response.content.decode() and not FindingWaiver.objects.exists()
    response = client.post(url, {"rule": rule.code, "text": WRONG, "reason": "引用文件原标题"}, follow=True)
    assert FindingWaiver.objects.get().reason == "引用文件原标题"
    assert "已确认保留（赵专干）：引用文件原标题" in response.content.decode()


def test_the_review_page_needs_few_queries(org, login, rule, django_assert_max_num_queries):
    content = write(org, make_outlet(org, flow=short_flow(org)), body=(BODY + "\n") * 40)
    do_submit_content(org.cadre, content)
    client = login(org.section_chief)
    client.get(content.get_absolute_url())
    # 30 for the page, and the idle stamp written on every signed-in request (the session's UPDATE
    # within a savepoint: 2 more statements since issue 10).
    with django_assert_max_num_queries(32):
        assert client.get(content.get_absolute_url()).status_code == 200


def test_writing_with_an_upload_and_a_bad_one(org, login):
    client = login(org.cadre)
    url = reverse("outlets:content_create")
    bad = SimpleUploadedFile("稿件.pdf", b"%PDF-1.4 not really")
    response = client.post(url, {"kind": "article", "title": "标题", "body": "", "file": bad})
    assert response.status_code == 200 and "类型不受支持" in response.content.decode()
    assert not ContentItem.objects.exists()
    good = SimpleUploadedFile("稿件.txt", FIXED.encode("utf-8"))
    response = client.post(url, {"kind": "article", "title": "来自文件的稿件", "body": "", "file": good})
    content = ContentItem.objects.get()
    assert response.status_code == 302 and content.latest.body == FIXED and content.author == org.cadre


def test_editing_is_refused_while_locked(org, login, rule):
    content = write(org, make_outlet(org, flow=short_flow(org)))
    do_submit_content(org.cadre, content)
    client = login(org.cadre)
    url = reverse("outlets:content_edit", args=[content.pk])
    assert "内容正在审核中，已锁定，不能修改。" in client.get(url).content.decode()
    client.post(url, {"title": "改标题", "body": FIXED, "note": "改"})
    assert ContentItem.objects.get(pk=content.pk).current_version == 1
    assert login(org.supervisor).get(url).status_code == 403


def test_the_list_has_my_items_and_all_with_filters(org, login, rule):
    mine = write(org)
    other = write(org, make_outlet(org, flow=short_flow(org)), author=org.staff, title="宣传专干的稿件")
    do_submit_content(org.staff, other)
    client = login(org.staff)
    page = client.get(reverse("outlets:content_list"), {"tab": "mine"}).content.decode()
    assert "宣传专干的稿件" in page and mine.title not in page and "待我审核" in page
    for query in ({"tab": "all"}, {}):  # publicity staff start on 全部
        page = client.get(reverse("outlets:content_list"), query).content.decode()
        assert "宣传专干的稿件" in page and mine.title in page and "当前环节" in page
    cadre_page = login(org.cadre).get(reverse("outlets:content_list")).content.decode()
    assert mine.title in cadre_page and "宣传专干的稿件" not in cadre_page  # a cadre starts on 我的稿件
    page = client.get(reverse("outlets:content_list"), {"tab": "all", "status": ContentStatus.DRAFT}).content.decode()
    assert mine.title in page and "宣传专干的稿件" not in page
    assert mine.title not in login(org.county_staff).get(reverse("outlets:content_list"), {"tab": "all"}).content.decode()


def test_a_waived_finding_is_muted_in_the_highlighted_text(org, login, rule):
    from ideowork.outlets.actions.content import do_waive_finding

    content = write(org, make_outlet(org, flow=short_flow(org)))
    do_submit_content(org.cadre, content)
    client = login(org.section_chief)
    before = client.get(content.get_absolute_url()).content.decode()
    assert 'class="pf pf-error' in before and "proof-waived" not in before.split("doc-legend")[-1]
    do_waive_finding(org.staff, content, rule=rule.code, text=WRONG, reason="引用文件原标题")
    page = client.get(content.get_absolute_url()).content.decode()  # the cached HTML follows the waiver
    body = page.split('data-testid="doc-body"')[1].split("</div>")[0]
    assert 'class="pf pf-error' not in body and 'class="pf pf-warning' not in body
    mark = next(m for m in body.split("<mark")[1:] if f">{WRONG}</mark>" in m)
    assert 'class="pf proof-waived"' in mark and "【已确认保留：引用文件原标题】" in mark
    assert "outlets/proofread.css" in page and "lg-waived" in page


def test_render_highlighted_marks_waived_findings_apart():
    from ideowork.outlets.proofreading_html import render_highlighted

    findings = [{"start": 0, "end": 2, "severity": "error", "message": "“截止”应为“截至”", "suggestion": "截至",
                 "waived": True, "waived_reason": "引用原文"},
                {"start": 1, "end": 4, "severity": "warning", "message": "提示"},
                {"start": 6, "end": 8, "severity": "error", "message": "错字", "waived": True}]
    html = str(render_highlighted("截止目前工作推进", findings))
    assert ('<mark class="pf proof-waived" id="pf-0" data-findings="0" '
            'title="【已确认保留：引用原文】“截止”应为“截至”（建议：截至）">截</mark>') in html
    assert '<mark class="pf pf-warning pf-multi" id="pf-1" data-findings="0 1"' in html  # the open one decides
    assert 'class="pf proof-waived" id="pf-2" data-findings="2" title="【已确认保留】错字">推进</mark>' in html


def test_approved_interviews_and_outward_materials_read_approved_not_awaiting_publication(org, login):
    from ideowork.outlets.choices import ContentKind

    from .test_content import _approved

    interview = _approved(org, None, kind=ContentKind.INTERVIEW)
    external = write(org, kind=ContentKind.EXTERNAL, title="对外宣传材料：机构改革成效")
    article = write(org, title="普通稿件")
    in_review_state(external, "approved")
    in_review_state(article, "approved")
    labels = (interview.status_label, external.status_label, article.status_label)
    assert labels == ("已批准", "已批准", "待发布")
    article.status = ContentStatus.PUBLISHED
    assert article.status_label == "已发布"
    assert dict(ContentStatus.choices)[ContentStatus.APPROVED] == "待发布"  # the choices stay as they were

    client = login(org.staff)
    detail = client.get(interview.get_absolute_url()).content.decode()
    assert "已批准" in detail.split("</h1>")[0] and "待发布" not in detail.split("</h1>")[0]
    listed = client.get(reverse("outlets:content_list")).content.decode()
    row = next(r for r in listed.split("<tr")[1:] if "对外宣传材料：机构改革成效" in r)
    assert "已批准" in row and "待发布" not in row
    row = next(r for r in listed.split("<tr")[1:] if "普通稿件" in r)
    assert "待发布" in row
    placements = client.get(reverse("outlets:placement_list")).content.decode()
    assert "对外宣传材料：机构改革成效" in placements
    row = next(r for r in placements.split("<tr")[1:] if "对外宣传材料：机构改革成效" in r)
    assert "已批准" in row and "待发布" not in row
