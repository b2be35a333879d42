"""The question bank (题库): questions with their options, answer, category, tags and difficulty.

Options and the answer are stored with the question (JSON), because a paper is read question by
question and never option by option. ``options`` is a list of ``{"key": "A", "text": "…"}``;
``answer`` depends on the kind:

- single: ``"B"``; multiple: ``["A", "C"]`` (sorted); judge: ``true`` / ``false``;
- blank: a list, one entry per blank, each a list of accepted answers: ``[["两个确立"], ["人民", "群众"]]``;
- short: the reference answer, as text (graded by people).

``fingerprint`` is a hash of the normalised stem and options, for duplicate detection.
Grading lives in ``learning.grading``; the answer never leaves the server before submission.
"""

from django.db import models

from ideowork.core.models import EnteredBy, UpdatedAt
from ideowork.core.scoping import PublishedQuerySet

from ..choices import Difficulty, QuestionKind

__all__ = ["QuestionCategory", "QuestionTag", "Question"]


class QuestionCategory(models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所属单位", on_delete=models.PROTECT,
                                 related_name="question_categories")
    name = models.CharField("分类名称", max_length=60)
    order = models.PositiveIntegerField("排序", default=0)

    objects = PublishedQuerySet.declare(actions={"change": "learning.manage"}).as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "题目分类"
        ordering = ["org_unit", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["org_unit", "name"], name="question_category_unique",
                                               violation_error_message="该分类已存在。")]

    def __str__(self) -> str:
        return self.name


class QuestionTag(models.Model):
    name = models.CharField("标签", max_length=40, unique=True)

    class Meta:
        verbose_name = verbose_name_plural = "题目标签"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class QuestionQuerySet(PublishedQuerySet):
    actions = {"change": "learning.manage"}
    def active(self):
        return self.filter(is_active=True)


class Question(EnteredBy, UpdatedAt, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所属单位", on_delete=models.PROTECT,
                                 related_name="questions")
    kind = models.CharField("题型", max_length=10, choices=QuestionKind.choices, db_index=True)
    stem = models.TextField("题干")
    options = models.JSONField("选项", default=list, blank=True)
    answer = models.JSONField("答案")
    category = models.ForeignKey(QuestionCategory, verbose_name="分类", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="questions")
    tags = models.ManyToManyField(QuestionTag, verbose_name="标签", blank=True, related_name="questions")
    difficulty = models.PositiveSmallIntegerField("难度", choices=Difficulty.choices, default=Difficulty.MEDIUM)
    explanation = models.TextField("解析", blank=True)
    source = models.CharField("出处", max_length=200, blank=True)
    fingerprint = models.CharField("指纹", max_length=64, db_index=True, editable=False)
    is_active = models.BooleanField("启用", default=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "试题"
        ordering = ["-id"]
        indexes = [models.Index(fields=["org_unit", "kind", "difficulty"], name="question_pick_idx")]

    def __str__(self) -> str:
        return self.stem[:40]

    @property
    def is_manually_graded(self) -> bool:
        return self.kind == QuestionKind.SHORT

    @property
    def public_options(self) -> list[dict]:
        """What the browser may see before submission: the options, never the answer."""
        return [{"key": o["key"], "text": o["text"]} for o in self.options]
