"""The youth programme: mentor pairs and their meetings, essay contests with anonymous judging.

Publishing a contest's results ranks the entries by their average score, gives the awards by the
contest's quotas, and records the contest in the ledger once (``do_sync_activity``,
every author a participant).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from ideowork.core.access import require_can
from ideowork.core.audit import record
from ideowork.core.models import User
from ideowork.core.permissions import require
from ideowork.core.uploads import KIND_GROUPS, check_upload, store_attachment
from ideowork.ledger.actions import do_sync_activity
from ideowork.ledger.actions.evidence import discard_attachments, files_discarded_on_error
from ideowork.ledger.choices import ActivityKind

from ..models import EssayAward, EssayContest, EssayScore, EssaySubmission, MentorMeeting, MentorPair

__all__ = ["ESSAY_FILE_KINDS", "do_create_pair", "do_end_pair", "do_record_meeting", "do_save_contest",
           "do_submit_essay", "do_score_essay", "judging_gaps", "do_publish_results"]

ESSAY_FILE_KINDS = KIND_GROUPS["pdf"] | KIND_GROUPS["word"] | KIND_GROUPS["text"]


OTHER_UNIT = "您无权管理其他单位的青年理论学习。"


def _check_admin(user) -> None:
    require(user.is_active and user.has_capability("learning.manage"), "您没有管理青年理论学习的权限。")
    require(user.scope_root is not None, OTHER_UNIT)


# --- mentor pairs -------------------------------------------------------------------------------

def do_create_pair(user, *, mentor: User, mentee: User, started_on: date, goals: str = "") -> MentorPair:
    """Pair a mentor with a young cadre of the same organ (导师带徒)."""
    _check_admin(user)
    if mentor.pk == mentee.pk:
        raise ValidationError({"mentee": "导师和青年干部不能是同一人。"})
    visible = User.objects.visible_to(user).filter(pk__in=[mentor.pk, mentee.pk], is_active=True)
    require(visible.count() == 2, "所选人员中有您无权选择的人员。")
    if not (mentor.is_business and mentee.is_business):
        raise ValidationError("导师和青年干部须是业务人员。")
    if mentor.scope_root != mentee.scope_root:
        raise ValidationError({"mentee": "导师和青年干部须是同一单位（机关）的人员。"})
    if started_on > timezone.localdate():
        raise ValidationError({"started_on": "结对日期不能晚于今天。"})
    with transaction.atomic():
        if MentorPair.objects.filter(mentor=mentor, mentee=mentee, is_active=True).exists():
            raise ValidationError({"mentee": f"{mentor.name}与{mentee.name}已经结对。"})
        pair = MentorPair.objects.create(org_unit=mentee.org_unit, mentor=mentor, mentee=mentee,
                                         started_on=started_on, goals=goals.strip(), created_by=user)
        record("learning.mentor_pair.create", pair, actor=user,
               new={"mentor": mentor.name, "mentee": mentee.name, "started_on": str(started_on)})
    return pair


def do_end_pair(user, pair: MentorPair) -> MentorPair:
    _check_admin(user)
    require_can(user, "change", pair, OTHER_UNIT)
    with transaction.atomic():
        pair = MentorPair.objects.select_for_update().get(pk=pair.pk)
        if not pair.is_active:
            raise ValidationError("该结对已经结束。")
        pair.is_active = False
        pair.save(update_fields=["is_active"])
        record("learning.mentor_pair.end", pair, actor=user, old={"is_active": True}, new={"is_active": False})
    return pair


def do_record_meeting(user, pair: MentorPair, *, date: date, topic: str, notes: str) -> MentorMeeting:
    """The mentor, the mentee, or a learning admin of their organ records a meeting of the pair (the
    pair's declared "record" action)."""
    require_can(user, "record", pair, "只有结对双方或管理人员可以记录带徒活动。")
    if not pair.is_active:
        raise ValidationError("该结对已经结束，不能再记录活动。")
    topic, notes = topic.strip(), notes.strip()
    errors = {}
    if not topic:
        errors["topic"] = "请填写主题。"
    if not notes:
        errors["notes"] = "请填写内容记录。"
    if date > timezone.localdate():
        errors["date"] = "日期不能晚于今天。"
    elif date < pair.started_on:
        errors["date"] = f"日期不能早于结对日期（{pair.started_on:%Y-%m-%d}）。"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        meeting = MentorMeeting.objects.create(pair=pair, date=date, topic=topic, notes=notes, recorded_by=user)
        record("learning.mentor_meeting.create", pair, actor=user, new={"date": str(date), "topic": topic})
    return meeting


# --- essay contests -----------------------------------------------------------------------------
# Who may do what is the contest's declared policy: "change" (edit, publish the results) for the
# learning managers of its organ, "judge" for its judges (``EssayContest``'s queryset).

def do_save_contest(user, contest: EssayContest | None = None, *, title: str, theme: str, description: str = "",
                    opens_at, closes_at, judges: list[User], first_prizes: int = 1, second_prizes: int = 2,
                    third_prizes: int = 3, merit_prizes: int = 5) -> EssayContest:
    _check_admin(user)
    if contest is not None:
        require_can(user, "change", contest, OTHER_UNIT)
    judges = list(judges)
    errors = {}
    if not title.strip():
        errors["title"] = "请填写征文名称。"
    if not theme.strip():
        errors["theme"] = "请填写征文主题。"
    if closes_at <= opens_at:
        errors["closes_at"] = "截止时间须晚于开始时间。"
    if not judges:
        errors["judges"] = "请至少选择一位评委。"
    if errors:
        raise ValidationError(errors)
    visible = set(User.objects.visible_to(user).filter(pk__in=[j.pk for j in judges], is_active=True)
                  .values_list("pk", flat=True))
    require(visible == {j.pk for j in judges}, "评委中有您无权选择的人员。")
    with transaction.atomic():
        old = None
        if contest is None:
            contest = EssayContest(org_unit=user.scope_root, created_by=user)
        else:
            contest = EssayContest.objects.select_for_update().get(pk=contest.pk)
            if contest.is_published:
                raise ValidationError("评审结果已公布，不能再修改。")
            old = {"title": contest.title, "closes_at": str(contest.closes_at),
                   "judges": sorted(j.name for j in contest.judges.all())}
        contest.title, contest.theme, contest.description = title.strip(), theme.strip(), description.strip()
        contest.opens_at, contest.closes_at = opens_at, closes_at
        contest.first_prizes, contest.second_prizes = first_prizes, second_prizes
        contest.third_prizes, contest.merit_prizes = third_prizes, merit_prizes
        contest.save()
        contest.judges.set(judges)
        record("learning.essay_contest.save", contest, actor=user, old=old,
               new={"title": contest.title, "closes_at": str(contest.closes_at),
                    "judges": sorted(j.name for j in judges)})
    return contest


def do_submit_essay(user, contest: EssayContest, *, title: str, body: str = "", upload=None) -> EssaySubmission:
    """Submit (or, before the deadline, replace) the user's one entry; its number stays the same.

    Precondition: the caller has checked that the user may see the contest.
    """
    require(user.is_active and user.is_business and user.org_unit_id is not None, "您不能参加征文。")
    now = timezone.now()
    if contest.is_published or now >= contest.closes_at:
        raise ValidationError("征文已截止，不能再提交或修改作品。")
    if now < contest.opens_at:
        raise ValidationError(f"征文尚未开始，请于{timezone.localtime(contest.opens_at):%Y-%m-%d %H:%M}后提交。")
    errors = {}
    if not title.strip():
        errors["title"] = "请填写作品标题。"
    if not body.strip() and upload is None:
        errors["body"] = "请填写正文或上传作品文件。"
    if errors:
        raise ValidationError(errors)
    kind = None
    if upload is not None:
        try:
            kind = check_upload(upload, allowed=ESSAY_FILE_KINDS)
        except ValidationError as exc:
            raise ValidationError({"upload": exc.messages}) from None
    with files_discarded_on_error() as stored, transaction.atomic():
        locked = EssayContest.objects.select_for_update().get(pk=contest.pk)
        if locked.is_published or timezone.now() >= locked.closes_at:
            raise ValidationError("征文已截止，不能再提交或修改作品。")
        submission = EssaySubmission.objects.filter(contest=contest, author=user).first()
        old_attachment = None
        if submission is None:
            number = (contest.submissions.aggregate(n=Max("number"))["n"] or 0) + 1
            submission = EssaySubmission(contest=contest, author=user, number=number)
            event = "learning.essay.submit"
        else:
            old_attachment = submission.attachment_id if upload is not None else None
            event = "learning.essay.resubmit"
        submission.org_unit_id = user.org_unit_id
        submission.title, submission.body = title.strip(), body.strip()
        if upload is not None:
            submission.attachment = store_attachment(upload, kind=kind, unit=user.org_unit, user=user)
            stored.append(submission.attachment.file)
        submission.save()
        if old_attachment:
            discard_attachments([old_attachment])
        record(event, contest, actor=user, new={"number": submission.number, "title": submission.title})
    return submission


def do_score_essay(judge, submission: EssaySubmission, *, score: int, comment: str = "") -> EssayScore:
    """A judge scores an entry (0–100) after the deadline; the score may be revised until publication."""
    contest = EssayContest.objects.get(pk=submission.contest_id)
    require_can(judge, "judge", contest, "您不是本次征文的评委。")
    require(submission.author_id != judge.pk, "评委不能评审自己的作品。")
    if contest.is_published:
        raise ValidationError("评审结果已公布，不能再修改评分。")
    if timezone.now() < contest.closes_at:
        raise ValidationError("征文截止后才能评分。")
    if score is None or not 0 <= int(score) <= 100:
        raise ValidationError({"score": "评分须为0至100之间的整数。"})
    with transaction.atomic():
        # Publishing holds the contest's lock: a score cannot slip in while results are computed.
        if EssayContest.objects.select_for_update().get(pk=contest.pk).is_published:
            raise ValidationError("评审结果已公布，不能再修改评分。")
        existing = (EssayScore.objects.select_for_update().filter(submission=submission, judge=judge)
                    .order_by("pk").first())
        old = {"score": existing.score} if existing else None
        entry, _ = EssayScore.objects.update_or_create(submission=submission, judge=judge,
                                                       defaults={"score": int(score), "comment": comment.strip()})
        record("learning.essay.score", contest, actor=judge, old=old,
               new={"entry": submission.label, "score": entry.score})
    return entry


def judging_gaps(contest: EssayContest) -> list[str]:
    """Which scores are still missing, e.g. ["作品2 尚缺 王评委 的评分"]."""
    judges = list(contest.judges.all())
    scored = set(EssayScore.objects.filter(submission__contest=contest).values_list("submission_id", "judge_id"))
    gaps = []
    for submission in contest.submissions.all():
        for judge in judges:
            if judge.pk != submission.author_id and (submission.pk, judge.pk) not in scored:
                gaps.append(f"{submission.label} 尚缺 {judge.name} 的评分")
    return gaps


def _awards(contest: EssayContest) -> list[tuple[str, int]]:
    quotas = [(EssayAward.FIRST, contest.first_prizes), (EssayAward.SECOND, contest.second_prizes),
              (EssayAward.THIRD, contest.third_prizes), (EssayAward.MERIT, contest.merit_prizes)]
    cut, bands = 0, []
    for award, count in quotas:
        cut += count
        bands.append((award, cut))
    return bands


def do_publish_results(user, contest: EssayContest) -> EssayContest:
    """Rank the entries by average score (equal averages share a rank), give awards by rank
    cut-offs, reveal the authors, and record the contest in the ledger."""
    require_can(user, "change", contest, "您无权公布该征文的评审结果。")
    with transaction.atomic():
        contest = EssayContest.objects.select_for_update().get(pk=contest.pk)
        if contest.is_published:
            raise ValidationError("评审结果已经公布。")
        if timezone.now() < contest.closes_at:
            raise ValidationError("征文尚未截止，不能公布结果。")
        submissions = list(contest.submissions.select_related("author").prefetch_related("scores"))
        if not submissions:
            raise ValidationError("还没有收到任何作品。")
        gaps = judging_gaps(contest)
        if gaps:
            shown = "；".join(gaps[:5]) + ("等" if len(gaps) > 5 else "")
            raise ValidationError(f"评分尚未完成：{shown}。")
        for s in submissions:
            scores = [x.score for x in s.scores.all()]
            s.average_score = (Decimal(sum(scores)) / len(scores)).quantize(Decimal("0.01"), ROUND_HALF_UP) \
                if scores else Decimal("0")
        submissions.sort(key=lambda s: (-s.average_score, s.number))
        bands = _awards(contest)
        for position, s in enumerate(submissions, start=1):
            previous = submissions[position - 2] if position > 1 else None
            s.rank = previous.rank if previous and previous.average_score == s.average_score else position
            s.award = next((award for award, cut in bands if s.rank <= cut), "")
            s.save(update_fields=["average_score", "rank", "award"])
        contest.results_published_at = timezone.now()
        day = min(timezone.localdate(), timezone.localdate(contest.closes_at))
        authors = [s.author for s in submissions]
        winners = "、".join(f"{s.author.name}（{s.get_award_display()}）"
                           for s in submissions if s.award == EssayAward.FIRST)
        contest.activity = do_sync_activity(
            user, source=contest, kind=ActivityKind.OTHER, title=f"征文比赛：{contest.title}", date=day,
            host=contest.org_unit.display_name,
            summary=f"征文主题“{contest.theme}”，共收到作品{len(submissions)}篇。" + (f"获奖：{winners}。" if winners else ""),
            participants=authors)
        contest.save(update_fields=["results_published_at", "activity"])
        record("learning.essay_contest.publish", contest, actor=user,
               new={"entries": len(submissions), "first": winners})
    return contest
