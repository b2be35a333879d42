"""The one document reader: encodings, Word numbering and tables, text PDFs, renamed files, zip bombs,
empty files, the document's own date, and one text for a file whichever area reads it."""

from __future__ import annotations

import base64
import codecs
import io
import os
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from ideowork.core.documents import DocumentError, Limits, read_document
from ideowork.plans.models import WorkPlan

from tests.core.document_files import (
    add_runs_xml,
    blank_pdf,
    docx_bytes,
    level,
    numbered,
    set_numbering,
    text_pdf,
)
from tests.plans._helpers import form_data

WORD = docx_bytes(lambda document: document.add_paragraph("正文"))
PDF = text_pdf("Work plan 2026")
NOTICE = "关于做好2026年宣传工作的通知\n各科室：\n现将有关事项通知如下。\n市委编办\n2026年3月5日"
ROOT = Path(__file__).resolve().parents[2]


# --- plain text -------------------------------------------------------------------------------------
@pytest.mark.parametrize("data, encoding", [
    (NOTICE.encode("utf-8"), "utf-8"),
    (NOTICE.encode("gb18030"), "gb18030"),
    (NOTICE.encode("utf-16"), "utf-16"),  # with its BOM, little-endian
    (codecs.BOM_UTF16_BE + NOTICE.encode("utf-16-be"), "utf-16"),
    (NOTICE.encode("utf-16-le"), "utf-16-le"),  # saved without its BOM
    (NOTICE.encode("utf-16-be"), "utf-16-be"),
])
def test_text_in_each_encoding(data, encoding):
    document = read_document("通知.txt", data)
    assert (document.kind, document.encoding, document.text) == ("txt", encoding, NOTICE)
    assert document.paragraphs == NOTICE.split("\n")
    assert document.date == date(2026, 3, 5)


def test_a_utf8_bom_stays_in_the_text_but_not_in_the_paragraphs():
    document = read_document("通知.txt", codecs.BOM_UTF8 + NOTICE.replace("\n", "\r\n").encode("utf-8"))
    # Offsets into the text agree with open(path, encoding="utf-8"), which keeps the BOM as U+FEFF.
    assert document.text == "\ufeff" + NOTICE and document.encoding == "utf-8-sig"
    assert document.paragraphs[0] == "关于做好2026年宣传工作的通知"


@pytest.mark.parametrize("data", [
    "关于做好工作的通知".encode() + b"\xff\xfe\x81" + "正文内容".encode() * 5,  # damaged UTF-8
    bytes(range(128, 256)) * 4,
    "正文".encode() + b"\x07\x01binary",
    "正文".encode("utf-16-le") + b"\x00\x00\x07\x00",  # UTF-16 without a BOM, with a control character
])
def test_text_that_is_not_readable_text_is_refused(data):
    with pytest.raises(DocumentError, match="编码|二进制") as refused:
        read_document("通知.txt", data)
    assert refused.value.code == "encoding"


# --- Word --------------------------------------------------------------------------------------------
def test_word_numbering_renders_the_numbers_the_reader_sees():
    """一、 （一） 1. （1）, each level restarting when a higher one is numbered, as Word does."""

    def build(document):
        set_numbering(document, {1: [level(0, "chineseCounting", "%1、"), level(1, "chineseCounting", "（%2）"),
                                     level(2, "decimal", "%3."), level(3, "decimal", "(%4)")]},
                      {5: (1, "")})
        for text, ilvl in [("总体要求", 0), ("指导思想", 1), ("工作目标", 1), ("学习", 2), ("宣讲", 2), ("每月一次", 3),
                           ("主要任务", 0), ("理论武装", 1), ("中心组", 2), ("每季度", 3)]:
            numbered(document, text, 5, ilvl)
        document.add_paragraph("正文段落不编号。")

    assert read_document("方案.docx", docx_bytes(build)).paragraphs == [
        "一、总体要求", "（一）指导思想", "（二）工作目标", "1.学习", "2.宣讲", "(1)每月一次",
        "二、主要任务", "（一）理论武装", "1.中心组", "(1)每季度", "正文段落不编号。"]


