"""Exams: setting a paper, publishing, taking (start, save each answer, submit), grading and closing.

The answer save (``do_save_answer``) is the hot path of an exam morning: one read of the paper row
with its attempt and question, one guarded UPDATE of the attempt (the row lock that orders a save
against a concurrent submission) and one upsert of the answer. Answers are the record of
themselves and are not audited one by one; starting, submitting, grading and closing are.
"""

import random
from decimal import Decimal
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from ideowork.core.audit import record, snapshot
from ideowork.core.caching import cached_figure, figure_key
from ideowork.core.choices import BUSINESS_ROLES
from ideowork.core.inserts import insert_rows
from ideowork.core.models import OrgUnit, User
from ideowork.core.permissions import require
from ideowork.core.scoping import can_act_in
from ideowork.core.system import is_system_actor, system_actor
from ideowork.ledger.actions import do_sync_activity

from ..choices import PointsAction, QuestionKind
from ..grading import grade, normalise_response
from ..models import (Answer, Attempt, AttemptQuestion, AttemptStatus, Exam, ExamMode, ExamQuestion, ExamRule,
                      ExamStatus, GradePolicy, Question)
from .points import do_award_points

__all__ = ["EXAM_FIELDS", "LEDGER_KIND", "close_due_exams", "require_can_manage_exams", "exam_bank", "exam_audience", "is_for",
           "do_save_exam", "do_add_exam_question", "do_remove_exam_question", "do_add_rule", "do_remove_rule",
           "do_publish_exam", "do_close_exam", "do_start_attempt", "do_save_answer", "do_submit_attempt",
           "close_expired_attempts", "do_grade_answer", "final_attempts", "paper_size", "paper_for_taking", "save_time"]

EXAM_FIELDS = ["org_unit", "title", "description", "mode", "opens_at", "closes_at", "time_limit_minutes",
               "max_attempts", "grade_policy", "pass_score", "shuffle_questions", "shuffle_options", "show_answers"]
# An exam counts in the ledger as an assessment (考核): targets such as "组织理论知识考核" suggest it.
LEDGER_KIND = "assessment"


def require_can_manage_exams(user: User, unit: OrgUnit) -> None:
    require(user.is_active and user.has_capability("learning.manage"), "您没有组织考试的权限。")
    require(can_act_in(user, unit), f"您无权管理“{unit.name}”的考试。")


def exam_bank(exam: Exam):
    """The questions an exam may use: its unit's bank, the banks above it and those of units below."""
    ancestors = [int(p) for p in exam.org_unit.path.split(".") if p]
    return Question.objects.active().filter(Q(org_unit__in=ancestors) | Q(org_unit__path__startswith=exam.org_unit.path))


def exam_audience(exam: Exam):
    """The business users the exam is meant for (its unit's subtree, or the units it is limited to)."""
    units = list(exam.audience.all()) or [exam.org_unit]
    where = Q()
    for unit in units:
        where |= Q(org_unit__path__startswith=unit.path)
    return User.objects.filter(where, is_active=True, role__in=BUSINESS_ROLES)


def is_for(user: User, exam: Exam) -> bool:
    """The exam is meant for ``user`` (who can already see it): no unit limit, or their unit is within one
    (one of the units on their unit's path)."""
    units = _audience_ids(exam)
    if not units:
        return True
    if user.org_unit_id is None:
        return False
    path = {int(p) for p in user.org_unit.path.split(".") if p}
    return any(pk in path for pk in units)


def _audience_ids(exam: Exam) -> list[int]:
    """The ids of the units ``exam`` is limited to (none: its whole unit). ``do_save_exam`` sets them
    only on a draft, so a published exam's are a cached figure named by the exam and its publication
    (ids, not units: a unit moved in the tree later is still judged by the person's current path)."""
    def compute() -> list[int]:
        return [unit.pk for unit in exam.audience.all()]  # the list page has them prefetched

    if exam.status == ExamStatus.DRAFT or exam.published_at is None:
        return compute()
    return cached_figure("exam-audience", (exam.pk, exam.published_at.isoformat()), compute)


