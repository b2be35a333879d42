"""The youth programme's pages: mentor pairs and their meetings, essay contests, anonymous judging."""

from datetime import timedelta
from pathlib import PurePath

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.forms.errors import add_service_errors
from ideowork.core.audit import record_read
from ideowork.core.idempotency import idempotent
from ideowork.core.access import can, require_can
from ideowork.core.permissions import capability_required, is_business
from ideowork.core.outcomes import form_outcome, report_outcome

from ..access import access_contest, access_mentor_pair
from ..actions.youth import (do_create_pair, do_end_pair, do_publish_results, do_record_meeting, do_save_contest,
                             do_score_essay, do_submit_essay, judging_gaps)
from ..forms.youth import ContestForm, EssayForm, MeetingForm, MentorPairForm, ScoreForm
from ..models import EssayContest, EssayScore, EssaySubmission, MentorPair
from .materials.files import ranged_file_response

FILE_TYPES = {"pdf": "application/pdf", "txt": "text/plain; charset=utf-8",
              "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "doc": "application/msword"}


def _contest_state(contest, now) -> tuple[str, str]:
    if contest.is_published:
        return "结果已公布", "status-done"
    if now < contest.opens_at:
        return "未开始", "status-future"
    if now < contest.closes_at:
        return "征集中", "status-ontrack"
    return "评审中", "status-behind"


@is_business
def youth_home(request):
    user = request.user
    now = timezone.now()
    pairs = (MentorPair.objects.visible_to(user).select_related("mentor", "mentee", "org_unit")
             .annotate(n_meetings=Count("meetings")))
    contests = list(EssayContest.objects.visible_to(user).select_related("org_unit")
                    .annotate(n_entries=Count("submissions", distinct=True)))
    judging = set(EssayContest.objects.visible_to(user, "judge").values_list("pk", flat=True))
    mine = set(user.essay_submissions.values_list("contest_id", flat=True))
    rows = [{"contest": c, "state": _contest_state(c, now), "judge": c.pk in judging, "submitted": c.pk in mine}
            for c in contests]
    return render(request, "learning/youth/home.html", {"pairs": pairs, "contests": rows})


# --- mentor pairs -------------------------------------------------------------------------------

@capability_required("learning.manage")
@require_http_methods(["GET", "POST"])
@idempotent
def pair_create(request):
    form = MentorPairForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = form_outcome(request, form, lambda: do_create_pair(request.user, **form.cleaned_data),
                             lambda pair: f"已建立结对：{pair.mentor.name} 带 {pair.mentee.name}。")
        if saved:
            return redirect("learning:pair_detail", pk=saved.result.pk)
    return render(request, "core/form.html", {"form": form, "title": "新建导师带徒结对",
                                              "cancel_url": reverse("learning:youth_home")})


@is_business
@require_http_methods(["GET", "POST"])
def pair_detail(request, pk):
    user = request.user
    pair = access_mentor_pair(user, pk)
    may_record = pair.is_active and can(user, "record", pair)
    form = MeetingForm(request.POST or None)
    if request.method == "POST":
        if not may_record:
            raise PermissionDenied("只有结对双方或管理人员可以记录带徒活动。")
        if form.is_valid():
            saved = form_outcome(request, form, lambda: do_record_meeting(user, pair, **form.cleaned_data), "已记录带徒活动。")
            if saved:
                return redirect("learning:pair_detail", pk=pair.pk)
    return render(request, "learning/youth/pair_detail.html", {
        "pair": pair, "meetings": pair.meetings.select_related("recorded_by"), "form": form,
        "may_record": may_record, "may_manage": can(user, "change", pair),
    })


@capability_required("learning.manage")
@require_POST
def pair_end(request, pk):
    pair = access_mentor_pair(request.user, pk)
    report_outcome(request, lambda: do_end_pair(request.user, pair), "已结束该结对。")
    return redirect("learning:pair_detail", pk=pair.pk)


# --- essay contests -----------------------------------------------------------------------------

@capability_required("learning.manage")
@require_http_methods(["GET", "POST"])
@idempotent
def contest_create(request):
    return _contest_form(request, None)


@capability_required("learning.manage")
@require_http_methods(["GET", "POST"])
def contest_edit(request, pk):
    contest = access_contest(request.user, pk)
    require_can(request.user, "change", contest, "该征文由上级单位主办，您不能修改。")
    return _contest_form(request, contest)


def _contest_form(request, contest):
    if contest is not None:
        initial = {f: getattr(contest, f) for f in ("title", "theme", "description", "first_prizes", "second_prizes",
                                                     "third_prizes", "merit_prizes")}
        initial.update(opens_at=timezone.localtime(contest.opens_at), closes_at=timezone.localtime(contest.closes_at),
                       judges=list(contest.judges.all()))
    else:
        today = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
        initial = {"opens_at": today, "closes_at": today + timedelta(days=30)}
    form = ContestForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = form_outcome(request, form, lambda: do_save_contest(request.user, contest, **form.cleaned_data),
                             lambda contest: f"已保存征文“{contest.title}”。")
        if saved:
            return redirect("learning:contest_detail", pk=saved.result.pk)
    return render(request, "learning/youth/contest_form.html", {
        "form": form, "title": "编辑征文比赛" if contest else "发起征文比赛",
        "cancel_url": (reverse("learning:contest_detail", args=[contest.pk]) if contest
                       else reverse("learning:youth_home")),
    })


@is_business
def contest_detail(request, pk):
    user = request.user
    contest = access_contest(user, pk)
    now = timezone.now()
    judges = list(contest.judges.select_related("org_unit"))
    context = {
        "contest": contest, "state": _contest_state(contest, now), "is_open": contest.is_open(now),
        "mine": contest.submissions.filter(author=user).first(), "is_judge": can(user, "judge", contest),
        "may_manage": can(user, "change", contest), "judges": judges,
        "entries": contest.submissions.count(),
    }
    if contest.is_published:
        context["results"] = contest.submissions.select_related("author", "org_unit").order_by("rank", "number")
    elif context["may_manage"] and now >= contest.closes_at:
        context["gaps"] = judging_gaps(contest)
    return render(request, "learning/youth/contest_detail.html", context)


@is_business
@require_http_methods(["GET", "POST"])
def essay_submit(request, pk):
    user = request.user
    contest = access_contest(user, pk)
    mine = contest.submissions.filter(author=user).first()
    initial = {"title": mine.title, "body": mine.body} if mine else {}
    form = EssayForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = form_outcome(request, form, lambda: do_submit_essay(user, contest, **form.cleaned_data),
                             lambda submission: f"已{'更新' if mine else '提交'}作品“{submission.title}”。截止前可再次修改。")
        if saved:
            return redirect("learning:contest_detail", pk=contest.pk)
    return render(request, "learning/youth/essay_form.html", {"form": form, "contest": contest, "mine": mine})


@is_business
def contest_judge(request, pk):
    """The judge's list: entries by number only, never by author."""
    user = request.user
    contest = access_contest(user, pk)
    require_can(user, "judge", contest, "您不是本次征文的评委。")
    entries = list(contest.submissions.exclude(author=user).only("pk", "number", "title", "contest_id"))
    scores = {s.submission_id: s
              for s in EssayScore.objects.visible_to(user).filter(judge=user, submission__contest=contest)}
    rows = [(e, scores.get(e.pk)) for e in entries]
    return render(request, "learning/youth/judge_list.html", {
        "contest": contest, "rows": rows, "done": len(scores), "total": len(entries),
        "may_score": not contest.is_published and timezone.now() >= contest.closes_at,
    })


def _entry_for_judge(request, pk):
    user = request.user
    entry = (EssaySubmission.objects.visible_to(user, "judge").select_related("contest", "attachment")
             .filter(pk=pk).exclude(author=user).first())
    if entry is None:
        raise Http404("作品不存在或您不是该作品的评委。")
    return entry


@is_business
@require_http_methods(["GET", "POST"])
def entry_score(request, pk):
    """One entry, shown to a judge without its author, and the judge's score for it."""
    user = request.user
    entry = _entry_for_judge(request, pk)
    contest = entry.contest
    mine = EssayScore.objects.visible_to(user).filter(submission=entry, judge=user).first()
    form = ScoreForm(request.POST or None, initial={"score": mine.score, "comment": mine.comment} if mine else None)
    if request.method == "POST" and form.is_valid():
        try:
            do_score_essay(user, entry, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"已保存对{entry.label}的评分。")
            scored = (EssayScore.objects.visible_to(user).filter(judge=user, submission__contest=contest)
                      .values("submission"))
            following = contest.submissions.exclude(author=user).exclude(pk__in=scored).order_by("number").first()
            if following is not None:
                return redirect("learning:entry_score", pk=following.pk)
            return redirect("learning:contest_judge", pk=contest.pk)
    return render(request, "learning/youth/entry_score.html", {
        "entry": entry, "contest": contest, "form": form, "mine": mine,
        "paragraphs": [p.strip() for p in entry.body.split("\n") if p.strip()],
        "may_score": not contest.is_published and timezone.now() >= contest.closes_at,
    })


@is_business
def entry_file(request, pk):
    """An entry's file: for its author, the contest's judges (named by number only) and its managers."""
    user = request.user
    contests = EssayContest.objects.visible_to(user)
    entry = (EssaySubmission.objects.visible_to(user).select_related("contest__org_unit", "attachment")
             .filter(contest__in=contests.values("pk"), pk=pk).first())
    if entry is None or entry.attachment is None:
        raise Http404("文件不存在或您无权查看。")
    contest = entry.contest
    is_judge = entry.author_id != user.pk and can(user, "judge", contest)
    if not (entry.author_id == user.pk or is_judge or can(user, "change", contest)):
        raise Http404("文件不存在或您无权查看。")
    attachment = entry.attachment
    suffix = PurePath(attachment.original_name).suffix
    name = attachment.original_name if contest.is_published or not is_judge else f"{entry.label}{suffix}"
    content_type = FILE_TYPES.get(attachment.kind, "application/octet-stream")
    record_read(request, "learning.essay.download", entry, subject_repr=name)
    response = ranged_file_response(request, attachment.file, content_type, name)
    if attachment.kind != "pdf":
        response["Content-Disposition"] = response["Content-Disposition"].replace("inline", "attachment", 1)
    return response


@capability_required("learning.manage")
@require_POST
def contest_publish(request, pk):
    contest = access_contest(request.user, pk)
    report_outcome(request, lambda: do_publish_results(request.user, contest), "已公布评审结果，并记入工作台账。")
    return redirect("learning:contest_detail", pk=contest.pk)
