"""The checked text with its findings marked: escaped, in place, overlaps split into runs, paragraphs kept."""

import re
from dataclasses import dataclass

from ideowork.outlets.proofreading_html import finding_tooltip, render_highlighted


@dataclass
class F:
    start: int
    end: int
    severity: str = "error"
    message: str = "问题"
    suggestion: str | None = None


def plain(html: str) -> str:
    """The text a reader sees: tags dropped, <br> as newlines, entities decoded."""
    from html import unescape

    return unescape(re.sub(r"<[^>]+>", "", html.replace("<br>", "\n")))


def test_marks_each_finding_in_place_with_its_message_and_suggestion():
    text = "截止目前，习总书记指出"
    html = render_highlighted(text, [F(0, 2, message="“截止”应为“截至”", suggestion="截至"),
                                     F(5, 9, severity="warning", message="称谓不规范", suggestion="习近平总书记")])
    assert '<mark class="pf pf-error" id="pf-0" data-findings="0" title="【错误】“截止”应为“截至”（建议：截至）">截止</mark>' in html
    assert 'id="pf-1"' in html and ">习总书记</mark>" in html and "pf-warning" in html
    assert plain(html) == text


def test_user_text_is_escaped_everywhere():
    text = '<script>alert("x")</script> & 截止目前'
    html = render_highlighted(text, [F(0, 8, message='<b>"坏"</b>'), F(len(text) - 4, len(text) - 2)])
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html
    assert plain(html) == text


def test_no_findings_keeps_paragraphs():
    html = render_highlighted("第一段\n第二段\r\n第三段", [])
    assert str(html) == "第一段<br>第二段<br>第三段"


def test_overlapping_findings_split_into_runs_of_the_same_findings():
    text = "ABCDEFGH"
    html = render_highlighted(text, [F(1, 5, severity="warning", message="甲"), F(3, 7, message="乙")])
    marks = re.findall(r'<mark class="([^"]+)"[^>]*data-findings="([^"]+)"[^>]*>([^<]*)</mark>', html)
    assert marks == [("pf pf-warning", "0", "BC"), ("pf pf-error pf-multi", "0 1", "DE"), ("pf pf-error", "1", "FG")]
    assert plain(html) == text
    assert "甲&#10;【错误】乙" in html  # both messages in the shared run's tooltip


def test_findings_starting_at_the_same_place_each_get_an_anchor():
    html = render_highlighted("ABCD", [F(0, 2), F(0, 4, severity="warning")])
    assert 'id="pf-0"' in html and 'id="pf-1"' in html


def test_a_mark_may_span_a_line_break_and_bad_offsets_are_ignored():
    text = "一段\n二段"
    html = render_highlighted(text, [F(1, 4), F(-1, 2), F(3, 99), F(10, 12)])
    assert html.count("<mark") == 1 and "段<br>二</mark>" in html
    assert plain(html) == text


def test_dicts_are_accepted_like_findings():
    html = render_highlighted("其它", [{"start": 0, "end": 2, "severity": "warning", "message": "易混词",
                                       "suggestion": "其他", "rule": "x"}])
    assert "pf-warning" in html and "建议：其他" in html
    assert finding_tooltip({"severity": "error", "message": "错", "suggestion": None}) == "【错误】错"


def test_a_long_text_with_hundreds_of_findings():
    text = ("习总书记强调，截止目前各项工作稳步推进。\n" * 1000)[:20000]
    findings = [F(m.start(), m.end()) for m in re.finditer("习总书记|截止", text)]
    findings += [F(m.start(), m.start() + 6, severity="warning") for m in re.finditer("习总书记", text)]
    html = render_highlighted(text, findings)
    assert plain(html) == text
    assert html.count('id="pf-') == len(findings)