def _exam_snapshot(exam: Exam) -> dict:
    data = snapshot(exam, EXAM_FIELDS + ["status"])
    data["audience"] = sorted(exam.audience.values_list("name", flat=True)) if exam.pk else []
    return data


def _editable(user: User, exam: Exam) -> Exam:
    require_can_manage_exams(user, exam.org_unit)
    exam = Exam.objects.select_for_update().get(pk=exam.pk)
    if exam.status != ExamStatus.DRAFT:
        raise ValidationError("考试已发布，试卷和规则不能再修改。")
    return exam


def do_save_exam(user: User, exam: Exam | None = None, *, audience=(), **fields) -> Exam:
    """Create an exam (draft) or change one; once published only the title, description, closing time
    and answer display may change."""
    unknown = set(fields) - set(EXAM_FIELDS)
    if unknown:
        raise TypeError(f"do_save_exam() got unknown fields {', '.join(sorted(unknown))}")
    with transaction.atomic():
        if exam is None:
            exam = Exam(created_by=user)
            old = None
        else:
            require_can_manage_exams(user, exam.org_unit)
            exam = Exam.objects.select_for_update().get(pk=exam.pk)
            old = _exam_snapshot(exam)
            if exam.status != ExamStatus.DRAFT:
                locked = {k for k, v in fields.items() if getattr(exam, k) != v} - {
                    "title", "description", "closes_at", "show_answers"}
                if locked:
                    raise ValidationError("考试已发布，只能修改名称、说明、结束时间和答案显示方式。")
        for name, value in fields.items():
            setattr(exam, name, value.strip() if isinstance(value, str) and name in ("title", "description") else value)
        require_can_manage_exams(user, exam.org_unit)
        errors = {}
        if exam.opens_at and exam.closes_at and exam.closes_at <= exam.opens_at:
            errors["closes_at"] = "结束时间必须晚于开始时间。"
        if not exam.time_limit_minutes or exam.time_limit_minutes > 24 * 60:
            errors["time_limit_minutes"] = "答题时长应在1至1440分钟之间。"
        if not exam.max_attempts or exam.max_attempts > 20:
            errors["max_attempts"] = "允许次数应在1至20之间。"
        audience = list(audience)
        outside = [u.name for u in audience if not u.is_within(exam.org_unit)]
        if outside:
            errors["audience"] = f"“{'、'.join(outside)}”不在“{exam.org_unit.name}”之下。"
        if errors:
            raise ValidationError(errors)
        exam.full_clean(exclude=["activity", "created_by"])
        exam.save()
        if old is None or exam.status == ExamStatus.DRAFT:
            exam.audience.set(audience)
        new = _exam_snapshot(exam)
        if old is None:
            record("learning.exam.create", exam, actor=user, new=new)
        elif new != old:
            record("learning.exam.update", exam, actor=user, old=old, new=new)
    return exam


def do_add_exam_question(user: User, exam: Exam, question: Question, score: Decimal) -> ExamQuestion:
    with transaction.atomic():
        exam = _editable(user, exam)
        if exam.mode != ExamMode.FIXED:
            raise ValidationError("随机抽题的考试请设置抽题规则。")
        if not exam_bank(exam).filter(pk=question.pk).exists():
            raise ValidationError("该题不在本考试可用的题库中，或已停用。")
        if not score or score <= 0 or score > 100:
            raise ValidationError({"score": "分值应大于0且不超过100。"})
        if ExamQuestion.objects.filter(exam=exam, question=question).exists():
            raise ValidationError("该题已在试卷中。")
        order = ExamQuestion.objects.filter(exam=exam).count() + 1
        item = ExamQuestion.objects.create(exam=exam, question=question, score=score, order=order)
        record("learning.exam.add_question", exam, actor=user, new={"question": question.pk, "score": score})
    return item


