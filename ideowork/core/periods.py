"""Period arithmetic: which day, week, month, quarter, half-year or year a date falls in.

Weeks run Monday to Sunday and are clipped to the year, so the periods of one kind partition the
year exactly and a count per period always adds up to the count per year.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import models

__all__ = ["PeriodKind", "Period", "period_of", "periods_of_year", "PERIODS_PER_YEAR"]


class PeriodKind(models.TextChoices):
    DAY = "day", "每日"
    WEEK = "week", "每周"
    MONTH = "month", "每月"
    QUARTER = "quarter", "每季度"
    HALFYEAR = "halfyear", "每半年"
    YEAR = "year", "全年"


PERIODS_PER_YEAR = {"week": 52, "month": 12, "quarter": 4, "halfyear": 2, "year": 1}


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date  # inclusive
    kind: str

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.start.isoformat()}"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def label(self) -> str:
        s = self.start
        match self.kind:
            case "day":
                return f"{s.year}年{s.month}月{s.day}日"
            case "week":
                return f"{s.month}月{s.day}日—{self.end.month}月{self.end.day}日"
            case "month":
                return f"{s.year}年{s.month}月"
            case "quarter":
                return f"{s.year}年第{(s.month - 1) // 3 + 1}季度"
            case "halfyear":
                return f"{s.year}年{'上' if s.month <= 6 else '下'}半年"
            case _:
                return f"{s.year}年"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def elapsed_fraction(self, today: date) -> float:
        """How much of the period has passed by the end of ``today`` (0 before, 1 after)."""
        if today < self.start:
            return 0.0
        if today >= self.end:
            return 1.0
        return ((today - self.start).days + 1) / self.days


def period_of(kind: str, day: date) -> Period:
    match kind:
        case "day":
            return Period(day, day, kind)
        case "week":
            start = max(day - timedelta(days=day.weekday()), date(day.year, 1, 1))
            end = min(day + timedelta(days=6 - day.weekday()), date(day.year, 12, 31))
            return Period(start, end, kind)
        case "month":
            last = calendar.monthrange(day.year, day.month)[1]
            return Period(date(day.year, day.month, 1), date(day.year, day.month, last), kind)
        case "quarter":
            first_month = (day.month - 1) // 3 * 3 + 1
            last_month = first_month + 2
            last = calendar.monthrange(day.year, last_month)[1]
            return Period(date(day.year, first_month, 1), date(day.year, last_month, last), kind)
        case "halfyear":
            if day.month <= 6:
                return Period(date(day.year, 1, 1), date(day.year, 6, 30), kind)
            return Period(date(day.year, 7, 1), date(day.year, 12, 31), kind)
        case "year":
            return Period(date(day.year, 1, 1), date(day.year, 12, 31), kind)
    raise ValueError(f"unknown period kind {kind!r}")


def periods_of_year(kind: str, year: int) -> list[Period]:
    """The periods of ``kind`` that partition ``year``, in order."""
    periods = []
    day = date(year, 1, 1)
    last = date(year, 12, 31)
    while day <= last:
        period = period_of(kind, day)
        periods.append(period)
        day = period.end + timedelta(days=1)
    return periods