def test_word_lists_continue_share_and_restart_like_word():
    def build(document):
        set_numbering(document, {
            2: [level(0, "decimal", "%1.")],
            3: [level(0, "decimal", "%1."), level(1, "decimal", "%1.%2", extra='<w:lvlRestart w:val="0"/>')],
            4: [level(0, "decimalEnclosedCircle", "%1"), level(1, "bullet", "\uf0b7")],
        }, {
            1: (2, ""), 2: (2, ""),  # two instances of one list: numbering continues
            3: (2, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'),  # "restart at 1"
            6: (3, ""), 7: (4, ""),
        })
        numbered(document, "甲", 1)
        numbered(document, "乙", 1)
        document.add_paragraph("中间的说明")
        numbered(document, "丙", 2)
        numbered(document, "丁", 3)
        numbered(document, "戊", 3)
        numbered(document, "第一节", 6, 0)
        numbered(document, "一小节", 6, 1)
        numbered(document, "第二节", 6, 0)
        numbered(document, "不重新开始", 6, 1)  # lvlRestart 0: the second level never restarts
        numbered(document, "圈号", 7, 0)
        numbered(document, "项目符号不写出", 7, 1)
        numbered(document, "编号已取消", 0)

    assert read_document("a.docx", docx_bytes(build)).paragraphs == [
        "1.甲", "2.乙", "中间的说明", "3.丙", "1.丁", "2.戊", "1.第一节", "1.1 一小节", "2.第二节", "2.2 不重新开始",
        "① 圈号", "项目符号不写出", "编号已取消"]


def test_word_styles_numbering_is_kept():
    def build(document):
        document.add_paragraph("抓好学习。", style="List Number")
        document.add_paragraph("开展宣讲。", style="List Number")

    assert read_document("a.docx", docx_bytes(build)).paragraphs == ["1.抓好学习。", "2.开展宣讲。"]


def test_word_tables_are_read_cell_by_cell_in_document_order():
    def build(document):
        document.add_paragraph("第一段")
        table = document.add_table(rows=3, cols=3)
        for row, values in zip(table.rows, [("序号", "工作任务", "责任单位"), ("1", "管好网站", "信息科"),
                                            ("甲", "乙", "丙")]):
            for cell, value in zip(row.cells, values):
                cell.text = value
        merged = table.cell(2, 1).merge(table.cell(2, 2))  # one cell across two columns
        merged.text = "合并的单元格"
        table.cell(0, 2).merge(table.cell(1, 2))  # and one down two rows: read once
        document.add_paragraph("末段")

    document = read_document("a.docx", docx_bytes(build))
    assert document.paragraphs == ["第一段", "序号", "工作任务", "责任单位", "信息科", "1.管好网站", "甲", "合并的单元格",
                                   "末段"]


def test_word_tracked_changes_read_as_accepted_and_hidden_text_left_out():
    def build(document):
        paragraph = document.add_paragraph("保留")
        add_runs_xml(paragraph, '<w:ins w:id="1" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins>'
                                '<w:del w:id="2" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>'
                                '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>'
                                '<w:r><w:tab/><w:t>制表</w:t><w:br/><w:t>换行</w:t></w:r>')

    assert read_document("a.docx", docx_bytes(build)).text == "保留插入\t制表\n换行"


def test_a_word_document_without_text_is_refused():
    with pytest.raises(DocumentError, match="没有可读取的文字"):
        read_document("a.docx", docx_bytes(lambda document: document.add_paragraph("")))


# --- PDF ---------------------------------------------------------------------------------------------
def test_a_text_pdf_is_read():
    document = read_document("plan.pdf", text_pdf("Work plan 2026"))
    assert document.kind == "pdf" and "Work plan 2026" in document.text


@pytest.mark.parametrize("data, code, words", [
    (blank_pdf(), "scanned", "可能是扫描件"),
    (b"%PDF-1.4\n garbage", "corrupt", "PDF 文件已损坏"),
])
def test_a_scanned_or_damaged_pdf_is_refused(data, code, words):
    with pytest.raises(DocumentError, match=words) as refused:
        read_document("plan.pdf", data)
    assert refused.value.code == code


# --- types decided by content -----------------------------------------------------------------------
def test_a_renamed_file_is_read_by_its_content_or_refused():
    word = docx_bytes(lambda document: document.add_paragraph("一份Word文件"))
    assert read_document("没有扩展名", word).kind == "docx"  # no claim: the content decides
    assert read_document("导出.md", word).text == "一份Word文件"
    for name, data, words in [
        ("一份Word文件.txt", word, "扩展名为.txt，内容是Word"),
        ("文字.pdf", NOTICE.encode(), "扩展名为.pdf，内容是文本"),
        ("图片.docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "内容是PNG图片"),
        ("压缩包.docx", _zip({"hello.txt": b"hi"}), "内容是ZIP压缩包"),
    ]:
        with pytest.raises(DocumentError, match=words) as refused:
            read_document(name, data)
        assert refused.value.code == "mismatch" and "内容与扩展名不符" in refused.value.message


@pytest.mark.parametrize("name, data, words", [
    ("旧版.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "另存为 .docx"),
    ("改名的旧版.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "另存为 .docx"),
    ("表格.xlsx", b"a,b", r"不支持的文件类型“.xlsx”：请上传 .txt、.docx、.pdf 文件"),
    ("图片", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "不支持的文件类型（内容是PNG图片）"),
])
def test_unsupported_types_are_refused_naming_what_to_upload(name, data, words):
    with pytest.raises(DocumentError, match=words) as refused:
        read_document(name, data)
    assert refused.value.code == "unsupported"


def test_callers_choose_the_kinds_they_read():
    with pytest.raises(DocumentError, match=r"请上传 .txt、.docx 文件"):
        read_document("plan.pdf", text_pdf("2026"), kinds=("txt", "docx"))


@pytest.mark.parametrize("data", [b"", b"  \r\n\t "])
def test_an_empty_file_is_refused(data):
    with pytest.raises(DocumentError, match="文件为空") as refused:
        read_document("空.txt", data)
    assert refused.value.code == "empty"


@settings(max_examples=150, deadline=None)
@given(name=st.sampled_from(["a.txt", "a.docx", "a.pdf", "a", "a.md"]), data=st.binary(max_size=600),
       flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), max_size=8))
def test_any_bytes_give_a_document_or_a_document_error(name, data, flips):
    """Random bytes, and real Word and PDF files with random bytes changed, never fail otherwise."""
    for sample in (data, _damaged(WORD, flips), _damaged(PDF, flips)):
        try:
            document = read_document(name, sample)
        except DocumentError as refused:
            assert refused.message and refused.code
        else:
            assert document.text.strip() and document.kind in ("txt", "docx", "pdf")


def _damaged(data: bytes, flips) -> bytes:
    damaged = bytearray(data)
    for position, value in flips:
        damaged[position % len(damaged)] = value
    return bytes(damaged)


# --- zip bombs ---------------------------------------------------------------------------------------
def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _word_with(part: bytes) -> bytes:
    """A real .docx with one extra part."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes(lambda document: document.add_paragraph("正文")))) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    return _zip({**members, "word/media/filler.bin": part})


def _forbid_expansion(monkeypatch):
    """From now on, reading any member of an archive fails the test: a refusal must come before expansion."""

    def refuse(*args, **kwargs):
        raise AssertionError("a member of the archive was expanded")

    monkeypatch.setattr(zipfile.ZipFile, "open", refuse)


def test_a_word_file_that_expands_a_hundredfold_is_refused_unexpanded(monkeypatch):
    bomb = _word_with(b"\x00" * (4 * 1024 * 1024))  # 4 MB that compress to a few KB
    assert len(bomb) < 100 * 1024
    _forbid_expansion(monkeypatch)
    with pytest.raises(DocumentError, match="压缩比超过100倍") as refused:
        read_document("炸弹.docx", bomb)
    assert refused.value.code == "too_large"


def test_a_word_file_that_expands_beyond_the_limit_is_refused_unexpanded(monkeypatch):
    big = _word_with(base64.b64encode(os.urandom(3 * 1024 * 1024)))  # 4 MB that hardly compress
    _forbid_expansion(monkeypatch)
    with pytest.raises(DocumentError, match=r"解压后达\d+ MB，超过上限2 MB"):
        read_document("大文件.docx", big, limits=Limits(max_expanded_bytes=2 * 1024 * 1024))


# --- the document's date -----------------------------------------------------------------------------
@pytest.mark.parametrize("closing, expected", [
    ("市委编办\n2026年3月5日", date(2026, 3, 5)),
    ("市委编办\n二〇二六年三月五日", date(2026, 3, 5)),
    ("市委编办\n二○二六年十二月三十一日", date(2026, 12, 31)),
    ("中共XX县委网络安全和信息化委员会办公室    2026年2月10日", date(2026, 2, 10)),
    ("各单位须于2030年12月31日前完成整改，确保各项任务按期落实到位。", None),
    ("市委编办\n2026年2月30日", None),
    ("市委编办\n二〇二六年三月十十日", None),
])
def test_the_date_the_document_states(closing, expected):
    assert read_document("通知.txt", f"正文。\n{closing}\n".encode()).date == expected


# --- one text wherever it is read --------------------------------------------------------------------
def _plan_docx() -> bytes:
    def build(document):
        set_numbering(document, {1: [level(0, "chineseCounting", "%1、"), level(1, "decimal", "%2.")]}, {1: (1, "")})
        document.add_paragraph("2026年某某局意识形态工作要点")
        numbered(document, "加强理论武装", 1, 0)
        numbered(document, "抓好中心组学习。全年集中学习不少于12次。", 1, 1)
        numbered(document, "守好宣传阵地", 1, 0)
        table = document.add_table(rows=1, cols=3)
        for cell, value in zip(table.rows[0].cells, ("2", "管好网站", "每日巡查网站。")):
            cell.text = value
        document.add_paragraph("某某局")
        document.add_paragraph("2026年1月8日")

    return docx_bytes(build)


@pytest.mark.django_db
def test_the_same_word_file_gives_the_same_text_to_plans_and_to_the_proofreader(org, login):
    data = _plan_docx()
    client = login(org.staff)
    preview = client.post("/plans/import/", {"file": SimpleUploadedFile("要点.docx", data), "org_unit": org.city.pk},
                          follow=True)
    assert preview.redirect_chain, preview.content.decode()
    client.post(preview.redirect_chain[-1][0], form_data(preview.content.decode(), action="save"))
    plan = WorkPlan.objects.get()
    assert [(item.number, item.title) for item in plan.items.order_by("number")] == [
        (1, "抓好中心组学习"), (2, "管好网站")]

    checked = client.post(reverse("outlets:proofread"), {"file": SimpleUploadedFile("要点.docx", data)})
    assert checked.context["checked"]
    assert checked.context["form"].data["text"] == plan.source_text == read_document("要点.docx", data).text
    assert plan.source_text.startswith("2026年某某局意识形态工作要点\n一、加强理论武装\n1.抓好中心组学习。")


def test_the_reader_and_the_plan_parser_load_no_django(tmp_path):
    code = ("import sys; from ideowork.core.documents import read_document; from ideowork.plans.parser import "
            "parse_text; parse_text(read_document('a.docx', open(sys.argv[1], 'rb').read()).text); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'django'}))")
    path = tmp_path / "要点.docx"
    path.write_bytes(_plan_docx())
    done = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True, timeout=60,
                          env={k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"})
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().strip() == "[]"
