"""Proofreader round five: the classes the fourth held-out set missed, each with a hit and a near-miss
written here (not the set's own sentences)."""

from datetime import date

import pytest

from ideowork.outlets.proofreading.checks.terms import homophones, idioms

from .test_proofread_engine import assert_found, assert_not_reported

DAY = date(2024, 6, 1)


@pytest.mark.parametrize("text, wrong, rule_prefix, day", [
    # a four-character phrase with one homophone wrong
    ("各支部要继往开来、承前起后，推动工作。", "承前起后", "formulation.idiom", DAY),
    ("坚持真抓实干、立说立形，确保见效。", "立说立形", "formulation.idiom", DAY),
    # 的 for 地 after an adverb that is never an attribute, after a modal, before 把 and before digits
    ("要尽快的研究出台实施细则。", "的", "confusable.de_di", DAY),
    ("各单位要不断的完善工作机制。", "的", "confusable.de_di", DAY),
    ("全体党员要自觉的把纪律挺在前面。", "的", "confusable.de_di", DAY),
    ("要及早的制定2024年培训计划。", "的", "confusable.de_di", DAY),
    ("着力解决群众关心地难点问题。", "地", "confusable.de_di.noun", DAY),
    # dated references
    ("深入学习贯彻党的二十大和二十届二中全会精神。", "二十届二中全会", "outdated.plenum.latest", date(2025, 4, 1)),
    ("全面贯彻党的十九大和省第十五次党代会精神。", "党的十九大", "outdated.congress.latest", date(2023, 5, 1)),
    ("会议学习了政府工作报告。国务院总理在十四届全国人大一次会议上所作的报告，总结了过去一年的工作。",
     "十四届全国人大一次会议", "outdated.session.report", date(2024, 3, 20)),
    ("会上，各科室负责人汇报了2023年工作计划。", "2023", "outdated.year.plan", date(2024, 2, 20)),
    ("宣读了关于表彰2021年度先进集体的决定。", "2021", "outdated.year.commendation", date(2023, 2, 1)),
    ("今年是人民检察制度创立95周年。", "95", "outdated.anniversary", date(2021, 6, 1)),
    # counts and lists
    ("全年共评出一等奖2个、二等奖3个、三等奖七个。", "七个", "structure.number.mixed_counts", DAY),
    ("会议要求，一是提高站位；二是压实责任；三是，强化督导；四是严肃纪律。", "三是，", "structure.numbering.inline_comma", DAY),
    ("会议要求，一是提高站位；二是压实责任；三是强化督导；四、严肃纪律。", "四、", "structure.numbering.inline_mixed", DAY),
    ("要深刻认识到到这项工作的重要性。", "到到", "structure.doubled", DAY),
    # titles and formulas of organs
    ("县法院召开院党委会议，院长主持。", "院党委", "formulation.organ.court_party", DAY),
    ("县统战部部长出席会议。", "县统战部", "formulation.organ.weidept", DAY),
    ("市人大党组书记主持学习。", "市人大党组", "formulation.organ.rendadangzu", DAY),
    ("付局长传达了会议精神。", "付局长", "formulation.organ.fu", DAY),
    ("请市政协各位代表提出意见。", "政协各位代表", "cautious.zhengxiedaibiao", DAY),
    ("推进国家治理体系和治理水平现代化。", "国家治理体系和治理水平现代化", "formulation.quote", DAY),
    ("为大局服务、为人民司法、为法制担当。", "为大局服务、为人民司法、为法制担当", "formulation.quote", DAY),
    ("增进各族群众“四个认同”。", "“四个认同”", "formulation.wugerentong", DAY),
])
def test_round_five_classes_are_found(checker, text, wrong, rule_prefix, day):
    assert_found(checker, text, wrong, rule_prefix, day)


@pytest.mark.parametrize("text, day", [
    ("习近平在进一步推动长江经济带发展座谈会上的讲话。", DAY),  # 在 + 进一步, not 再进一步
    ("活动丰富多彩，群众喜闻乐见。", DAY),  # a word of the dictionary, beside the older 丰富多采
    ("一年一次的评比，每年一度的盛会。", DAY),
    ("经过认真的审查，材料齐全。", DAY),
    ("深入的调研工作，有效的落实机制。", DAY),
    ("深入学习贯彻党的二十大和二十届一中全会精神。", date(2023, 6, 1)),
    ("深入学习贯彻党的十六大和十六届三中全会精神。", date(2024, 5, 1)),
    ("会上，各科室负责人汇报了2023年工作计划执行情况。", date(2024, 2, 20)),
    ("表彰2023年度先进集体和先进个人。", date(2024, 2, 1)),
    ("共有23个集体和一名个人受到表彰。", DAY),
    ("会议传达了全省、全市统战部长会议精神。", DAY),
    ("各市县统战部、区县统战部要抓好落实。", DAY),
    ("市第一人民医院召开院党委会议。", DAY),
    ("支付局长办公室的费用。", DAY),
    ("一是，提高站位；二是，压实责任；三是，强化督导。", DAY),
    ("坚持为大局服务、为人民服务，做好宣传工作。", DAY),
])
def test_round_five_near_misses_are_not_reported(checker, text, day):
    new = ("formulation.idiom", "confusable.de_di", "outdated", "structure.number.mixed_counts",
           "structure.numbering.inline_comma", "structure.numbering.inline_mixed", "formulation.organ",
           "formulation.judicial")
    assert_not_reported(checker, text, day, new)


def test_the_homophone_and_idiom_tables_are_read():
    assert "厚" in homophones()["后"] and "启" in homophones()["起"]
    assert {"承上启下", "严管厚爱", "立说立行"} <= set(idioms())
    assert all(len(idiom) == 4 for idiom in idioms())
