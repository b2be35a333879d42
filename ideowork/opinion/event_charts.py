"""The spread curve of an event (传播趋势): its items by hour, or by day when it spans more than three
days, as an ECharts option that ``app.js`` draws from the page (``data-chart-id``), served locally."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

from django.utils import timezone

__all__ = ["spread_curve", "HOURLY_DAYS"]

HOURLY_DAYS = 3
FONT = "Noto Sans CJK SC, Microsoft YaHei, sans-serif"


def spread_curve(moments: list[datetime]) -> dict:
    """``{"option": …}`` of a line of items per hour or per day over the event's span (empty buckets
    included, so the curve's shape is true)."""
    local = sorted(timezone.localtime(m) for m in moments)
    if not local:
        return {"option": {}}
    hourly = local[-1] - local[0] <= timedelta(days=HOURLY_DAYS)
    step = timedelta(hours=1) if hourly else timedelta(days=1)

    def bucket(moment: datetime) -> datetime:
        return moment.replace(minute=0, second=0, microsecond=0) if hourly else \
            moment.replace(hour=0, minute=0, second=0, microsecond=0)

    counts = Counter(bucket(m) for m in local)
    labels, values = [], []
    at = bucket(local[0])
    while at <= bucket(local[-1]):
        labels.append(at.strftime("%m-%d %H时") if hourly else f"{at.month}月{at.day}日")
        values.append(counts.get(at, 0))
        at += step
    return {"option": {
        "textStyle": {"fontFamily": FONT},
        "title": {"text": f"传播趋势（每{'小时' if hourly else '日'}信息数）", "left": "center", "textStyle": {"fontSize": 14}},
        "tooltip": {"trigger": "axis"},
        "grid": {"left": 40, "right": 16, "bottom": 40, "top": 40},
        "xAxis": {"type": "category", "data": labels, "boundaryGap": False},
        "yAxis": {"type": "value", "minInterval": 1},
        "series": [{"type": "line", "name": "信息数", "data": values, "smooth": False, "areaStyle": {"opacity": 0.15},
                    "itemStyle": {"color": "#b71c1c"}}],
    }}
