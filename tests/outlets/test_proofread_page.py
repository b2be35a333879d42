"""The online checker: paste or upload a text, see every finding marked in place and listed in a table."""

import io
import re

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ideowork.outlets.actions.proofreading import do_sync_shipped_rules, do_toggle_rule
from ideowork.outlets.models import ProofRule

URL = reverse("outlets:proofread")
TEXT = "习总书记强调，截止目前各项工作稳步推进。\n第二段<b>不应加粗</b>。"


@pytest.fixture
def rules(db):
    do_sync_shipped_rules()


def marks(html: str) -> list[str]:
    return re.findall(r'<mark class="pf pf-(?:error|warning)[^"]*"[^>]*>(.*?)</mark>', html)


def test_every_business_user_may_open_the_checker(org, login):
    for user in (org.cadre, org.staff, org.county_staff, org.gov_staff, org.principal):
        assert login(user).get(URL).status_code == 200
    for user in (org.sysadmin, org.auditor):
        assert login(user).get(URL).status_code == 403


def test_pasted_text_is_marked_in_place_and_listed(org, rules, login):
    response = login(org.cadre).post(URL, {"text": TEXT})
    assert response.status_code == 200
    html = response.content.decode()
    assert "习总书记" in marks(html) and "截止目前" in marks(html)
    assert "&lt;b&gt;不应加粗&lt;/b&gt;" in html and "<b>不应加粗</b>" not in html  # escaped, never run
    assert "推进。<br>第二段" in html  # the paragraph break is kept
    rows = response.context["rows"]
    by_text = {row["finding"].text: row for row in rows}
    assert by_text["截止目前"]["line"] == 1 and by_text["截止目前"]["column"] == 8
    assert by_text["截止目前"]["finding"].suggestion == "截至目前"
    assert response.context["errors"] >= 2
    table = html[html.index('data-testid="findings"'):]
    assert "第1行第1字" in table and "习近平总书记" in table and "政治表述" in table


def test_a_disabled_rule_no_longer_reports(org, rules, login):
    client = login(org.staff)
    assert "截止目前" in marks(client.post(URL, {"text": TEXT}).content.decode())
    do_toggle_rule(org.staff, ProofRule.objects.get(pattern="截止目前"))
    html = client.post(URL, {"text": TEXT}).content.decode()
    assert "截止目前" not in marks(html) and "习总书记" in marks(html)


def test_a_countys_own_rule_checks_only_its_texts(org, rules, login):
    from ideowork.outlets.actions.proofreading import do_save_rule

    do_save_rule(org.county_staff, None, category="custom", pattern="稳步推进", suggestion="扎实推进",
                 severity="warning", note="", exceptions="", outdated_after=None, enabled=True)
    assert "稳步推进" in marks(login(org.county_staff).post(URL, {"text": TEXT}).content.decode())
    assert "稳步推进" not in marks(login(org.staff).post(URL, {"text": TEXT}).content.decode())


def test_a_clean_text_says_so(org, rules, login):
    response = login(org.cadre).post(URL, {"text": "各项工作扎实推进。"})
    assert "未发现问题" in response.content.decode() and response.context["rows"] == []


def test_a_txt_or_docx_upload_is_checked(org, rules, login):
    client = login(org.cadre)
    gbk = SimpleUploadedFile("稿件.txt", "截止目前，工作顺利。".encode("gb18030"))
    response = client.post(URL, {"text": "", "file": gbk})
    assert "截止目前" in marks(response.content.decode())
    assert "文件“稿件.txt”" in response.content.decode()

    document = docx.Document()
    document.add_paragraph("习总书记指出：")
    document.add_paragraph("要坚持稳中求进。")
    buffer = io.BytesIO()
    document.save(buffer)
    response = client.post(URL, {"file": SimpleUploadedFile("稿件.docx", buffer.getvalue())})
    assert "习总书记" in marks(response.content.decode())
    assert "指出：<br>要坚持" in response.content.decode()


@pytest.mark.parametrize("upload, message", [
    (SimpleUploadedFile("稿件.pdf", b"%PDF-1.4 ..."), "类型不受支持"),
    (SimpleUploadedFile("稿件.docx", b"not a word file at all"), "内容与扩展名不符"),
    (SimpleUploadedFile("稿件.txt", "截止目前".encode("utf-8")[:-1] + "各项工作".encode() * 20 + b"\xff\xfe" * 40),
     "编码"),
])
def test_bad_uploads_get_a_chinese_message(org, rules, login, upload, message):
    response = login(org.cadre).post(URL, {"file": upload})
    assert response.status_code == 200 and not response.context.get("checked")
    assert message in " ".join(response.context["form"].errors["file"])


def test_nothing_to_check(org, login):
    response = login(org.cadre).post(URL, {"text": "   "})
    assert "请粘贴需要校对的文字，或上传一个文件" in response.content.decode()


def test_the_document_date_makes_outdated_references_count(org, rules, login):
    rule = ProofRule.objects.filter(category="outdated", enabled=True, outdated_after__isnull=False).first()
    if rule is None:
        pytest.skip("no dated outdated rule shipped")
    text = f"文中提到{rule.pattern}。"
    client = login(org.cadre)
    before = client.post(URL, {"text": text, "date": rule.outdated_after.isoformat()})
    after = client.post(URL, {"text": text, "date": rule.outdated_after.replace(year=rule.outdated_after.year + 1)
                              .isoformat()})
    assert rule.pattern not in marks(before.content.decode())
    assert rule.pattern in marks(after.content.decode())


def test_crlf_lines_from_the_browser_count_as_one_break(org, rules, login):
    response = login(org.cadre).post(URL, {"text": "第一行\r\n截止目前完成。"})
    row = next(r for r in response.context["rows"] if r["finding"].text == "截止目前")
    assert (row["line"], row["column"]) == (2, 1)
    assert "第一行<br><mark" in response.content.decode()


def test_a_long_text_with_many_findings_marks_all_and_cuts_the_table(org, rules, login):
    text = ("习总书记强调，截止目前各项工作稳步推进。\n" * 400)[:20000]
    response = login(org.cadre).post(URL, {"text": text})
    html = response.content.decode()
    assert response.context["total"] >= 800 and len(response.context["rows"]) == 500
    assert html.count("<mark") >= response.context["total"]
    assert f"其余{response.context['total'] - 500}处请在上方原文中查看标记" in html
