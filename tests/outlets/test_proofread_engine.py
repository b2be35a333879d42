"""The proofreader engine: each check finds what it must and leaves correct usage alone."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ideowork.core.documents import DocumentError, decode_text, document_date
from ideowork.outlets.choices import RuleCategory
from ideowork.outlets.models import ProofRule
from ideowork.outlets.proofreading import (
    Proofreader,
    RuleFileError,
    RuleSpec,
    parse_rule_file,
    proofread,
    proofreader_for,
    rules_revision,
    shipped_rules,
)

FILES = Path(__file__).parent / "files"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
DAY = date(2026, 3, 5)


def found(checker, text, *, day=DAY):
    return [(f.text, f.rule) for f in checker.check(text, date=day)]


def assert_found(checker, text, wrong, rule_prefix, day):
    """A finding of a rule starting with ``rule_prefix`` on exactly the words ``wrong``."""
    findings = found(checker, text, day=day)
    assert any(span == wrong and rule.startswith(rule_prefix) for span, rule in findings), findings


def assert_not_reported(checker, text, day, rule_prefixes):
    """No finding of a rule starting with one of ``rule_prefixes``."""
    assert [f for f in found(checker, text, day=day) if f[1].startswith(rule_prefixes)] == []


def assert_case(checker, day, text, wrong, rule, rule_prefixes):
    """One row of a round's table (``dated_cases``): a hit is found as ``rule`` on ``wrong``; on a near-miss
    (``wrong`` is None) no rule starting with one of ``rule_prefixes`` reports anything."""
    if wrong is None:
        assert_not_reported(checker, text, day, rule_prefixes)
    else:
        assert_found(checker, text, wrong, rule, day)


def dated_cases(table: str) -> list[tuple]:
    """A round's table of cases: "date | text | words found | rule" is a hit, "date | text" a near-miss; lines
    opening with # are comments. Each row as (date, text, words found or None, rule or None)."""
    rows = [line.split(" | ") for line in table.splitlines() if line.strip() and not line.startswith("#")]
    return [(date.fromisoformat(row[0]), row[1].replace("\\n", "\n"), row[2] if len(row) > 2 else None,
             row[3] if len(row) > 3 else None) for row in rows]


def rules_of(checker, text, *, day=DAY):
    return {f.rule for f in checker.check(text, date=day)}


# --- word rules -------------------------------------------------------------------------------------

def test_shipped_rules_cover_every_word_category():
    rules = shipped_rules()
    assert len(rules) > 250
    assert {r.category for r in rules} == {"formulation", "forbidden", "cautious", "confusable", "outdated"}
    assert len({r.code for r in rules}) == len(rules)


@pytest.mark.parametrize("text, wrong, rule, suggestion", [
    ("报道北韩问题。", "北韩", "forbidden.beihan", "朝鲜"),
    ("不得称台湾政府。", "台湾政府", "forbidden.taiwan.zhengfu", "台湾当局"),
    ("关心残废人就业。", "残废人", "forbidden.canfeiren", "残疾人"),
    ("认真学习习总书记讲话。", "习总书记", "formulation.zongshuji", "习近平总书记"),
    ("以习近平新时代社会主义思想为指导。", "习近平新时代社会主义思想", "formulation.xjpsx.no_zhongguotese",
     "习近平新时代中国特色社会主义思想"),
    ("截止目前已完成。", "截止目前", "confusable.jiezhimuqian", "截至目前"),
    ("切实惯彻落实。", "惯彻", "confusable.guanche", "贯彻"),
    ("认真落实党中央决策布署。", "布署", "confusable.bushu", "部署"),
    ("坚持不泄抓落实。", "坚持不泄", "confusable.jianchibuxie", "坚持不懈"),
])
def test_word_rules_report_wrong_forms_with_suggestions(checker, text, wrong, rule, suggestion):
    [finding] = [f for f in checker.check(text, date=DAY) if f.rule == rule]
    assert (finding.text, finding.suggestion, finding.severity) == (wrong, suggestion, "error")
    assert text[finding.start:finding.end] == wrong
    assert finding.message and "建议改为" in finding.message


@pytest.mark.parametrize("text", [
    "坚持以习近平新时代中国特色社会主义思想为指导。",
    "认真学习习近平总书记重要讲话精神。",
    "自查报告截止日期为4月5日，截至3月31日已完成80%。",
    "会同纪检监察部门、农业部门、文化部门开展督查。",
    "其他事项另行通知。",
])
def test_correct_usage_is_not_reported(checker, text):
    assert found(checker, text) == []


