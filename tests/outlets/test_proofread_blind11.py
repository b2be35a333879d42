"""After the eleventh held-out set was measured blind (session 12): the two false alarms it raised on correct text,
each fixed in general form — a standing term that differs from a checked one by a character, and the last of a list
of noun phrases read as an adverbial before a verb — and paired formulations whose order is fixed, added to the
reference list, each held here with sentences of its own. The hits beside the near-misses show that the checks still
report the slips they are for. Each row opens with the document's date."""

import pytest

from .test_proofread_engine import assert_case, dated_cases

RULES = ("formulation.term", "formulation.quote", "confusable.de_di")

CASES = """
# 基层组织建设 is a term of its own (党的基层组织), not 基层党组织建设 with 党 dropped
2023-05-10 | 各村要以换届为契机，持续加强农村基层组织建设。
2023-05-10 | 持续加强基层党的组织建设和基层政权建设。
2023-05-10 | 全面加强基层党组识建设，提升组织力。 | 基层党组识建设 | formulation.term
# the last of a list of "……的 + noun" phrases is a noun too, even where it could be a verb
2021-09-01 | 宽敞明亮的教室、耐心细致的服务都给家长留下了深刻印象。
2021-09-01 | 整洁的环境、周到细致的服务让群众满意。
2021-09-01 | 清晰的流程、认真的宣传也赢得了好评。
2021-09-01 | 一流的设施、热情的服务也吸引了游客。
# an adverbial before a verb outside such a list is still a slip, as is one whose verb takes an aspect marker
2021-09-01 | 各单位要耐心细致的服务群众。 | 的 | confusable.de_di
2021-09-01 | 整洁的环境、认真的学习了文件精神。 | 的 | confusable.de_di
# paired formulations whose order is fixed: the members reversed, or their objects swapped, are slips
2022-06-01 | 新闻宣传要始终围绕中心、服务大局，讲好发展故事。
2022-06-01 | 新闻宣传要始终服务大局、围绕中心，讲好发展故事。 | 服务大局、围绕中心 | formulation.quote
2022-06-01 | 努力建设让党中央放心、让人民群众满意的模范机关。
2022-06-01 | 努力建设让人民群众满意、让党中央放心的模范机关。 | 让人民群众满意、让党中央放心 | formulation.quote
2022-06-01 | 充分发挥基层党组织的战斗堡垒作用和党员的先锋模范作用。
2022-06-01 | 充分发挥党组织的先锋模范作用和党员的战斗堡垒作用。 | 党员的战斗堡垒作用 | formulation.quote
# both orders of 听党话、感党恩、跟党走 are in official use
2022-06-01 | 开展感党恩、听党话、跟党走宣讲教育。
"""


@pytest.mark.parametrize("day, text, wrong, rule", dated_cases(CASES))
def test_blind_eleven_alarms_and_hits(checker, day, text, wrong, rule):
    assert_case(checker, day, text, wrong, rule, RULES)
