"""The proofreader's checks of what editors miss: each finds its error and leaves the correct neighbour alone.

Doubled words, outdated references against the document's date, misspelt fixed terms, formulations,
official titles of state organs, the Xinhua list, 的/地, number usage and numbering.
"""

from datetime import date
from pathlib import Path

import pytest

from ideowork.outlets.proofreading.checks.history import events
from ideowork.outlets.proofreading.checks.terms import MIN_LENGTH, terms
from ideowork.outlets.proofreading.rules import DATA_DIR

from .test_proofread_engine import DAY, found


def suggestions(checker, text, *, day=DAY):
    return [(f.text, f.rule, f.suggestion) for f in checker.check(text, date=day)]


# --- doubled words ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, wrong", [
    ("要加强加强党的建设。", "加强加强"),
    ("要进一步进一步提高政治站位。", "进一步进一步"),
    ("推动意识形态意识形态工作责任制落实。", "意识形态意识形态"),
    ("全面落实总书记总书记关于意识形态工作的重要论述。", "总书记总书记"),
    ("深入学习学习贯彻党的二十大精神。", "学习学习"),
    ("全面推进意识形态工作，切实加强\n加强阵地管理，确保落到实处。", "加强"),
])
def test_a_word_written_twice_is_reported(checker, text, wrong):
    assert (wrong, "structure.doubled_word") in found(checker, text)


@pytest.mark.parametrize("text", [
    "今天主要是和大家一起研究研究机构编制干部能力提升的问题，到街道去了解了解情况。",
    "大家回去讨论讨论，看看怎么办。",
    "要一个一个地落实，一步一步地推进，天天学习。",
    "他说着说着就笑了。这个问题非常非常重要。",
    "认认真真、扎扎实实、踏踏实实地做好工作。",
    "一、总体要求\n总体要求是明确的。",
    "帮助发展发展中国家。人民人民币",
])
def test_reduplication_and_neighbouring_words_are_not_doubled_words(checker, text):
    assert [f for f in found(checker, text) if f[1] == "structure.doubled_word"] == []


# --- outdated references against the document's date ------------------------------------------------------

def test_the_events_table_is_complete_and_ordered():
    table = events()
    assert sorted(table.congresses) == list(range(1, 21))
    days = [table.congresses[n] for n in sorted(table.congresses)]
    assert days == sorted(days)
    assert table.plans[14] == (2021, 2025) and table.plans[15] == (2026, 2030)
    assert table.npc[14] == 2023 and table.anniversaries["建党"] == 1921


@pytest.mark.parametrize("text, day, wrong, rule", [
    ("深入学习贯彻党的二十届四中全会精神。", date(2025, 3, 1), "二十届四中全会", "outdated.congress.not_yet"),
    ("即将召开的党的二十大是一次十分重要的大会。", date(2022, 11, 1), "党的二十大", "outdated.congress.forthcoming"),
    ("以优异成绩迎接党的二十大胜利召开。", date(2023, 1, 5), "党的二十大", "outdated.congress.forthcoming"),
    ("全面贯彻党的十九大精神，推动工作。", date(2024, 5, 1), "党的十九大", "outdated.congress.latest"),
    ("今年召开的十四届全国人大二次会议审议通过了政府工作报告。", date(2025, 6, 1), "十四届全国人大二次会议",
     "outdated.session.year"),
    ("十四届全国人大三次会议审议通过了政府工作报告。", date(2025, 2, 1), "十四届全国人大三次会议",
     "outdated.session.not_yet"),
    ("2025年是“十四五”开局之年。", date(2025, 6, 1), "十四五", "outdated.plan.year"),
    ("今年是“十五五”规划收官之年。", date(2026, 6, 1), "十五五", "outdated.plan.year"),
    ("隆重庆祝中国共产党成立103周年。", date(2025, 6, 1), "103", "outdated.anniversary"),
    ("纪念中国人民抗日战争暨世界反法西斯战争胜利七十九周年。", date(2025, 8, 1), "七十九", "outdated.anniversary"),
    ("迎接第十个全民国家安全教育日。", date(2026, 4, 10), "十", "outdated.anniversary"),
    ("喜迎中国共产党成立105周年。", date(2025, 5, 10), "105", "outdated.anniversary"),
    ("学习贯彻十四届全国人大二次会议精神。", date(2025, 5, 10), "十四届全国人大二次会议", "outdated.session.latest"),
    ("决胜全面建成小康社会，推动高质量发展。", date(2024, 5, 1), "决胜全面建成小康社会",
     "outdated.goal.juesheng_xiaokang"),
    ("坚决打赢脱贫攻坚战。", date(2023, 5, 1), "坚决打赢脱贫攻坚战", "outdated.goal.jianjue_daying"),
    ("深入学习贯彻党的十九届六中全会精神。", date(2024, 5, 1), "十九届六中全会", "outdated.congress.latest"),
    ("今年是全面贯彻党的二十大精神的开局之年。", date(2024, 3, 1), "贯彻党的二十大精神的开局之年",
     "outdated.spirit_year"),
])
def test_outdated_references_are_judged_against_the_date(checker, text, day, wrong, rule):
    assert (wrong, rule) in found(checker, text, day=day)