def do_remove_exam_question(user: User, item: ExamQuestion) -> None:
    with transaction.atomic():
        _editable(user, item.exam)
        record("learning.exam.remove_question", item.exam, actor=user, old={"question": item.question_id})
        item.delete()


def _rule_pool(exam: Exam, rule: ExamRule):
    qs = exam_bank(exam)
    if rule.kind:
        qs = qs.filter(kind=rule.kind)
    if rule.category_id:
        qs = qs.filter(category_id=rule.category_id)
    if rule.tag_id:
        qs = qs.filter(tags=rule.tag_id)
    if rule.difficulty:
        qs = qs.filter(difficulty=rule.difficulty)
    return qs


def do_add_rule(user: User, exam: Exam, *, kind="", category=None, tag=None, difficulty=None, count: int,
                score: Decimal) -> ExamRule:
    with transaction.atomic():
        exam = _editable(user, exam)
        if exam.mode != ExamMode.RANDOM:
            raise ValidationError("固定试卷的考试请直接选题。")
        if not count or count < 1 or count > 200:
            raise ValidationError({"count": "抽题数量应在1至200之间。"})
        if not score or score <= 0 or score > 100:
            raise ValidationError({"score": "每题分值应大于0且不超过100。"})
        rule = ExamRule(exam=exam, kind=kind or "", category=category, tag=tag, difficulty=difficulty or None,
                        count=count, score=score, order=exam.rules.count() + 1)
        available = _rule_pool(exam, rule).count()
        if available < count:
            raise ValidationError({"count": f"符合条件的题目只有{available}道，不足{count}道。"})
        rule.save()
        record("learning.exam.add_rule", exam, actor=user, new={"rule": rule.describe(), "count": count,
                                                                  "score": score})
    return rule


def do_remove_rule(user: User, rule: ExamRule) -> None:
    with transaction.atomic():
        _editable(user, rule.exam)
        record("learning.exam.remove_rule", rule.exam, actor=user, old={"rule": rule.describe()})
        rule.delete()


def paper_size(exam: Exam) -> tuple[int, Decimal]:
    """(questions, full score) of the exam's paper. A published paper never changes (``_editable``
    refuses): its size is a cached figure named by the exam and the moment it was published."""
    if exam.status == ExamStatus.DRAFT or exam.published_at is None:
        return _paper_size(exam)
    return cached_figure("exam-paper-size", (exam.pk, exam.published_at.isoformat()), lambda: _paper_size(exam))


def _paper_size(exam: Exam) -> tuple[int, Decimal]:
    if exam.mode == ExamMode.FIXED:
        items = list(exam.fixed_questions.values_list("score", flat=True))
        return len(items), sum(items, Decimal(0))
    rules = list(exam.rules.all())
    return sum(r.count for r in rules), sum((r.score * r.count for r in rules), Decimal(0))


def _draw(exam: Exam, rng: random.Random) -> list[tuple[int, Decimal, object]]:
    """The questions of one person's paper, as (question id, score, question version), in the paper's
    order; the version (``updated_at``) names the question's cached entry (``_question_entries``)."""
    if exam.mode == ExamMode.FIXED:
        return list(exam.fixed_questions.order_by("order", "id").values_list("question_id", "score",
                                                                             "question__updated_at"))
    chosen: list[tuple[int, Decimal, object]] = []
    taken: set[int] = set()
    for rule in exam.rules.all():
        versions = dict(_rule_pool(exam, rule).values_list("pk", "updated_at"))
        pool = [pk for pk in versions if pk not in taken]
        if len(pool) < rule.count:
            raise ValidationError(f"抽题规则“{rule.describe()}”的可用题目不足{rule.count}道，请联系考试组织者。")
        picked = rng.sample(pool, rule.count)
        taken.update(picked)
        chosen.extend((pk, rule.score, versions[pk]) for pk in picked)
    return chosen


