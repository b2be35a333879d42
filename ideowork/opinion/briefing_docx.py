"""A briefing as a Word document in the usual 舆情简报 layout, from the figures it was built from.

The 简报 masthead (the kind's name in red, 第N期, the editing unit and the date above the red rule,
as outlets' 工作简报), the title, then 一、总体情况 with the volume and sentiment charts (PNG images
drawn by ``charts.py`` with their dates, counts and legend, each with a numbered caption saying what
the colours are, for a machine without a CJK font, where the image has no legend), 二、重点事件 with a
table of each event's sources, 三、处置情况 with the table of events in hand, and 四、工作建议. Page,
fonts and page numbers are the 公文 ones of ``core.exports.gongwen``.
"""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from ideowork.core.exports.gongwen import (FONT_HEADING, FONT_SUBHEADING, FONT_TITLE, SIZE_2, SIZE_4, TEXT_WIDTH_MM,
                                           Table, add_page_numbers, register_fallback_fonts, page_setup,
                                           set_properties, write_paragraph, write_table)
from ideowork.outlets.briefing_docx import briefing_masthead

from .charts import SENTIMENT_COLOURS, VOLUME_COLOUR, Series, bar_chart_png

__all__ = ["briefing_docx", "SECTIONS", "chart_images"]

SECTIONS = [("overall", "一、总体情况"), ("events", "二、重点事件"), ("handling", "三、处置情况"), ("advice", "四、工作建议")]
NUMERALS = "一二三四五六七八九十"
UNKNOWN_COLOUR = (215, 215, 215)


def chart_images(figures: dict) -> list[tuple[bytes, str]]:
    """The two charts of 总体情况 as PNG bytes, each with its caption."""
    days = figures["days"]
    dates = [date.fromisoformat(d["day"]) for d in days]
    volume = bar_chart_png(dates, [Series([d["total"] for d in days], VOLUME_COLOUR, "舆情信息")])
    stacked = [Series([d["negative"] for d in days], SENTIMENT_COLOURS[0], "负面"),
               Series([d["neutral"] for d in days], SENTIMENT_COLOURS[1], "中性"),
               Series([d["positive"] for d in days], SENTIMENT_COLOURS[2], "正面")]
    legend = "红色为负面，灰色为中性，绿色为正面"
    if any(d["unknown"] for d in days):
        stacked.append(Series([d["unknown"] for d in days], UNKNOWN_COLOUR, "尚未研判"))
        legend += "，浅灰为尚未研判"
    sentiment = bar_chart_png(dates, stacked)
    span = f"{days[0]['label']}至{days[-1]['label']}" if days else ""
    return [(volume, f"图1  {span}每日舆情信息量（条）"), (sentiment, f"图2  {span}每日信息倾向分布（条；{legend}）")]


def _caption(document, text: str) -> None:
    write_paragraph(document, text, font=FONT_SUBHEADING, size=SIZE_4, align=WD_ALIGN_PARAGRAPH.CENTER, line=Pt(24))


def _statements(document, figures: dict, section: str) -> None:
    for statement in figures["statements"]:
        if statement["section"] == section:
            write_paragraph(document, statement["text"], indent_chars=2)


def _events(document, figures: dict) -> None:
    for n, row in enumerate(figures["events"]):
        write_paragraph(document, f"（{NUMERALS[n] if n < len(NUMERALS) else n + 1}）{row['title']}", font=FONT_SUBHEADING,
                        indent_chars=2)
        text = next((s["text"] for s in figures["statements"] if s["section"] == "events"
                     and (s["basis"] or {}).get("events") == [row["id"]]), "")
        write_paragraph(document, text, indent_chars=2)
        if row["sources"]:
            write_table(document, Table(["媒体/账号", "级别", "标题", "发布时间"],
                                        [(s["outlet"], s["level"], s["title"], s["published"]) for s in row["sources"]],
                                        widths_mm=(34, 20, 74, 28)))
    if not figures["events"]:
        _statements(document, figures, "events")


def _handling(document, figures: dict) -> None:
    _statements(document, figures, "handling")
    rows = figures["handling"]["rows"]
    if rows:
        overdue = set(figures["handling"]["overdue"])
        write_table(document, Table(["事件", "等级", "状态", "处置单位", "处置时限"],
                                    [(r["title"], r["grade_label"], r["status_label"] + ("（逾期）" if r["id"] in overdue else ""),
                                      r["assigned"] or "—", r["deadline"] or "—") for r in rows],
                                    widths_mm=(60, 18, 26, 24, 28)))


def briefing_docx(*, name: str, title: str, number_label: str, editor: str, day: date, figures: dict) -> bytes:
    """The briefing's .docx bytes."""
    document = Document()
    page_setup(document)
    register_fallback_fonts(document)
    add_page_numbers(document)
    set_properties(document, title=title, author=editor)
    briefing_masthead(document, name, number_label, editor, day)
    write_paragraph(document, title, font=FONT_TITLE, size=SIZE_2, align=WD_ALIGN_PARAGRAPH.CENTER, line=Pt(35))
    write_paragraph(document)
    for section, heading in SECTIONS:
        write_paragraph(document, heading, font=FONT_HEADING, indent_chars=2)
        if section == "overall":
            _statements(document, figures, section)
            for png, caption in chart_images(figures):
                picture = write_paragraph(document, align=WD_ALIGN_PARAGRAPH.CENTER, line=None)
                picture.paragraph_format.line_spacing = None
                picture.add_run().add_picture(io.BytesIO(png), width=Mm(TEXT_WIDTH_MM))
                _caption(document, caption)
        elif section == "events":
            _events(document, figures)
        elif section == "handling":
            _handling(document, figures)
        else:
            _statements(document, figures, section)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