@pytest.mark.parametrize("text, day", [
    ("深入学习贯彻党的二十届四中全会精神。", date(2025, 12, 1)),
    ("以优异成绩迎接党的二十大胜利召开。", date(2022, 6, 1)),
    ("2018年，我们深入学习贯彻党的十九大精神。", date(2024, 5, 1)),
    ("深入学习贯彻党的十八大和十九大精神。", date(2019, 5, 1)),
    ("党的十八大以来，我们取得了历史性成就。", date(2024, 5, 1)),
    ("中国共产党第十九次全国代表大会也将在今年召开。", date(2017, 3, 1)),
    ("市政府召开九届七次全体会议。省委十一届四中全会作出部署。", date(2025, 3, 7)),
    ("十四届全国人大三次会议审议通过了政府工作报告。", date(2025, 6, 1)),
    ("今年是“十五五”规划开局之年。在“十四五”开局之年，我们推出了一批项目。", date(2026, 6, 1)),
    ("学习习近平总书记在庆祝中国共产党成立100周年大会上的重要讲话精神。", date(2024, 6, 1)),
    ("迎接建党105周年。", date(2025, 12, 1)),
    ("学习贯彻十四届全国人大二次会议精神。", date(2024, 5, 10)),
    ("新中国成立75周年，改革开放46周年。", date(2024, 10, 1)),
    ("我们如期全面建成小康社会、打赢了脱贫攻坚战。", date(2023, 5, 1)),
    ("决胜全面建成小康社会，推动高质量发展。", date(2019, 5, 1)),
    ("深入学习贯彻党的十九届六中全会精神。", date(2021, 12, 1)),
    ("深入学习贯彻党的十六大和十六届三中全会精神。", date(2024, 5, 1)),
    ("坚定道路自信、理论自信、制度自信。", date(2014, 1, 1)),
    ("今年是全面贯彻党的二十大精神的开局之年。", date(2023, 3, 1)),
])
def test_correct_dated_references_are_not_reported(checker, text, day):
    assert [f for f in found(checker, text, day=day) if f[1].startswith("outdated.")] == []


# --- misspelt fixed terms ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("坚持中国特色社会主意。", "中国特色社会主意", "中国特色社会主义"),
    ("推动中华民族伟大复新。", "中华民族伟大复新", "中华民族伟大复兴"),
    ("学习习近平新时代中国特色社会主义思相。", "习近平新时代中国特色社会主义思相", "习近平新时代中国特色社会主义思想"),
    ("铸牢中华民族共同意识。", "铸牢中华民族共同意识", "铸牢中华民族共同体意识"),
    ("推进全面从严治党向纵身发展。", "全面从严治党向纵身发展", "全面从严治党向纵深发展"),
    ("落实网络意识形态工做责任制。", "网络意识形态工做责任制", "网络意识形态工作责任制"),
    ("国家卫生建康委员会印发通知。", "国家卫生建康委员会", "国家卫生健康委员会"),
    ("中国人民政治协商会议全国委员员会", "中国人民政治协商会议全国委员员会", "中国人民政治协商会议全国委员会"),
    ("全国人民代表大会常务委会", "全国人民代表大会常务委会", "全国人民代表大会常务委员会"),
    ("人力资源和社会保降部", "人力资源和社会保降部", "人力资源和社会保障部"),
    ("市住房和城乡建没局", "住房和城乡建没局", "住房和城乡建设局"),
])
def test_a_fixed_term_with_one_character_wrong_is_reported(checker, text, wrong, right):
    assert (wrong, "formulation.term", right) in suggestions(checker, text)


