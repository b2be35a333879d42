"""The proofreader's general mechanisms beyond word lists: each finds its error in phrasings written for
these tests and leaves the correct neighbour alone (numbers, near-quotes of canonical formulations,
outdated references against the document's date, misspelt terms, 的/地)."""

from datetime import date

import pytest

from .test_proofread_engine import found


# --- numbers (GB/T 15835-2011) ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, wrong, rule", [
    ("改造小区3百50个。", "3百50", "structure.number.mixed"),
    ("新增岗位1千200个。", "1千200", "structure.number.mixed"),
    ("开展培训20几场次。", "20几", "structure.number.ji"),
    ("完成19年度考核。", "19年", "structure.number.short_year"),
    ("收入较23年增长8%。", "23年", "structure.number.short_year"),
    ("从15年到2024年，累计投入10亿元。", "15年", "structure.number.short_year"),
    ("推进3级医院等级评审。", "3级医院", "structure.number.fixed_word"),
    ("学前3年毛入园率达95%。", "学前3年", "structure.number.fixed_word"),
])
def test_number_forms(checker, text, wrong, rule):
    assert (wrong, rule) in found(checker, text, day=date(2025, 6, 1))


@pytest.mark.parametrize("text", [
    "改造小区350个，新增岗位1200个，开展培训二十几场次。",
    "完成2019年度考核，收入较2023年增长8%，近10年来累计投入10亿元。",
    "服刑从12年到20年不等。工作15年以上。",
    "推进三级医院评审，三甲医院12家，学前三年毛入园率95%，设3级台阶。",
    "比30年前增长了5倍。",
])
def test_correct_number_forms_are_not_reported(checker, text):
    assert found(checker, text, day=date(2025, 6, 1)) == []


# --- near-quotes of canonical formulations ------------------------------------------------------------------

QUOTE_DAY = date(2025, 6, 1)


@pytest.mark.parametrize("text, wrong", [
    ("我们始终坚持青山绿水就是金山银山的理念。", "青山绿水就是金山银山"),                      # members reordered
    ("要准确、完整、全面贯彻新发展理念。", "准确、完整、全面贯彻新发展理念"),
    ("切实担负起举旗帜、聚民心、兴文化、展形象的使命任务。", "举旗帜、聚民心、兴文化、展形象"),   # a member left out
    ("深刻认识世界百年未有之大变革的深刻内涵。", "百年未有之大变革"),                          # near-synonym
    ("坚决做到“两个拥护”。", "“两个拥护”"),
    ("始终心怀\"国之大事\"。", "\"国之大事\""),
    ("始终坚持人民第一、生命至上。", "人民第一、生命至上"),
    ("党员干部要树立“四个意识”。", "树立“四个意识”"),                                          # wrong verb
    ("打铁还需自身硬。", "打铁还需自身硬"),
])
def test_near_quotes_of_canonical_formulations(checker, text, wrong):
    assert (wrong, "formulation.quote") in found(checker, text, day=QUOTE_DAY)


@pytest.mark.parametrize("text, day", [
    ("坚持绿水青山就是金山银山的理念，完整、准确、全面贯彻新发展理念，也要完整准确全面贯彻新发展理念。", QUOTE_DAY),
    ("担负起举旗帜、聚民心、育新人、兴文化、展形象的使命任务。", QUOTE_DAY),
    ("聚民心、育新人是重点。守护好青山绿水。", QUOTE_DAY),                  # merely mentions some members
    ("坚决做到“两个维护”，心怀“国之大者”。国之大事，在祀与戎。", QUOTE_DAY),  # 国之大事 unquoted is classical
    ("人民至上、生命至上。世界百年未有之大变局加速演进。", QUOTE_DAY),
    ("党员干部要牢固树立“四个意识”。", QUOTE_DAY),                            # the older official wording
    ("打铁还需自身硬。要树立“四个意识”。", date(2016, 5, 1)),                # before the 19th congress
])
def test_correct_quotes_are_not_reported(checker, text, day):
    assert [f for f in found(checker, text, day=day) if f[1] == "formulation.quote"] == []
