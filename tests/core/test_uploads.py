"""check_upload: plain text is accepted as .txt and as .tsv (tab-separated), decided by content; Office
files by their zip structure."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from ideowork.core.uploads import KIND_GROUPS, check_upload

from tests.core.document_files import docx_bytes


def test_tsv_is_plain_text_in_the_text_group():
    assert KIND_GROUPS["text"] == {"txt", "tsv"}
    data = "规则编号\t查找内容\t建议改为\ncustom.a\t截止目前\t截至目前\n".encode()
    assert check_upload(SimpleUploadedFile("规则.tsv", data), allowed={"tsv"}) == "txt"
    in_gb18030 = SimpleUploadedFile("规则.TSV", data.decode().encode("gb18030"))
    assert check_upload(in_gb18030, allowed=KIND_GROUPS["text"]) == "txt"
    assert check_upload(SimpleUploadedFile("说明.txt", data), allowed={"txt"}) == "txt"


def test_tsv_is_refused_where_not_allowed_or_not_text():
    data = b"a\tb\n"
    with pytest.raises(ValidationError, match="类型不受支持"):
        check_upload(SimpleUploadedFile("规则.tsv", data), allowed={"txt"})
    with pytest.raises(ValidationError, match=r"“规则.tsv”的内容与扩展名不符（扩展名为.tsv，内容是PNG图片）"):
        check_upload(SimpleUploadedFile("规则.tsv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100), allowed={"tsv"})
    with pytest.raises(ValidationError, match="TSV文本"):
        check_upload(SimpleUploadedFile("规则.csv", data), allowed={"tsv", "xlsx"})


def test_office_files_are_told_apart_by_their_zip_structure():
    word = docx_bytes(lambda document: document.add_paragraph("正文"))
    assert check_upload(SimpleUploadedFile("报告.docx", word), allowed={"docx"}) == "docx"
    with pytest.raises(ValidationError, match=r"“报告.xlsx”的内容与扩展名不符（扩展名为.xlsx，内容是Word）"):
        check_upload(SimpleUploadedFile("报告.xlsx", word), allowed={"xlsx"})