@pytest.mark.parametrize("text", [
    "推进全面依法治省，坚持全面从严治警、全面从严管党治党。",
    "区市场监督管理分局、市住房和城乡建设局、省人力资源和社会保障厅、国家市场监督管理分局。",
    "制定意识形态工作责任清单，严格执行意识形态工作责任追究制度。",
    "高举中国特色社会主义伟大旗帜，全面建设小康社会。",
    "鄧小平理論和“三個代表”重要思想。",
    "一是加强党性学习教育。",
])
def test_correct_neighbours_of_fixed_terms_are_not_reported(checker, text):
    assert [f for f in found(checker, text) if f[1] == "formulation.term"] == []


def test_a_word_rule_wins_over_the_fuzzy_match_on_the_same_words(checker):
    assert found(checker, "坚持全面从严冶党。") == [("从严冶党", "formulation.zhidang")]


def test_the_fixed_terms_are_long_unique_and_of_chinese_text():
    checked = terms()
    assert len(checked) == len(set(checked)) >= 150
    assert sum(len(t) >= MIN_LENGTH for t in checked) >= 120


# --- formulations, titles of state organs, the Xinhua list ---------------------------------------------------

@pytest.mark.parametrize("text, wrong, rule", [
    ("坚定“四个意识”。", "坚定“四个意识”", "formulation.verb.sigeyishi.jianding.q"),
    ("增强“四个自信”。", "增强“四个自信”", "formulation.verb.sigezixin.zengqiang.q"),
    ("坚定“两个维护”。", "坚定“两个维护”", "formulation.verb.liangeweihu.jianding.q"),
    ("做到“两个确立”。", "做到“两个确立”", "formulation.verb.liangequeli.zuodao.q"),
    ("坚定“五个自信”。", "“五个自信”", "formulation.count.wugezixin"),
    ("自由、平等、公平、法治", "自由、平等、公平、法治", "formulation.hexinjiazhi.gongping"),
    ("坚持严以修身、严以律己、严以用权。", "严以修身、严以律己、严以用权", "formulation.sanyansanshi.order"),
    ("学习党史、改革开放史、新中国史、社会主义发展史。", "党史、改革开放史、新中国史、社会主义发展史", "formulation.sishi.order"),
    ("牢记使命、不忘初心", "牢记使命、不忘初心", "formulation.chuxin.order"),
    ("增强政治意识、大局意识、核心意识，做到“两个维护”。", "政治意识、大局意识、核心意识", "formulation.sigeyishi.missing"),
    ("坚持创新、协调、绿色、开放的发展理念。", "创新、协调、绿色、开放", "formulation.xinfazhanlinian.missing"),
    ("国家教育部印发通知。", "国家教育部", "formulation.organ.guojia.jiaoyubu"),
    ("会同国家发改委。", "国家发改委", "formulation.organ.fagaiwei.short"),
    ("市人力资源与社会保障局", "人力资源与社会保障", "formulation.organ.renshebu.yu"),
    ("国家统计总局下发通知。", "国家统计总局", "formulation.organ.tongji"),
    ("全国政协委员会召开会议。", "全国政协委员会", "formulation.organ.zhengxie.weiyuanhui"),
    ("公司法人代表签字。", "法人代表", "forbidden.farendaibiao"),
    ("世界贸易组织成员国", "世界贸易组织成员国", "forbidden.wto.chengyuanguo"),
    ("这位影帝出席活动。", "影帝", "forbidden.yingdi"),
    ("县人大主任出席会议。", "人大主任", "cautious.rendazhuren"),
    ("市农村农业局", "农村农业局", "formulation.organ.nongye.order.ju"),
    ("区退伍军人事务局", "退伍军人事务局", "formulation.organ.tuiyi.ju"),
])
def test_formulations_titles_and_xinhua_usages(checker, text, wrong, rule):
    assert (wrong, rule) in found(checker, text)


