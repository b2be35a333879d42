"""Every upload is held to the document limits before anything reads it: what a zip-based file expands to
(as its directory declares, and as its parts really expand), its parts, their compression ratio; a PDF's
pages; an image's pixels; a text's length. Each refusal is a Chinese message on the page that took the
upload, and nothing changes."""

from __future__ import annotations

import base64
import io
import os

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ideowork.core.documents import DocumentError, Limits, read_document
from ideowork.core.documents.images import check_image
from ideowork.core.models import Attachment
from ideowork.learning.models import Question
from ideowork.ledger.models import Activity, Evidence
from ideowork.plans.models import WorkPlan
from tests.core.bombs import (bmp_header, gif_header, jpeg_header, lying_word, overlapping_word, pages_pdf,
                              png_header, webp_header, word_with, zip_of)

pytestmark = pytest.mark.django_db
MB = 1024 * 1024
PROOFREAD = reverse("outlets:proofread")


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def ledger_counts():
    return Activity.objects.count(), Attachment.objects.count(), Evidence.objects.count()


def record_with(client, org, file):
    return client.post(reverse("ledger:create"), {
        "org_unit": org.office.pk, "kind": "study", "date": "2026-03-10", "title": "3月份集中学习研讨",
        "place": "三楼会议室", "host": "张主任", "summary": "学习。", "participants": [org.staff.pk],
        "extra_participants": "0", "item": "", "targets": [], "evidence_files": [file]})


def proofread_error(client, file) -> str:
    response = client.post(PROOFREAD, {"file": file})
    assert response.status_code == 200 and not response.context.get("checked")
    return " ".join(response.context["form"].errors["file"])


def plan_import(client, org, **data):
    response = client.post("/plans/import/", {"org_unit": org.city.pk, **data})
    assert response.status_code == 200  # the form again: no preview, no draft
    assert not client.session.get("plan_import_drafts")
    return response.content.decode()


# --- zip-based files --------------------------------------------------------------------------------
def test_a_word_file_expanding_beyond_the_limit_is_refused_on_the_proofreading_page(org, login, settings):
    settings.DOCUMENT_MAX_EXPANDED_BYTES = 2 * MB
    big = word_with({"word/media/photo.bin": base64.b64encode(os.urandom(3 * MB))})  # hardly compresses
    message = proofread_error(login(org.cadre), upload("稿件.docx", big))
    assert "文件“稿件.docx”无法读取：Word 文档解压后达" in message and "超过上限2 MB" in message


def test_a_lying_directory_is_caught_while_expanding(org, login):
    """The directory declares the real XML; the stored bytes expand to 60 MB more."""
    bomb = lying_word(60 * MB)
    assert len(bomb) < 200 * 1024
    message = proofread_error(login(org.cadre), upload("稿件.docx", bomb))
    assert "实际解压后超过上限50 MB（与文件目录中声明的大小不符）" in message