def test_exceptions_shield_the_longer_correct_phrase():
    rules = [RuleSpec(code="confusable.jiezhi", category="confusable", pattern="截止", suggestion="截至",
                      severity="error", note="", exceptions=("截止日期", "截止时间"))]
    checker = Proofreader(rules)
    assert found(checker, "报名截止日期和截止时间见附件，截止今天。") == [("截止", "confusable.jiezhi")]


def test_overlapping_rules_longest_match_wins():
    rules = [RuleSpec("custom.a", "custom", "社会主义", "X", "warning", ""),
             RuleSpec("custom.b", "custom", "特色社会主义思想", "Y", "error", "")]
    assert found(Proofreader(rules), "中国特色社会主义思想") == [("特色社会主义思想", "custom.b")]


def test_outdated_references_depend_on_the_document_date(checker):
    text = "请联系国土资源部和环境保护部。"
    assert rules_of(checker, text, day=date(2017, 6, 1)) == set()
    assert rules_of(checker, text, day=date(2026, 3, 5)) == {"outdated.guotuziyuanbu", "outdated.huanjingbaohubu"}
    assert rules_of(checker, "原国土资源部的职责划入自然资源部。", day=DAY) == set()


def test_period_is_outdated_only_when_phrased_as_current(checker):
    assert found(checker, "今年是“十四五”规划收官之年。", day=date(2026, 5, 1)) == [("十四五", "outdated.period")]
    assert found(checker, "今年是“十四五”规划收官之年。", day=date(2025, 5, 1)) == []
    assert found(checker, "“十四五”时期取得了显著成就。", day=date(2026, 5, 1)) == []


# --- structural checks ------------------------------------------------------------------------------

def test_numbering_forms(checker):
    text = "一.总体要求\n(一)工作目标\n1、完善机制\n（1）、明确责任\n"
    assert found(checker, text) == [("一.", "structure.numbering.form"), ("(一)", "structure.numbering.form"),
                                    ("1、", "structure.numbering.form"), ("（1）、", "structure.numbering.form")]
    [first] = [f for f in checker.check(text, date=DAY) if f.text == "(一)"]
    assert first.suggestion == "（一）"


def test_numbering_sequence_and_parent(checker):
    text = "一、总体要求\n（一）目标\n1.甲\n3.乙\n二、任务\n1.丙\n（一）丁\n（一）戊\n"
    assert found(checker, text) == [("3.", "structure.numbering.sequence"), ("（一）", "structure.numbering.parent"),
                                    ("（一）", "structure.numbering.sequence")]


def test_numbering_accepts_skipped_levels_running_numbers_and_new_lists(checker):
    text = ("一、深化理论武装\n1.甲\n2.乙\n二、压实责任\n3.丙\n4.丁\n"
            "正文\n一、深化理论武装\n1.甲\n（1）子项\n（2）子项\n2.乙\n2.5亿元的投入\n")
    assert found(checker, text) == []


def test_punctuation(checker):
    assert found(checker, "工作。。下一步，，还有、、") == [("。。", "structure.punctuation.doubled"),
                                                        ("，，", "structure.punctuation.doubled"),
                                                        ("、、", "structure.punctuation.doubled")]
    assert found(checker, "等等...以及。。。和…") == [("...", "structure.punctuation.ellipsis"),
                                                  ("。。。", "structure.punctuation.ellipsis"),
                                                  ("…", "structure.punctuation.ellipsis")]
    assert found(checker, "包括学习、培训……等内容。") == []


def test_width(checker):
    text = '2026年,市委;时间:今天(上午)开展"学习"活动?是!'
    results = checker.check(text, date=DAY)
    assert [(f.text, f.suggestion) for f in results] == [
        (",", "，"), (";", "；"), (":", "："), ("(", "（"), (")", "）"), ('"', "“"), ('"', "”"), ("?", "？"),
        ("!", "！")]
    assert {f.category for f in results} == {RuleCategory.WIDTH}
    assert found(checker, "版本3.5，网址http://example.com/a?b=1，金额1,000元。") == []


