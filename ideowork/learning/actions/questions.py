"""The question bank: checking a question's data, adding, changing, disabling and importing questions.

Forms and the Excel import give the answer as text (``parse_answer`` reads it):
single ``B``; multiple ``ACD``; judge 对/错; blank one entry per blank separated by ``|``, accepted
alternatives of one blank by ``/``; short: the reference answer.
"""

import hashlib
import re

from django.core.exceptions import ValidationError
from django.db import transaction

from ideowork.core.audit import record, snapshot
from ideowork.core.models import OrgUnit, User
from ideowork.core.permissions import require
from ideowork.core.scoping import can_act_in

from ..choices import Difficulty, QuestionKind
from ..grading import normalise_text
from ..models import Question, QuestionCategory, QuestionTag

__all__ = ["OPTION_KEYS", "question_fingerprint", "parse_answer", "answer_text", "check_question",
           "do_create_question", "do_update_question", "do_set_question_active", "do_import_questions",
           "get_or_create_category", "require_can_manage_bank"]

OPTION_KEYS = "ABCDEF"
CHOICE_KINDS = {QuestionKind.SINGLE, QuestionKind.MULTIPLE}
AUDITED = ["org_unit", "kind", "stem", "options", "answer", "category", "difficulty", "explanation", "source",
           "is_active"]
_TRUE = {"对", "正确", "√", "是", "T", "TRUE", "Y"}
_FALSE = {"错", "错误", "×", "否", "F", "FALSE", "N"}


def question_fingerprint(stem: str, options: list[dict]) -> str:
    """Same stem and same option texts (in any order, whatever the spacing or width) → same print."""
    texts = sorted(normalise_text(o["text"]) for o in options)
    return hashlib.sha256("\x1f".join([normalise_text(stem), *texts]).encode()).hexdigest()


def parse_answer(kind: str, text: str, option_keys: list[str]):
    """The stored answer for ``text`` as typed in a form or an Excel cell; ValidationError if unusable."""
    text = (text or "").strip()
    if not text:
        raise ValidationError("答案为空")
    if kind == QuestionKind.SINGLE:
        key = text.upper()
        if key not in option_keys:
            raise ValidationError(f"答案“{text}”不是已填写的选项（{'、'.join(option_keys)}）")
        return key
    if kind == QuestionKind.MULTIPLE:
        keys = sorted(set(re.sub(r"[\s,，、;；]", "", text).upper()))
        bad = [k for k in keys if k not in option_keys]
        if bad:
            raise ValidationError(f"答案中的“{''.join(bad)}”不是已填写的选项（{'、'.join(option_keys)}）")
        if len(keys) < 2:
            raise ValidationError("多选题的答案至少应有两个选项")
        return keys
    if kind == QuestionKind.JUDGE:
        value = text.upper()
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        raise ValidationError(f"判断题答案“{text}”应为“对”或“错”")
    if kind == QuestionKind.BLANK:
        blanks = [[alt.strip() for alt in part.split("/") if alt.strip()] for part in text.split("|")]
        if any(not alts for alts in blanks):
            raise ValidationError("填空题答案中有空白的空（多个空用“|”分隔，同一空的可接受答案用“/”分隔）")
        return blanks
    return text


def answer_text(question: Question) -> str:
    """The answer as a person reads and types it (the inverse of ``parse_answer``)."""
    answer = question.answer
    if question.kind == QuestionKind.MULTIPLE:
        return "".join(answer)
    if question.kind == QuestionKind.JUDGE:
        return "对" if answer else "错"
    if question.kind == QuestionKind.BLANK:
        return "|".join("/".join(alts) for alts in answer)
    return str(answer)


def check_question(kind: str, stem: str, option_texts: list[str], answer: str, difficulty) -> dict:
    """Validate one question's content; returns ``stem``, ``options``, ``answer``, ``fingerprint``.

    Raises ValidationError with a dict of Chinese messages keyed by field.
    """
    errors: dict[str, list[str]] = {}
    stem = (stem or "").strip()
    if kind not in QuestionKind.values:
        errors["kind"] = [f"题型“{kind}”不存在，应为{'、'.join(QuestionKind.labels)}之一"]
    if not stem:
        errors["stem"] = ["题干为空"]
    elif len(stem) > 2000:
        errors["stem"] = ["题干超过2000字"]
    texts = [(t or "").strip() for t in option_texts][:len(OPTION_KEYS)]
    while texts and not texts[-1]:
        texts.pop()
    options = []
    if kind in CHOICE_KINDS:
        if any(not t for t in texts):
            errors["options"] = ["选项不能中间留空，请从A开始连续填写"]
        elif len(texts) < 2:
            errors["options"] = ["选择题至少需要两个选项"]
        elif len({normalise_text(t) for t in texts}) < len(texts):
            errors["options"] = ["选项内容有重复"]
        elif any(len(t) > 500 for t in texts):
            errors["options"] = ["选项超过500字"]
        options = [{"key": OPTION_KEYS[i], "text": t} for i, t in enumerate(texts)]
    elif texts and kind in QuestionKind.values:
        errors["options"] = [f"{QuestionKind(kind).label}不需要填写选项"]
    parsed = None
    if "kind" not in errors and "options" not in errors:
        try:
            parsed = parse_answer(kind, answer, [o["key"] for o in options])
        except ValidationError as exc:
            errors["answer"] = exc.messages
    if difficulty not in Difficulty.values:
        errors["difficulty"] = [f"难度应为{'、'.join(Difficulty.labels)}之一"]
    if errors:
        raise ValidationError(errors)
    return {"stem": stem, "options": options, "answer": parsed,
            "fingerprint": question_fingerprint(stem, options)}


