"""``ideowork opinion_analyze ITEMS.jsonl --json``: the contract, and bad input."""

import json

import pytest

from .cli import bad_line_file, broken_encoding_file, console, items_file, output, refused

TONGCHENG = "5月27日桐城市范岗镇西小河水位暴涨，桐城市启动暴雨三级应急响应，紧急转移受困群众76人，最大累积雨量278毫米。"
ITEMS = [
    {"id": "a1", "title": "桐城发布暴雨红色预警", "text": TONGCHENG, "source_level": "province", "published": "2023-05-27"},
    {"id": 2, "title": "網友投訴：窗口推諉扯皮", "text": "辦事窗口推諉扯皮，問題至今沒有解決。"},
    {"id": "a3", "title": "桐城暴雨 转移76人", "text": "【转自大皖新闻】" + TONGCHENG, "source_level": "social",
     "published": "2023-05-27T09:30:00+08:00"},
    {"id": "a4", "title": None, "text": "便民服务中心办事效率很高，群众非常满意。", "published": None},
]


def test_prints_one_object_a_line_in_input_order(tmp_path):
    rows = [json.loads(line) for line in output("opinion_analyze", items_file(tmp_path, ITEMS, ""), "--json").splitlines()]
    assert [row["id"] for row in rows] == ["a1", 2, "a3", "a4"]
    assert all(set(row) == {"id", "sentiment", "event"} for row in rows)
    assert [row["sentiment"] for row in rows] == ["neutral", "negative", "neutral", "positive"]
    events = [row["event"] for row in rows]
    assert events[0] == events[2] and len({events[0], events[1], events[3]}) == 3


def test_without_json_a_readable_line_with_the_grade(tmp_path):
    item_id, label, grade, event = output("opinion_analyze", items_file(tmp_path, ITEMS[1:2])).strip().split("\t")
    assert (item_id, label, grade) == ("2", "负面", "一般") and event.startswith("e")


@pytest.mark.parametrize("bad_line, message", [
    ("{not json", "第2行不是有效的JSON"),
    ("[1, 2]", "第2行应为一个JSON对象"),
    ('{"title": "暴雨", "text": "转移"}', "第2行缺少id"),
    ('{"id": "x", "text": ["暴雨"]}', "第2行的text（正文）应为字符串"),
    ('{"id": "x", "text": "暴雨", "source_level": "town"}', "第2行的source_level（来源级别）应为 central"),
    ('{"id": "x", "text": "暴雨", "published": "昨天"}', "第2行的published（发布时间）应为ISO 8601格式"),
    ('{"id": "x", "text": "暴雨", "published": true}', "第2行的published（发布时间）应为ISO 8601格式"),
    ('{"id": "x", "text": "暴雨", "published": "2023-02-30"}', "第2行的published（发布时间）应为ISO 8601格式"),
])
def test_a_bad_line_exits_2_naming_the_line_and_prints_nothing(tmp_path, bad_line, message):
    code, out, err = refused("opinion_analyze", bad_line_file(tmp_path, ITEMS[0], bad_line), "--json")
    assert code == 2 and out == ""
    assert message in err


@pytest.mark.parametrize("published", ["2023-05-27", "2023-05-27 08:30:00", "2023-05-27T00:30:00Z",
                                       "Sat, 27 May 2023 08:30:00 +0800", "2023/5/27", "2023年5月27日", 1685147400,
                                       1685147400000])
def test_publication_dates_in_the_usual_forms_are_taken(tmp_path, published):
    item = dict(ITEMS[0], published=published, source_level="省级")
    assert json.loads(output("opinion_analyze", items_file(tmp_path, [item]), "--json"))["id"] == "a1"


def test_a_missing_file_and_a_broken_encoding(tmp_path):
    code, out, err = refused("opinion_analyze", tmp_path / "none.jsonl", "--json")
    assert code == 2 and out == "" and "无法读取文件" in err
    code, out, err = refused("opinion_analyze", broken_encoding_file(tmp_path, ITEMS[3]), "--json")
    assert code == 2 and out == "" and "第2行不是UTF-8编码的文本" in err


def test_console_command_in_a_fresh_process_without_a_database(tmp_path):
    done = console(tmp_path, "opinion_analyze", items_file(tmp_path, ITEMS), "--json")
    assert done.returncode == 0, done.stderr.decode()
    rows = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [row["id"] for row in rows] == ["a1", 2, "a3", "a4"]
