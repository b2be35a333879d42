"""Grading one answer against one question: the one place that knows what "correct" means.

``grade(question, response)`` returns the fraction of the question's score earned (0.0–1.0), or
``None`` when a person must grade it (short answers). ``normalise_response`` turns what a browser
sent into the stored form, refusing what cannot be an answer to this question.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError

from .choices import QuestionKind

__all__ = ["grade", "normalise_response", "normalise_text"]

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Full-width to half-width, no spaces, no trailing punctuation: how blanks are compared."""
    text = unicodedata.normalize("NFKC", str(text)).strip()
    text = _SPACE.sub("", text)
    return text.rstrip("。.，,；;！!").lower()


def normalise_response(question, raw):
    """The stored form of an answer to ``question``; ValidationError when it cannot be one.

    single: "B"; multiple: ["A", "C"]; judge: True/False; blank: ["…", "…"]; short: "…".
    """
    keys = {o["key"] for o in question.options}
    kind = question.kind
    if kind == QuestionKind.SINGLE:
        value = raw[0] if isinstance(raw, list) and len(raw) == 1 else raw
        if value not in keys:
            raise ValidationError("所选答案不是本题的选项。")
        return value
    if kind == QuestionKind.MULTIPLE:
        values = raw if isinstance(raw, list) else [raw]
        if not values or any(v not in keys for v in values):
            raise ValidationError("所选答案不是本题的选项。")
        return sorted(set(values))
    if kind == QuestionKind.JUDGE:
        if raw in (True, "true", "True", "1", 1, "对", "正确", "√"):
            return True
        if raw in (False, "false", "False", "0", 0, "错", "错误", "×"):
            return False
        raise ValidationError("判断题只能回答“正确”或“错误”。")
    if kind == QuestionKind.BLANK:
        values = raw if isinstance(raw, list) else [raw]
        if len(values) != len(question.answer) or any(not isinstance(v, str) or len(v) > 200 for v in values):
            raise ValidationError("填空数量与题目不符。")
        return [v.strip() for v in values]
    if not isinstance(raw, str) or len(raw) > 5000:
        raise ValidationError("简答题答案须为不超过5000字的文字。")
    return raw.strip()


def grade(question, response) -> float | None:
    """The fraction of the question's score that ``response`` (already normalised) earns."""
    if response is None or response == "" or response == []:
        return 0.0 if question.kind != QuestionKind.SHORT else None
    kind = question.kind
    if kind == QuestionKind.SINGLE:
        return 1.0 if response == question.answer else 0.0
    if kind == QuestionKind.MULTIPLE:
        return 1.0 if sorted(response) == sorted(question.answer) else 0.0
    if kind == QuestionKind.JUDGE:
        return 1.0 if bool(response) == bool(question.answer) else 0.0
    if kind == QuestionKind.BLANK:
        accepted = [{normalise_text(a) for a in blank} for blank in question.answer]
        right = sum(1 for given, ok in zip(response, accepted) if normalise_text(given) in ok)
        return right / len(accepted) if accepted else 0.0
    return None
