"""A unit's own word lists (本单位词表), laid over the shipped lexicon when its items are analysed.

One row per unit: positive and negative domain words (with an optional weight), negators, degree
adverbs (with their factor) and sensitive-topic words (with topic and points), one entry a line.
The lists of a unit and of every unit above it apply to the items of its sources, the nearer unit's
entry winning (``actions/lexicon.py``). Written only by ``do_save_word_lists``, which raises the
``opinion.lexicon`` data version so that every worker rebuilds its lexicon on its next item.
"""

from __future__ import annotations

from django.db import models

from ideowork.core.models import person_field

from .scoping import OpinionQuerySet

__all__ = ["WordLists", "LIST_FIELDS", "parse_word_lists"]


class WordListsQuerySet(OpinionQuerySet):
    actions = {"change": "opinion.monitor"}


class WordLists(models.Model):
    org_unit = models.OneToOneField("core.OrgUnit", verbose_name="所属单位", on_delete=models.CASCADE,
                                    related_name="opinion_word_lists")
    positive_words = models.TextField("正面词", blank=True)
    negative_words = models.TextField("负面词", blank=True)
    negators = models.TextField("否定词", blank=True)
    degree_words = models.TextField("程度词", blank=True)
    sensitive_words = models.TextField("敏感话题词", blank=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)
    updated_by = person_field("最后修改人")

    objects = WordListsQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "本单位词表"
        ordering = ["org_unit__path"]

    def __str__(self) -> str:
        return f"{self.org_unit}的词表"

    def lexicon_changes(self) -> dict:
        """The lists as ``Lexicon.extended`` takes them (they were checked when saved)."""
        return parse_word_lists({name: getattr(self, name) for name, *_ in LIST_FIELDS})[0]


# (field, label, how a line reads, default value, range) — in the order the page shows them.
LIST_FIELDS = (
    ("positive_words", "正面词", "词语 或 词语 权重（0.1～3，默认1.5）", 1.5, (0.1, 3)),
    ("negative_words", "负面词", "词语 或 词语 权重（0.1～3，默认1.5，按负面计）", 1.5, (0.1, 3)),
    ("negators", "否定词", "词语（如：未曾、从不）", None, None),
    ("degree_words", "程度词", "词语 或 词语 倍数（0～5，默认1.5）", 1.5, (0, 5)),
    ("sensitive_words", "敏感话题词", "词语 话题 分值（分值0～10，默认2；话题默认“本单位关注”）", 2.0, (0, 10)),
)
DEFAULT_TOPIC = "本单位关注"
MAX_WORDS = 2000


def _number(text: str, low: float, high: float) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if low <= value <= high else None


def parse_word_lists(lists: dict[str, str]) -> tuple[dict, dict[str, str]]:
    """``({"sentiment": …, "modifiers": …, "sensitive": …}, {field: Chinese error})`` from the lists'
    text: one entry a line, its parts separated by spaces (or a tab, or a full-width space)."""
    sentiment: dict[str, float] = {}
    modifiers: dict[str, tuple[str, float]] = {}
    sensitive: dict[str, tuple[str, float]] = {}
    errors: dict[str, str] = {}
    for name, label, _shape, default, limits in LIST_FIELDS:
        lines = [line.split() for line in (lists.get(name) or "").replace("\u3000", " ").splitlines()]
        lines = [(number, parts) for number, parts in enumerate(lines, 1) if parts]
        if len(lines) > MAX_WORDS:
            errors[name] = f"{label}最多{MAX_WORDS}个（现有{len(lines)}个）。"
            continue
        for number, parts in lines:
            word, rest = parts[0], parts[1:]
            if name == "sensitive_words":
                topic = rest[0] if rest else DEFAULT_TOPIC
                rest = rest[1:]
            if len(rest) > 1 or (name == "negators" and rest):
                errors[name] = f"{label}第{number}行“{' '.join(parts)}”的格式不对，应为：{_shape}。"
                break
            value = default
            if rest:
                value = _number(rest[0], *limits)
                if value is None:
                    errors[name] = f"{label}第{number}行“{word}”的数值“{rest[0]}”应为{limits[0]:g}到{limits[1]:g}之间的数。"
                    break
            if name == "positive_words":
                sentiment[word] = value
            elif name == "negative_words":
                sentiment[word] = -value
            elif name == "negators":
                modifiers[word] = ("negator", 1.0)
            elif name == "degree_words":
                modifiers[word] = ("degree", value)
            else:
                sensitive[word] = (topic, value)
    return {"sentiment": sentiment, "modifiers": modifiers, "sensitive": sensitive}, errors
