"""The briefings' trend charts: PNG images Pillow opens, of the size asked, with dates, counts, the
y axis's title and a legend written in Debian's Noto CJK (``make test`` installs it), and still drawn
— figures and dates only — on a machine without a CJK font."""

import io
from datetime import date, timedelta

from PIL import Image

from ideowork.opinion import charts
from ideowork.opinion.briefing_docx import chart_images
from ideowork.opinion.charts import SENTIMENT_COLOURS, VOLUME_COLOUR, Series, bar_chart_png, cjk_font

WEEK = [date(2026, 11, 27) + timedelta(days=n) for n in range(7)]
NEGATIVE, NEUTRAL, POSITIVE = [2, 9, 12, 12, 1, 4, 1], [20, 29, 19, 20, 25, 17, 30], [3, 1, 7, 0, 6, 6, 9]


def sentiment_chart(**options) -> bytes:
    return bar_chart_png(WEEK, [Series(NEGATIVE, SENTIMENT_COLOURS[0], "负面"), Series(NEUTRAL, SENTIMENT_COLOURS[1], "中性"),
                                Series(POSITIVE, SENTIMENT_COLOURS[2], "正面")], **options)


def opened(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()
    return image.convert("RGB")


def ink(image: Image.Image, box) -> int:
    """How many pixels of ``box`` are darker than the light grid: text, axes, bars."""
    return sum(1 for pixel in image.crop(box).get_flattened_data() if sum(pixel) < 500)


def test_the_machine_has_the_cjk_font_the_charts_write_with():
    font = cjk_font(24)
    assert font is not None and "CJK SC" in " ".join(font.getname())


def test_a_chart_opens_in_pillow_at_its_size_with_its_bars_in_their_colours():
    assert Image.open(io.BytesIO(sentiment_chart())).format == "PNG"
    image = opened(sentiment_chart())
    assert image.size == (1200, 600)
    colours = set(image.get_flattened_data())
    assert set(SENTIMENT_COLOURS) <= colours
    small = opened(bar_chart_png(WEEK, [Series(NEUTRAL, VOLUME_COLOUR, "舆情信息")], width=800, height=400))
    assert small.size == (800, 400) and VOLUME_COLOUR in set(small.get_flattened_data())


def test_the_legend_and_the_axis_title_are_written_and_differ_from_a_chart_without_them():
    labelled, plain = opened(sentiment_chart()), opened(sentiment_chart(chinese=False))
    assert labelled.size == plain.size
    legend_box, title_box = (850, 0, 1200, 50), (0, 0, 300, 50)
    assert ink(labelled, legend_box) > 300 and ink(labelled, title_box) > 300
    assert ink(plain, legend_box) == 0 and ink(plain, title_box) == 0
    # Each legend entry is its bar's colour beside a word.
    strip = set(labelled.crop(legend_box).get_flattened_data())
    assert set(SENTIMENT_COLOURS) <= strip


def test_dates_and_counts_are_written_under_and_beside_the_bars():
    image = opened(sentiment_chart())
    below = (60, 555, 1200, 600)      # the dates, under the x axis
    beside = (0, 60, 55, 560)         # the counts of the y axis
    assert ink(image, below) > 1000 and ink(image, beside) > 200
    empty = opened(bar_chart_png(WEEK, [Series([0] * 7, VOLUME_COLOUR, "舆情信息")]))
    assert ink(empty, below) > 1000   # the dates are there on a day with nothing, the bars are not
    assert VOLUME_COLOUR not in set(empty.crop((60, 60, 1200, 540)).get_flattened_data())


def test_without_a_cjk_font_the_chart_is_drawn_with_figures_and_dates_only(monkeypatch, tmp_path):
    monkeypatch.setattr(charts, "FONT_FILES", (str(tmp_path / "none.ttc"),))
    monkeypatch.delenv(charts.FONT_ENV, raising=False)
    charts._font_file.cache_clear()
    charts.cjk_font.cache_clear()
    try:
        assert cjk_font(24) is None
        image = opened(sentiment_chart())
        assert image.size == (1200, 600) and ink(image, (850, 0, 1200, 50)) == 0
        assert ink(image, (60, 555, 1200, 600)) > 500
    finally:
        charts._font_file.cache_clear()
        charts.cjk_font.cache_clear()


def test_the_briefings_two_charts_carry_their_legends():
    days = [{"day": d.isoformat(), "label": f"{d.month:02d}-{d.day:02d}", "total": n + u + p, "negative": n,
             "neutral": u, "positive": p, "unknown": 0} for d, n, u, p in zip(WEEK, NEGATIVE, NEUTRAL, POSITIVE)]
    (volume, first), (sentiment, second) = chart_images({"days": days})
    assert first.startswith("图1") and second.startswith("图2")
    for png in (volume, sentiment):
        image = opened(png)
        assert image.size == (1200, 600) and ink(image, (850, 0, 1200, 50)) > 300
    assert VOLUME_COLOUR in set(opened(volume).get_flattened_data())
    days[0]["unknown"] = 3
    _volume, (sentiment, caption) = chart_images({"days": days})
    assert "浅灰为尚未研判" in caption and ink(opened(sentiment), (700, 0, 1200, 50)) > ink(opened(volume), (700, 0, 1200, 50))
