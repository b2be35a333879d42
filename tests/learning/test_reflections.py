"""Reflections and research reports: submit, return, resubmit, accept into the ledger, per-person counts."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from ideowork.core.actions.reviews import latest_review
from ideowork.core.models import AuditEvent, Notification
from ideowork.ledger.models import Activity, TargetCredit
from ideowork.learning.actions.reflections import (clean_body, do_resubmit_reflection, do_review_reflection,
                                                   do_submit_reflection)
from ideowork.learning.models import PointsEntry, Reflection
from tests.factories import make_plan
from tests.ledger.files import docx_bytes, pdf_bytes, png_bytes, upload


def submit(org, group, **extra):
    data = {"kind": "insight", "group": group, "title": "学习全会精神的体会", "body": "第一段。\n\n第二段。"}
    data.update(extra)
    return do_submit_reflection(org.cadre, **data)


def test_submit_notifies_the_secretary(org, group):
    reflection = submit(org, group)
    assert reflection.status == "in_review" and reflection.year == timezone.localdate().year
    assert Notification.objects.filter(recipient=org.section_chief, title__contains="学习全会精神的体会").exists()
    assert AuditEvent.objects.filter(event_type="learning.reflection.submit").exists()


def test_body_is_kept_as_plain_text(org, group):
    reflection = submit(org, group, body="<script>alert(1)</script>\r\n\r\n\r\n\r\n第二段\x07")
    assert reflection.body == "<script>alert(1)</script>\n\n第二段"
    assert clean_body("  \n") == ""


def test_submit_needs_body_or_file_and_membership(org, group):
    with pytest.raises(ValidationError) as exc:
        submit(org, group, body="  ")
    assert "请填写正文或上传" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        do_submit_reflection(org.supervisor, kind="insight", group=group, title="x", body="y")
    assert "不是“秘书科党支部”的成员" in str(exc.value)


def test_uploads_are_word_or_pdf_only(org, group):
    with pytest.raises(ValidationError) as exc:
        submit(org, group, body="", file=upload("体会.png", png_bytes(), "image/png"))
    assert "类型不受支持" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        submit(org, group, body="", file=upload("体会.pdf", docx_bytes()))
    assert "内容与扩展名不符" in str(exc.value)
    assert Reflection.objects.count() == 0
    assert submit(org, group, body="", kind="research", file=upload("调研报告.pdf", pdf_bytes())).attachment
    assert submit(org, group, body="", file=upload("体会.docx", docx_bytes())).attachment.kind == "docx"


def test_return_resubmit_accept(org, group):
    plan = make_plan(org.city, year=timezone.localdate().year)
    reflection = submit(org, group)
    with pytest.raises(PermissionDenied):
        do_review_reflection(org.cadre, reflection, accept=True)
    with pytest.raises(ValidationError):
        do_review_reflection(org.section_chief, reflection, accept=False, comment="")
    do_review_reflection(org.section_chief, reflection, accept=False, comment="请结合本职工作谈体会")
    assert Notification.objects.filter(recipient=org.cadre, title__contains="被退回").exists()
    with pytest.raises(PermissionDenied):
        do_resubmit_reflection(org.staff, reflection, kind="insight", title="x", body="y")
    reflection = do_resubmit_reflection(org.cadre, reflection, kind="insight", title="学习全会精神的体会（修改稿）",
                                        body="结合编制工作谈三点体会。")
    assert reflection.status == "in_review" and reflection.version == 2
    do_review_reflection(org.section_chief, reflection, accept=True)
    reflection.refresh_from_db()
    assert reflection.status == "approved"
    review = latest_review(reflection)
    assert [d.decision for d in review.decisions.all()] == ["submit", "return_author", "submit", "approve"]
    activity = Activity.objects.for_source(reflection).get()
    assert activity.kind == "reflection" and list(activity.participants.all()) == [org.cadre]
    target = plan.items.get(number=1).targets.get(per="person")
    assert TargetCredit.objects.filter(target=target, person=org.cadre).count() == 1
    assert PointsEntry.objects.filter(user=org.cadre, action="reflection").count() == 1
    with pytest.raises(ValidationError):
        do_review_reflection(org.section_chief, reflection, accept=True)
    assert Activity.objects.for_source(reflection).count() == 1


def test_scoping(org, group, login):
    reflection = submit(org, group)
    url = reverse("learning:reflection_detail", args=[reflection.pk])
    assert login(org.cadre).get(url).status_code == 200
    assert login(org.section_chief).get(url).status_code == 200
    assert login(org.county_staff).get(url).status_code == 404
    assert login(org.gov_staff).get(url).status_code == 404


def test_list_shows_my_count_and_who_is_behind(org, group, login):
    for n in range(2):
        r = submit(org, group, title=f"体会{n}")
        do_review_reflection(org.section_chief, r, accept=True)
    page = login(org.cadre).get(reverse("learning:reflection_list")).content.decode()
    assert "2 / 4" in page
    page = login(org.section_chief).get(reverse("learning:reflection_list")).content.decode()
    assert "秘书科党支部" in page and "3人未达标" in page


def test_pages_render(org, group, login):
    reflection = submit(org, group, body="<b>粗体</b>")
    client = login(org.cadre)
    assert client.get(reverse("learning:reflection_create")).status_code == 200
    page = client.get(reverse("learning:reflection_detail", args=[reflection.pk])).content.decode()
    assert "&lt;b&gt;粗体&lt;/b&gt;" in page
    response = client.post(reverse("learning:reflection_create"), {
        "kind": "insight", "group": group.pk, "title": "网页提交", "body": "内容"})
    assert response.status_code == 302
    response = client.post(reverse("learning:reflection_create"), {
        "kind": "insight", "group": group.pk, "title": "错误文件", "body": "",
        "file": upload("a.exe", b"MZ\x90\x00")})
    assert "类型不受支持" in response.content.decode()
