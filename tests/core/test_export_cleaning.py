"""What every export does to the text it writes: XML files (Word, Excel) hold only characters XML allows,
so a control character in an item's title does not break the export; text exports (TSV) write what a
spreadsheet would take for a formula as text, and read it back as it was."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from ideowork.core.exports.cleaning import spreadsheet_cell, unspreadsheet_cell, xml_text
from ideowork.core.exports.xlsx import write_sheet
from ideowork.outlets.actions.proofreading import do_import_rules, do_save_rule
from ideowork.outlets.models import ProofRule
from ideowork.plans.models import PlanItem
from tests.factories import make_plan

HOSTILE = "深化\x01理论\x0b武装\x1f体系\ufffe建设\ud800\uffff"


def test_xml_text_drops_what_xml_cannot_hold_and_keeps_line_ends():
    assert xml_text(HOSTILE) == "深化理论武装体系建设"
    assert xml_text("甲\t乙\n丙\r丁") == "甲\t乙\n丙\r丁"
    assert xml_text(None) == "" and xml_text(12) == "12"


@pytest.mark.parametrize("value, written", [
    ("=HYPERLINK(\"http://x\",\"点击\")", "'=HYPERLINK(\"http://x\",\"点击\")"), ("+1+2", "'+1+2"),
    ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tcmd", "'\tcmd"), ("\r=1", "'\r=1"),
    ("截止目前", "截止目前"), ("a=b", "a=b"), ("", ""),
])
def test_spreadsheet_cells_are_never_formulas_and_read_back_as_they_were(value, written):
    assert spreadsheet_cell(value) == written
    assert unspreadsheet_cell(written) == value


def test_the_xlsx_writer_drops_what_xml_cannot_hold():
    buffer = io.BytesIO()
    write_sheet(buffer, "清单\x01", ["标题"], [[HOSTILE]], title="责任\x02清单")
    sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
    assert [row for row in sheet.iter_rows(values_only=True)] == [("责任清单",), ("标题",), ("深化理论武装体系建设",)]


@pytest.mark.django_db
def test_a_control_character_in_an_item_title_does_not_break_the_exports(org, login):
    plan = make_plan(org.city, creator=org.staff)
    PlanItem.objects.filter(plan=plan, number=1).update(title=HOSTILE[:-2] + "\x08")  # as a careless import left it
    client = login(org.staff)
    response = client.get(f"/plans/responsibility/{plan.pk}/export.docx")
    assert response.status_code == 200
    table = Document(io.BytesIO(response.content)).tables[0]
    assert table.rows[1].cells[1].text == "深化理论武装体系建设"
    response = client.get(f"/plans/responsibility/{plan.pk}/export.xlsx")
    rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    assert rows[2][1] == "深化理论武装体系建设"


@pytest.mark.django_db
def test_a_rule_that_looks_like_a_formula_is_exported_as_text_and_imports_as_it_was(org, login):
    ProofRule.objects.all().delete()
    do_save_rule(org.staff, None, category="custom", pattern="=HYPERLINK", suggestion="-超链接", note="@提示")
    text = login(org.staff).get(reverse("outlets:rule_export")).content.decode()
    line = next(line for line in text.splitlines() if "HYPERLINK" in line)
    cells = line.split("\t")
    assert cells[1:3] == ["'=HYPERLINK", "'-超链接"] and cells[4] == "'@提示"
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    ProofRule.objects.filter(org_unit=org.city).delete()
    assert do_import_rules(org.staff, SimpleUploadedFile("规则.tsv", text.encode())).ok
    rule = ProofRule.objects.get(org_unit=org.city)
    assert (rule.pattern, rule.suggestion, rule.note) == ("=HYPERLINK", "-超链接", "@提示")
