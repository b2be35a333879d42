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
    ("’24年全市接待游客500万人次。", "’24", "structure.number.short_year"),
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
    "比30年前增长了5倍。他说：‘30%的任务已完成，10个人参加。’",
])
def test_correct_number_forms_are_not_reported(checker, text):
    assert found(checker, text, day=date(2025, 6, 1)) == []


# --- near-quotes of canonical formulations ------------------------------------------------------------------

QUOTE_DAY = date(2025, 6, 1)


@pytest.mark.parametrize("text, wrong", [
    ("我们始终坚持青山绿水就是金山银山的理念。", "青山绿水就是金山银山"),                      # members reordered
    ("要准确完整全面贯彻新发展理念。", "准确完整全面贯彻新发展理念"),
    ("切实担负起举旗帜、聚民心、兴文化、展形象的使命任务。", "举旗帜、聚民心、兴文化、展形象"),   # a member left out
    ("切实担负起举旗帜，聚民心，兴文化，展形象的使命任务。", "举旗帜，聚民心，兴文化，展形象"),   # with commas
    ("统筹推进疫情防控，坚持人民至上、生命为先。", "人民至上、生命为先"),                      # near-synonym
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
    ("担负起举旗帜，聚民心，育新人，兴文化，展形象的使命任务。", QUOTE_DAY),
    ("聚民心、育新人是重点。守护好青山绿水。", QUOTE_DAY),                  # merely mentions some members
    ("坚决做到“两个维护”，心怀“国之大者”。国之大事，在祀与戎。", QUOTE_DAY),  # 国之大事 unquoted is classical
    ("人民至上、生命至上。世界百年未有之大变局加速演进。", QUOTE_DAY),
    ("党员干部要牢固树立“四个意识”。", QUOTE_DAY),                            # the older official wording
    ("打铁还需自身硬。要树立“四个意识”。", date(2016, 5, 1)),                # before the 19th congress
])
def test_correct_quotes_are_not_reported(checker, text, day):
    assert [f for f in found(checker, text, day=day) if f[1] == "formulation.quote"] == []


# --- outdated references judged against the document's date ---------------------------------------------------

@pytest.mark.parametrize("text, day, wrong, rule", [
    ("随着“十二五”规划开局，全区发展迈上新台阶。", date(2016, 4, 1), "十二五", "outdated.plan.year"),
    ("2022年是落实“十四五”发展规划的开局之年。", date(2022, 1, 20), "十四五", "outdated.plan.year"),
    ("2019年，我们科学编制“十三五”发展规划。", date(2020, 1, 10), "十三五", "outdated.plan.drawn"),
    ("当前正是“十三五”规划谋篇布局的关键时期。", date(2020, 9, 1), "十三五", "outdated.plan.drawn"),
    ("为全面建成小康社会贡献力量。", date(2024, 3, 1), "全面建成小康社会", "outdated.xiaokang"),
    ("确保全面建成小康社会，奋力谱写新篇章。", date(2022, 3, 1), "全面建成小康社会", "outdated.xiaokang"),
    ("会议传达学习了十三届全国人大四次会议和全国政协十三届四次会议精神。", date(2023, 4, 1),
     "十三届全国人大四次会议", "outdated.session.latest"),
    ("在即将迎来新中国成立75周年之际，举办主题活动。", date(2024, 11, 20), "75", "outdated.anniversary.passed"),
    ("深入学习贯彻党的二十届一中全会精神。", date(2023, 6, 1), "二十届一中全会", "outdated.plenum.latest"),
])
def test_outdated_references(checker, text, day, wrong, rule):
    assert (wrong, rule) in found(checker, text, day=day)


@pytest.mark.parametrize("text, day", [
    ("随着“十四五”规划开局，全区发展迈上新台阶。", date(2021, 4, 1)),
    ("2021年是“十四五”规划的开局之年。", date(2021, 1, 20)),
    ("科学编制“十五五”发展规划，做好“十四五”规划收官工作。", date(2025, 9, 1)),
    ("我国已经全面建成小康社会，在全面建成小康社会的基础上开启新征程。", date(2024, 3, 1)),
    ("为全面建成小康社会作出新的更大贡献。", date(2019, 3, 1)),
    ("会议传达学习了十四届全国人大三次会议和全国政协十四届三次会议精神。", date(2025, 3, 20)),
    ("在即将迎来新中国成立75周年之际，举办主题活动。", date(2024, 9, 20)),
    ("深入学习贯彻党的二十大和二十届一中全会精神。", date(2023, 6, 1)),
    ("深入学习贯彻党的二十届三中全会精神。", date(2024, 9, 1)),
])
def test_current_references_are_not_reported(checker, text, day):
    assert [f for f in found(checker, text, day=day) if f[1].startswith("outdated")] == []


