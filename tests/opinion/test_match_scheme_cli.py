"""``ideowork match_scheme 'EXPR' ITEMS.jsonl``: the contract, and bad input."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

REPO = Path(__file__).resolve().parents[2]
ITEMS = [
    {"id": "a1", "title": "庐江县暴雨", "text": "郭河镇紧急转移群众2984人"},
    {"id": 2, "title": "防汛演练", "text": "暴雨天气下的转移演练"},
    {"id": "a3", "title": "暴雨來襲", "text": "縣委組織轉移"},
    {"id": "a4", "title": None, "text": "暴雨"},
    {"id": "a5", "text": "天气晴"},
]


def write_items(tmp_path, lines):
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(*args):
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as stopped:
        call_command("match_scheme", *map(str, args), stdout=out, stderr=err)
    return stopped.value.code, out.getvalue(), err.getvalue()


def test_prints_matching_ids_in_input_order(tmp_path):
    path = write_items(tmp_path, [json.dumps(item, ensure_ascii=False) for item in ITEMS] + [""])
    out = StringIO()
    call_command("match_scheme", "暴雨+转移+-演练", str(path), stdout=out)
    assert out.getvalue().splitlines() == ["a1", "a3"]
    out = StringIO()
    call_command("match_scheme", "--", "-暴雨", str(path), stdout=out)  # "--": the expression starts with "-"
    assert out.getvalue().splitlines() == ["a5"]


def test_a_bad_expression_exits_2_naming_the_position(tmp_path):
    path = write_items(tmp_path, [json.dumps(ITEMS[0], ensure_ascii=False)])
    code, out, err = run("暴雨+(转移", path)
    assert code == 2 and out == ""
    assert "第7个字符处缺少右括号" in err


@pytest.mark.parametrize("bad_line, message", [
    ("{not json", "第2行不是有效的JSON"),
    ("[1, 2]", "第2行应为一个JSON对象"),
    ('{"title": "暴雨", "text": "转移"}', "第2行缺少id"),
    ('{"id": true, "text": "转移"}', "第2行缺少id"),
    ('{"id": "x", "title": 5, "text": "转移"}', "第2行的title（标题）应为字符串"),
    ('{"id": "x", "text": ["暴雨"]}', "第2行的text（正文）应为字符串"),
])
def test_a_bad_line_exits_2_naming_the_line_and_prints_nothing(tmp_path, bad_line, message):
    good = json.dumps(ITEMS[0], ensure_ascii=False)
    path = write_items(tmp_path, [good, bad_line, good])
    code, out, err = run("暴雨", path)
    assert code == 2 and out == ""
    assert message in err


def test_broken_encoding_names_the_line(tmp_path):
    path = tmp_path / "items.jsonl"
    path.write_bytes(json.dumps(ITEMS[0]).encode() + b"\n" + '{"id": "g", "text": "暴雨"}'.encode("gbk") + b"\n")
    code, out, err = run("暴雨", path)
    assert code == 2 and out == "" and "第2行不是UTF-8编码的文本" in err


def test_console_command_in_a_fresh_process_without_a_database(tmp_path):
    path = write_items(tmp_path, [json.dumps(item, ensure_ascii=False) for item in ITEMS])
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp_path / 'fresh.sqlite3'}", PYTHONIOENCODING="ascii")
    done = subprocess.run([sys.executable, "-m", "ideowork", "match_scheme", "暴雨~10 转移", str(path)], cwd=REPO,
                          env=env, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode("utf-8").splitlines() == ["a1", "2", "a3"]
    failed = subprocess.run([sys.executable, "-m", "ideowork", "match_scheme", "暴雨 转移", str(path)], cwd=REPO,
                            env=env, capture_output=True, timeout=300)
    assert failed.returncode == 2 and failed.stdout == b""
    assert "第4个字符处缺少运算符" in failed.stderr.decode("utf-8")
