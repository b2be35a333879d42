"""Proofreader round seven: the classes the seventh held-out set missed blind, each with a hit and a near-miss
written here (not the set's own sentences)."""

from datetime import date

import pytest

from .test_proofread_engine import assert_found, assert_not_reported

DAY = date(2024, 6, 1)


@pytest.mark.parametrize("text, wrong, rule_prefix, day", [
    # formulations: a near-synonym, a list's last 顿号 written 和, short members with 顿号, an order swapped
    ("坚持以伟大自我革命带动伟大社会革命。", "以伟大自我革命带动伟大社会革命", "formulation.quote", DAY),
    ("不断增强政治自觉、思想自觉和实践自觉。", "政治自觉、思想自觉和实践自觉", "formulation.quote", DAY),
    ("建设一支忠诚、干净、奉献的干部队伍。", "忠诚、干净、奉献", "formulation.quote", DAY),
    ("坚持“讲政治、保安全、强监管、促发展”工作总思路。", "讲政治、保安全、强监管、促发展", "formulation.quote", DAY),
    ("在建言献策和凝聚共识上双向发力。", "建言献策和凝聚共识", "formulation.quote", DAY),
    ("落实“三管两必须”要求。", "三管两必须", "formulation.sanguansanbixu", DAY),
    # titles of organs and a law's name
    ("县人民检查院检察长出席。", "检查院", "formulation.organ.jianchayuan", DAY),
    ("区市场监督局开展专项检查。", "市场监督局", "formulation.organ.shichangjiandu", DAY),
    ("市局党委书记主持会议，市局党组成员参加。", "党委", "formulation.organ.party_group", DAY),
    # Xinhua list against the text's own usage
    ("学习党的二十大精神，宣传党的二十大精神，贯彻二十大精神。", "二十大", "forbidden.congress.bare", DAY),
    ("市政协召开常委会议，感谢各位代表的辛勤工作。", "各位代表", "forbidden.cppcc.delegates", DAY),
    # 的/地: a series of adverbial-verb phrases, two verbs run together, 地 inside the object of 营造
    ("对意见逐一梳理、充分吸纳、认真的研究，形成方案。", "的", "confusable.de_di", DAY),
    ("要统筹的谋划推进全年重点工作。", "的", "confusable.de_di", DAY),
    ("努力营造公平有序地市场环境。", "地", "confusable.de_di.noun", DAY),
    # numbers: a month in Chinese numerals with a day in digits, a sentence opening on a two-digit year
    ("六月3日上午，全县召开会议。", "六月3日", "structure.number.mixed_month_day", DAY),
    ("24年，全区各项工作取得新进展。", "24年", "structure.number.short_year", DAY),
    # numbering: one item of a 要-list written with 是
    ("会议要求，一要提高认识。二是压实责任。三要强化督导。", "二是", "structure.numbering.inline_particle", DAY),
    # outdated: a past year's work arranged, a past year's draft plan, a draft beside the execution, a plan over
    ("会议安排部署2023年重点工作任务。", "2023", "outdated.year.arranged", DAY),
    ("审议了《2023年督查工作计划（送审稿）》。", "2023", "outdated.year.arranged", DAY),
    ("审查2023年计划执行情况及2023年计划草案的报告。", "2023", "outdated.year.draft", DAY),
    ("全面推进“十三五”规划实施，加快发展。", "十三五", "outdated.plan.carried", DAY),
    # two-character words with one character wrong (common misspellings)
    ("把准时代的脉博。", "脉博", "confusable.misspelt", DAY),
    ("出台助企舒困措施。", "舒困", "confusable.misspelt", DAY),
])
def test_round_seven_classes_are_found(checker, text, wrong, rule_prefix, day):
    assert_found(checker, text, wrong, rule_prefix, day)


@pytest.mark.parametrize("text, day", [
    ("以伟大自我革命引领伟大社会革命。", DAY),
    ("增强政治自觉、思想自觉和行动自觉。", DAY),
    ("忠诚干净担当的高素质干部。", DAY),
    ("统筹发展与安全，推进人与自然和谐共生。", DAY),             # one conjunction for another
    ("把安全生产责任放在心上、扛在肩上。", DAY),                  # a term's last character beginning a word
    ("学习贯彻二十大精神，宣传二十大精神，落实党的二十大部署。", DAY),  # the text's own usage is the bare form
    ("市人大常委会召开会议，各位代表和政协委员出席。", DAY),
    ("市局党组书记主持会议，市局党组成员参加。", DAY),
    ("经过认真的研究，决定如下。", DAY),
    ("营造良好的营商环境。", DAY),
    ("一九四九年十月一日，中华人民共和国成立。", DAY),
    ("12年，我们走过了不平凡的道路。", DAY),
    ("会议要求，一要提高认识。二要压实责任。三要强化督导。", DAY),
    ("会议回顾总结2023年工作，安排部署2024年重点工作任务。", DAY),
    ("审议了2023年度优秀政协委员通报表扬方案（送审稿）。", DAY),
    ("审查2023年计划执行情况及2024年计划草案的报告。", DAY),
    ("“十三五”规划实施圆满收官。", date(2021, 1, 20)),
    ("全面落实“十四五”规划。", DAY),
    ("国家粮食和物资储备局", DAY),
])
def test_round_seven_near_misses_are_not_reported(checker, text, day):
    new = ("formulation.quote", "formulation.term", "formulation.organ", "formulation.sanguansanbixu", "forbidden.congress",
           "forbidden.cppcc", "confusable.de_di", "structure.number", "structure.numbering", "outdated")
    assert_not_reported(checker, text, day, new)