@pytest.mark.parametrize("text", [
    "增强“四个意识”、坚定“四个自信”、做到“两个维护”，深刻领悟“两个确立”的决定性意义。",
    "坚持富强、民主、文明、和谐，自由、平等、公正、法治，爱国、敬业、诚信、友善。",
    "进行伟大斗争、建设伟大工程、推进伟大事业、实现伟大梦想。",
    "增强政治意识、大局意识、核心意识、看齐意识和担当意识。富强、民主、文明、和谐是国家层面的价值目标。",
    "国家安全部门、国家教育部门和国家发展改革委、人力资源社会保障部联合发文。",
    "全国政协委员会见了代表。国家监察委员会、中央纪委国家监委。",
    "法定代表人签字。妈妈的话。天王星。自由女神像。伪满洲国。",
])
def test_correct_formulations_and_titles_are_not_reported(checker, text):
    assert found(checker, text) == []


# --- 的/地 -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["要认真的学习文件精神。", "扎实的推进乡村振兴。", "切实的解决群众反映的问题。",
                                  "全面的推进了各项工作。", "主动的承担责任。", "创造性的开展工作。",
                                  "通过自学，系统的掌握基本理论。"])
def test_de_before_a_verb_with_an_object_should_be_di(checker, text):
    assert ("的", "confusable.de_di") in found(checker, text)


@pytest.mark.parametrize("text", ["经过认真的学习，大家提高了认识。", "得到全面的提高。", "深入的调研工作",
                                  "有效的落实机制", "积极的参与者", "认真的态度", "扎实的工作",
                                  "提供高质量的学习材料。", "进行系统的学习。"])
def test_de_before_a_noun_or_nominalised_verb_is_right(checker, text):
    assert found(checker, text) == []


# --- numbers and numbering --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, wrong, rule", [
    ("增长百分之5。", "百分之5", "structure.number.percent"),
    ("占3分之1。", "3分之1", "structure.number.fraction"),
    ("有10几个单位。", "10几", "structure.number.ji"),
    ("25年3月召开。", "25年", "structure.number.short_year"),
    ("增长3．5%。", "．", "structure.number.point"),
    ("投入1万5千元。", "1万5千", "structure.number.wan_qian"),
    ("约50人左右参加。", "约50人左右", "structure.number.approximate_twice"),
    ("增幅超过30%以上。", "超过30%以上", "structure.number.approximate_twice"),
    ("全市约有300家左右企业参加。", "约有300家左右", "structure.number.approximate_twice"),
    ("培训人员200余人左右。", "200余人左右", "structure.number.approximate_twice"),
    ("比上年增长百分之十五点5。", "百分之十五点5", "structure.number.percent"),
    ("二〇二五年3月5日", "二〇二五年3月", "structure.number.mixed_date"),
])
def test_number_usage(checker, text, wrong, rule):
    assert (wrong, rule) in found(checker, text)


@pytest.mark.parametrize("text", ["增长5%，占三分之一，有十几个单位。", "2025年3月召开。服刑15年3个月。",
                                  "节约10%左右的成本。约50人参加，增长30%左右。投入1.5万元。200余人参加。",
                                  "2025年3月5日，二〇二五年三月五日。"])
def test_correct_number_usage_is_not_reported(checker, text):
    assert found(checker, text) == []


