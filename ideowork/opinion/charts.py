"""Trend charts for the briefings' Word documents: daily bars drawn as PNG images with Pillow.

A chart is bars per day on a white canvas (``series`` stacked from the bottom up), light grid lines,
the counts on the y axis and above each bar, the dates under the bars, the y axis's title (信息量（条）)
and a legend saying what each colour means — in Chinese, in a CJK font found on the machine at run
time (``cjk_font``: Noto Sans CJK from Debian's ``fonts-noto-cjk``, which ``make run`` and ``make test``
install, or another of ``FONT_FILES``; ``IDEOWORK_CJK_FONT`` names one explicitly). Nothing is ever
fetched. Where no CJK font is installed the chart is still drawn, with its figures and dates in
Pillow's own font and without the Chinese legend and axis title: the document's caption beside the
image says what the colours mean either way. Pure Python, no Django.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

__all__ = ["Series", "bar_chart_png", "cjk_font", "VOLUME_COLOUR", "SENTIMENT_COLOURS", "FONT_FILES"]

Colour = tuple[int, int, int]
WHITE: Colour = (255, 255, 255)
AXIS: Colour = (110, 110, 110)
GRID: Colour = (228, 228, 228)
TEXT: Colour = (51, 51, 51)
MUTED: Colour = (102, 102, 102)
VOLUME_COLOUR: Colour = (37, 99, 176)
# Negative, neutral, positive (the order of the stacked bars, from the bottom up).
SENTIMENT_COLOURS: tuple[Colour, Colour, Colour] = ((200, 38, 38), (150, 150, 150), (46, 139, 87))

# Where Debian (fonts-noto-cjk, fonts-wqy-microhei, fonts-arphic-uming) and other distributions put
# a CJK font; the first that exists is used.
FONT_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)
FONT_ENV = "IDEOWORK_CJK_FONT"

TICK_SIZE, TEXT_SIZE, FIGURE_SIZE = 22, 24, 20


@dataclass(frozen=True)
class Series:
    values: Sequence[int]
    colour: Colour
    name: str = ""          # the legend's word for it (负面, 中性 …)


@lru_cache(maxsize=None)
def _font_file() -> tuple[str, int] | None:
    """The CJK font file and, in a collection, the face to use (the Simplified Chinese one)."""
    candidates = [os.environ[FONT_ENV]] if os.environ.get(FONT_ENV) else []
    for path in [*candidates, *FONT_FILES]:
        if not os.path.isfile(path):
            continue
        try:
            faces = [ImageFont.truetype(path, 12, index=i) for i in range(_faces(path))]
        except OSError:
            continue
        names = [" ".join(face.getname()) for face in faces]
        index = next((i for i, name in enumerate(names) if " SC " in f" {name} " or "CN" in name), 0)
        return path, index
    return None


def _faces(path: str) -> int:
    """How many faces a font file holds (a .ttc holds several; a .ttf or .otf one)."""
    with open(path, "rb") as handle:
        head = handle.read(12)
    return int.from_bytes(head[8:12], "big") if head[:4] == b"ttcf" else 1


@lru_cache(maxsize=None)
def cjk_font(size: int) -> ImageFont.FreeTypeFont | None:
    """The CJK font at ``size`` pixels, or None when the machine has none."""
    found = _font_file()
    return ImageFont.truetype(found[0], size, index=found[1]) if found else None


@lru_cache(maxsize=None)
def _plain_font(size: int):
    return ImageFont.load_default(size)


def nice_step(top: int, lines: int = 5) -> int:
    """A step of 1, 2 or 5 × 10ⁿ that divides ``top`` into about ``lines`` grid lines."""
    step, raw = 1, max(top, 1) / lines
    while True:
        for factor in (1, 2, 5):
            if step * factor >= raw:
                return step * factor
        step *= 10


def _width(draw: ImageDraw.ImageDraw, text: str, font) -> int:
    left, _top, right, _bottom = draw.textbbox((0, 0), text, font=font)
    return right - left


def bar_chart_png(days: Sequence[date], series: Sequence[Series], *, y_title: str = "信息量（条）",
                  width: int = 1200, height: int = 600, show_totals: bool = True, chinese: bool = True) -> bytes:
    """Bars per day (``series`` stacked from the bottom up) with the y axis's grid and counts, the
    dates under the bars, each bar's total above it (``show_totals``), and — in a CJK font, when the
    machine has one and ``chinese`` — the y axis's title and a legend of the named series."""
    cjk = chinese and cjk_font(TEXT_SIZE) is not None
    tick = cjk_font(TICK_SIZE) if cjk else _plain_font(TICK_SIZE)
    figure_font = cjk_font(FIGURE_SIZE) if cjk else _plain_font(FIGURE_SIZE)
    text_font = cjk_font(TEXT_SIZE) if cjk else None
    image = Image.new("RGB", (width, height), WHITE)
    draw = ImageDraw.Draw(image)

    totals = [sum(s.values[i] for s in series) for i in range(len(days))]
    step = nice_step(max(totals, default=0))
    top = max(step, -(-max(totals, default=0) // step) * step)
    if max(totals, default=0) > top - step / 4:     # headroom for the tallest bar's figure
        top += step
    left = max(_width(draw, str(top), tick), _width(draw, "0", tick)) + 36
    upper = TEXT_SIZE + 60     # the band of the axis title and the legend (left empty without a CJK font)
    lower = TICK_SIZE + 34
    right = 40
    plot_w, plot_h = width - left - right, height - upper - lower
    base = upper + plot_h

    def y_of(value: float) -> int:
        return base - round(value / top * plot_h)

    for value in range(0, top + 1, step):
        y = y_of(value)
        draw.line([(left, y), (left + plot_w, y)], fill=AXIS if value == 0 else GRID, width=2)
        draw.text((left - 12, y), str(value), font=tick, fill=MUTED, anchor="rm")

    labels = [f"{day.month}月{day.day}日" if cjk else f"{day.month:02d}-{day.day:02d}" for day in days]
    slot = plot_w / max(len(days), 1)
    bar = max(4, round(slot * 0.56))
    widest = max((_width(draw, label, tick) for label in labels), default=0)
    every = max(1, -(-(widest + 12) // max(int(slot), 1)))      # label every n-th day where they would touch
    totals_fit = show_totals and max((_width(draw, str(t), figure_font) for t in totals), default=0) <= slot - 4
    for index, label in enumerate(labels):
        centre = left + round(slot * (index + 0.5))
        x0, stacked = centre - bar // 2, 0
        for one in series:
            value = one.values[index]
            if value:
                draw.rectangle([x0, y_of(stacked + value), x0 + bar - 1, y_of(stacked) - 1], fill=one.colour)
                stacked += value
        if totals_fit and totals[index]:
            draw.text((centre, y_of(totals[index]) - 6), str(totals[index]), font=figure_font, fill=TEXT, anchor="ms")
        if index % every == 0:
            draw.text((centre, base + 12), label, font=tick, fill=TEXT, anchor="mt")

    if text_font is not None:
        draw.text((left - 12, 24), y_title, font=text_font, fill=TEXT, anchor="lm")
        _legend(draw, [s for s in series if s.name], text_font, right_edge=width - right, middle=24)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _legend(draw: ImageDraw.ImageDraw, series: Sequence[Series], font, *, right_edge: int, middle: int) -> None:
    """Each named series as a colour swatch and its name, in a row ending at ``right_edge``."""
    swatch, gap, spacing = TEXT_SIZE - 4, 8, 28
    widths = [swatch + gap + _width(draw, s.name, font) for s in series]
    x = right_edge - sum(widths) - spacing * max(len(series) - 1, 0)
    for one, item_width in zip(series, widths):
        draw.rectangle([x, middle - swatch // 2, x + swatch - 1, middle + swatch // 2 - 1], fill=one.colour)
        draw.text((x + swatch + gap, middle), one.name, font=font, fill=TEXT, anchor="lm")
        x += item_width + spacing