# --- the paper as the taking page gets it ---------------------------------------------------------

OPTION_LABELS = "ABCDEFGH"
PAPER_CACHE_SECONDS = 6 * 3600


def _question_key(question_id: int, version) -> str:
    # Keyed by the question and its version (``updated_at``, moved by every edit): an edited question
    # is read under a new key, so a paper is never built from a stale copy and nothing is invalidated.
    return figure_key("exam-question", (question_id, str(version)))


def _cache_many(keys: list[str]) -> dict:
    from django.core.cache import cache

    try:
        return cache.get_many(keys)
    except Exception:  # the cache is an optimisation (core/caching.py): read without it
        return {}


def _cache_set_many(values: dict) -> None:
    from django.core.cache import cache

    try:
        cache.set_many(values, PAPER_CACHE_SECONDS)
    except Exception:
        pass


def _question_entries(versions: dict[int, object]) -> dict[int, dict]:
    """What every examinee sees of each question (kind, stem, options by key, number of blanks),
    from the cache where present: the paper's shared part, built once per question version."""
    keys = {qid: _question_key(qid, version) for qid, version in versions.items()}
    found = _cache_many(list(keys.values()))
    entries = {qid: found[key] for qid, key in keys.items() if key in found}
    missing = [qid for qid in versions if qid not in entries]
    if missing:
        built = {}
        for pk, kind, stem, options, key in Question.objects.filter(pk__in=missing).values_list(
                "pk", "kind", "stem", "options", "answer"):
            entries[pk] = built[keys[pk]] = {
                "kind": kind, "kind_label": QuestionKind(kind).label, "stem": stem,
                "options": {o["key"]: o["text"] for o in options},
                "blanks": len(key) if kind == QuestionKind.BLANK and isinstance(key, list) else 0}
        _cache_set_many(built)
    return entries


def paper_for_taking(attempt: Attempt) -> list[dict]:
    """The person's paper for the taking page, in their question and option order, with the answers
    saved so far, and neither the answers' key nor explanations. Two queries (the paper rows with
    their questions' versions, the saved answers) when the questions are cached; none for an attempt
    ``do_start_attempt`` has just drawn (it carries its paper, once: 开始答题 answers with the paper).

    Precondition: ``attempt`` is the caller's, authorised.
    """
    drawn = attempt.__dict__.pop("_drawn_paper", None)
    if drawn is not None:
        return drawn
    rows = list(attempt.paper.order_by("order").values_list("order", "score", "option_order", "question_id",
                                                            "question__updated_at"))
    saved = {qid: (response, saved_at) for qid, response, saved_at
             in Answer.objects.filter(attempt_id=attempt.pk).values_list("question_id", "response", "saved_at")}
    entries = _question_entries({qid: version for _, _, _, qid, version in rows})
    return _taking_rows([(order, score, option_order, qid) for order, score, option_order, qid, _ in rows],
                        entries, saved)


def _taking_rows(rows, entries: dict[int, dict], saved: dict) -> list[dict]:
    """The paper as the page draws it: ``rows`` are (order, score, option order, question id) in the
    paper's order, ``entries`` the questions' shared parts, ``saved`` {question id: (response, saved at)}."""
    paper = []
    for order, score, option_order, qid in rows:
        entry = entries[qid]
        by_key = entry["options"]
        keys = [k for k in (option_order or list(by_key)) if k in by_key]
        paper.append({"id": qid, "no": order, "kind": entry["kind"], "kind_label": entry["kind_label"],
                      "score": str(score), "stem": entry["stem"], "blanks": entry["blanks"],
                      "options": [{"value": k, "label": OPTION_LABELS[i], "text": by_key[k]}
                                  for i, k in enumerate(keys)],
                      "response": saved[qid][0] if qid in saved else None, "saved": qid in saved,
                      "saved_at": save_time(saved[qid][1]) if qid in saved else None})
    return paper


