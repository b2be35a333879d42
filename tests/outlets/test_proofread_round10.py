"""Proofreader round ten: the classes the tenth held-out set missed blind, and the false alarms it raised on
correct text, each with a hit and a near-miss written here (not the set's own sentences). A row with the words
found is a hit; a row without them is a near-miss, on which no rule of the round's kinds may report anything.
Each row opens with the document's date."""

from datetime import date

import pytest

from .test_proofread_engine import assert_case, dated_cases

ROUND_TEN_RULES = ("outdated", "structure.number", "structure.numbering", "formulation.quote", "formulation.organ",
                   "forbidden.convict", "confusable.de_di")

CASES = """
# a congress named before it meets, as the year's coming event; a claim that it has met is still wrong before it
2022-04-10 | 今年是党的二十大召开之年，全体干部要以昂扬姿态做好各项工作。
2012-03-01 | 今年是党的十八大胜利召开的关键之年。
2022-04-10 | 全体党员要深入学习贯彻党的二十大精神。 | 党的二十大 | outdated.congress.not_yet
# the last plenum of a term named with the next congress, each with 党的; a plenum after 思想和 is alone
2022-11-20 | 传达学习党的二十大和党的十九届七中全会精神。
2023-05-10 | 深入学习贯彻习近平新时代中国特色社会主义思想和党的十九届六中全会精神。 | 十九届六中全会 | outdated.plenum.latest
2025-03-01 | 深入学习贯彻党的二十大和党的二十届二中全会精神。 | 二十届二中全会 | outdated.plenum.latest
# an anniversary in a review of the year the text opens on, dated early in the next year
2017-02-20 | 2016年，镇党委团结带领全镇干部群众攻坚克难。\\n（一）文化工作。开展庆祝红军长征胜利80周年系列活动。
2017-02-20 | 镇党委团结带领全镇干部群众攻坚克难。\\n（一）文化工作。开展庆祝红军长征胜利80周年系列活动。 | 80 | outdated.anniversary
# a list of plenums in a review of last year that stops before the plenum held in that year
2020-01-10 | 过去一年，区政府全面贯彻落实党的十九大、十九届二中、三中全会精神，推动经济平稳发展。 | 十九届二中、三中全会 | outdated.plenum.list
2020-01-10 | 过去一年，区政府全面贯彻落实党的十九大和十九届二中、三中、四中全会精神。
# a five-year plan's good start in a text years after its first year
2022-03-01 | 确保“十三五”开好局，全力推动高质量发展。 | 十三五 | outdated.plan.start
2021-03-01 | 确保“十四五”开好局，全力推动高质量发展。
2024-03-01 | “十四五”起好步后，各项工作稳步推进。
# a policy replaced: the two-child policy after the three-child policy
2023-05-01 | 落实生育支持措施，完善二孩政策配套服务。 | 二孩政策 | outdated.policy.erhai
2023-05-01 | 全面二孩政策实施以来，出生人口有所回升。
# Arabic numerals in the session of a named body; its Chinese session beside an Arabic count is no slip
2023-01-15 | 会议传达了市十五届人大三次会议和市政协十四届3次会议精神。 | 3次 | structure.number.session_in_name
2022-05-01 | 学习贯彻省第12次党代会精神。 | 12次 | structure.number.session_in_name
2022-05-01 | 县十九届人民代表大会第1次会议选举产生了新一届领导班子。 | 1次 | structure.number.session_in_name
2023-01-15 | 区政府召开第12次常务会议，县人大常委会第5次会议同日举行。
2023-01-15 | 市十五届人大三次会议听取了12个部门的报告和8项议案。
# canonical formulations: a near-synonym, a member of a list always quoted whole left out, words of two members swapped
2023-05-01 | 各级党组织要坚持整体国家安全观，守牢安全底线。 | 整体国家安全观 | formulation.quote
2023-05-01 | 构建全员育人、全方位育人的工作格局。 | 全员育人、全方位育人 | formulation.quote
2023-05-01 | 鼓励青年投身大众创新、万众创业。 | 大众创新、万众创业 | formulation.quote
2023-05-01 | 坚持总体国家安全观，构建全员育人、全过程育人、全方位育人的格局，推动大众创业、万众创新。
# the order of the three 自觉 is fixed only since the party-discipline education of 2024
2021-05-01 | 要不断增强思想自觉、政治自觉、行动自觉。
2024-09-01 | 要不断增强思想自觉、政治自觉、行动自觉。 | 思想自觉、政治自觉、行动自觉 | formulation.quote
# a hospital's party committee written 党组; a court's 党组 beside a hospital
2023-05-01 | 县中医院召开职工大会，院党组书记作工作报告。 | 党组 | formulation.organ.hospital_party
2023-05-01 | 县人民医院党委召开会议，院党委书记主持。
2023-05-01 | 县法院召开党组会议，院党组书记主持，县人民医院院长列席。
# 罪犯 as the object of an arrest approved; a convict serving a sentence prosecuted again
2023-05-01 | 全年批捕涉黑涉恶罪犯120人，起诉150人。 | 罪犯 | forbidden.convict.arrested
2023-05-01 | 对服刑罪犯又犯新罪的依法提起公诉。
# 的 for 地 before 寻找, and before a verb whose object opens on 中国 (a place suffix that begins a word)
2018-02-20 | 鼓励他们积极的寻找就业门路。 | 的 | confusable.de_di
2020-05-20 | 各校充分的发挥中国特色社会主义制度优势。 | 的 | confusable.de_di
2018-02-20 | 经过积极的寻找，问题得到解决。
2020-05-20 | 全面的发展中国家关系，深入的调研中发现问题。
# a number skipped to and then written again: only the first is the slip
2020-05-20 | 要求：一是加强学习，三是严格管理，三是强化监督，四是狠抓落实。 | 三 | structure.numbering.inline
"""


@pytest.mark.parametrize("day, text, wrong, rule", dated_cases(CASES))
def test_round_ten_hits_and_near_misses(checker, day, text, wrong, rule):
    assert_case(checker, day, text, wrong, rule, ROUND_TEN_RULES)


def test_a_number_skipped_to_and_written_again_is_reported_once(checker):
    findings = checker.check("要求：一是加强学习，三是严格管理，三是强化监督，四是狠抓落实。", date=date(2020, 5, 20))
    assert [f.text for f in findings if f.rule == "structure.numbering.inline"] == ["三"]
