"""``ideowork match_scheme 'EXPR' ITEMS.jsonl``: the contract, and bad input."""

import json

import pytest

from .cli import bad_line_file, broken_encoding_file, console, items_file, output, refused

ITEMS = [
    {"id": "a1", "title": "庐江县暴雨", "text": "郭河镇紧急转移群众2984人"},
    {"id": 2, "title": "防汛演练", "text": "暴雨天气下的转移演练"},
    {"id": "a3", "title": "暴雨來襲", "text": "縣委組織轉移"},
    {"id": "a4", "title": None, "text": "暴雨"},
    {"id": "a5", "text": "天气晴"},
]


def test_prints_matching_ids_in_input_order(tmp_path):
    path = items_file(tmp_path, ITEMS, "")
    assert output("match_scheme", "暴雨+转移+-演练", path).splitlines() == ["a1", "a3"]
    # "--": the expression starts with "-"
    assert output("match_scheme", "--", "-暴雨", path).splitlines() == ["a5"]


def test_a_bad_expression_exits_2_naming_the_position(tmp_path):
    code, out, err = refused("match_scheme", "暴雨+(转移", items_file(tmp_path, ITEMS[:1]))
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
    code, out, err = refused("match_scheme", "暴雨", bad_line_file(tmp_path, ITEMS[0], bad_line))
    assert code == 2 and out == ""
    assert message in err


def test_broken_encoding_names_the_line(tmp_path):
    code, out, err = refused("match_scheme", "暴雨", broken_encoding_file(tmp_path, ITEMS[0]))
    assert code == 2 and out == "" and "第2行不是UTF-8编码的文本" in err


def test_console_command_in_a_fresh_process_without_a_database(tmp_path):
    path = items_file(tmp_path, ITEMS)
    done = console(tmp_path, "match_scheme", "暴雨~10 转移", path)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode("utf-8").splitlines() == ["a1", "2", "a3"]
    failed = console(tmp_path, "match_scheme", "暴雨 转移", path)
    assert failed.returncode == 2 and failed.stdout == b""
    assert "第4个字符处缺少运算符" in failed.stderr.decode("utf-8")
