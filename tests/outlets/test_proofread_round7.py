"""Proofreader round seven: the classes the seventh held-out set missed blind, each with a hit and a near-miss
written here (not the set's own sentences). A row with the words found is a hit; a row without them is a
near-miss, on which no rule of the round's kinds may report anything."""

from datetime import date

import pytest

from .test_proofread_engine import assert_found, assert_not_reported

ROUND_SEVEN_RULES = ("formulation.quote", "formulation.term", "formulation.organ", "formulation.sanguansanbixu",
                     "forbidden.congress", "forbidden.cppcc", "confusable.de_di", "structure.number",
                     "structure.numbering", "outdated")
JUNE = date(2024, 6, 1)

CASES = """
# formulations: a near-synonym, a list's last 顿号 written 和, short members with 顿号, an order swapped
坚持以伟大自我革命带动伟大社会革命。 | 以伟大自我革命带动伟大社会革命 | formulation.quote
不断增强政治自觉、思想自觉和实践自觉。 | 政治自觉、思想自觉和实践自觉 | formulation.quote
建设一支忠诚、干净、奉献的干部队伍。 | 忠诚、干净、奉献 | formulation.quote
坚持“讲政治、保安全、强监管、促发展”工作总思路。 | 讲政治、保安全、强监管、促发展 | formulation.quote
在建言献策和凝聚共识上双向发力。 | 建言献策和凝聚共识 | formulation.quote
落实“三管两必须”要求。 | 三管两必须 | formulation.sanguansanbixu
以伟大自我革命引领伟大社会革命。
增强政治自觉、思想自觉和行动自觉。
忠诚干净担当的高素质干部。
# one conjunction for another, and a term's last character that begins a word, are no misspellings
统筹发展与安全，推进人与自然和谐共生。
把安全生产责任放在心上、扛在肩上。
国家粮食和物资储备局
# titles of organs and a law's name
县人民检查院检察长出席。 | 检查院 | formulation.organ.jianchayuan
区市场监督局开展专项检查。 | 市场监督局 | formulation.organ.shichangjiandu
市局党委书记主持会议，市局党组成员参加。 | 党委 | formulation.organ.party_group
市局党组书记主持会议，市局党组成员参加。
# the Xinhua list against the text's own usage
学习党的二十大精神，宣传党的二十大精神，贯彻二十大精神。 | 二十大 | forbidden.congress.bare
学习贯彻二十大精神，宣传二十大精神，落实党的二十大部署。
市政协召开常委会议，感谢各位代表的辛勤工作。 | 各位代表 | forbidden.cppcc.delegates
市人大常委会召开会议，各位代表和政协委员出席。
# 的/地: a series of adverbial-verb phrases, two verbs run together, 地 inside the object of 营造
对意见逐一梳理、充分吸纳、认真的研究，形成方案。 | 的 | confusable.de_di
要统筹的谋划推进全年重点工作。 | 的 | confusable.de_di
努力营造公平有序地市场环境。 | 地 | confusable.de_di.noun
经过认真的研究，决定如下。
营造良好的营商环境。
# numbers: a Chinese month with a day in digits, a sentence opening on a two-digit year
六月3日上午，全县召开会议。 | 六月3日 | structure.number.mixed_month_day
24年，全区各项工作取得新进展。 | 24年 | structure.number.short_year
一九四九年十月一日，中华人民共和国成立。
12年，我们走过了不平凡的道路。
# numbering: one item of a 要-list written with 是
会议要求，一要提高认识。二是压实责任。三要强化督导。 | 二是 | structure.numbering.inline_particle
会议要求，一要提高认识。二要压实责任。三要强化督导。
# outdated: a past year's work arranged or drafted, a draft beside the execution, a plan carried out after its end
会议安排部署2023年重点工作任务。 | 2023 | outdated.year.arranged
审议了《2023年督查工作计划（送审稿）》。 | 2023 | outdated.year.arranged
审查2023年计划执行情况及2023年计划草案的报告。 | 2023 | outdated.year.draft
全面推进“十三五”规划实施，加快发展。 | 十三五 | outdated.plan.carried
会议回顾总结2023年工作，安排部署2024年重点工作任务。
审议了2023年度优秀政协委员通报表扬方案（送审稿）。
审查2023年计划执行情况及2024年计划草案的报告。
全面落实“十四五”规划。
# two-character words with one character wrong (common misspellings)
把准时代的脉博。 | 脉博 | confusable.misspelt
出台助企舒困措施。 | 舒困 | confusable.misspelt
"""



def _cases() -> list[tuple]:
    """The rows of ``CASES``: "text | words found | rule" is a hit, a text alone a near-miss; # lines are notes."""
    rows = [line.split(" | ") for line in CASES.splitlines() if line.strip() and not line.startswith("#")]
    return [(row[0], row[1] if len(row) > 1 else None, row[2] if len(row) > 2 else None) for row in rows]


@pytest.mark.parametrize("text, wrong, rule", _cases())
def test_round_seven_hits_and_near_misses(checker, text, wrong, rule):
    if wrong is None:
        assert_not_reported(checker, text, JUNE, ROUND_SEVEN_RULES)
    else:
        assert_found(checker, text, wrong, rule, JUNE)


def test_a_plan_ended_is_judged_by_the_documents_date():
    # Reviewed at the year's start, "“十三五”规划实施圆满收官" is no plan carried out after its end.
    from ideowork.outlets.proofreading import Proofreader, shipped_rules

    findings = Proofreader(shipped_rules()).check("“十三五”规划实施圆满收官。", date=date(2021, 1, 20))
    assert [f for f in findings if f.rule.startswith("outdated")] == []
