"""Proofreader round nine: the classes of miss of the ninth held-out set, each with a hit and a near-miss
written here (not the set's own sentences). A row with the words found is a hit; a row without them is a
near-miss, on which no rule of the round's kinds may report anything. Each row opens with the document's date."""

import pytest

from .test_proofread_engine import assert_case, dated_cases

ROUND_NINE_RULES = ("outdated", "structure.number", "formulation", "confusable.de_di", "confusable.de_de")

CASES = """
# 的 for 地 before a verb of going ("前往", "赶赴"); as the head of a noun phrase it stays 的
2021-07-01 | 接到报警后，救援队员火速的赶赴事发地点。 | 的 | confusable.de_di
2021-07-01 | 消防队员迅速地赶往火场，作出了迅速的反应。
# a complement of degree written with 的 in a sentence whose other complement is written with 得
2019-05-01 | 这次整改动作快，台账建的非常清楚，问题改得十分彻底。 | 的 | confusable.de_de.degree
2019-05-01 | 他提的很对，材料写得十分扎实。
2019-05-01 | 台账建的非常清楚。
# 地 inside the object of a verb of knowing, before the noun it qualifies
2016-04-01 | 只有深入走访，才能摸清群众真实地生活状况。 | 地 | confusable.de_di.noun
2016-04-01 | 要深入走访，如实地反映情况，了解并准确地掌握情况。
# a fixed four-character phrase with a homophone slip in the half a common word keys poorly, or in both of
# its doubled characters
2016-04-01 | 人才队伍建设对县域发展致关重要。 | 致关重要 | formulation.idiom
2016-04-01 | 他几十年如一日兢兢叶叶，扎根基层。 | 兢兢叶叶 | formulation.idiom
2016-04-01 | 持续整顿软弱换散基层党组织。 | 软弱换散 | formulation.idiom
2016-04-01 | 持续整顿软弱涣散基层党组织，这一点至关重要，干部要兢兢业业、勤勤恳恳。
# a law cited in book-title marks with a run of its name dropped
2009-03-01 | 依照《中华人民共和国各级人民代表大会监督法》听取专项工作报告。 | 中华人民共和国各级人民代表大会监督法 | formulation.term.dropped
2009-03-01 | 依照《中华人民共和国各级人民代表大会常务委员会监督法》听取专项工作报告。
# the congress whose tasks are being carried out is the latest one at the document's date
1994-06-01 | 全县上下要为实现党的十三大确定的奋斗目标而努力。 | 党的十三大 | outdated.congress.latest
1994-06-01 | 全县上下要为实现党的十四大确定的奋斗目标而努力。
1990-06-01 | 全县上下要为实现党的十三大确定的奋斗目标而努力。
# the Party Centre named after its leader: 胡锦涛 为总书记; 习近平 为核心 only after the Sixth Plenum of 2016;
# the leadership "under which" a text works is that of its date
2008-09-01 | 在以胡锦涛同志为核心的党中央领导下，改革开放不断深化。 | 以胡锦涛同志为核心的党中央 | formulation.leader.title
2008-09-01 | 在以胡锦涛同志为总书记的党中央领导下，改革开放不断深化。
2015-03-01 | 全省在以习近平同志为核心的党中央坚强领导下砥砺前行。 | 以习近平同志为核心的党中央 | formulation.leader.period
2019-03-01 | 全省在以习近平同志为总书记的党中央坚强领导下砥砺前行。 | 以习近平同志为总书记的党中央 | formulation.leader.period
2007-03-01 | 全市在以江泽民同志为核心的党中央坚强领导下砥砺前行。 | 以江泽民同志为核心的党中央 | formulation.leader.period
2007-03-01 | 十三年来，全市在以江泽民同志为核心的党中央领导下砥砺前行。
2019-03-01 | 全省在以习近平同志为核心的党中央坚强领导下砥砺前行。
# 又快又好 after 又好又快 became the formula (December 2006)
2009-05-01 | 推动全县经济又快又好发展。 | 又快又好发展 | formulation.youhaoyoukuai
2005-05-01 | 推动全县经济又快又好发展。
# canonical formulations with a verb or a word replaced, or a member of a list left out
2012-09-01 | 必须坚持和健全人民代表大会制度。 | 坚持和健全人民代表大会制度 | formulation.quote
2012-09-01 | 坚持和发展中国特色社会主义，坚持和完善人民代表大会制度。
2012-09-01 | 正如毛泽东同志所说，“没有调查，就没有话语权”。 | 没有调查，就没有话语权 | formulation.quote
2012-09-01 | 正如毛泽东同志所说，“没有调查，就没有发言权”。
2012-09-01 | 弘扬“爱国守法、团结友善、勤俭自强、敬业奉献”的道德规范。 | 爱国守法、团结友善、勤俭自强、敬业奉献 | formulation.quote
2012-09-01 | 弘扬“爱国守法、明礼诚信、团结友善、勤俭自强、敬业奉献”的道德规范。
# a two-digit year a span is counted from, read against the document's date; a span of years is no year
1998-03-01 | 自93年以来，全县累计新建校舍120所。 | 93年 | structure.number.short_year
1998-03-01 | 改革开放20年以来，全县累计新建校舍120所。
2012-03-01 | 07年起，全县累计新建校舍120所。 | 07年 | structure.number.short_year
# a quoted formulation named by its number of characters in digits; a length in digits
2020-03-01 | 落实“产业兴旺、生态宜居、乡风文明、治理有效、生活富裕”的20字总要求。 | 20字 | structure.number.fixed_word
2020-03-01 | 稿件每篇不超过800字，摘要在20字以内。
# an exact count of three figures in Chinese numerals beside a count in digits of the same thing
2011-04-01 | 全市共评出一千三百二十六名优秀党员，另有95名获提名。 | 一千三百二十六名 | structure.number.mixed_counts
2011-04-01 | 全市两千余名党员参加，另有95名获提名。
"""


@pytest.mark.parametrize("day, text, wrong, rule", dated_cases(CASES))
def test_round_nine_hits_and_near_misses(checker, day, text, wrong, rule):
    assert_case(checker, day, text, wrong, rule, ROUND_NINE_RULES)
