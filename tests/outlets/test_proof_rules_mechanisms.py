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
