"""The responsibility list exported as Excel and as a 公文 Word document."""

import io
from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl import load_workbook

from ideowork.plans.actions import do_assign_item
from ideowork.plans.responsibility import RESPONSIBILITY_HEADERS
from tests.factories import make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(org):
    plan = make_plan(org.city, creator=org.staff)
    item = plan.items.get(number=1)
    do_assign_item(org.staff, item, lead_unit=org.office, cooperating_units=[org.theory],
                   first_responsible=org.principal, direct_responsible=org.deputy,
                   specific_responsible=org.section_chief, deadline=date(2026, 12, 31),
                   measures="按月组织中心组集中学习。", progress_note="已开展2次。")
    return plan


def test_excel_export_has_title_headers_and_one_row_per_item(org, login, plan):
    response = login(org.cadre).get(f"/plans/responsibility/{plan.pk}/export.xlsx")
    assert response.status_code == 200
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "2026年意识形态工作责任清单"
    assert list(rows[1]) == RESPONSIBILITY_HEADERS
    assert RESPONSIBILITY_HEADERS[:5] == ["序号", "工作任务", "具体措施", "量化指标", "牵头单位"]
    assert len(rows) == 2 + 3
    first = rows[2]
    assert first[0] == 1 and first[1] == "深化理论武装体系建设" and first[2] == "按月组织中心组集中学习。"
    assert "全年集中学习不少于12次" in first[3]
    assert first[4].startswith("秘书科") and "配合：综合科" in first[4]
    assert first[5] == "第一：张主任\n直接：李副主任\n具体：王科长"
    assert first[6] == "2026年12月31日" and first[7] == "已开展2次。"
    # An unassigned item shows its own text as the measures.
    assert rows[3][2].startswith("每季度更新不少于1次") and rows[3][4] in (None, "")


def test_word_export_is_a_gongwen_with_the_list_as_tables(org, login, plan):
    response = login(org.staff).get(f"/plans/responsibility/{plan.pk}/export.docx")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    texts = [p.text for p in document.paragraphs]
    assert "2026年意识形态工作责任清单" in texts
    assert "市委机构编制委员会办公室" in texts  # the red 发文机关 name
    assert "一、强化政治引领" in texts and "二、严守阵地防线" in texts
    assert len(document.tables) == 2
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == RESPONSIBILITY_HEADERS
    assert table.rows[1].cells[1].text == "深化理论武装体系建设"

    section = document.sections[0]
    mm = [round(length.mm) for length in (section.page_width, section.page_height, section.top_margin,
                                          section.bottom_margin, section.left_margin, section.right_margin)]
    assert mm == [210, 297, 37, 35, 28, 26]

    title = next(p for p in document.paragraphs if p.text == "2026年意识形态工作责任清单")
    run = title.runs[0]
    assert run.font.size == Pt(22)
    assert run._element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    issuer = next(p for p in document.paragraphs if p.text == "市委机构编制委员会办公室")
    assert str(issuer.runs[0].font.color.rgb) == "E60012"
    body = next(p for p in document.paragraphs if p.text.startswith("为认真落实"))
    assert body.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert body.runs[0].font.size == Pt(16)
    assert Pt(28) <= body.paragraph_format.line_spacing <= Pt(29)
    heading = next(p for p in document.paragraphs if p.text == "一、强化政治引领")
    assert heading.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"

    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and 'w:fldCharType="begin"' in footer_xml
    assert "— " in section.footer.paragraphs[0].text and " —" in section.footer.paragraphs[0].text
    assert "PAGE" in section.even_page_footer._element.xml


def test_gongwen_with_subheadings_and_no_masthead():
    from ideowork.core.exports.gongwen import Heading, Paragraph, gongwen_document

    document = gongwen_document("关于开展意识形态工作专项检查的通知", "", "", None,
                                [Heading("一、检查内容"), Heading("（一）阵地管理", level=2), Paragraph("正文。")])
    sub = next(p for p in document.paragraphs if p.text == "（一）阵地管理")
    assert sub.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "楷体_GB2312"
    assert document.paragraphs[0].text == "关于开展意识形态工作专项检查的通知"


def test_exports_are_scoped(org, login, plan):
    for url in (f"/plans/responsibility/{plan.pk}/export.xlsx", f"/plans/responsibility/{plan.pk}/export.docx"):
        assert login(org.county_staff).get(url).status_code == 404
        assert login(org.gov_staff).get(url).status_code == 404