# --- misspelt fixed terms ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, wrong", [
    ("依据《中华人民共和国审记法》开展工作。", "中华人民共和国审记法"),
    ("学习《中华人民共和国宪去》。", "中华人民共和国宪去"),
    ("深化医药卫生体质改革。", "医药卫生体质改革"),
    ("坚持中国特色社会主义道理的正确方向。", "中国特色社会主义道理"),   # the last character, a particle after it
    ("深刻认识世界百年未有之大变革。", "世界百年未有之大变革"),         # 局 ends a formulation, not a bureau
])
def test_misspelt_terms(checker, text, wrong):
    assert (wrong, "formulation.term") in found(checker, text)


@pytest.mark.parametrize("text", [
    "依据《中华人民共和国审计法》《中华人民共和国海关法》《中华人民共和国海警法》开展工作。",
    "深化医药卫生体制改革，增强人民体质。",
    "意识形态工作责任清单要细化。",
    "签订意识形态工作责任书，落实安全生产责任书的要求。",   # another word at the end
    "推进全面从严治党向纵深发展。",                          # the opening verb's synonym
])
def test_correct_terms_are_not_reported(checker, text):
    assert [f for f in found(checker, text) if f[1] == "formulation.term"] == []


# --- 的 for 地 before a verb ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "各支部积极的推进“三会一课”制度落实。",        # a quoted object after the verb
    "要严格的审查和清理违规文件。",                  # two verbs joined, the second with its object
    "要动态的调整帮扶对象名单。",
    "大家认真的观看了专题片。",
])
def test_de_before_a_verb(checker, text):
    assert ("的", "confusable.de_di") in found(checker, text)


@pytest.mark.parametrize("text", [
    "经过认真的审查和清理，问题得到解决。",          # nominalised verbs
    "这是一个动态的调整过程。",
    "专家作了深刻的分析，提出了建议。",
    "开展积极的关爱活动。",
    "开展广泛的宣传动员，加强有效的监督检查。",        # the object of a light verb
    "进行了深入的研究和探讨，开展全面的排查整治行动。",
])
def test_de_before_a_nominalised_verb_is_not_reported(checker, text):
    assert [f for f in found(checker, text) if f[1] == "confusable.de_di"] == []


# --- characters of similar shape, official names -------------------------------------------------------------------

@pytest.mark.parametrize("text, wrong, rule", [
    ("在第三十个全国爱耳曰开展宣传。", "曰", "formulation.glyph.yue"),
    ("把服务融入曰常工作。", "曰", "formulation.glyph.yue"),
    ("学习《习近平关于城市工作论述摘选》。", "选", "formulation.glyph.series"),
    ("党中央组织部印发通知。", "党中央组织部", "formulation.organ.zhonggong.zuzhibu"),
    ("县农业和农村局召开会议。", "农业和农村局", "formulation.organ.nongye.he.ju"),
])
def test_glyphs_and_official_names(checker, text, wrong, rule):
    assert (wrong, rule) in found(checker, text)


@pytest.mark.parametrize("text", [
    "子曰：“学而时习之。”其名曰“大同”。为政之要，一曰公平，二曰清廉。",
    "在第二十七次全国爱耳日开展宣传，融入日常工作。",
    "学习《习近平关于城市工作论述摘编》。",
    "中共中央组织部印发通知，县农业农村局召开会议，党中央、国务院高度重视。",
])
def test_correct_glyphs_and_names_are_not_reported(checker, text):
    assert found(checker, text) == []


# --- absolute praise (Xinhua list) ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, wrong", [
    ("该企业引进了全球最先进的生产线。", "全球最先进"),
    ("这款空调性能最佳，口碑最好。", "性能最佳"),
])
def test_absolute_praise(checker, text, wrong):
    assert (wrong, "cautious.superlative") in found(checker, text)