def test_numbers(checker):
    assert found(checker, "二零二六年完成３项，发稿3千篇，投入1.5千万元，持续二、三天。") == [
        ("二零二六", "structure.number.year_zero"), ("３", "structure.number.fullwidth"),
        ("3千", "structure.number.mixed"), ("1.5千万", "structure.number.mixed"),
        ("二、三", "structure.number.approximate")]
    assert found(checker, "二〇二六年投入3000万元、1.2亿元，行程5千米，第二、三个阶段。") == []


def test_pairing_reports_the_unmatched_mark(checker):
    text = "学习《习近平谈治国理政》和“两个确立\n（括号）】多余\n"
    assert [(f.text, f.start) for f in checker.check(text, date=DAY)] == [("“", text.index("“")),
                                                                         ("】", text.index("】"))]
    assert found(checker, "增强“四个意识”、坚定‘四个自信’，学习《纲要》（2026年版）【附件】。") == []


def test_doubled_characters_only_typical_slips(checker):
    assert found(checker, "我们的的工作完成了了任务，在在推进") == [
        ("的的", "structure.doubled"), ("了了", "structure.doubled"), ("在在", "structure.doubled")]
    legit = "常常天天研究研究，实现目的的手段，不了了之，关键是是否落实，保持稳定和和谐，针对对象，实实在在，的的确确"
    assert found(checker, legit) == []


def test_enumeration_order_and_members(checker):
    assert found(checker, "增强政治意识、核心意识、大局意识、看齐意识。") == [
        ("政治意识、核心意识、大局意识、看齐意识", "formulation.sigeyishi.order")]
    [order] = checker.check("增强政治意识、核心意识、大局意识、看齐意识。", date=DAY)
    assert order.suggestion == "政治意识、大局意识、核心意识、看齐意识"
    assert found(checker, "坚定道路自信、理论自信、制度自信、责任自信。") == [("责任自信", "formulation.sigezixin.member")]
    assert found(checker, "贯彻创新、协调、开放、绿色、共享的新发展理念。") == [
        ("创新、协调、开放、绿色、共享", "formulation.xinfazhanlinian.order")]
    assert found(checker, "坚持毛泽东思想、马克思列宁主义、邓小平理论。") == [
        ("毛泽东思想、马克思列宁主义、邓小平理论", "formulation.zhidaosixiang.order")]


def test_enumerations_in_canonical_order_and_unrelated_words_pass(checker):
    text = ("增强“政治意识”“大局意识”“核心意识”“看齐意识”，确保意识形态安全；增强政治意识、大局意识、责任意识；"
            "坚持绿色、开放发展；践行富强、民主、文明、和谐。")
    assert found(checker, text) == []


# --- the rule files ---------------------------------------------------------------------------------

GOOD = "forbidden.beihan\t北韩\t朝鲜\terror\t新华社禁用词\n# 注释\n\ncautious.cunzhang\t村长\t村委会主任\twarning\t\t农村长|乡村长\n"


def test_parse_rule_file():
    first, second = parse_rule_file(GOOD, source="t.tsv")
    assert first == RuleSpec("forbidden.beihan", "forbidden", "北韩", "朝鲜", "error", "新华社禁用词")
    assert second.exceptions == ("农村长", "乡村长") and second.severity == "warning"
    [outdated] = parse_rule_file("outdated.x\t监察部\t国家监察委员会\t\t\t\t2018-03-21", source="t.tsv")
    assert outdated.outdated_after == date(2018, 3, 21) and outdated.severity == "error"


@pytest.mark.parametrize("line, words", [
    ("forbidden.a\t北韩\t朝鲜\tfatal", "级别"),
    ("forbidden.a\t\t朝鲜", "查找内容为空"),
    ("forbidden.a\t" + "长" * 51, "过长"),
    ("nonsense.a\t北韩", "未知的规则类别"),
    ("numbering.a\t一.", "未知的规则类别"),
    ("beihan\t北韩", "格式不对"),
    ("outdated.a\t监察部\t\t\t\t\t2018-13-01", "过时日期"),
    ("forbidden.a\t北韩\t\t\t\t南韩", "例外语境"),
    ("forbidden.a\t北韩\t1\t2\t3\t4\t5\t6", "列数过多"),
])
def test_rule_file_errors_name_the_line(line, words):
    with pytest.raises(RuleFileError) as caught:
        parse_rule_file("# 头\nforbidden.ok\t南韩\t韩国\n" + line + "\n", source="my.tsv")
    assert caught.value.line == 3
    assert "my.tsv第3行" in str(caught.value) and words in str(caught.value)


