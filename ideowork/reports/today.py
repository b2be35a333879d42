"""What a person has to do today, most urgent first: the task list at the top of 我的工作.

Four sources, each read in a fixed number of queries whatever their size: reviews awaiting the
person's decision (``core.actions.reviews.awaiting``), the targets they answer for that are behind,
overdue or due soon (``ledger.progress``), their unread notifications, and their learning todos
(``learning.todo``). Each task carries one link (or one POST, for a notification) that acts on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from ideowork.core.actions.reviews import awaiting, subject_url, with_subjects
from ideowork.core.models import Notification
from ideowork.learning.todo import todos_for
from ideowork.ledger.progress import Status
from ideowork.ledger.reminders import DUE_SOON_DAYS
from ideowork.ledger.requirements import person_figures

from .links import ledger_url

__all__ = ["Task", "tasks_for", "lagging_targets", "REVIEW_LIMIT", "NOTICE_LIMIT"]

REVIEW_LIMIT = 8
NOTICE_LIMIT = 5
# Sources in the order they are shown when equally urgent.
RANK = {"review": 0, "target": 1, "learning": 2, "notice": 3}


@dataclass(frozen=True)
class Task:
    source: str  # review, target, learning, notice
    tag: str  # what it is, in a word: 待审核, 指标, 集中学习, 通知 …
    title: str
    url: str
    action: str  # the button's label
    due: date | None = None
    overdue: bool = False
    state: str = ""  # the status badge's css suffix (behind, overdue, soon) and its label
    state_label: str = ""
    note: str = ""
    post: bool = False  # the action is a POST (opening a notification marks it read)
    target_url: str = ""  # for a notification: where opening it leads

    def sort_key(self, today: date):
        return (not self.overdue, self.due is None, self.due or today, RANK[self.source])


def tasks_for(user, today: date, *, progress_of: dict, targets: list, personal: set = frozenset()) -> list[Task]:
    """Every task of ``user``, most urgent first: overdue, then by due day (undated last).

    ``targets`` are those the person answers for, with their progress in ``progress_of`` (the page
    has computed it already); ``personal`` the ids of the per-person targets that count them."""
    tasks = (_review_tasks(user) + _target_tasks(user, today, progress_of, targets, personal)
             + _learning_tasks(user, today))
    # A notification about something already listed (审核提醒 for a review above) is not a second task.
    listed = {t.url for t in tasks}
    tasks += [t for t in _notice_tasks(user) if t.target_url not in listed]
    return sorted(tasks, key=lambda t: t.sort_key(today))


def _review_tasks(user) -> list[Task]:
    now = timezone.now()
    tasks = []
    for review in with_subjects(awaiting(user)[:REVIEW_LIMIT]):
        due = timezone.localtime(review.due_at).date() if review.due_at else None
        overdue = review.due_at is not None and review.due_at < now
        note = f"{review.stage_name or '审核'} · 提交人：{review.author.name}"
        if review.due_at:
            note = f"{timezone.localtime(review.due_at):%H:%M}截止 · " + note
        tasks.append(Task("review", "待审核", review.title, subject_url(review), "去审核", due, overdue,
                          "overdue" if overdue else "", "已超期" if overdue else "", note))
    return tasks


def lagging_targets(user, today: date, progress_of: dict, targets: list, personal: set = frozenset()):
    """(target, progress, due, (state, label), note) of this year's targets that need an activity soon:
    the current period behind pace, or short and ending within the reminder window
    (``ledger.reminders.DUE_SOON_DAYS``), or a period already missed while the current one is short.
    A per-person target in ``personal`` (ids the person is counted on) drops out once they met its year."""
    rows = []
    for target in targets:
        progress = progress_of.get(target.pk)
        if progress is None or target.item.plan.year != today.year:
            continue
        current = progress.current
        if current is None or current.status == Status.DONE:
            continue
        mine = None
        if target.pk in personal and target.per == "person":
            mine, required = person_figures(progress, user.pk)
            if mine >= required:
                continue
        short = max(0, current.required - current.done)
        figure = f"我已完成{mine}/{required}{target.unit}" if mine is not None else \
            f"本期已完成{current.done}/{current.required}{target.unit}"
        if progress.status == Status.OVERDUE:
            missed = [p for p in progress.periods if p.status == Status.OVERDUE]
            due = current.period.end if current.period.end >= today else missed[-1].period.end
            rows.append((target, progress, due, (Status.OVERDUE.value, "逾期"),
                         f"已有{len(missed)}个周期未完成，{figure}"))
        elif current.status == Status.BEHIND:
            rows.append((target, progress, current.period.end, (Status.BEHIND.value, "滞后"), f"进度落后，{figure}"))
        elif current.status == Status.ONTRACK and current.period.end - today <= timedelta(
                days=DUE_SOON_DAYS.get(target.period, 7)):
            days = (current.period.end - today).days
            when = "今天到期" if days == 0 else f"{days}天后到期"
            rows.append((target, progress, current.period.end, ("soon", "即将到期"),
                         f"本期还差{short}{target.unit}，{when}"))
    return rows


def _target_tasks(user, today: date, progress_of: dict, targets: list, personal: set) -> list[Task]:
    can_record = user.has_capability("ledger.record")
    tasks = []
    for target, progress, due, (state, label), note in lagging_targets(user, today, progress_of, targets, personal):
        if can_record:
            query = {"item": target.item_id}
            if target.activity_kinds:
                query["kind"] = target.activity_kinds[0]
            url, action = f"{reverse('ledger:create')}?{urlencode(query)}", "登记活动"
        else:
            url, action = ledger_url(target=target.pk, person=user.pk), "查看记录"
        css = "behind" if state == "soon" else state
        tasks.append(Task("target", "指标", target.text, url, action, due, state == Status.OVERDUE.value, css, label,
                          f"{target.item.number}. {target.item.title} · {note}"))
    return tasks


def _learning_tasks(user, today: date) -> list[Task]:
    return [Task("learning", todo.kind, todo.title, todo.url, "去完成", todo.due,
                 todo.due is not None and todo.due < today, note=todo.note)
            for todo in todos_for(user, today)]


def _notice_tasks(user) -> list[Task]:
    notes = Notification.objects.visible_to(user).unread().order_by("-created_at", "-id")[:NOTICE_LIMIT]
    tasks = []
    for note in notes:
        when = f"{timezone.localtime(note.created_at):%m-%d %H:%M}"
        tasks.append(Task("notice", "通知", note.title, reverse("core:notification_open", args=[note.pk]), "查看",
                          note=f"{when} · {note.body[:40]}" if note.body else when, post=True, target_url=note.url))
    return tasks
