"""The proofreader on realistic, correctly edited official texts (precision) and on the same kinds of
texts with typical real errors planted (recall).

Every ``files/real_*.txt`` must give no error at all; the warnings it may give are listed here one by
one (an honest warning is one an editor would want to look at). Every ``files/planted_*.txt`` must give
exactly the planted errors, each at the right place and in the right category.
"""

import json
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from ideowork.core.documents import document_date

FILES = Path(__file__).parent / "files"
DAY = date(2026, 3, 5)
REAL = sorted(path.name for path in FILES.glob("real_*.txt"))

# Warnings accepted on the real texts: {file: [(text, rule), ...]}. None at present.
REAL_WARNINGS: dict[str, list[tuple[str, str]]] = {}


def read(name):
    return (FILES / name).read_text(encoding="utf-8")


def test_there_are_enough_varied_real_texts():
    assert len(REAL) >= 12
    for name in REAL:
        assert 580 <= len(read(name)) <= 2000, name


@pytest.mark.parametrize("name", REAL)
def test_real_text_has_no_errors_and_only_the_listed_warnings(checker, name):
    text = read(name)
    results = checker.check(text, date=document_date(text) or DAY)
    assert [(f.text, f.rule, text[max(0, f.start - 10):f.end + 10]) for f in results if f.severity == "error"] == []
    assert [(f.text, f.rule) for f in results] == REAL_WARNINGS.get(name, [])


@pytest.mark.parametrize("name", REAL)
def test_real_text_is_clean_whatever_the_document_date(checker, name):
    """Historical names, past five-year plans and the like stay correct read in a later year too."""
    text = read(name)
    results = checker.check(text, date=date(2031, 6, 1))
    assert [(f.text, f.rule) for f in results if f.severity == "error"] == []


@pytest.mark.django_db
def test_cli_reports_nothing_on_a_real_text():
    out = StringIO()
    call_command("proofread", str(FILES / "real_notice.txt"), "--json", stdout=out)
    assert json.loads(out.getvalue())["findings"] == []