@pytest.mark.parametrize("text", [
    "粮食产量创历史最好水平，全国最高人民法院发布典型案例。",
    "该生产线技术达到国际领先水平。",
    "全国最好成绩由本省选手取得。",
    "围绕管理最优、服务最快、效率最高的目标，打造服务最优的营商环境。",
])
def test_records_and_measured_claims_are_not_reported(checker, text):
    assert [f for f in found(checker, text) if f[1] == "cautious.superlative"] == []


# --- an inline sequence going on across paragraphs --------------------------------------------------------------

def test_an_item_repeated_at_the_start_of_the_next_paragraph(checker):
    text = "会议要求，一是要压实责任。\n二是要强化监督。\n二是要严肃问责。"
    assert ("二", "structure.numbering.inline") in found(checker, text)


@pytest.mark.parametrize("text", [
    "会议要求，一是要压实责任。\n二是要强化监督。\n三是要严肃问责。",
    "会议要求，一是要压实责任；二是要强化监督。\n会议强调，一是要统一思想；二是要狠抓落实。",  # a new list
])
def test_a_sequence_going_on_correctly_is_not_reported(checker, text):
    assert [f for f in found(checker, text) if f[1] == "structure.numbering.inline"] == []


@pytest.mark.parametrize("text, wrong, rule", [
    ("参加培训的有近300多人。", "近300多", "structure.number.approximate_twice"),
    ("重点抓好二个方面的工作。", "二", "structure.number.liang"),
])
def test_approximations_and_liang(checker, text, wrong, rule):
    assert (wrong, rule) in found(checker, text)


@pytest.mark.parametrize("text", [
    "参加培训的有300多人，近300人结业。",
    "重点抓好两个方面的工作，第二个方面是作风，12个部门参加，星期二个别同志请假，一二个人缺席，学习二项式定理。",
])
def test_correct_approximations_and_counts_are_not_reported(checker, text):
    assert [f for f in found(checker, text) if f[1].startswith("structure.number")] == []


@pytest.mark.parametrize("text", [
    "老区人民为全面建成小康社会作出了重要贡献。",
    "今年以来，开展喜迎建党100周年系列活动。",
])
def test_the_past_told_after_the_date_is_not_reported(checker, text):
    assert [f for f in found(checker, text, day=date(2021, 12, 1)) if f[1].startswith("outdated")] == []


def test_a_relative_year_stated_wrongly(checker):
    assert ("今年（2024年）", "outdated.relative_year") in found(checker, "今年（2024年）全市新增就业2万人。",
                                                           day=date(2025, 3, 1))


def test_a_relative_year_stated_rightly_is_not_reported(checker):
    text = "今年（2025年）全市新增就业2万人，去年（2024年）为1.8万人。"
    assert [f for f in found(checker, text, day=date(2025, 3, 1)) if f[1].startswith("outdated")] == []


def test_every_canonical_formulation_is_well_formed():
    from ideowork.outlets.proofreading.checks.quotes import formulations, variants

    assert len(formulations()) >= 40
    for formulation in formulations():
        at = 0
        for member in formulation.members:
            at = formulation.canonical.index(member, at) + len(member)  # members in order, each in the text
        for right, wrongs in formulation.substitutions:
            assert right in formulation.canonical and wrongs, formulation.canonical
        for phrase in formulation.exceptions:
            assert phrase != formulation.canonical, phrase
        assert variants(formulation), formulation.canonical


@pytest.mark.parametrize("text, day, wrong", [
    ("今天是第三十三次全国助残日。", date(2024, 5, 19), "三十三"),          # 第N次 as well as 第N个
    ("热烈庆祝宁夏回族自治区成立65周年。", date(2024, 9, 1), "65"),
])
def test_ordinals_of_days_and_regional_anniversaries(checker, text, day, wrong):
    assert (wrong, "outdated.anniversary") in found(checker, text, day=day)


@pytest.mark.parametrize("text, day", [
    ("今天是第三十四次全国助残日。", date(2024, 5, 19)),
    ("热烈庆祝宁夏回族自治区成立65周年。", date(2023, 9, 1)),
])
def test_right_ordinals_are_not_reported(checker, text, day):
    assert [f for f in found(checker, text, day=day) if f[1].startswith("outdated")] == []