def save_time(moment) -> int:
    """An answer's save time as the page compares it: whole microseconds since the epoch."""
    return round(moment.timestamp() * 1_000_000)


def do_publish_exam(user: User, exam: Exam) -> Exam:
    with transaction.atomic():
        exam = _editable(user, exam)
        count, _ = paper_size(exam)
        if count == 0:
            raise ValidationError("试卷还没有题目，不能发布。" if exam.mode == ExamMode.FIXED else "还没有设置抽题规则，不能发布。")
        if exam.closes_at <= timezone.now():
            raise ValidationError("结束时间已过，请先修改结束时间。")
        _draw(exam, random.Random())  # every rule can still be satisfied
        exam.status, exam.published_at = ExamStatus.PUBLISHED, timezone.now()
        exam.save(update_fields=["status", "published_at"])
        record("learning.exam.publish", exam, actor=user, old={"status": ExamStatus.DRAFT},
               new={"status": exam.status})
    return exam


def do_start_attempt(user: User, exam: Exam) -> Attempt:
    """The person's open attempt, or a new one with its own paper; refuses outside the rules.

    A new attempt carries the paper it was drawn with, for the first ``paper_for_taking`` (开始答题
    answers with the paper without reading back what it has just written).

    Precondition: ``exam`` is visible to ``user`` (the view fetched it with ``visible_to``).
    """
    require(user.is_active and user.is_business, "您不能参加考试。")
    now = timezone.now()
    mine = list(Attempt.objects.filter(exam=exam, user=user))
    current = next((a for a in mine if a.is_open), None)
    if current is not None:
        if current.deadline > now:
            return current
        do_submit_attempt(None, current, auto=True)  # its time ran out while the person was away
    if exam.status != ExamStatus.PUBLISHED:
        raise ValidationError("考试未发布或已结束。")
    if not is_for(user, exam):
        raise ValidationError("本考试不面向您所在的单位。")
    if now < exam.opens_at:
        raise ValidationError(f"考试尚未开始，开始时间为{timezone.localtime(exam.opens_at):%Y-%m-%d %H:%M}。")
    if now >= exam.closes_at:
        raise ValidationError("考试已结束，不能再作答。")
    used = len(mine)
    if used >= exam.max_attempts:
        raise ValidationError(f"本考试最多允许作答{exam.max_attempts}次，您已用完。")
    rng = random.Random()
    drawn = _draw(exam, rng)
    if exam.shuffle_questions:
        rng.shuffle(drawn)
    # Each question's kind and option keys from its cached entry, which the paper is drawn from too.
    entries = _question_entries({pk: version for pk, _, version in drawn})
    deadline = min(now + timezone.timedelta(minutes=exam.time_limit_minutes), exam.closes_at)
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(exam=exam, user=user, number=used + 1, started_at=now, deadline=deadline,
                                             max_score=sum((s for _, s, _ in drawn), Decimal(0)))
            rows = []
            for order, (pk, score, _) in enumerate(drawn, start=1):
                entry = entries[pk]
                keys = list(entry["options"]) if entry["kind"] in ("single", "multiple") else []
                if exam.shuffle_options and keys:
                    rng.shuffle(keys)
                rows.append((order, score, keys, pk))
            _insert_paper(attempt.pk, rows)
            record("learning.exam.start_attempt", attempt, actor=user, unit=exam.org_unit,
                   new={"number": attempt.number, "deadline": deadline})
    except IntegrityError:  # a second click started it meanwhile
        current = Attempt.objects.filter(exam=exam, user=user, status=AttemptStatus.IN_PROGRESS).first()
        if current is None:
            raise ValidationError(f"本考试最多允许作答{exam.max_attempts}次，您已用完。") from None
        return current
    attempt._drawn_paper = _taking_rows(rows, entries, {})
    return attempt


