"""Work plans read by the one document reader: .txt in the encodings Chinese offices use, .docx, .pdf,
and refusals (the reader itself is tested in tests/core/test_documents.py)."""

from __future__ import annotations

import io

import pytest

from ideowork.core.documents import DocumentError, read_document
from ideowork.core.numerals import int_to_cn
from ideowork.plans.parser import parse_text

from tests.core.document_files import blank_pdf, docx_bytes, text_pdf

PLAN = "2026年某某局意识形态工作要点\n一、加强理论武装\n1.抓好中心组学习。全年集中学习不少于12次。\n"


def read_text(name: str, data: bytes) -> str:
    return read_document(name, data).text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_txt_in_common_encodings(encoding):
    text = read_text("要点.TXT", PLAN.encode(encoding))
    assert text.lstrip("\ufeff") == PLAN
    assert parse_text(text).items[0].targets[0].count == 12


def test_txt_that_is_binary_is_refused():
    with pytest.raises(DocumentError, match="编码|不是文字"):
        read_text("plan.txt", bytes(range(256)) * 20)
    with pytest.raises(DocumentError, match="文件内容与扩展名不符"):
        read_text("plan.txt", docx_bytes(lambda d: d.add_paragraph("x")))


def test_docx_paragraphs_tables_and_list_numbering_in_order():
    def build(document):
        document.add_paragraph("2026年某某局意识形态工作要点")
        document.add_paragraph("一、加强理论武装")
        document.add_paragraph("抓好中心组学习。每月开展1次集中学习。", style="List Number")
        document.add_paragraph("开展宣讲。全年开展宣讲不少于6场。", style="List Number")
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "二、管好阵地"
        table.cell(0, 1).text = "3.管好网站。每日巡查网站。"
        document.add_paragraph("4.做好培训。全年培训不少于2次。")

    text = read_text("plan.docx", docx_bytes(build))
    assert text.splitlines() == ["2026年某某局意识形态工作要点", "一、加强理论武装",
                                 "1.抓好中心组学习。每月开展1次集中学习。", "2.开展宣讲。全年开展宣讲不少于6场。",
                                 "二、管好阵地", "3.管好网站。每日巡查网站。", "4.做好培训。全年培训不少于2次。"]
    plan = parse_text(text)
    assert [(s.number, [i.number for i in s.items]) for s in plan.sections] == [("一", [1, 2]), ("二", [3, 4])]


def test_chinese_list_numbering_renders_as_written():
    assert [int_to_cn(n) for n in (1, 10, 12, 20, 24)] == ["一", "十", "十二", "二十", "二十四"]


@pytest.mark.parametrize(("filename", "data"), [
    ("plan.docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
    ("plan.docx", "就是一段文字".encode()),
    ("plan.docx", b"PK\x03\x04 not really a zip"),
    ("plan.pdf", b"PK\x03\x04" + b"\x00" * 64),
    ("plan.pdf", "2026年工作要点".encode()),
])
def test_renamed_files_are_refused_by_content(filename, data):
    with pytest.raises(DocumentError, match="文件内容与扩展名不符"):
        read_text(filename, data)


def test_zip_that_is_not_a_word_document_is_refused():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(DocumentError, match="文件内容与扩展名不符"):
        read_text("plan.docx", buffer.getvalue())


def test_old_doc_format_gets_a_save_as_hint():
    with pytest.raises(DocumentError, match="另存为 .docx"):
        read_text("plan.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(DocumentError, match="另存为 .docx"):
        read_text("plan.doc", b"\xd0\xcf\x11\xe0")


def test_pdf_with_text():
    assert "2026" in read_text("plan.pdf", text_pdf("2026"))


def test_pdf_without_text_is_probably_a_scan():
    with pytest.raises(DocumentError, match="该PDF没有可提取的文字，可能是扫描件"):
        read_text("scan.pdf", blank_pdf())


def test_damaged_pdf_is_refused():
    with pytest.raises(DocumentError, match="PDF"):
        read_text("plan.pdf", b"%PDF-1.4\n garbage")


@pytest.mark.parametrize("data", [b"", b"   \n"])
def test_empty_file(data):
    with pytest.raises(DocumentError, match="文件为空"):
        read_text("plan.txt", data)


@pytest.mark.parametrize("filename", ["plan.xlsx", "plan.wps"])
def test_unsupported_extension_lists_accepted_types(filename):
    with pytest.raises(DocumentError, match=r"不支持的文件类型.*\.txt、\.docx、\.pdf"):
        read_text(filename, b"data")


def test_a_name_without_extension_is_read_by_its_content():
    assert parse_text(read_text("plan", PLAN.encode("gb18030"))).items[0].targets[0].count == 12


def test_task_table_rows_become_numbered_items():
    def build(document):
        document.add_paragraph("2026年某某局意识形态工作要点")
        table = document.add_table(rows=3, cols=4)
        for row, values in zip(table.rows, [("序号", "工作任务", "具体措施", "责任单位"),
                                            ("1", "抓好中心组学习", "每月开展1次集中学习。", "办公室"),
                                            ("2", "管好网站", "每日巡查网站。", "信息科")]):
            for cell, value in zip(row.cells, values):
                cell.text = value

    plan = parse_text(read_text("plan.docx", docx_bytes(build)))
    assert [(i.number, i.title) for i in plan.items] == [(1, "抓好中心组学习"), (2, "管好网站")]
    assert plan.items[0].text == "每月开展1次集中学习。\n办公室"
    assert plan.items[0].targets[0].period == "month"
