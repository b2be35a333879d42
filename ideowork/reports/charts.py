"""ECharts option builders. Each returns {"option": …, "links": {name: url}} for app.js to render;
clicking a slice or bar opens the records behind it."""

from ideowork.ledger.progress import Status

__all__ = ["STATUS_COLOURS", "status_pie", "monthly_bars", "county_bars"]

STATUS_COLOURS = {
    Status.DONE: "#2e7d32", Status.ONTRACK: "#1565c0", Status.BEHIND: "#e65100", Status.OVERDUE: "#b71c1c",
    Status.FUTURE: "#9e9e9e", "none": "#cfd8dc",
}
FONT = "Noto Sans CJK SC, Microsoft YaHei, sans-serif"


def status_pie(title: str, counts: dict, labels: dict, links: dict) -> dict:
    data = [{"name": labels[key], "value": n, "itemStyle": {"color": STATUS_COLOURS[key]}}
            for key, n in counts.items() if n]
    return {
        "option": {
            "baseOption": {
                "textStyle": {"fontFamily": FONT},
                "title": {"text": title, "left": "center", "textStyle": {"fontSize": 14}},
                "tooltip": {"trigger": "item", "formatter": "{b}：{c}（{d}%）"},
                "legend": {"bottom": 0},
                "series": [{"type": "pie", "radius": ["40%", "68%"], "center": ["50%", "52%"],
                            "label": {"formatter": "{b}\n{c}"}, "data": data}],
            },
            # On a phone the names outside the ring would be cut at the card's edge: the counts go
            # inside the ring and the legend below names the colours.
            "media": [{"query": {"maxWidth": 420},
                       "option": {"series": [{"radius": ["38%", "64%"],
                                              "label": {"position": "inside", "formatter": "{c}", "color": "#fff"}}]}}],
        },
        "links": {labels[key]: url for key, url in links.items()},
    }


def monthly_bars(title: str, counts: list[int], links: list[str]) -> dict:
    months = [f"{m}月" for m in range(1, 13)]
    return {
        "option": {
            "textStyle": {"fontFamily": FONT},
            "title": {"text": title, "left": "center", "textStyle": {"fontSize": 14}},
            "tooltip": {"trigger": "axis"},
            "grid": {"left": 40, "right": 16, "bottom": 30, "top": 40},
            "xAxis": {"type": "category", "data": months},
            "yAxis": {"type": "value", "minInterval": 1},
            "series": [{"type": "bar", "name": "活动数", "data": counts, "itemStyle": {"color": "#b71c1c"},
                        "label": {"show": True, "position": "top"}}],
        },
        "links": dict(zip(months, links)),
    }


def county_bars(names: list[str], series: dict, labels: dict, links: dict) -> dict:
    """Stacked bars of target statuses per county; ``links`` maps "status label|county" to a URL."""
    return {
        "option": {
            "textStyle": {"fontFamily": FONT},
            "tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}},
            "legend": {"top": 0},
            "grid": {"left": 40, "right": 16, "bottom": 30, "top": 36},
            "xAxis": {"type": "category", "data": names},
            "yAxis": {"type": "value", "minInterval": 1, "name": "指标数"},
            "series": [{"type": "bar", "stack": "status", "name": labels[key], "data": values,
                        "itemStyle": {"color": STATUS_COLOURS[key]}} for key, values in series.items()],
        },
        "links": links,
    }
