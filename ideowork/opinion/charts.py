"""Trend charts for the briefings' Word documents, drawn as PNG images in pure Python.

Nothing here reaches the network or needs a plotting library: a chart is bars on a white canvas,
with grid lines, the y axis's figures and the x axis's dates written in a small built-in pixel font
of digits (``5×7``, scaled), and written out as a PNG by ``zlib``. Chinese words (the chart's title,
what each colour means) go in the document's caption beside the image, in the document's own fonts,
so no Chinese font has to be rasterised here. Pure Python, no Django.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Series", "bar_chart_png", "VOLUME_COLOUR", "SENTIMENT_COLOURS"]

Colour = tuple[int, int, int]
WHITE: Colour = (255, 255, 255)
AXIS: Colour = (96, 96, 96)
GRID: Colour = (226, 226, 226)
TEXT: Colour = (64, 64, 64)
VOLUME_COLOUR: Colour = (37, 99, 176)
# Negative, neutral, positive (the order of the stacked bars, from the bottom up).
SENTIMENT_COLOURS: tuple[Colour, Colour, Colour] = ((200, 38, 38), (150, 150, 150), (46, 139, 87))

GLYPHS = {
    "0": ("01110", "10001", "10011", "10101", "11001", "10001", "01110"),
    "1": ("00100", "01100", "00100", "00100", "00100", "00100", "01110"),
    "2": ("01110", "10001", "00001", "00010", "00100", "01000", "11111"),
    "3": ("11110", "00001", "00001", "01110", "00001", "00001", "11110"),
    "4": ("00010", "00110", "01010", "10010", "11111", "00010", "00010"),
    "5": ("11111", "10000", "11110", "00001", "00001", "10001", "01110"),
    "6": ("00110", "01000", "10000", "11110", "10001", "10001", "01110"),
    "7": ("11111", "00001", "00010", "00100", "01000", "01000", "01000"),
    "8": ("01110", "10001", "10001", "01110", "10001", "10001", "01110"),
    "9": ("01110", "10001", "10001", "01111", "00001", "00010", "01100"),
    "-": ("00000", "00000", "00000", "11111", "00000", "00000", "00000"),
    "/": ("00001", "00010", "00010", "00100", "01000", "01000", "10000"),
    ".": ("00000", "00000", "00000", "00000", "00000", "01100", "01100"),
    "%": ("11001", "11010", "00010", "00100", "01000", "01011", "10011"),
}


@dataclass(frozen=True)
class Series:
    values: Sequence[int]
    colour: Colour


class Canvas:
    def __init__(self, width: int, height: int):
        self.width, self.height = width, height
        self.pixels = bytearray(bytes(WHITE) * (width * height))

    def rect(self, x0: int, y0: int, x1: int, y1: int, colour: Colour) -> None:
        """Fill the pixels x0 ≤ x < x1, y0 ≤ y < y1 (clipped to the canvas)."""
        x0, x1 = max(0, x0), min(self.width, x1)
        y0, y1 = max(0, y0), min(self.height, y1)
        if x0 >= x1:
            return
        run = bytes(colour) * (x1 - x0)
        for y in range(y0, y1):
            start = (y * self.width + x0) * 3
            self.pixels[start:start + len(run)] = run

    def text(self, x: int, y: int, text: str, scale: int, colour: Colour = TEXT) -> None:
        """Write ``text`` (digits and - / . %) with its top left corner at (x, y)."""
        for char in text:
            for row, bits in enumerate(GLYPHS.get(char, GLYPHS["-"] if char != " " else ("00000",) * 7)):
                for col, bit in enumerate(bits):
                    if bit == "1":
                        self.rect(x + col * scale, y + row * scale, x + (col + 1) * scale, y + (row + 1) * scale,
                                  colour)
            x += 6 * scale

    def png(self) -> bytes:
        row = self.width * 3
        raw = b"".join(b"\x00" + bytes(self.pixels[y * row:(y + 1) * row]) for y in range(self.height))

        def chunk(tag: bytes, data: bytes) -> bytes:
            return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9))
                + chunk(b"IEND", b""))


def text_width(text: str, scale: int) -> int:
    return max(len(text) * 6 - 1, 0) * scale


def nice_step(top: int, lines: int = 5) -> int:
    """A step of 1, 2 or 5 × 10ⁿ that divides ``top`` into about ``lines`` grid lines."""
    step, raw = 1, max(top, 1) / lines
    while True:
        for factor in (1, 2, 5):
            if step * factor >= raw:
                return step * factor
        step *= 10


def bar_chart_png(labels: Sequence[str], series: Sequence[Series], *, width: int = 1200, height: int = 520,
                  show_totals: bool = True) -> bytes:
    """Bars per label (``series`` stacked from the bottom up), with the y axis's grid and figures,
    the labels under the bars and, with ``show_totals``, each bar's total above it."""
    scale = 3
    glyph_h = 7 * scale
    totals = [sum(s.values[i] for s in series) for i in range(len(labels))]
    step = nice_step(max(totals, default=0))
    top = max(step, -(-max(totals, default=0) // step) * step)
    left = text_width(str(top), scale) + 30
    right, upper, lower = 20, glyph_h + 24, glyph_h + 30
    canvas = Canvas(width, height)
    plot_w, plot_h = width - left - right, height - upper - lower
    base = upper + plot_h

    def y_of(value: float) -> int:
        return base - round(value / top * plot_h)

    for value in range(0, top + 1, step):
        y = y_of(value)
        canvas.rect(left, y, left + plot_w, y + 2, GRID if value else AXIS)
        figure = str(value)
        canvas.text(left - 12 - text_width(figure, scale), y - glyph_h // 2, figure, scale)
    slot = plot_w / max(len(labels), 1)
    bar = max(4, round(slot * 0.56))
    label_scale = scale if all(text_width(label, scale) <= slot - 6 for label in labels) else 2
    for index, label in enumerate(labels):
        centre = left + round(slot * (index + 0.5))
        x0, height_so_far = centre - bar // 2, 0
        for one in series:
            value = one.values[index]
            if value:
                canvas.rect(x0, y_of(height_so_far + value), x0 + bar, y_of(height_so_far), one.colour)
                height_so_far += value
        if show_totals and totals[index]:
            figure = str(totals[index])
            canvas.text(centre - text_width(figure, 2) // 2, y_of(totals[index]) - 7 * 2 - 8, figure, 2)
        if len(labels) <= 16 or index % -(-len(labels) // 16) == 0:
            canvas.text(centre - text_width(label, label_scale) // 2, base + 12, label, label_scale)
    canvas.rect(left, upper, left + 2, base + 2, AXIS)
    return canvas.png()
