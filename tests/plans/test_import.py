"""Importing a work plan through the web: upload or paste → preview → correct → save."""

import io

import pytest
from docx import Document

from ideowork.core.models import AuditEvent
from ideowork.plans.models import PlanItem, PlanSection, Target, WorkPlan

from tests.plans._helpers import SEED_000, SEED_001, form_data, upload
from tests.plans._unnumbered import NOTICE, NOTICE_ITEMS

pytestmark = pytest.mark.django_db


def counts():
    return (WorkPlan.objects.count(), PlanSection.objects.count(), PlanItem.objects.count(), Target.objects.count())


def start_import(client, **data):
    return client.post("/plans/import/", data, follow=True)


@pytest.mark.parametrize("seed, title", [
    (SEED_000, "2026年市委编办机关意识形态工作要点"),
    (SEED_001, "2026年市政府机关意识形态工作要点"),
])
def test_staff_imports_a_seed_document_through_preview(org, login, seed, title):
    client = login(org.staff)
    response = start_import(client, file=upload(seed), org_unit=org.city.pk)
    html = response.content.decode()
    assert response.redirect_chain and "/plans/import/" in response.redirect_chain[-1][0]
    assert html.count('data-testid="preview-item"') == 24
    assert '<mark class="target">' in html
    assert title in html

    response = client.post(response.redirect_chain[-1][0], form_data(html, action="save"), follow=True)
    plan = WorkPlan.objects.get(title=title)
    assert response.redirect_chain[-1][0] == f"/plans/{plan.pk}/"
    assert "已导入" in response.content.decode()
    assert plan.org_unit == org.city and plan.year == 2026 and plan.created_by == org.staff
    assert plan.items.count() == 24
    assert plan.sections.count() == 6
    assert Target.objects.filter(item__plan=plan).count() >= 1
    event = AuditEvent.objects.get(event_type="plans.plan.import")
    assert event.subject_id == str(plan.pk) and event.actor == org.staff and event.new["items"] == 24


def test_seed_000_targets_get_activity_kinds_and_study_group_persons(org, login):
    client = login(org.staff)
    response = start_import(client, text=SEED_000.read_text(encoding="utf-8"), org_unit=org.city.pk)
    client.post(response.redirect_chain[-1][0], form_data(response.content.decode(), action="save"))
    plan = WorkPlan.objects.get()
    targets = Target.objects.filter(item__plan=plan)
    study = targets.get(text="全年集中学习不少于12次")
    assert study.count == 12 and study.period == "year" and study.activity_kinds == ["study"]
    assert targets.get(text="每周微学习").activity_kinds == ["micro_study"]
    assert targets.get(text__contains="演练").activity_kinds == ["drill"]
    reflection = targets.get(per="person")
    assert reflection.activity_kinds == ["reflection"]
    # 中心组成员 → the leadership of the organ, not every cadre, and not the county bureaus' staff.
    assert set(reflection.persons.values_list("username", flat=True)) == {"principal", "deputy", "section_chief"}


def test_preview_corrections_are_saved(org, login):
    client = login(org.staff)
    response = start_import(client, file=upload(SEED_000), org_unit=org.city.pk)
    url = response.redirect_chain[-1][0]
    html = response.content.decode()
    data = form_data(html, action="save")
    data.update({"plan-title": "2026年市委编办意识形态工作要点（修订）", "i1-title": "深化理论武装",
                 "i24-delete": "on", "i1t2-count": "15", "i1t1-delete": "on",
                 "i2new-text": "每半年开展1次思想动态分析", "i2new-count": "1", "i2new-unit": "次",
                 "i2new-period": "halfyear", "i2new-comparator": ">=", "i2new-per": "org"})
    response = client.post(url, data)
    assert response.status_code == 302
    plan = WorkPlan.objects.get()
    assert plan.title == "2026年市委编办意识形态工作要点（修订）"
    assert plan.items.count() == 23
    first = plan.items.get(number=1)
    assert first.title == "深化理论武装"
    assert not first.targets.filter(text="每月开展1次集中学习研讨").exists()
    assert first.targets.get(text="全年集中学习不少于12次").count == 15
    added = plan.items.get(number=2).targets.get(text="每半年开展1次思想动态分析")
    assert added.period == "halfyear" and added.explicit