@pytest.mark.parametrize("text, wrong, rule", [
    ("要做好三方面工作：一是加强学习；二是完善制度；四是强化督查。", "四", "structure.numbering.inline"),
    ("一是加强学习；二是完善制度；二是强化督查。", "二", "structure.numbering.inline"),
    ("第一，加强学习；第二，完善制度；第四，强化督查。", "四", "structure.numbering.inline"),
    ("第一条 为了规范管理，制定本办法。\n第二条 本办法适用于全市。\n第四条 本办法自印发之日起施行。\n", "四",
     "structure.numbering.inline"),
    ("一、总体要求\n（二）主要目标\n（三）工作原则\n", "（二）", "structure.numbering.sequence"),
    ("上午9：30在会议室召开。", "：", "structure.number.colon"),
    ("主要包括：（1）学习；（2）调研；（4）总结。", "4", "structure.numbering.inline"),
    ("①学习②调研④总结", "④", "structure.numbering.inline"),
    ("第一章 总则\n第二章 职责\n第四章 附则\n", "四", "structure.numbering.inline"),
])
def test_numbering_sequences(checker, text, wrong, rule):
    assert (wrong, rule) in found(checker, text)


@pytest.mark.parametrize("text", ["一是加强学习；二是完善制度；三是强化督查。", "一是加强学习。\n三是强化督查。",
                                  "她说这是不是真的，二是什么意思。", "主要包括：（1）学习；（2）调研；（3）总结。",
                                  "①学习②调研③总结。", "第一、二季度完成一半，第三、四季度完成其余。", "第一章 总则\n第二章 职责\n第三章 附则\n",
                                  "一、总体\n（一）甲\n（二）乙\n二、任务\n（一）丙\n"])
def test_correct_sequences_are_not_reported(checker, text):
    assert found(checker, text) == []


def test_a_half_parenthesis_numbering_marker_is_one_numbering_finding(checker):
    assert found(checker, "一、总体\n（一）甲\n1）乙\n") == [("1）", "structure.numbering.form")]
    assert found(checker, "他说）不对") == [("）", "structure.pairing")]


# --- what editors miss: fixed verbs and members, outdated bodies and laws, fixed words with numerals -----------

@pytest.mark.parametrize("text, wrong, rule", [
    ("深刻领悟“两个确立”的重大意义。", "“两个确立”的重大意义", "formulation.liangequeli.zhongda.q"),
    ("牢牢把握意识形态工作领导权。", "牢牢把握意识形态工作领导权", "formulation.lingdaoquan.baowo"),
    ("落实意识形态责任制。", "意识形态责任制", "formulation.zerenzhi.nogongzuo"),
    ("坚持和加强党的集中领导。", "坚持和加强党的集中领导", "formulation.quanmianlingdao.jizhong"),
    ("在以习近平同志为首的党中央坚强领导下。", "以习近平同志为首的党中央", "formulation.hexin.weishou"),
    ("全面贯彻党的二十大和二十届历届全会精神。", "届历届全会", "formulation.lijie.quanhui"),
    ("协调推进“五位一体”总体布局。", "协调推进“五位一体”", "formulation.buju.wuweiyiti.xietiao"),
    ("协调推进“四个全面”总体布局。", "“四个全面”总体布局", "formulation.buju.sigequanmian.zongti"),
    ("筑牢中华民族共同体意识。", "筑牢中华民族共同体意识", "formulation.gongtongti.zhulao"),
    ("保证人民当家做主。", "人民当家做主", "formulation.dangjiazuozhu"),
    ("跳出历史周期律。", "历史周期律", "formulation.zhouqilv"),
    ("推进国家治理能力和治理体系现代化。", "国家治理能力和治理体系现代化", "formulation.zhili.order"),
    ("意识形态工作是党的一项十分重要的工作。", "意识形态工作是党的一项十分重要的工作", "formulation.yijiduan.shifen"),
    ("举旗帜、聚民心、育新人、兴文化、树形象。", "兴文化、树形象", "formulation.shimingrenwu.shuxingxiang"),
    ("坚持人民至上、守正创新、自信自立、问题导向。", "人民至上、守正创新、自信自立、问题导向", "formulation.liugebixu.order"),
    ("一体推进不敢腐、不想腐、不能腐。", "不敢腐、不想腐、不能腐", "formulation.sanbufu.order"),
    ("提高政治领悟力、政治判断力、政治执行力。", "政治领悟力、政治判断力、政治执行力", "formulation.zhengzhinengli.order"),
    ("坚持学思想、重实践、强党性、建新功。", "学思想、重实践、强党性、建新功", "formulation.zhutijiaoyu.order"),
    ("坚持稳中有进工作总基调。", "稳中有进工作总基调", "formulation.zongjidiao.wenzhongyoujin"),
    ("倡导富强、民主、和谐，倡导自由、平等、公正、法治，倡导爱国、敬业、诚信、友善。",
     "富强、民主、和谐，倡导自由、平等、公正、法治，倡导爱国、敬业、诚信、友善", "formulation.hexinjiazhiguan.missing"),
    ("准确、完整、全面贯彻新发展理念。", "准确、完整、全面贯彻新发展理念", "formulation.xinfazhan.order"),
])
def test_fixed_formulations_with_a_wrong_verb_member_or_order(checker, text, wrong, rule):
    assert (wrong, rule) in found(checker, text)


