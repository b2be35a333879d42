"""What a learner still owes: each part of the learning area contributes its own items.

``register_todo(provider)`` adds a callable ``provider(user, today) -> list[Todo]``; the learning
home page shows them all, soonest first. Providers are registered in ``learning.panels``.
"""

from dataclasses import dataclass
from datetime import date

__all__ = ["Todo", "register_todo", "todos_for"]


@dataclass(frozen=True)
class Todo:
    title: str
    url: str
    kind: str  # the part: 考试, 集中学习, 心得体会, 课程, 答题 …
    due: date | None = None
    note: str = ""


_providers: list = []


def register_todo(provider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def todos_for(user, today: date) -> list[Todo]:
    items = [todo for provider in _providers for todo in provider(user, today)]
    return sorted(items, key=lambda t: (t.due is None, t.due or today, t.kind))