def test_duplicate_code_is_an_error():
    with pytest.raises(RuleFileError, match="第2行.*与第1行重复") as caught:
        parse_rule_file("forbidden.a\t北韩\nforbidden.a\t南韩\n", source="x.tsv")
    assert caught.value.line == 2


# --- texts --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["clean_notice.txt", "clean_summary.txt"])
def test_clean_official_texts_have_no_findings(checker, name):
    text = (FILES / name).read_text(encoding="utf-8")
    assert checker.check(text) == []


def test_planted_errors_are_all_found(checker):
    text = (FILES / "planted_errors.txt").read_text(encoding="utf-8")
    results = checker.check(text, date=date(2026, 11, 1))
    assert all(text[f.start:f.end] == f.text for f in results)
    assert {(f.text, f.rule) for f in results} == {
        ("习近平新时代社会主义思想", "formulation.xjpsx.no_zhongguotese"), ("习总书记", "formulation.zongshuji"),
        ("政治意识、核心意识、大局意识、看齐意识", "formulation.sigeyishi.order"),
        ("责任自信", "formulation.sigezixin.member"), ("截止目前", "confusable.jiezhimuqian"),
        ("的的", "structure.doubled"), ("。。", "structure.punctuation.doubled"), ("1、", "structure.numbering.form"),
        (",", "structure.width"), ("3.", "structure.numbering.sequence"), ("其它", "confusable.qita"),
        ("北韩", "forbidden.beihan"), ("南韩", "forbidden.nanhan"), ("台湾政府", "forbidden.taiwan.zhengfu"),
        ("瞎子", "forbidden.xiazi"), ("聋子", "forbidden.longzi"), ("象", "confusable.xiang"),
        ("惯彻", "confusable.guanche"), ("布署", "confusable.bushu"), ("二零二六", "structure.number.year_zero"),
        ("６", "structure.number.fullwidth"), ("国土资源部", "outdated.guotuziyuanbu"),
        ("3千", "structure.number.mixed"), ("十四五", "outdated.period"),
        ("创新、协调、开放、绿色、共享", "formulation.xinfazhanlinian.order"),
        ("...", "structure.punctuation.ellipsis"), ("（一）", "structure.numbering.sequence"),
    }


def test_seed_findings_are_only_genuine_half_width_marks(checker):
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        results = checker.check(text)
        assert results, path.name
        for f in results:
            assert f.rule == "structure.width", (path.name, f)
            before, after = text[f.start - 1], text[f.end:f.end + 1]
            assert "\u4e00" <= before <= "\u9fff" or "\u4e00" <= after <= "\u9fff" or f.text == '"', f


def test_document_date_is_taken_from_the_signature():
    assert document_date("通知正文\n\n市委编办\n2026年3月5日\n") == date(2026, 3, 5)
    assert document_date("正文\n市委编办\n二〇二六年三月十五日") == date(2026, 3, 15)
    assert document_date("2016年的成绩\n" + "正文。" * 300) is None


def test_decode_text():
    text = "关于做好工作的通知"
    assert decode_text(text.encode("utf-8")) == (text, "utf-8")
    # The BOM stays as U+FEFF: offsets are into the text as open(path, encoding="utf-8") reads it.
    assert decode_text(b"\xef\xbb\xbf" + text.encode("utf-8")) == ("\ufeff" + text, "utf-8-sig")
    assert decode_text(text.encode("gb18030")) == (text, "gb18030")
    for broken in (text.encode("utf-8")[:-1] + b"\xff" + text.encode("utf-8"), b"\x00\x01binary\xff\xfe\x00",
                   bytes(range(128, 256)) * 4):
        with pytest.raises(DocumentError, match="编码|二进制"):
            decode_text(broken)


# --- rules from the database ----------------------------------------------------------------------

@pytest.mark.django_db
def test_proofreader_for_falls_back_to_shipped_rules_on_an_empty_table(empty_rule_table):
    assert not ProofRule.objects.exists()
    assert rules_revision(None).startswith("shipped:")
    assert len(proofreader_for(None)) == len(shipped_rules())
    assert [f.rule for f in proofread("北韩")] == ["forbidden.beihan"]


