"""Progression charts: one circle per time, faster higher, later further right."""

from __future__ import annotations

import datetime as dt
import re

from schaatsradar.web.charts import ChartPoint, progression_chart


def chart(points: list[ChartPoint]) -> str:
    return str(
        progression_chart(
            "1000m", points, time_label=lambda s: f"{s:.2f}", day_label=dt.date.isoformat
        ).svg
    )


def circles(svg: str) -> list[dict[str, str]]:
    return [
        dict(re.findall(r'([\w-]+)="([^"]*)"', attrs))
        for attrs in re.findall(r"<circle ([^>]*)>", svg)
    ]


def test_every_time_is_a_circle_placed_by_date_and_speed():
    svg = chart(
        [
            ChartPoint(dt.date(2026, 2, 9), 72.31, "Milan <Olympics>"),
            ChartPoint(dt.date(2026, 1, 23), 72.74, "Inzell"),
            ChartPoint(dt.date(2025, 12, 6), 73.10, "Heerenveen"),
        ]
    )
    drawn = circles(svg)
    assert [c["data-date"] for c in drawn] == ["2025-12-06", "2026-01-23", "2026-02-09"]
    xs = [float(c["cx"]) for c in drawn]
    ys = [float(c["cy"]) for c in drawn]
    assert xs == sorted(xs)
    assert ys == sorted(ys, reverse=True)  # each time faster: each point higher
    assert "<polyline" in svg
    assert "Milan &lt;Olympics&gt;" in svg  # labels are escaped


def test_a_single_time_is_drawn_inside_the_chart():
    [point] = circles(chart([ChartPoint(dt.date(2026, 1, 23), 72.74, "Inzell")]))
    assert 0 < float(point["cx"]) < 640 and 0 < float(point["cy"]) < 260
    assert point["data-time"] == "72.74"
