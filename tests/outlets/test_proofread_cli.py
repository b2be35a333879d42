"""``ideowork proofread PATH``: the JSON contract, the Chinese report, encodings, Word files, bad input."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import docx
import pytest
from django.core.management import call_command

FILES = Path(__file__).parent / "files"
REPO = Path(__file__).resolve().parents[2]
PLANTED = (FILES / "planted_errors.txt").read_text(encoding="utf-8")
KEYS = {"start", "end", "text", "rule", "category", "severity", "suggestion"}


def run_cli(tmp_path, *args):
    """The real console command in a fresh process, on a database that does not exist yet."""
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp_path / 'fresh.sqlite3'}", PYTHONIOENCODING="ascii")
    return subprocess.run([sys.executable, "-m", "ideowork", "proofread", *map(str, args)], cwd=REPO, env=env,
                          capture_output=True, timeout=120)


def proofread_json(path, *extra):
    out = StringIO()
    call_command("proofread", str(path), "--json", *extra, stdout=out)
    return json.loads(out.getvalue())["findings"]


def assert_contract(findings, text):
    assert findings
    for f in findings:
        assert set(f) == KEYS
        assert isinstance(f["start"], int) and isinstance(f["end"], int) and 0 <= f["start"] < f["end"] <= len(text)
        assert f["text"] == text[f["start"]:f["end"]]
        assert f["severity"] in ("error", "warning")
        assert f["suggestion"] is None or isinstance(f["suggestion"], str)
        assert isinstance(f["rule"], str) and isinstance(f["category"], str)
    assert [f["start"] for f in findings] == sorted(f["start"] for f in findings)


def test_console_command_prints_the_json_contract_without_a_database(tmp_path):
    done = run_cli(tmp_path, FILES / "planted_errors.txt", "--json", "--date", "2026-06-01")
    assert done.returncode == 0, done.stderr.decode()
    findings = json.loads(done.stdout.decode("utf-8"))["findings"]
    assert_contract(findings, PLANTED)
    assert {"forbidden.beihan", "formulation.zongshuji", "structure.width", "structure.numbering.sequence",
            "outdated.guotuziyuanbu"} <= {f["rule"] for f in findings}
    beihan = next(f for f in findings if f["rule"] == "forbidden.beihan")
    assert (beihan["text"], beihan["category"], beihan["severity"], beihan["suggestion"]) == (
        "北韩", "forbidden", "error", "朝鲜")


def test_broken_encoding_exits_with_code_2_and_a_chinese_message(tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_bytes("关于做好工作的通知".encode() + b"\xff\xfe\x81" + "正文内容".encode())
    done = run_cli(tmp_path, broken, "--json")
    assert done.returncode == 2
    assert done.stdout == b""
    assert "编码" in done.stderr.decode("utf-8")


@pytest.mark.django_db
def test_clean_text_gives_an_empty_list():
    assert proofread_json(FILES / "clean_notice.txt") == []


@pytest.mark.django_db
@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig"])
def test_gb18030_and_bom_files_give_offsets_into_the_decoded_text(tmp_path, encoding):
    path = tmp_path / "planted.txt"
    path.write_bytes(PLANTED.encode(encoding))
    findings = proofread_json(path, "--date", "2026-06-01")
    as_read = path.read_text(encoding="gb18030" if encoding == "gb18030" else "utf-8")
    assert_contract(findings, as_read)
    shift = len(as_read) - len(PLANTED)  # the BOM, read by open(..., encoding="utf-8") as U+FEFF
    expected = proofread_json(FILES / "planted_errors.txt", "--date", "2026-06-01")
    assert findings == [{**f, "start": f["start"] + shift, "end": f["end"] + shift} for f in expected]


@pytest.mark.django_db
def test_docx_input(tmp_path):
    paragraphs = ["关于加强宣传工作的通知", "一、总体要求", "认真学习习总书记重要讲话精神,增强政治意识。", "市委编办",
                  "2026年3月5日"]
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    path = tmp_path / "notice.docx"
    document.save(path)
    findings = proofread_json(path)
    assert_contract(findings, "\n".join(paragraphs))
    assert [(f["text"], f["rule"]) for f in findings] == [("习总书记", "formulation.zongshuji"), (",", "structure.width")]


@pytest.mark.django_db
def test_document_date_comes_from_the_signature_or_the_option(tmp_path):
    path = tmp_path / "old.txt"
    path.write_text("请与国土资源部联系。\n\n市委编办\n2017年5月4日\n", encoding="utf-8")
    assert proofread_json(path) == []
    assert [f["suggestion"] for f in proofread_json(path, "--date", "2026-03-05")] == ["自然资源部"]


@pytest.mark.django_db
def test_human_readable_report_is_in_chinese():
    out = StringIO()
    call_command("proofread", str(FILES / "planted_errors.txt"), stdout=out)
    report = out.getvalue()
    assert "发现" in report and "处问题" in report
    assert "第10行第8列 [错误·禁用词] “北韩”" in report
    out = StringIO()
    call_command("proofread", str(FILES / "clean_summary.txt"), stdout=out)
    assert "未发现问题" in out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize("name, content, args, message", [
    ("missing.txt", None, (), "无法读取文件"),
    ("fake.docx", "这不是Word文档".encode(), (), "内容与扩展名不符"),
    ("ok.txt", "正文".encode(), ("--date", "2026-13-01"), "日期"),
])
def test_bad_input_exits_with_code_1(tmp_path, capsys, name, content, args, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    err = StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("proofread", str(path), "--json", *args, stdout=StringIO(), stderr=err)
    assert exited.value.code == 1
    assert message in err.getvalue()


@pytest.mark.django_db
def test_windows_line_ends_give_offsets_into_the_text_as_python_reads_it(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(PLANTED.replace("\n", "\r\n").encode("utf-8"))
    with path.open(encoding="utf-8") as stream:
        as_read = stream.read()
    findings = proofread_json(path, "--date", "2026-06-01")
    assert_contract(findings, as_read)
    assert findings == proofread_json(FILES / "planted_errors.txt", "--date", "2026-06-01")