def require_can_manage_bank(user: User, unit: OrgUnit) -> None:
    require(user.is_active and user.has_capability("learning.manage"), "您没有管理题库的权限。")
    require(can_act_in(user, unit), f"您无权管理“{unit.name}”的题库。")


def get_or_create_category(unit: OrgUnit, name: str) -> QuestionCategory | None:
    name = (name or "").strip()
    if not name:
        return None
    return QuestionCategory.objects.get_or_create(org_unit=unit, name=name)[0]


def _tags(names) -> list[QuestionTag]:
    return [QuestionTag.objects.get_or_create(name=n)[0] for n in dict.fromkeys(n.strip() for n in names) if n]


def _duplicate_of(unit: OrgUnit, fingerprint: str, exclude_pk=None) -> Question | None:
    qs = Question.objects.filter(org_unit=unit, fingerprint=fingerprint, is_active=True)
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    return qs.first()


def _snapshot(question: Question) -> dict:
    data = snapshot(question, AUDITED)
    data["tags"] = sorted(question.tags.values_list("name", flat=True))
    return data


def do_create_question(user: User, *, org_unit: OrgUnit, kind: str, stem: str, option_texts: list[str],
                       answer: str, category_name: str = "", tag_names=(), difficulty=Difficulty.MEDIUM,
                       explanation: str = "", source: str = "") -> Question:
    require_can_manage_bank(user, org_unit)
    data = check_question(kind, stem, option_texts, answer, difficulty)
    with transaction.atomic():
        dup = _duplicate_of(org_unit, data["fingerprint"])
        if dup is not None:
            raise ValidationError({"stem": f"题库中已有相同的题目（编号{dup.pk}）。"})
        question = Question.objects.create(
            org_unit=org_unit, kind=kind, difficulty=difficulty, explanation=explanation.strip(),
            source=source.strip(), category=get_or_create_category(org_unit, category_name), created_by=user,
            **data)
        question.tags.set(_tags(tag_names))
        record("learning.question.create", question, actor=user, new=_snapshot(question))
    return question


def do_update_question(user: User, question: Question, *, kind: str, stem: str, option_texts: list[str],
                       answer: str, category_name: str = "", tag_names=(), difficulty=Difficulty.MEDIUM,
                       explanation: str = "", source: str = "") -> Question:
    require_can_manage_bank(user, question.org_unit)
    data = check_question(kind, stem, option_texts, answer, difficulty)
    with transaction.atomic():
        question = Question.objects.select_for_update().get(pk=question.pk)
        dup = _duplicate_of(question.org_unit, data["fingerprint"], exclude_pk=question.pk)
        if dup is not None:
            raise ValidationError({"stem": f"题库中已有相同的题目（编号{dup.pk}）。"})
        old = _snapshot(question)
        for name, value in data.items():
            setattr(question, name, value)
        question.kind, question.difficulty = kind, difficulty
        question.explanation, question.source = explanation.strip(), source.strip()
        question.category = get_or_create_category(question.org_unit, category_name)
        question.save()
        question.tags.set(_tags(tag_names))
        new = _snapshot(question)
        if new != old:
            record("learning.question.update", question, actor=user, old=old, new=new)
    return question


def do_set_question_active(user: User, question: Question, active: bool) -> Question:
    """Disable (or re-enable) a question; papers already drawn keep it, new papers don't draw it."""
    require_can_manage_bank(user, question.org_unit)
    with transaction.atomic():
        question = Question.objects.select_for_update().get(pk=question.pk)
        if question.is_active == active:
            return question
        if active and _duplicate_of(question.org_unit, question.fingerprint, exclude_pk=question.pk):
            raise ValidationError("题库中已有相同的启用题目，不能重复启用。")
        question.is_active = active
        question.save(update_fields=["is_active", "updated_at"])
        record("learning.question.enable" if active else "learning.question.disable", question, actor=user,
               old={"is_active": not active}, new={"is_active": active})
    return question


def do_import_questions(user: User, org_unit: OrgUnit, rows: list[dict], *, filename: str) -> list[Question]:
    """Create every row of a checked import (``imports.questions.read_question_rows``), all or none.

    The duplicate check is repeated under the transaction: a question added meanwhile refuses the file.
    """
    require_can_manage_bank(user, org_unit)
    with transaction.atomic():
        existing = set(Question.objects.filter(org_unit=org_unit, is_active=True,
                                               fingerprint__in=[r["fingerprint"] for r in rows])
                       .values_list("fingerprint", flat=True))
        clashes = [f"第{r['row']}行：题库中已有相同的题目。" for r in rows if r["fingerprint"] in existing]
        if clashes:
            raise ValidationError(clashes)
        created = []
        for row in rows:
            question = Question.objects.create(
                org_unit=org_unit, kind=row["kind"], stem=row["stem"], options=row["options"], answer=row["answer"],
                fingerprint=row["fingerprint"], difficulty=row["difficulty"], explanation=row["explanation"],
                source=row["source"], category=get_or_create_category(org_unit, row["category"]), created_by=user)
            question.tags.set(_tags(row["tags"]))
            created.append(question)
        record("learning.question.import", org_unit, actor=user,
               new={"filename": filename, "count": len(created), "ids": [q.pk for q in created]})
    return created