@pytest.mark.parametrize("text, wrong, right", [
    ("培育和践行富强、民主、文明、和睦，自由、平等、公正、法治。", "富强、民主、文明、和睦", "富强、民主、文明、和谐"),
    ("爱国、敬业、诚信、有善。", "爱国、敬业、诚信、有善", "爱国、敬业、诚信、友善"),
    ("贯彻创新、协调、绿色、开发、共享的新发展理念。", "创新、协调、绿色、开发、共享", "创新、协调、绿色、开放、共享"),
    ("做到严以修身、严于用权、严以律己。", "严以修身、严于用权、严以律己", "严以修身、严以用权、严以律己"),
    ("学习《中华人民共和国国家安金法》。", "中华人民共和国国家安金法", "中华人民共和国国家安全法"),
    ("国家宗教事物局", "国家宗教事物局", "国家宗教事务局"),
    ("紧紧团结在习近平同志为核心的党中央周围。", "在习近平同志为核心的党中央", "以习近平同志为核心的党中央"),
    ("市卫生建康委员会印发通知。", "卫生建康委员会", "卫生健康委员会"),
])
def test_a_member_of_a_fixed_formulation_or_name_written_wrong_is_reported(checker, text, wrong, right):
    assert (wrong, "formulation.term", right) in suggestions(checker, text)


@pytest.mark.parametrize("text", [
    "深刻领悟“两个确立”的决定性意义，牢牢掌握意识形态工作领导权，落实意识形态工作责任制。",
    "坚持和加强党的全面领导，统筹推进“五位一体”总体布局、协调推进“四个全面”战略布局。",
    "铸牢中华民族共同体意识，保证人民当家作主，跳出治乱兴衰的历史周期率。",
    "建设富强民主文明和谐美丽的社会主义现代化强国；富强、民主、文明、和谐、美丽。",
    "坚持人民至上、自信自立、守正创新、问题导向、系统观念、胸怀天下。一体推进不敢腐、不能腐、不想腐。",
    "学习《中华人民共和国民事诉讼法》《中华人民共和国刑事诉讼法》和《中华人民共和国劳动合同法》。",
    "严于律己、宽以待人。党的基本路线、基本方针和基本政策。",
    "紧紧团结在以习近平同志为核心的党中央周围。市卫生健康委员会、县民族宗教事务委员会。",
    "倡导富强、民主、文明、和谐，倡导自由、平等、公正、法治，倡导爱国、敬业、诚信、友善。富强、民主、文明，自由、平等。",
])
def test_the_canonical_formulations_are_not_reported(checker, text):
    assert found(checker, text) == []


@pytest.mark.parametrize("text, day, wrong, rule", [
    ("依据《中华人民共和国合同法》签订协议。", date(2024, 5, 1), "合同法", "outdated.law.hetongfa"),
    ("依照行政监察法的规定。", date(2020, 5, 1), "行政监察法", "outdated.law.xingzhengjianchafa"),
    ("县农业局组织培训。", date(2023, 5, 1), "农业局", "outdated.local.nongyeju"),
    ("市银保监分局通报情况。", date(2024, 5, 1), "银保监分局", "outdated.local.yinbaojianfenju"),
    ("中央综治委部署工作。", date(2020, 5, 1), "中央综治委", "outdated.zongzhiwei.short"),
    ("县国土局、卫计局联合发文。", date(2020, 5, 1), "国土局", "outdated.local.guotuju"),
    ("县卫计局联合发文。", date(2020, 5, 1), "卫计局", "outdated.local.weijiju.short"),
    ("李克强总理在政府工作报告中指出。", date(2024, 5, 1), "李克强总理", "outdated.leader.likeqiang.zongli"),
    ("深入实施“十四五”规划。", date(2026, 6, 1), "十四五", "outdated.period"),
    ("今年是“十四五”规划的关键之年。", date(2026, 6, 1), "十四五", "outdated.period"),
])
def test_renamed_bodies_repealed_laws_and_ended_plans(checker, text, day, wrong, rule):
    assert (wrong, rule) in found(checker, text, day=day)


