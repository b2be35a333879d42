"""The responsibility list as an Excel workbook and as a 公文 Word document."""

from __future__ import annotations

from django.utils import timezone

from ideowork.core.exports.excel import excel_response
from ideowork.core.exports.gongwen import Heading, Paragraph, Table, docx_response, gongwen_document

from .responsibility import RESPONSIBILITY_HEADERS, list_title, responsibility_rows

__all__ = ["responsibility_excel", "responsibility_word", "responsibility_document"]

EXCEL_WIDTHS = [6, 24, 60, 30, 18, 22, 14, 30]
WORD_WIDTHS_MM = [9, 22, 45, 25, 16, 17, 12, 10]  # 156 mm text width


def responsibility_excel(plan, items):
    title = list_title(plan)
    rows = (row.cells() for row in responsibility_rows(items))
    return excel_response("责任清单", RESPONSIBILITY_HEADERS, rows, widths=EXCEL_WIDTHS, title=title,
                          filename=f"{plan.org_unit.display_name}{title}.xlsx")


def responsibility_document(plan, items, groups):
    """The 公文: a short lead paragraph, then one table per part of the plan under its 一、 heading."""
    issuer = plan.issuer or plan.org_unit.name
    blocks = [Paragraph(f"为认真落实《{plan.title}》，压紧压实意识形态工作责任，现将{plan.year}年度"
                        f"意识形态工作任务分解如下，请各责任单位和责任人对照抓好落实，按时限完成。")]
    rows = {row.item.pk: row for row in responsibility_rows(items)}
    for section, section_items in groups:
        if section is not None:
            blocks.append(Heading(f"{section.number}、{section.title}" if section.number else section.title))
        blocks.append(Table(RESPONSIBILITY_HEADERS, [rows[item.pk].cells() for item in section_items],
                            widths_mm=WORD_WIDTHS_MM))
    return gongwen_document(list_title(plan), plan.doc_number, issuer, timezone.localdate(), blocks)


def responsibility_word(plan, items, groups):
    document = responsibility_document(plan, items, groups)
    return docx_response(document, f"{plan.org_unit.display_name}{list_title(plan)}.docx")