_PAPER_COLUMNS = ("attempt", "order", "score", "option_order", "question")


def _insert_paper(attempt_id: int, rows: list[tuple]) -> None:
    """Write a new attempt's paper, ``rows`` of (order, score, option order, question id), by plain
    INSERTs (``core/inserts.py``). ``bulk_create`` built fifty model instances and prepared each value
    through the ORM: about 3 ms of every 开始答题, twice this.

    Precondition: inside the start's transaction, ``attempt_id`` just created (no row of it exists)."""
    insert_rows(AttemptQuestion, _PAPER_COLUMNS,
                [(attempt_id, order, score, keys, question_id) for order, score, keys, question_id in rows])


def do_save_answer(user: User, attempt_id: int, question_id: int, raw) -> Answer:
    """Save one answer of the user's open attempt (replacing an earlier one). The hot path.

    Refuses (ValidationError, Chinese) a question not in the user's paper, a submitted attempt and
    an answer after the deadline (which submits the attempt). Three statements: the paper row read
    with its attempt and question, then in one transaction the guard UPDATE and the upsert.
    """
    now = timezone.now()
    at = connection.ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        cursor.execute(_PAPER_ROW_SQL, [at, attempt_id, question_id, user.pk])
        found = cursor.fetchone()
    if found is None:
        raise ValidationError("该题不在您的试卷中，答案未保存。")
    status, in_time, kind, options, answer_key = found
    if status != AttemptStatus.IN_PROGRESS:
        raise ValidationError("答卷已提交，不能再修改答案。")
    if not in_time:
        do_submit_attempt(user, Attempt.objects.get(pk=attempt_id), auto=True)
        raise ValidationError("答题时间已到，答卷已自动提交，本题答案未保存。")
    # What grading needs of the question, without building a model instance on the hot path.
    question = SimpleNamespace(kind=kind, options=_OPTIONS_FIELD.from_db_value(options, None, connection),
                               answer=_ANSWER_FIELD.from_db_value(answer_key, None, connection))
    response = None if raw in (None, "", []) else normalise_response(question, raw)
    answer = Answer(attempt_id=attempt_id, question_id=question_id, response=response, saved_at=now)
    with transaction.atomic(), connection.cursor() as cursor:
        # The guard takes the attempt's row lock, which orders this save against a submission.
        cursor.execute(_GUARD_SQL, [attempt_id, AttemptStatus.IN_PROGRESS, at])
        if cursor.rowcount != 1:
            raise ValidationError("答卷已提交或答题时间已到，本题答案未保存。")
        cursor.execute(_UPSERT_SQL, [attempt_id, question_id,
                                     _RESPONSE_FIELD.get_db_prep_save(response, connection), at])
    return answer


# The hot path's read and two writes as plain SQL (the ORM's compilation cost more than the
# statements): valid on SQLite (3.24+) and PostgreSQL alike. The read asks the deadline of the database
# with the same comparison as the guard, and finds the row only in the person's own attempt.
_PAPER_ROW_SQL = (
    f"SELECT a.status, a.deadline > %s, q.kind, q.options, q.answer FROM {AttemptQuestion._meta.db_table} p "
    f"JOIN {Attempt._meta.db_table} a ON a.id = p.attempt_id JOIN {Question._meta.db_table} q ON q.id = p.question_id "
    "WHERE p.attempt_id = %s AND p.question_id = %s AND a.user_id = %s")
_GUARD_SQL = (f"UPDATE {Attempt._meta.db_table} SET status = status "
              "WHERE id = %s AND status = %s AND deadline > %s")
_UPSERT_SQL = (f"INSERT INTO {Answer._meta.db_table} (attempt_id, question_id, response, saved_at, comment) "
               "VALUES (%s, %s, %s, %s, '') ON CONFLICT (attempt_id, question_id) "
               "DO UPDATE SET response = excluded.response, saved_at = excluded.saved_at")