# (file, an anchor unique in the file, the wrong text inside the anchor, rule, category)
PLANTED = {
    "planted_gov_report.txt": [
        ("\n一.2025年", "一.", "structure.numbering.form", "numbering"),
        ("稳中有进,主要", ",", "structure.width", "width"),
        ("增长６%", "６", "structure.number.fullwidth", "number"),
        ("就业3千人", "3千", "structure.number.mixed", "number"),
        ("截止目前", "截止目前", "confusable.jiezhimuqian", "confusable"),
        ("截至到2025", "截至到", "confusable.jiezhidao", "confusable"),
        ("(一)产业", "(一)", "structure.numbering.form", "numbering"),
        ("其它项目", "其它", "confusable.qita", "confusable"),
        ("今年是“十四五”", "十四五", "outdated.period", "outdated"),
        ("党的20大", "党的20大", "formulation.congress_numerals", "formulation"),
        ("二零二六年", "二零二六", "structure.number.year_zero", "number"),
    ],
    "planted_notice.txt": [
        ("习总书记", "习总书记", "formulation.zongshuji", "formulation"),
        ("报到…报到", "…", "structure.punctuation.ellipsis", "punctuation"),
        ("1、各县", "1、", "structure.numbering.form", "numbering"),
        ("必需认真", "必需", "confusable.bixu", "confusable"),
        ("必需坚持", "必需坚持", "confusable.必需坚持", "confusable"),
        ("抄送国土资源部", "国土资源部", "outdated.guotuziyuanbu", "outdated"),
        ("处室。。", "。。", "structure.punctuation.doubled", "punctuation"),
        ("（二）培训期间", "（二）", "structure.numbering.sequence", "numbering"),
        ("安排（费用", "（", "structure.pairing", "pairing"),
        ("（四）请认真", "（四）", "structure.numbering.sequence", "numbering"),
        ("学习“两个确立的", "“", "structure.pairing", "pairing"),
        ("我们的的", "的的", "structure.doubled", "doubled"),
        ("本职工作...", "...", "structure.punctuation.ellipsis", "punctuation"),
    ],
    "planted_press_release.txt": [
        ("习近平新时代社会主义思想", "习近平新时代社会主义思想", "formulation.xjpsx.no_zhongguotese", "formulation"),
        ("以习近平总书记为核心的党中央", "以习近平总书记为核心的党中央", "formulation.hexin.zongshuji", "formulation"),
        ("维护习近平同志党中央的核心", "维护习近平同志党中央的核心", "formulation.weihu.tongzhi", "formulation"),
        ("政治意识、核心意识、大局意识、看齐意识", "政治意识、核心意识、大局意识、看齐意识", "formulation.sigeyishi.order",
         "formulation"),
        ("历史自信", "历史自信", "formulation.sigezixin.member", "formulation"),
        ("创新、协调、开放、绿色、共享", "创新、协调、开放、绿色、共享", "formulation.xinfazhanlinian.order", "formulation"),
        ("北韩", "北韩", "forbidden.beihan", "forbidden"),
        ("台湾政府", "台湾政府", "forbidden.taiwan.zhengfu", "forbidden"),
        ("残废人", "残废人", "forbidden.canfeiren", "forbidden"),
        ("蒙族", "蒙族", "forbidden.mengzu", "forbidden"),
        ("要象抓", "象", "confusable.xiang", "confusable"),
        ("惯彻", "惯彻", "confusable.guanche", "confusable"),
        ("布署", "布署", "confusable.bushu", "confusable"),
        ("做为", "做为", "confusable.zuowei", "confusable"),
        ("坚持不泄", "坚持不泄", "confusable.jianchibuxie", "confusable"),
        ("再接再励", "再接再励", "confusable.再接再励", "confusable"),
        ('提高"国际', '"', "structure.width", "width"),
        ('传播"能力', '"', "structure.width", "width"),
    ],
    "planted_summary.txt": [
        ("截止2025年底", "截止", "confusable.jiezhi", "confusable"),
        ("当前正处于“十四五”", "十四五", "outdated.period", "outdated"),
        ("必需做到", "必需做到", "confusable.必需做到", "confusable"),
        ("市卫生计生委", "卫生计生委", "outdated.local.weijiwei", "outdated"),
        ("市文化局", "文化局", "outdated.local.wenhuaju", "outdated"),
        ("向文化部报送", "文化部", "outdated.wenhuabu", "outdated"),
        ("要象建设", "象", "confusable.xiang", "confusable"),
        ("（四）加强", "（四）", "structure.numbering.sequence", "numbering"),
        ("维护习近平总书记党中央核心", "维护习近平总书记党中央核心", "formulation.weihu.de", "formulation"),
        ("全面建成小康社会、全面深化改革、全面依法治国、全面从严治党",
         "全面建成小康社会、全面深化改革、全面依法治国、全面从严治党", "formulation.sigequanmian.old", "formulation"),
    ],
    "planted_minutes.txt": [
        ("习近平思想", "习近平思想", "formulation.xjpsx.short", "formulation"),
        ("系列重要讲话精神", "系列重要讲话精神", "formulation.xilie_jianghua", "formulation"),
        ("确立习近平总书记党中央的核心", "确立习近平总书记党中央的核心", "formulation.queli.zongshuji", "formulation"),
        # "”、“四个自信" is not reported: GB/T 15834 only says the 顿号 is usually left out there.
        ("马列主义", "马列主义", "formulation.malie", "formulation"),
        ("党中央国务院", "党中央国务院", "formulation.dangzhongyang", "formulation"),
        ("中港关系", "中港关系", "forbidden.hongkong.zhonggangguanxi", "forbidden"),
        ("20届四中全会", "20届四中全会", "formulation.congress_numerals", "formulation"),
    ],
}


def test_every_planted_file_is_listed():
    assert sorted(PLANTED) == sorted(p.name for p in FILES.glob("planted_*.txt") if p.name != "planted_errors.txt")


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_planted_errors_are_found_in_place_and_nothing_else(checker, name):
    text = read(name)
    expected = set()
    for anchor, wrong, rule, category in PLANTED[name]:
        assert text.count(anchor) == 1, anchor
        start = text.index(anchor) + anchor.index(wrong)
        expected.add((start, start + len(wrong), wrong, rule, category))
    results = checker.check(text, date=document_date(text) or DAY)
    for f in results:
        assert text[f.start:f.end] == f.text
    assert {(f.start, f.end, f.text, f.rule, f.category) for f in results} == expected


