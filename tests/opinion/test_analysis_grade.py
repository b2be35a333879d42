"""Grade: readable rules over sentiment, source level, reach, spread and sensitive topics; why, in Chinese."""

import pytest

from ideowork.opinion.analysis import GradeRules, Lexicon, analyse, grade


def test_a_quiet_neutral_item_is_general():
    result = grade("县气象台发布预警", "请注意防范。", sentiment="neutral", source_level="county")
    assert (result.code, result.label) == ("1", "一般")
    assert result.reasons[0] == "情感倾向中性：+0分"


def test_each_rule_adds_its_points_and_says_why():
    result = grade("某地发生交通事故", "事故造成3人死亡。", sentiment="negative", source_level="central",
                   reach={"reads": 150_000, "reposts": 20_000}, outlets=25)
    assert result.code == "4" and result.label == "特别重大"
    text = "\n".join(result.reasons)
    for part in ("情感倾向负面：+2分", "来源级别中央媒体：+3分", "阅读数150000（≥100000）：+2分",
                 "转发数20000（≥10000）：+3分", "25家媒体或账号刊发同一事件（≥20）：+3分", "伤亡（“死亡”）"):
        assert part in text
    assert result.reasons[-1].startswith("合计")


def test_sensitive_words_count_only_on_a_negative_item_and_users_add_their_own():
    calm = grade("", "学生在食堂就餐。", sentiment="neutral")
    assert calm.points == 0
    mine = Lexicon.default().extended(sensitive={"校园欺凌": ("未成年人", 3)})
    bad = grade("", "网传校园欺凌视频。", sentiment="negative", lexicon=mine)
    assert "未成年人（“校园欺凌”）" in "\n".join(bad.reasons)


def test_rules_are_data_and_a_broken_rule_set_is_refused():
    rules = GradeRules.default()
    assert [code for code, _label, _at in rules.levels] == ["4", "3", "2", "1"]
    with pytest.raises(ValueError, match="分级规则格式有误"):
        GradeRules({"sentiment": {}})


def test_analyse_runs_all_three_at_once():
    result = analyse("群众点赞", "便民服务中心办事效率很高。", source_level="government", day=20000)
    assert result.sentiment.label == "positive" and result.grade.code == "1" and result.signature.day == 20000

