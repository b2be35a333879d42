"""Proofreader round eight: the classes the eighth held-out set missed blind, each with a hit and a near-miss
written here (not the set's own sentences). A row with the words found is a hit; a row without them is a
near-miss, on which no rule of the round's kinds may report anything."""

from datetime import date

import pytest

from .test_proofread_engine import assert_found, assert_not_reported

ROUND_EIGHT_RULES = ("formulation.idiom", "confusable.misspelt", "formulation.quote", "outdated", "confusable.de",
                     "structure.number", "formulation.organ", "forbidden.convict")
JUNE = date(2024, 6, 1)

CASES = """
# one homophone wrong in a four-character word of the dictionary, where the slip leaves its half a non-word
加大招商引姿力度。 | 招商引姿 | formulation.idiom
该男子对犯罪事实供认不诲。 | 供认不诲 | formulation.idiom
推进国家治理体系和治理能力现代化。
深化财税体制改革，增强青少年体质。
# common misspellings of two-character words (public lists; a few were the set's blind misses)
做好秸杆综合利用和禁烧工作。 | 秸杆 | confusable.misspelt
对各界的顶力支持表示感谢。 | 顶力支持 | confusable.misspelt
规范蓄禽粪污资源化利用。 | 蓄禽 | confusable.misspelt
做好秸秆综合利用和畜禽粪污治理。
# canonical formulations: a word replaced, a member left out of 四同 and of the guiding thought
各级国家机关由人大产生，对人大负责，受人大领导。 | 由人大产生，对人大负责，受人大领导 | formulation.quote
与业务工作同部署、同落实、同考核。 | 同部署、同落实、同考核 | formulation.quote
以邓小平理论、科学发展观为指导。 | 邓小平理论、科学发展观 | formulation.quote
坚持以人民为本的发展思想。 | 以人民为本的发展思想 | formulation.quote
由人大产生，对人大负责，受人大监督。
与业务工作同部署、同落实、同检查、同考核。
以邓小平理论、“三个代表”重要思想、科学发展观为指导。
# a year left from an older text where the work looks ahead, the year just past, a congress beside a later term
全市召开2023年宣传思想工作会议，部署全年任务。 | 2023 | outdated.year.convened
刚刚过去的2022年，全区经济稳中向好。 | 2022 | outdated.year.just_past
围绕2023年目标任务，狠抓工作落实。 | 2023 | outdated.year.arranged
深入学习贯彻党的十九大和二十届二中全会精神。 | 党的十九大 | outdated.congress.term
刚刚过去的2023年，全区经济稳中向好。
深入学习贯彻党的二十大和二十届二中全会精神。
2021年是具有里程碑意义的一年。我们隆重庆祝中国共产党成立一百周年，胜利召开党的十九届六中全会。
# 的 for 地 before a verb whose object starts with a longer word, after adverbs of jieba's kind; 的 for 得
要坚决的落实意识形态工作责任制。 | 的 | confusable.de_di
民警逐一的进行核查。 | 的 | confusable.de_di
确保项目引的来、留得住、发展好。 | 的 | confusable.de_de.complement
这是群众的来信，要认真办理。
确保项目引得来、留得住、发展好。
取得了全面的发展。
# numbers: a quoted programme opening on digits, 余 and 多 together, a list closed by 等 with the wrong count
全面落实“8项行动”。 | 8 | structure.number.quoted_name
共有50余多人参加培训。 | 余多 | structure.number.more_twice
从产业、人才、文化、生态等3个方面入手。 | 从产业、人才、文化、生态等3个方面 | structure.number.list_count
用“3个月”时间完成整改。
从产业、人才、文化等5个方面入手。
共有50余人参加培训。
# organs: the government's meeting written as a standing committee's, 镇委; a suspect called a convict
区长主持召开区政府第12次常委会议。 | 常委会议 | formulation.organ.government_meeting
镇委书记带队检查安全生产。 | 镇委书记 | formulation.organ.zhenwei
警方将犯罪嫌疑人抓获。经审讯，该罪犯对犯罪事实供认不讳。 | 罪犯 | forbidden.convict
区委书记主持召开区委第12次常委会议。
县退役军人事务局召开会议。县退役军人管理局负责落实。县退役军人事务局督办。 | 管理 | formulation.organ.two_names
县市场监督管理局会同县市场监管局执法大队开展检查。
县医疗保障局和县医疗服务局各司其职。
法院依法判处罪犯有期徒刑三年，另一犯罪嫌疑人另案处理。
"""


def _cases() -> list[tuple]:
    """The rows of ``CASES``: "text | words found | rule" is a hit, a text alone a near-miss; # lines are notes."""
    rows = [line.split(" | ") for line in CASES.splitlines() if line.strip() and not line.startswith("#")]
    return [(row[0], row[1] if len(row) > 1 else None, row[2] if len(row) > 2 else None) for row in rows]


@pytest.mark.parametrize("text, wrong, rule", _cases())
def test_round_eight_hits_and_near_misses(checker, text, wrong, rule):
    if wrong is None:
        assert_not_reported(checker, text, JUNE, ROUND_EIGHT_RULES)
    else:
        assert_found(checker, text, wrong, rule, JUNE)


def test_a_last_years_meeting_early_in_the_year_is_not_a_leftover():
    # In January a meeting may still close the year before ("召开2023年…工作会" on 10 January 2024).
    from ideowork.outlets.proofreading import Proofreader, shipped_rules

    findings = Proofreader(shipped_rules()).check("全市召开2023年宣传思想工作会议。", date=date(2024, 1, 10))
    assert [f for f in findings if f.rule.startswith("outdated")] == []
