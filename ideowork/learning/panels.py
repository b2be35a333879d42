"""What the learning area adds to shared pages: the learner's to-do list providers
(``learning.todo``), one per part of the area."""

from datetime import timedelta

from django.db.models import Q
from django.urls import reverse

from .todo import Todo, register_todo


def session_todos(user, today):
    from .models import Attendance, MakeupStudy, StudySession
    from .models.groups import AttendanceStatus, SessionStatus

    todos = []
    upcoming = (StudySession.objects.visible_to(user)
                .filter(Q(group__members=user), status=SessionStatus.SCHEDULED,
                        date__range=(today, today + timedelta(days=14)))
                .exclude(attendances__user=user).select_related("group").distinct()[:5])
    for session in upcoming:
        todos.append(Todo(f"{session.title}", reverse("learning:session_detail", args=[session.pk]), "集中学习",
                          session.date, f"{session.group.name} · {session.start_time:%H:%M} {session.place}"))
    made_up = MakeupStudy.objects.filter(user=user).values("session_id")
    absent = (Attendance.objects.filter(user=user, status=AttendanceStatus.ABSENT, session__date__year=today.year)
              .exclude(session_id__in=made_up).select_related("session")[:5])
    for attendance in absent:
        session = attendance.session
        todos.append(Todo(f"补学：{session.title}", reverse("learning:session_detail", args=[session.pk]), "补学",
                          None, f"{session.date:%m月%d日}缺席，请补学"))
    return todos


def reflection_todos(user, today):
    from ideowork.core.actions.reviews import with_review_state

    from .models import Reflection
    from .actions.reflections import reflection_figures, return_comments
    from .models.reflections import ReflectionStatus

    mine = with_review_state(Reflection.objects.filter(author=user, year=today.year))
    if not user.study_groups.exists():
        return []
    returned = list(mine.filter(review_status=ReflectionStatus.RETURNED))
    comments = return_comments(returned)
    todos = [Todo(f"修改退回的{r.get_kind_display()}：{r.title}", reverse("learning:reflection_detail", args=[r.pk]),
                  "心得体会", None, comments.get(r.pk, "")[:40])
             for r in returned]
    accepted, required = reflection_figures(
        [user], {user.pk: mine.filter(review_status=ReflectionStatus.ACCEPTED).count()}, today.year)[user.pk]
    if accepted < required:
        todos.append(Todo(f"本年还需提交{required - accepted}篇心得体会或调研报告",
                          reverse("learning:reflection_create"), "心得体会", today.replace(month=12, day=31),
                          f"已通过{accepted}篇，全年不少于{required}篇"))
    return todos


register_todo(session_todos)
register_todo(reflection_todos)


def material_todos(user, today):
    from .models import StudyProgress

    started = (StudyProgress.objects.visible_to(user).filter(user=user, completed_at__isnull=True)
               .select_related("material").order_by("-last_beat_at")[:3])
    return [Todo(f"继续学习：{p.material.title}", reverse("learning:material_detail", args=[p.material_id]), "学习资料",
                 None, f"已学{p.seconds_label}，完成{p.percent}%") for p in started]


def youth_todos(user, today):
    from django.utils import timezone

    from .models import EssayContest, EssayScore

    now = timezone.now()
    todos = []
    contests = EssayContest.objects.visible_to(user).filter(results_published_at__isnull=True)
    for contest in contests.filter(opens_at__lte=now, closes_at__gt=now).exclude(submissions__author=user)[:3]:
        todos.append(Todo(f"征文：{contest.title}", reverse("learning:contest_detail", args=[contest.pk]), "征文",
                          timezone.localtime(contest.closes_at).date(), contest.theme))
    for contest in contests.filter(judges=user, closes_at__lte=now):
        scored = EssayScore.objects.filter(judge=user, submission__contest=contest).count()
        entries = contest.submissions.exclude(author=user).count()
        if scored < entries:
            todos.append(Todo(f"评审征文：{contest.title}", reverse("learning:contest_judge", args=[contest.pk]), "征文",
                              None, f"还有{entries - scored}篇作品待评分"))
    return todos


register_todo(material_todos)
register_todo(youth_todos)


def quiz_todos(user, today):
    from django.utils import timezone

    from .models import Competition, QuizRun, SpecialQuiz

    now = timezone.now()
    runs = QuizRun.objects.filter(user=user, finished_at__isnull=False)
    todos = []
    if not runs.filter(kind="daily", period_key=today.isoformat()).exists():
        todos.append(Todo("完成今日答题", reverse("learning:quiz_home"), "答题", today, "每日5题，答对得积分"))
    for special in (SpecialQuiz.objects.visible_to(user).open_at(now)
                    .exclude(runs__user=user, runs__finished_at__isnull=False)[:3]):
        todos.append(Todo(f"专项答题：{special.title}", reverse("learning:quiz_home"), "答题",
                          timezone.localtime(special.ends_at).date()))
    for competition in (Competition.objects.visible_to(user).open_at(now).filter(closed_at__isnull=True)
                        .exclude(runs__user=user)[:3]):
        todos.append(Todo(f"知识竞赛：{competition.title}",
                          reverse("learning:competition_detail", args=[competition.pk]), "竞赛",
                          timezone.localtime(competition.ends_at).date()))
    return todos


register_todo(quiz_todos)


def exam_todos(user, today):
    from django.utils import timezone

    from .actions.exams import is_for
    from .models import Attempt, Exam
    from .models.exams import AttemptStatus, ExamStatus

    now = timezone.now()
    todos = []
    exams = (Exam.objects.visible_to(user).filter(status=ExamStatus.PUBLISHED, opens_at__lte=now, closes_at__gt=now)
             .prefetch_related("audience")[:10])
    done = set(Attempt.objects.filter(user=user, exam__in=[e.pk for e in exams])
               .exclude(status=AttemptStatus.IN_PROGRESS).values_list("exam_id", flat=True))
    for exam in exams:
        if exam.pk not in done and is_for(user, exam):
            todos.append(Todo(f"参加考试：{exam.title}", reverse("learning:exam_detail", args=[exam.pk]), "考试",
                              timezone.localtime(exam.closes_at).date(), f"限时{exam.time_limit_minutes}分钟"))
    return todos


register_todo(exam_todos)