@pytest.mark.parametrize("text, day", [
    ("依据《中华人民共和国合同法》签订协议。", date(2019, 5, 1)),
    ("依据《中华人民共和国劳动合同法》签订劳动合同。", date(2024, 5, 1)),
    ("县农业农村局组织培训。", date(2023, 5, 1)),
    ("深入实施“十四五”规划。", date(2024, 6, 1)),
    ("2024年是“十四五”规划的关键之年。", date(2026, 6, 1)),
    ("原县农业局局长。", date(2023, 5, 1)),
    ("县国土局、卫计局联合发文。", date(2017, 5, 1)),
    ("县自然资源局、卫健局联合发文。", date(2020, 5, 1)),
    ("李克强总理在政府工作报告中指出。", date(2022, 5, 1)),
    ("2022年，李克强总理在政府工作报告中指出。", date(2024, 5, 1)),
])
def test_current_names_laws_and_plans_are_not_reported(checker, text, day):
    assert [f for f in found(checker, text, day=day) if f[1].startswith("outdated.")] == []


@pytest.mark.parametrize("text, wrong, fixed", [
    ("增强4个意识。", "4个意识", "四个意识"),
    ("做到2个维护。", "2个维护", "两个维护"),
    ("落实中央8项规定精神。", "8项规定", "八项规定"),
    ("落实3会1课制度。", "3会1课", "三会一课"),
    ("编制“14五”规划。", "14五", "十四五"),
    ("共建1带1路。", "1带1路", "一带一路"),
    ("用时3、4个月。", "3、4", "三四"),
    ("参加人数达3，500人。", "3，500", "3500"),
    ("2021-2025年发展规划", "2021-2025", "2021—2025"),
    ("1-9月，全市接待游客3-5万人次。", "3-5万", "3万～5万"),
    ("每组3-5人。", "3-5", "3～5"),
    ("共有一百二十三人参加培训。", "一百二十三", "123"),
    ("投资9～16亿元，增长15～30%。", "9～16亿", "9亿～16亿"),
    ("增长15～30%。", "15～30%", "15%～30%"),
])
def test_fixed_words_approximations_and_separators_in_numbers(checker, text, wrong, fixed):
    assert any(f[0] == wrong and f[2] == fixed for f in suggestions(checker, text))


@pytest.mark.parametrize("text", ["增强“四个意识”，落实中央八项规定精神，编制“十四五”规划。",
                                  "3、5个月；3月、4月；1、2号楼；共1，2，3项；参加人数达3500人。",
                                  "2021—2025年发展规划，2021年-2025年，电话0571-2025。有4个全体会议。",
                                  "电话0792-82514567，执行GB/T 15835-2011标准。",
                                  "第三十五个全国助残日，二十余人，三十多个，几十个，十个人，“百千万工程”。",
                                  "投资9亿～16亿元，增长15%～30%，面积3万平方米。"])
def test_correct_numbers_in_fixed_words_are_not_reported(checker, text):
    assert [f for f in found(checker, text) if f[1].startswith("structure.number")] == []


# --- the data say where they come from -----------------------------------------------------------------------------

@pytest.mark.parametrize("path", sorted(DATA_DIR.glob("*.tsv")) + sorted((DATA_DIR / "reference").glob("*")),
                         ids=lambda p: p.name)
def test_every_data_file_names_its_sources(path: Path):
    header = [line for line in path.read_text(encoding="utf-8").splitlines()[:12] if line.startswith("#")]
    assert any("来源" in line for line in header), path.name