_RESPONSE_FIELD = Answer._meta.get_field("response")
_OPTIONS_FIELD = Question._meta.get_field("options")
_ANSWER_FIELD = Question._meta.get_field("answer")


def do_submit_attempt(user: User | None, attempt: Attempt, *, auto: bool = False) -> Attempt:
    """Submit and grade an attempt; submitting again changes nothing and returns it as it is.

    ``user`` is the examinee (or None when the server submits an expired attempt).
    """
    if user is not None:
        require(attempt.user_id == user.pk, "这不是您的答卷。")
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().select_related("exam").get(pk=attempt.pk)
        if attempt.status != AttemptStatus.IN_PROGRESS:
            return attempt
        now = timezone.now()
        auto = auto or now >= attempt.deadline
        responses = dict(Answer.objects.filter(attempt=attempt).values_list("question_id", "response"))
        total, pending = Decimal(0), False
        by_score: dict[Decimal | None, list[int]] = {}
        for question_id, score, kind, key in attempt.paper.values_list("question_id", "score", "question__kind",
                                                                       "question__answer"):
            if question_id not in responses:
                continue  # not answered: nothing earned
            response = responses[question_id]
            fraction = grade(Question(kind=kind, answer=key), response)
            if fraction is None:
                earned = Decimal(0) if response in (None, "") else None
                pending = pending or earned is None
            else:
                earned = (score * Decimal(str(fraction))).quantize(Decimal("0.1"))
                total += earned
            by_score.setdefault(earned, []).append(question_id)
        # One UPDATE per distinct score (a handful), not one per answer.
        for earned, question_ids in by_score.items():
            Answer.objects.filter(attempt=attempt, question_id__in=question_ids).update(score=earned)
        attempt.score = total
        attempt.status = AttemptStatus.SUBMITTED if pending else AttemptStatus.GRADED
        attempt.submitted_at = min(now, attempt.deadline)
        attempt.auto_submitted = auto
        attempt.save(update_fields=["score", "status", "submitted_at", "auto_submitted"])
        record("learning.exam.submit_attempt", attempt, actor=user, unit=attempt.exam.org_unit,
               new={"score": total, "status": attempt.status, "auto": auto})
        if attempt.status == AttemptStatus.GRADED:
            _award_if_passed(attempt)
    return attempt


def _award_if_passed(attempt: Attempt) -> None:
    if attempt.score is not None and attempt.score >= attempt.exam.pass_score:
        do_award_points(attempt.user, PointsAction.EXAM, ref=f"exam:{attempt.exam_id}")


def close_expired_attempts(now=None, *, exam: Exam | None = None, user: User | None = None) -> int:
    """Submit every open attempt past its deadline (the server's time-out); returns how many."""
    now = now or timezone.now()
    qs = Attempt.objects.filter(status=AttemptStatus.IN_PROGRESS, deadline__lte=now)
    if exam is not None:
        qs = qs.filter(exam=exam)
    if user is not None:
        qs = qs.filter(user=user)
    done = 0
    for attempt in qs.order_by("deadline")[:500]:
        do_submit_attempt(None, attempt, auto=True)
        done += 1
    return done