@pytest.mark.django_db
def test_proofreader_for_uses_enabled_rules_of_the_unit_chain(empty_rule_table, org):
    ProofRule.objects.create(category="forbidden", pattern="北韩", suggestion="朝鲜", shipped_code="forbidden.beihan")
    own = ProofRule.objects.create(org_unit=org.city, category="custom", pattern="编办", suggestion="机构编制委员会办公室",
                                   severity="warning", exceptions="市委编办\n县委编办")
    ProofRule.objects.create(org_unit=org.county_b, category="custom", pattern="南韩")
    ProofRule.objects.create(category="custom", pattern="停用词", enabled=False)
    text = "北韩南韩编办，市委编办，停用词"
    assert [(f.text, f.rule) for f in proofread(text, unit=org.office)] == [
        ("北韩", "forbidden.beihan"), ("编办", f"custom-{own.pk}")]
    assert [f.text for f in proofread(text, unit=org.county_b)] == ["北韩", "南韩", "编办"]  # under the city
    assert [f.text for f in proofread(text, unit=org.gov)] == ["北韩"]
    before = rules_revision(org.office)
    own.enabled = False
    own.save()
    assert rules_revision(org.office) != before
    assert [f.text for f in proofread(text, unit=org.office)] == ["北韩"]
    assert proofreader_for(org.office) is proofreader_for(org.office)  # compiled once per revision


def test_congress_numerals_serial_quotes_and_old_formulations(checker):
    assert [(f.text, f.suggestion) for f in checker.check("学习党的20大和20届四中全会精神，推进20大项目。", date=DAY)] == [
        ("党的20大", "党的二十大"), ("20届四中全会", "二十届四中全会")]
    # GB/T 15834-2011 says a 顿号 between quoted or titled items is "usually" left out, not that it is wrong;
    # correctly edited real texts write it ("“全面深化改革推进年”、“重大项目建设年”"), so it is not reported.
    assert found(checker, "增强“四个意识”、“四个自信”。") == []
    old = "全面建成小康社会、全面深化改革、全面依法治国、全面从严治党"
    assert found(checker, old, day=date(2019, 5, 1)) == []
    assert found(checker, old, day=date(2026, 5, 1)) == [(old, "formulation.sigequanmian.old")]


def test_numbering_full_width_dot_is_only_a_warning(checker):
    [finding] = checker.check("一、任务\n1．强化监测\n", date=DAY)
    assert (finding.text, finding.severity, finding.suggestion) == ("1．", "warning", "1.")


ALPHABET = "一二三四五六七八九十〇零（）()“”‘’《》【】、，。,.;:?!\"…·１２3456789年月日的了是在和北韩截止意识政治大局核心看齐\n 　"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=ALPHABET, max_size=120))
def test_any_text_gives_consistent_findings(checker, text):
    results = checker.check(text)
    for f in results:
        assert 0 <= f.start < f.end <= len(text) and f.text == text[f.start:f.end]
        assert f.severity in ("error", "warning") and f.message
    assert [f.start for f in results] == sorted(f.start for f in results)


def test_extract_text_checks_type_size_and_encoding(tmp_path):
    import docx
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ideowork.outlets.proofreading import extract_text

    text = "关于加强宣传工作的通知\n正文内容"
    assert extract_text(SimpleUploadedFile("a.txt", text.encode("gb18030"))) == text
    document = docx.Document()
    document.add_paragraph("第一段")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "单元格甲", "单元格乙"
    document.add_paragraph("末段")
    document.save(tmp_path / "a.docx")
    upload = SimpleUploadedFile("a.docx", (tmp_path / "a.docx").read_bytes())
    assert extract_text(upload) == "第一段\n单元格甲\n单元格乙\n末段"
    for name, content, words in [("a.pdf", b"%PDF-1.4 ...", "类型不受支持"), ("a.docx", text.encode(), "内容与扩展名不符"),
                                 ("a.txt", "正文".encode() + b"\xff\xfe" + "正文内容较多".encode() * 3, "编码")]:
        with pytest.raises(ValidationError) as caught:
            extract_text(SimpleUploadedFile(name, content))
        assert words in caught.value.messages[0]


def test_a_deadline_in_the_last_paragraph_is_not_the_document_date():
    assert document_date("正文。\n各单位须于2030年12月31日前完成整改，确保各项任务按期落实到位。\n") is None
    assert document_date("正文。\n中共XX县委网络安全和信息化委员会办公室    2026年2月10日\n") == date(2026, 2, 10)