# --- the false positives found on real texts, and the errors a real text must still show ------------

@pytest.mark.parametrize("text", [
    # attachments numbered afresh after the body's own list
    "三、内容\n1.甲\n2.乙\n3.丙\n4.丁\n附件：1.培训日程安排\n      2.参训人员回执\n",
    # former bodies in a historical sentence
    "2018年以前，土地管理职责由原市国土资源局承担。",
    "2018年3月，组建自然资源部，不再保留国土资源部、国家海洋局。",
    "2017年，国家旅游局会同有关部门印发导则。",
    "自然资源部（国家海洋局）统一行使有关职责。",
    "各级生态环境保护部门协同发力。",
    # a past five-year plan in a sentence about a past year
    "2023年，我市正处在“十四五”规划实施的攻坚阶段。",
    # a quotation over several paragraphs: each paragraph opens with “, only the last closes
    "通报指出：\n“一年来，全市机构编制系统取得了明显成效。\n“希望受表彰的先进集体再接再厉。”\n",
    # 定单/人材/反应/贯切 inside longer correct words
    "以编制部门确定单位性质为准，规定单独列支，申请人材料不齐全的不予受理。",
    "及时报告疫苗不良反应情况。一贯切实做好这项工作。",
    # 必需 as an adjective; 截止到 (现代汉语词典：截止到昨天)
    "统计所必需的基础台账须妥善保管，保障生活必需品供应，这些条件是必需的。截止到3月4日，已有36家单位注册。",
    # English apostrophes are not closing quotes
    "据China Daily报道，People’s Daily和Xi’an的报道引起关注。",
    # a further item after the complete 四个意识; 异常反应情况 is a noun phrase
    "增强政治意识、大局意识、核心意识、看齐意识和责任意识、担当意识。",
    "按规定报告疑似预防接种异常反应情况。组建了市文化和旅游局。",
    # 当做/看做/作好/做为/座落 across word boundaries
    "用人单位应当做好劳动保护工作，相关部门应当做到依法行政，适当做些调整，每当做出重大决策时。",
    "要看做法是否符合规定，看做得怎么样，把这项工作好好落实。创作好作品，制作好宣传片。",
    "要多做为民办实事的好事。这座落成于1990年的大楼，批复盖章后生效。他驻村长达三年。",
    # reduplications
    "明辨是是非非，不搞一团和和气气，做地地道道的老实人，研究研究，了解了解，看看。",
])
def test_correct_real_usage_is_not_reported(checker, text):
    assert [(f.text, f.rule) for f in checker.check(text, date=DAY)] == []


@pytest.mark.parametrize("text, wrong, rule", [
    ("一.2025年工作回顾\n", "一.", "structure.numbering.form"),
    ("参训人员必需认真遵守纪律。", "必需", "confusable.bixu"),
    ("各单位必需把安全放在首位。", "必需", "confusable.bixu"),
    ("截至到2025年底完成投资。", "截至到", "confusable.jiezhidao"),
    ("2026年，请联系国土资源部对口处室。", "国土资源部", "outdated.guotuziyuanbu"),
    ("今年，我市正处在“十四五”规划实施的关键时期。", "十四五", "outdated.period"),
    ("他说：“一年来成效明显。\n会议要求再接再厉。\n", "“", "structure.pairing"),
    ("把学习当做任务。", "当做", "confusable.dangzuo"),
    ("要作好本职工作。", "作好", "confusable.zuohao"),
    ("做为一项政治任务。", "做为", "confusable.zuowei"),
    ("学习贯彻20届4中全会精神。", "20届4中全会", "formulation.congress_numerals"),
])
def test_errors_in_real_sentences_are_still_found(checker, text, wrong, rule):
    assert (wrong, rule) in [(f.text, f.rule) for f in checker.check(text, date=DAY)]
