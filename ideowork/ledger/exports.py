"""The ledger as an Excel workbook.

Built for 100,000 rows with flat memory. The activities and their participants, targets and
evidence counts are read as four streams (``.iterator``), each in the same order — newest first —
and merged in step, like a merge join: no list of activities is ever held, no query is made per
row or per chunk, and there are no long ``IN (…)`` lists to build.
"""

from collections.abc import Iterator
from itertools import groupby

from django.db.models import CharField, Count
from django.db.models.functions import Cast

from ideowork.core.activity_kinds import activity_kind_label
from ideowork.core.exports.excel import excel_response

from .models import Activity, ActivityTarget, Evidence

__all__ = ["HEADERS", "WIDTHS", "CHUNK_SIZE", "activity_rows", "export_response"]

HEADERS = ["序号", "日期", "单位", "活动类型", "活动名称", "地点", "主持人", "参加人数", "参加人员", "对应要点",
           "计入指标", "内容摘要", "佐证材料数"]
WIDTHS = [7, 11, 18, 10, 30, 16, 10, 8, 30, 28, 30, 50, 9]
CHUNK_SIZE = 2000
ORDER = ("-date", "-id")
COLUMNS = ("day", "id", "org_unit__name", "kind", "title", "place", "host", "extra_participants",
           "item__number", "item__title", "summary")


class _InStep:
    """Values of a related stream, handed out as the main stream reaches their activity.

    Both streams are sorted by (date, id) descending; the related stream yields
    ``((date, id), [values])``, the date as ISO text (read as text, it needs no conversion per row,
    and sorts as the date does). A related key the main stream has passed belongs to an activity
    that changed between the two reads, and is skipped.
    """

    def __init__(self, rows):
        self._groups = ((key, [row[2] for row in group]) for key, group in groupby(rows, key=lambda r: r[:2]))
        self._pending = next(self._groups, None)

    def take(self, key, default):
        while self._pending is not None and self._pending[0] > key:
            self._pending = next(self._groups, None)
        if self._pending is not None and self._pending[0] == key:
            values, self._pending = self._pending[1], next(self._groups, None)
            return values
        return default


def _day(field: str) -> Cast:
    return Cast(field, output_field=CharField())


def _stream(qs, value: str, *then_by: str):
    """(date, activity id, value) rows of a related table, in the main stream's order."""
    return (qs.order_by("-activity__date", "-activity_id", *then_by).annotate(day=_day("activity__date"))
            .values_list("day", "activity_id", value).iterator(chunk_size=CHUNK_SIZE))


def activity_rows(qs) -> Iterator[list]:
    """Yield one list of cells per activity of ``qs`` (already scoped and filtered), newest first."""
    ids = qs.values("pk")
    through = Activity.participants.through.objects.filter(activity__in=ids)
    people = _InStep(_stream(through, "user__display_name", "user__org_unit__path", "user__display_name"))
    targets = _InStep(_stream(ActivityTarget.objects.filter(activity__in=ids), "target__text", "target_id"))
    evidence = _InStep(Evidence.objects.filter(activity__in=ids).order_by().annotate(day=_day("activity__date"))
                       .values("day", "activity_id").annotate(n=Count("pk"))
                       .order_by("-day", "-activity_id")
                       .values_list("day", "activity_id", "n").iterator(chunk_size=CHUNK_SIZE))
    rows = qs.order_by(*ORDER).annotate(day=_day("date")).values_list(*COLUMNS).iterator(chunk_size=CHUNK_SIZE)
    for number, (day, pk, unit, kind, title, place, host, extra, item_no, item_title, summary) in enumerate(rows, 1):
        key = (day, pk)
        names = people.take(key, ())
        yield [number, day, unit, activity_kind_label(kind), title, place, host,
               len(names) + extra, "、".join(names), f"{item_no}. {item_title}" if item_no else "",
               "；".join(targets.take(key, ())), summary, evidence.take(key, [0])[0]]


def export_response(qs, *, title: str = "工作台账"):
    return excel_response(title, HEADERS, activity_rows(qs), widths=WIDTHS, title=title)