def test_refresh_keeps_the_draft_and_marks_an_added_target(org, login):
    client = login(org.staff)
    response = start_import(client, file=upload(SEED_000), org_unit=org.city.pk)
    url = response.redirect_chain[-1][0]
    data = form_data(response.content.decode(), action="refresh")
    data.update({"i4new-text": "政治忠诚教育月", "i4new-count": "1"})
    response = client.post(url, data, follow=True)
    html = response.content.decode()
    assert '<mark class="target">政治忠诚教育月</mark>' in html
    assert WorkPlan.objects.count() == 0


def test_invalid_preview_edit_shows_chinese_error_and_saves_nothing(org, login):
    client = login(org.staff)
    response = start_import(client, file=upload(SEED_000), org_unit=org.city.pk)
    data = form_data(response.content.decode(), action="save")
    data.update({"i1t2-count": "0", "plan-year": "1999"})
    response = client.post(response.redirect_chain[-1][0], data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "数量须为1至100000之间的整数。" in html and "年度须在2000至2100之间。" in html
    assert counts() == (0, 0, 0, 0)


def test_word_document_upload(org, login):
    document = Document()
    document.add_paragraph("2025年县委编办意识形态工作要点")
    document.add_paragraph("一、强化理论武装")
    document.add_paragraph("1.抓实理论学习。每月开展1次集中学习研讨，全年集中学习不少于12次。")
    document.add_paragraph("2.开展宣讲活动。全年开展宣讲活动不少于4场。")
    document.add_paragraph("二、守好宣传阵地")
    document.add_paragraph("3.规范宣传栏管理。每季度更新宣传栏不少于1次。")
    buffer = io.BytesIO()
    document.save(buffer)
    client = login(org.county_staff)
    response = start_import(client, file=upload(SEED_000, "县委编办工作要点.docx", buffer.getvalue()),
                            org_unit=org.county_a.pk)
    html = response.content.decode()
    assert html.count('data-testid="preview-item"') == 3
    client.post(response.redirect_chain[-1][0], form_data(html, action="save"))
    plan = WorkPlan.objects.get()
    assert plan.org_unit == org.county_a and plan.year == 2025 and plan.source_name == "县委编办工作要点.docx"
    assert plan.items.count() == 3
    assert Target.objects.get(text__contains="宣传栏").activity_kinds == ["board_update"]


@pytest.mark.parametrize("name, data, message", [
    ("工作要点.docx", b"2026\xe5\xb9\xb4 plain text renamed", "内容与扩展名不符"),
    ("工作要点.docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "内容与扩展名不符"),
    ("工作要点.txt", b"", "空文件"),
    ("工作要点.exe", b"MZ\x90\x00", "类型不受支持"),
    ("工作要点.txt", "各党支部：\n特此通知。\n".encode(), "未识别到任何要点条目或工作段落"),
    # A UTF-8 text damaged mid-file (a byte of 作 lost) is neither UTF-8 nor GB18030 text.
    ("工作要点.txt", "2026年工作要点\n".encode() * 20 + "工作".encode()[:-1] + "一、加强理论学习。".encode() * 20,
     "编码无法识别"),
])
def test_bad_uploads_are_refused_with_chinese_message(org, login, name, data, message):
    response = start_import(login(org.staff), file=upload(SEED_000, name, data), org_unit=org.city.pk)
    html = response.content.decode()
    assert response.status_code == 200 and not response.redirect_chain
    assert message in html
    assert counts() == (0, 0, 0, 0)


def test_scanned_pdf_is_refused(org, login):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)  # a page with no text layer, as a scan has
    buffer = io.BytesIO()
    writer.write(buffer)
    response = start_import(login(org.staff), file=upload(SEED_000, "工作要点.pdf", buffer.getvalue()),
                            org_unit=org.city.pk)
    html = response.content.decode()
    assert not response.redirect_chain and "扫描" in html
    assert counts() == (0, 0, 0, 0)


def test_empty_paste_is_refused(org, login):
    response = start_import(login(org.staff), text="   ", org_unit=org.city.pk)
    assert "请上传工作要点文件，或粘贴全文。" in response.content.decode()
    assert counts() == (0, 0, 0, 0)


def test_duplicate_title_for_the_same_unit_and_year_is_refused(org, login):
    client = login(org.staff)
    response = start_import(client, file=upload(SEED_000), org_unit=org.city.pk)
    client.post(response.redirect_chain[-1][0], form_data(response.content.decode(), action="save"))
    before = counts()
    response = start_import(client, file=upload(SEED_000), org_unit=org.city.pk)
    assert not response.redirect_chain
    assert "已有同名工作要点" in response.content.decode()
    assert counts() == before
    # Another unit may hold a plan of the same title.
    response = start_import(client, file=upload(SEED_000), org_unit=org.county_a.pk)
    assert response.redirect_chain


def test_duplicate_found_at_save_time_saves_nothing(org, login):
    client = login(org.staff)
    first = start_import(client, file=upload(SEED_000), org_unit=org.city.pk)
    second = start_import(client, file=upload(SEED_000), org_unit=org.city.pk)
    client.post(first.redirect_chain[-1][0], form_data(first.content.decode(), action="save"))
    before = counts()
    response = client.post(second.redirect_chain[-1][0], form_data(second.content.decode(), action="save"))
    assert response.status_code == 200 and "已有同名工作要点" in response.content.decode()
    assert counts() == before


def test_year_out_of_range_is_refused(org, login):
    response = start_import(login(org.staff), file=upload(SEED_000), org_unit=org.city.pk, year="2150")
    assert "年度须在2000至2100之间。" in response.content.decode()


def test_only_plan_editors_may_import_and_only_for_visible_organs(org, login, client):
    assert login(org.cadre).get("/plans/import/").status_code == 403
    assert login(org.section_chief).get("/plans/import/").status_code == 403
    response = start_import(login(org.county_staff), file=upload(SEED_000), org_unit=org.city.pk)
    assert "请选择您有权管理的机关或县区单位。" in response.content.decode()
    assert counts() == (0, 0, 0, 0)


def test_import_page_defaults_to_the_users_organ(org, login):
    html = login(org.staff).get("/plans/import/").content.decode()
    assert f'<option value="{org.city.pk}" selected>' in html
    assert "甲县委编办" in html and "市人民政府办公室" not in html


def test_discarded_draft_is_gone(org, login):
    client = login(org.staff)
    response = start_import(client, file=upload(SEED_000), org_unit=org.city.pk)
    url = response.redirect_chain[-1][0]
    client.post(url + "discard/")
    assert client.get(url).status_code == 404


PARAGRAPHS_NOTICE = "未识别到编号结构，已按段落列出候选条目，请核对、修改后保存"


def test_an_unnumbered_notice_is_previewed_as_candidate_paragraphs_and_saved(org, login):
    client = login(org.staff)
    response = start_import(client, file=upload(SEED_000, "通知.txt", NOTICE.encode()), org_unit=org.city.pk)
    html = response.content.decode()
    assert response.redirect_chain and PARAGRAPHS_NOTICE in html
    assert html.count('data-testid="preview-item"') == 3
    assert html.count('data-testid="preview-target"') == 3
    data = form_data(html, action="save")
    assert [data[f"i{n}-title"] for n in (1, 2, 3)] == NOTICE_ITEMS
    data["i1-title"] = "每月集中学习"
    response = client.post(response.redirect_chain[-1][0], data, follow=True)
    plan = WorkPlan.objects.get()
    assert plan.title == "关于加强2026年度理论学习的通知" and plan.year == 2026
    assert list(plan.items.order_by("number").values_list("title", flat=True)) == ["每月集中学习", *NOTICE_ITEMS[1:]]
    person = Target.objects.get(item__plan=plan, per="person")
    assert (person.count, person.period, person.comparator) == (2, "year", ">=")


def test_a_numbered_document_has_no_paragraphs_notice(org, login):
    response = start_import(login(org.staff), file=upload(SEED_000), org_unit=org.city.pk)
    assert response.redirect_chain and PARAGRAPHS_NOTICE not in response.content.decode()


def test_a_pasted_2_mb_text_is_handled(org, login, settings):
    text = SEED_000.read_text(encoding="utf-8")
    big = (text + "\n") * (2 * 1024 * 1024 // len(text.encode()) + 1)
    assert len(big.encode()) > 2 * 1024 * 1024
    settings.DOCUMENT_MAX_CHARS = len(big) + 1
    response = start_import(login(org.staff), text=big, org_unit=org.city.pk)
    assert response.redirect_chain and "导入预览" in response.content.decode()