def test_a_part_expanding_beyond_its_declared_size_is_refused(org, login):
    message = proofread_error(login(org.cadre), upload("稿件.docx", lying_word(MB // 2)))
    assert "实际解压大小超过其声明的大小" in message


def test_too_many_parts_are_refused_on_plan_import(org, login, settings):
    settings.DOCUMENT_MAX_MEMBERS = 20
    crowded = word_with({f"word/media/{n}.bin": b"x" for n in range(30)})
    page = plan_import(login(org.staff), org, file=upload("要点.docx", crowded))
    assert "Word 文档包含的部件过多" in page and "上限20个" in page
    assert not WorkPlan.objects.exists()


def _workbook_with(extra: dict[str, bytes]) -> bytes:
    book = openpyxl.Workbook()
    book.active.title = "试题"
    book.active.append(["题型", "题干", "选项A", "选项B", "答案"])
    book.active.append(["判断题", "一道题", "", "", "对"])
    buffer = io.BytesIO()
    book.save(buffer)
    with __import__("zipfile").ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    return zip_of({**members, **extra})


def test_a_workbook_compressed_more_than_a_hundredfold_is_refused_on_question_import(org, login):
    bomb = _workbook_with({"xl/media/filler.bin": b"\x00" * (4 * MB)})
    before = Question.objects.count()
    response = login(org.staff).post(reverse("learning:question_import"),
                                     {"org_unit": org.city.pk, "file": upload("试题.xlsx", bomb)})
    page = response.content.decode()
    assert "Excel 工作簿中的部件“xl/media/filler.bin”压缩比超过100倍" in page
    assert Question.objects.count() == before


def test_parts_sharing_their_bytes_are_refused():
    with pytest.raises(DocumentError, match="部件相互重叠") as refused:
        read_document("炸弹.docx", overlapping_word(10, os.urandom(100_000)))
    assert refused.value.code == "too_large"


def test_a_200_mb_bomb_is_refused_from_its_directory():
    with pytest.raises(DocumentError, match="解压后达201 MB，超过上限50 MB"):
        read_document("炸弹.docx", overlapping_word(200, b"\x00" * MB))


def test_a_good_word_file_and_workbook_still_pass(org, login):
    good = word_with(text="截止目前，各项工作进展顺利。")
    response = login(org.cadre).post(PROOFREAD, {"file": upload("稿件.docx", good)})
    assert response.context["checked"]


# --- PDFs, images, text -----------------------------------------------------------------------------
def test_a_pdf_of_too_many_pages_is_refused_as_evidence(org, login, settings):
    settings.DOCUMENT_MAX_PDF_PAGES = 2
    before = ledger_counts()
    page = record_with(login(org.staff), org, upload("会议纪要.pdf", pages_pdf(3))).content.decode()
    assert "文件“会议纪要.pdf”无法读取：该PDF共3页，超过上限2页" in page
    assert ledger_counts() == before
    response = record_with(login(org.staff), org, upload("会议纪要.pdf", pages_pdf(2)))
    assert response.status_code == 302


def test_an_image_of_too_many_pixels_is_refused_as_evidence(org, login):
    before = ledger_counts()
    page = record_with(login(org.staff), org, upload("现场照片.png", png_header(30000, 30000))).content.decode()
    assert "文件“现场照片.png”无法读取：图片尺寸为30000×30000像素（900百万像素），超过上限100百万像素" in page
    assert ledger_counts() == before


def test_an_image_whose_size_cannot_be_read_is_refused(org, login):
    page = record_with(login(org.staff), org, upload("现场照片.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)).content
    assert "图片文件已损坏，无法读取其尺寸" in page.decode()


@pytest.mark.parametrize("kind, header", [("png", png_header), ("jpg", jpeg_header), ("gif", gif_header),
                                          ("bmp", bmp_header), ("webp", webp_header)])
def test_image_sizes_are_read_from_the_header(kind, header):
    assert check_image(header(4000, 3000), kind) == (4000, 3000)
    with pytest.raises(DocumentError, match="图片尺寸为20000×15000像素") as refused:
        check_image(header(20000, 15000), kind, limits=Limits(max_image_pixels=50_000_000))
    assert refused.value.code == "too_large"


def test_a_text_too_long_is_refused_on_plan_import(org, login, settings):
    settings.DOCUMENT_MAX_CHARS = 1000
    client = login(org.staff)
    page = plan_import(client, org, file=upload("要点.txt", ("一、加强理论武装\n" * 200).encode()))
    assert "文件“要点.txt”无法读取：文件的文字过长" in page and "上限1000字" in page
    page = plan_import(client, org, file=upload("要点.docx", word_with(text="加强理论武装。" * 200)))
    assert "文件的文字过长（共1400字，上限1000字）" in page
    page = plan_import(client, org, text="一、加强理论武装\n" * 200)
    assert "粘贴的文字过长（共1799字，上限1000字）" in page
    assert not WorkPlan.objects.exists()


def test_pasted_text_too_long_is_refused_on_the_proofreading_page(org, login, settings):
    settings.DOCUMENT_MAX_CHARS = 100
    response = login(org.cadre).post(PROOFREAD, {"text": "各项工作进展顺利。" * 20})
    assert "粘贴的文字过长（共180字，上限100字）" in response.content.decode()
    assert not response.context.get("checked")
