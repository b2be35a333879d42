"""The work-plan parser against the seed documents and hand-annotated plans of other organs.

Gold files (same schema as ../shared/seeds/gold) list the items a careful reader finds and the
targets: `targets` must all be found, `optional` may or may not be, anything else is a false
positive.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ideowork.plans.parser import ParseError, ParsedPlan, parse_text
from ideowork.plans.parser.result import COMPARATORS, PERIODS, PERS

from tests.plans.corpus_measure import norm, target_matches

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"
DOCUMENTS = Path(__file__).resolve().parent / "documents"


def _cases() -> list[tuple[Path, Path]]:
    cases = [(SEEDS / "000_556bd5534a8c027b.txt", SEEDS / "gold" / "seed_000.json"),
             (SEEDS / "001_5c1c457176fed4ac.txt", SEEDS / "gold" / "seed_001.json")]
    cases += [(path, DOCUMENTS / "gold" / f"{path.stem}.json") for path in sorted(DOCUMENTS.glob("*.txt"))]
    return cases


CASES = _cases()
IDS = [document.name for document, _ in CASES]


def _load(document: Path, gold_path: Path) -> tuple[ParsedPlan, dict]:
    if not document.exists():
        pytest.skip(f"{document} is not available (the seeds live beside the repository)")
    return parse_text(document.read_text(encoding="utf-8")), json.loads(gold_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("document", "gold_path"), CASES, ids=IDS)
def test_items_match_gold(document, gold_path):
    plan, gold = _load(document, gold_path)
    found = [(section.number, str(item.number), item.title) for section in plan.sections for item in section.items]
    expected = [(item["section"], item["number"], item["title"]) for item in gold["items"]]
    assert found == expected
    assert plan.title == gold["title"]
    assert plan.year == gold["year"]
    if "issuer" in gold:
        assert plan.issuer == gold["issuer"]


@pytest.mark.parametrize(("document", "gold_path"), CASES, ids=IDS)
def test_no_duplicate_items(document, gold_path):
    plan, _ = _load(document, gold_path)
    keys = [(section.number, item.number) for section in plan.sections for item in section.items]
    assert len(keys) == len(set(keys))
    assert all(item.section is section for section in plan.sections for item in section.items)


@pytest.mark.parametrize(("document", "gold_path"), CASES, ids=IDS)
def test_targets_recall_and_precision(document, gold_path):
    plan, gold = _load(document, gold_path)
    reported = plan.targets
    missed = [g["text"] for g in gold["targets"] if not any(target_matches(r, g) for r in reported)]
    allowed = gold["targets"] + gold["optional"]
    extra = [r.text for r in reported if not any(target_matches(r, g) for g in allowed)]
    found = len(gold["targets"]) - len(missed)
    correct = len(reported) - len(extra)
    summary = (f"{document.name}: recall {found}/{len(gold['targets'])}, "
               f"precision {correct}/{len(reported)}; missed {missed}; false positives {extra}")
    assert not missed and not extra, summary


@pytest.mark.parametrize(("document", "gold_path"), [case for case in CASES if "documents" in case[0].parts],
                         ids=[name for name in IDS if not name[0].isdigit()])
def test_units_and_comparators_of_annotated_documents(document, gold_path):
    plan, gold = _load(document, gold_path)
    by_text = {norm(target.text): target for target in plan.targets}
    for expected in gold["targets"]:
        target = by_text[norm(expected["text"])]
        assert (target.unit, target.comparator, target.explicit) == (
            expected["unit"], expected["comparator"], expected["explicit"]), expected["text"]


def test_seed_000_bodies_and_clutter():
    plan, _ = _load(*CASES[0])
    assert len(plan.items) == 24 and [s.number for s in plan.sections] == list("一二三四五六")
    assert plan.issuer == "市委编办机关"
    assert plan.sections[0].title == "强化政治引领,夯实思想理论根基"
    assert all(len(item.text) > 100 for item in plan.items)
    assert plan.items[0].text.startswith("立足市委编办政治机关定位")
    assert plan.items[-1].text.endswith("形成上下联动、全域覆盖的风险防控体系。")
    for clutter in ("字数", "7301", "复制下载", "老文笔", "阅读全文", "被锁住", "2026-01-31"):
        for item in plan.items:
            assert clutter not in item.text and clutter not in item.title
    assert "老文笔" not in plan.title


def test_seed_001_outline_fills_items_cut_off_in_body():
    plan, _ = _load(*CASES[1])
    items = plan.items
    assert [item.number for item in items] == list(range(1, 25))
    assert all(item.text for item in items[:11])
    assert all(item.text == "" for item in items[11:])
    assert items[0].text.startswith("制定市政府机关年度理论学习计划")
    assert items[10].text.endswith("深入挖掘其中蕴含的意识形态")
    # The title line and the preamble between the outline and the body belong to no item.
    assert not any("指导思想" in item.text or "工作要点" in item.text for item in items)
    assert plan.sections[0].title == "深化理论武装,筑牢思想根基"  # the body's heading, not the outline's
    assert plan.sections[3].title == "深化文明培育"
    assert plan.issuer == "市政府机关"


def test_signature_is_issuer_not_item_text():
    plan = parse_text((DOCUMENTS / "county_propaganda.txt").read_text(encoding="utf-8"))
    last = plan.items[-1]
    assert last.text.endswith("每年不少于1次。")
    for clutter in ("中共XX县委宣传部", "2026年2月10日", "复制下载", "展开全文", "范文网", "阅读：", "首页"):
        assert all(clutter not in item.text for item in plan.items)


def test_pdf_page_footer_inside_a_sentence_is_dropped_and_the_sentence_rejoined():
    plan = parse_text((DOCUMENTS / "education_no_sections.txt").read_text(encoding="utf-8"))
    item = plan.items[3]
    assert "- 2 -" not in item.text
    assert "每日巡查网络评论留言" in item.text
    assert plan.sections[0].number is None and plan.sections[0].title is None


def test_target_offsets_point_into_item_text():
    for document, gold_path in CASES:
        if not document.exists():
            continue
        for item in parse_text(document.read_text(encoding="utf-8")).items:
            for target in item.targets:
                assert item.text[target.start:target.end] == target.text


def test_to_dict_shape_is_the_parse_plan_contract():
    plan, _ = _load(*CASES[0])
    data = json.loads(json.dumps(plan.to_dict(), ensure_ascii=False))
    assert set(data) == {"title", "year", "issuer", "sections"}
    section = data["sections"][0]
    assert set(section) == {"number", "title", "items"} and section["number"] == "一"
    item = section["items"][0]
    assert set(item) == {"number", "title", "text", "targets"} and item["number"] == 1
    assert item["targets"][1] == {"text": "全年集中学习不少于12次", "count": 12, "unit": "次", "period": "year",
                                  "comparator": ">=", "per": "org", "explicit": True}
    with_offsets = plan.to_dict(offsets=True)["sections"][0]["items"][0]["targets"][0]
    assert {"start", "end"} <= set(with_offsets)


def test_headings_in_mixed_widths_and_single_level_plans():
    plan = parse_text("2026年某某局意识形态工作要点\n一、抓好学习。每月开展1次集中学习。\n二、管好阵地。每日巡查网站。\n")
    assert [(s.number, [(i.number, i.title) for i in s.items]) for s in plan.sections] == [
        (None, [(1, "抓好学习"), (2, "管好阵地")])]
    assert plan.issuer == "某某局"
    plan = parse_text("一、加强学习\n（一）落实中心组学习：全年不少于10次。\n1.要点一\n（二）开展青年学习。每周一学。\n")
    assert [(i.number, i.title) for i in plan.items] == [(1, "落实中心组学习"), (2, "开展青年学习")]
    assert "1.要点一" in plan.items[0].text


def test_sub_lists_above_the_item_level_are_item_text():
    # （一） restarting under "1." items is a sub-list, not the item level.
    text = ("一、理论武装\n1.抓好学习。每月学习1次。\n（一）读原著\n（二）学原文\n"
            "2.开展宣讲。全年宣讲不少于6场。\n（一）进机关\n二、阵地管理\n3.管好网站。每日巡查。\n")
    plan = parse_text(text)
    assert [(s.number, [i.number for i in s.items]) for s in plan.sections] == [("一", [1, 2]), ("二", [3])]
    assert "（二）学原文" in plan.items[0].text


@pytest.mark.parametrize("text", ["", "   \n\n", "复制下载\n阅读全文\n"])
def test_empty_text_is_a_parse_error(text):
    with pytest.raises(ParseError, match="为空"):
        parse_text(text)


def test_text_without_numbered_items_gives_its_paragraphs_as_items():
    plan = parse_text("2026年工作要点\n今年要加强学习，每月开展1次集中学习。\n")
    assert plan.structure == "paragraphs"
    assert [(s.number, [(i.number, i.title) for i in s.items]) for s in plan.sections] == [(None, [(1, "今年要加强学习")])]
    assert [(t.text, t.count, t.period) for t in plan.targets] == [("每月开展1次集中学习", 1, "month")]


def test_numbered_plans_say_so():
    assert parse_text("2026年工作要点\n一、抓好学习。每月学习1次。\n二、管好阵地。\n").structure == "numbered"


@pytest.mark.parametrize("text", ["2026年工作要点\n", "加强理论学习工作\n宣传思想文化建设工作\n", "各党支部：\n特此通知。\n"])
def test_text_without_any_duty_paragraph_is_a_parse_error(text):
    with pytest.raises(ParseError, match="未识别到任何要点条目或工作段落"):
        parse_text(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("一二三四五六十、.．（）()1234567890 \n每月季度年全不少于次篇场个人名第“”\"，。；：学习开展定期上下半两")) ,
               max_size=300) | st.text(max_size=200))
def test_parse_text_only_ever_raises_parse_error(text):
    try:
        plan = parse_text(text)
    except ParseError as error:
        assert error.message
        return
    json.dumps(plan.to_dict())
    keys = [(section.number, item.number) for section in plan.sections for item in section.items]
    assert len(keys) == len(set(keys))
    for item in plan.items:
        for target in item.targets:
            assert target.count is None or target.count >= 1
            assert target.period in PERIODS and target.per in PERS and target.comparator in COMPARATORS
            assert item.text[target.start:target.end] == target.text


def test_unnumbered_headings_over_restarting_items_become_sections():
    text = ("2026年某某局意识形态工作要点\n\n加强理论武装\n1.抓好学习。每月开展1次集中学习。\n2.开展宣讲。全年宣讲不少于6场。\n"
            "管好宣传阵地\n1.管好网站。每日巡查网站。\n2.办好简报。每月编发1期简报。\n")
    plan = parse_text(text)
    assert [(s.number, s.title, [i.number for i in s.items]) for s in plan.sections] == [
        ("一", "加强理论武装", [1, 2]), ("二", "管好宣传阵地", [1, 2])]
    assert plan.items[1].text == "全年宣讲不少于6场。"


def test_a_site_heading_is_not_the_title():
    plan = parse_text("工作要点范文\n复制下载 | 阅读全文\n2026年某某局意识形态工作要点\n1.抓好学习。每月学习1次。\n")
    assert plan.title == "2026年某某局意识形态工作要点" and plan.year == 2026