def do_grade_answer(user: User, answer: Answer, score: Decimal, comment: str = "") -> Answer:
    """A person's score for a short answer (or a correction of any answer) of a submitted attempt."""
    require_can_manage_exams(user, answer.attempt.exam.org_unit)
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().select_related("exam").get(pk=answer.attempt_id)
        if attempt.status == AttemptStatus.IN_PROGRESS:
            raise ValidationError("答卷尚未提交，不能评分。")
        item = AttemptQuestion.objects.get(attempt=attempt, question_id=answer.question_id)
        if score is None or score < 0 or score > item.score:
            raise ValidationError({"score": f"得分应在0至{item.score}分之间。"})
        answer = Answer.objects.select_for_update().get(pk=answer.pk)
        old = {"score": answer.score, "comment": answer.comment}
        answer.score, answer.comment = Decimal(score).quantize(Decimal("0.1")), comment.strip()[:500]
        answer.graded_by, answer.graded_at = user, timezone.now()
        answer.save(update_fields=["score", "comment", "graded_by", "graded_at"])
        scores = list(attempt.answers.values_list("score", flat=True))
        attempt.score = sum((s for s in scores if s is not None), Decimal(0))
        attempt.status = AttemptStatus.SUBMITTED if None in scores else AttemptStatus.GRADED
        attempt.save(update_fields=["score", "status"])
        record("learning.exam.grade_answer", attempt, actor=user, unit=attempt.exam.org_unit, old=old,
               new={"question": answer.question_id, "score": answer.score, "comment": answer.comment})
        if attempt.status == AttemptStatus.GRADED:
            _award_if_passed(attempt)
    return answer


def close_due_exams(now=None) -> int:
    """Close, as the system actor, every published exam whose window has ended (periodic task),
    so that every exam reaches the ledger even when nobody closes it."""
    now = now or timezone.now()
    actor, closed = None, 0
    for exam in Exam.objects.filter(status=ExamStatus.PUBLISHED, closes_at__lte=now).order_by("closes_at", "pk"):
        actor = actor or system_actor()
        do_close_exam(actor, exam)
        closed += 1
    return closed


def final_attempts(exam: Exam, attempts) -> dict[int, Attempt]:
    """Per person, the submitted attempt that counts under the exam's grade policy."""
    by_user: dict[int, list[Attempt]] = {}
    for attempt in attempts:
        if attempt.status != AttemptStatus.IN_PROGRESS:
            by_user.setdefault(attempt.user_id, []).append(attempt)
    final = {}
    for user_id, mine in by_user.items():
        mine.sort(key=lambda a: a.number)
        if exam.grade_policy == GradePolicy.FIRST:
            final[user_id] = mine[0]
        elif exam.grade_policy == GradePolicy.LAST:
            final[user_id] = mine[-1]
        else:
            final[user_id] = max(mine, key=lambda a: (a.score or 0, -a.number))
    return final


def do_close_exam(user: User, exam: Exam) -> Exam:
    """End the exam: submit open attempts, and record it once in the ledger with its examinees.

    ``user`` is an exam administrator, or the system actor when the exam's window ended
    (``close_due_exams``).
    """
    if not is_system_actor(user):
        require_can_manage_exams(user, exam.org_unit)
    if exam.status == ExamStatus.DRAFT:
        raise ValidationError("草稿状态的考试不需要结束，可直接修改。")
    for attempt in Attempt.objects.filter(exam=exam, status=AttemptStatus.IN_PROGRESS):
        do_submit_attempt(None, attempt, auto=True)
    with transaction.atomic():
        exam = Exam.objects.select_for_update().select_related("org_unit").get(pk=exam.pk)
        if exam.status == ExamStatus.CLOSED:
            return exam
        now = timezone.now()
        exam.status, exam.closed_at = ExamStatus.CLOSED, now
        if exam.closes_at > now:
            exam.closes_at = now
        examinees = list(User.objects.filter(pk__in=Attempt.objects.filter(exam=exam).values("user")))
        if examinees and exam.activity_id is None:
            day = timezone.localdate(min(now, exam.closes_at))
            n, full = paper_size(exam)
            exam.activity = do_sync_activity(
                user, source=exam, kind=LEDGER_KIND, title=exam.title, date=day,
                host=exam.org_unit.display_name if is_system_actor(user) else user.name,
                summary=f"在线考试，共{n}题，满分{full}分，{len(examinees)}人参加。", participants=examinees)
        exam.save(update_fields=["status", "closed_at", "closes_at", "activity"])
        record("learning.exam.close", exam, actor=user, old={"status": ExamStatus.PUBLISHED},
               new={"status": exam.status, "examinees": len(examinees)})
    return exam

