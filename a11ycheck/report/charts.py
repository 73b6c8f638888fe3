"""Chart geometry for the report's inline SVG: coordinates and labels, computed here, drawn by the
`_charts.html` template macros (so every label passes through Jinja's autoescaping like all other text).

Every chart in the report is also given as a table; the SVG is a picture of numbers that are printed too.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

Format = Callable[[float], str]
DateFormat = Callable[[date], str]


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str  # what the point says, e.g. "3 maart 2026: 2,4"


@dataclass(frozen=True)
class Line:
    name: str
    style: str  # "actual", "second" or "planned" (a CSS class in the stylesheet)
    points: tuple[Point, ...]

    @property
    def path(self) -> str:
        return " ".join(f"{'M' if i == 0 else 'L'}{p.x:.1f},{p.y:.1f}" for i, p in enumerate(self.points))


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    left: float
    top: float
    right: float
    bottom: float
    lines: tuple[Line, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    marker: Tick | None = None  # a vertical line, e.g. "today"
    conclusion: str = ""  # what the chart shows, in a sentence: part of its text alternative


@dataclass(frozen=True)
class Bar:
    label: str
    value_label: str
    y: float
    length: float
    style: str


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    label_width: int
    bar_height: int
    bars: tuple[Bar, ...]
    conclusion: str = ""  # what the chart shows, in a sentence: part of its text alternative


@dataclass(frozen=True)
class Sparkline:
    width: int
    height: int
    path: str
    last_x: float
    last_y: float


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5 or 5 times a power of ten at or above `value`."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for factor in (1, 2, 2.5, 5, 10):
        if value <= factor * power * (1 + 1e-9):
            return factor * power
    return 10 * power


def axis_ticks(top_value: float, intervals: int = 4) -> tuple[list[float], int]:
    """Round tick values from 0 to at least `top_value` (at most `intervals` steps of 1, 2, 2.5 or 5 times
    a power of ten), and the decimals their labels need."""
    step = nice_ceiling(top_value / intervals) if top_value > 0 else 0.25
    count = max(1, math.ceil(top_value / step - 1e-9))
    decimals = 0 if step >= 1 and float(step).is_integer() else max(0, -math.floor(math.log10(step)) + 1)
    if step < 1 and round(step, decimals - 1) == step:
        decimals -= 1
    return [step * i for i in range(count + 1)], decimals


def line_chart(
    series: Sequence[tuple[str, str, Sequence[tuple[date, float]]]],
    format_value: Format,
    format_date: DateFormat,
    format_tick: Callable[[float, int], str],
    y_max: float | None = None,
    marker: tuple[date, str] | None = None,
    width: int = 640,
    height: int = 260,
) -> LineChart | None:
    """A line per series over dates; None when there is nothing to draw. `format_tick(value, decimals)`
    writes the y axis labels; `marker` is a labelled day (e.g. today) drawn as a vertical line."""
    dates = [d for _, _, points in series for d, _ in points]
    values = [v for _, _, points in series for _, v in points]
    if not dates:
        return None
    # Room for labels of 22 units, the size narrow screens draw them at (report.css): the y labels on the
    # left, a date centred under the first and last point, the marker's label above.
    left, top, right, bottom = 88.0, 32.0, width - 72.0, height - 48.0
    span_dates = dates + ([marker[0]] if marker else [])
    first, last = min(span_dates).toordinal(), max(span_dates).toordinal()
    ticks, decimals = axis_ticks(y_max if y_max is not None else max(max(values), 0.0))
    top_value = ticks[-1]

    def x_of(day: date) -> float:
        if first == last:
            return (left + right) / 2
        return left + (day.toordinal() - first) / (last - first) * (right - left)

    def y_of(value: float) -> float:
        return bottom - min(max(value, 0.0), top_value) / top_value * (bottom - top)

    lines = tuple(
        Line(
            name,
            style,
            tuple(Point(x_of(d), y_of(v), f"{format_date(d)}: {format_value(v)}") for d, v in sorted(points)),
        )
        for name, style, points in series
        if points
    )
    y_ticks = tuple(Tick(y_of(value), format_tick(value, decimals)) for value in ticks)
    x_ticks = _spaced([Tick(x_of(d), format_date(d)) for d in sorted(set(dates))], min_gap=150.0)
    marker_tick = Tick(x_of(marker[0]), marker[1]) if marker else None
    return LineChart(width, height, left, top, right, bottom, lines, x_ticks, y_ticks, marker_tick)


def _spaced(ticks: list[Tick], min_gap: float) -> tuple[Tick, ...]:
    """Date labels far enough apart to be read: the first, the last, and what fits in between."""
    kept: list[Tick] = []
    for tick in ticks:
        if not kept or tick.position - kept[-1].position >= min_gap:
            kept.append(tick)
        elif tick is ticks[-1] and len(kept) > 1:
            kept[-1] = tick
    return tuple(kept)


def bar_chart(
    items: Sequence[tuple[str, float, str]], format_value: Format, width: int = 640, label_width: int = 200
) -> BarChart | None:
    """Horizontal bars (label, value, style); None when every value is zero or there are none."""
    if not items or not any(value for _, value, _ in items):
        return None
    bar_height, gap = 22, 10
    # At least as wide as the longest label at 22 units (narrow screens, report.css), about 14 units a letter.
    label_width = max(label_width, min(width // 2, 16 + 14 * max(len(label) for label, _, _ in items)))
    longest = max(value for _, value, _ in items)
    room = width - label_width - 80
    bars = tuple(
        Bar(
            label,
            format_value(value),
            i * (bar_height + gap) + 8,  # room above the first label at 22 units (report.css)
            value / longest * room if longest else 0,
            style,
        )
        for i, (label, value, style) in enumerate(items)
    )
    return BarChart(width, len(items) * (bar_height + gap) + 12, label_width, bar_height, bars)


def sparkline(values: Sequence[float], width: int = 96, height: int = 24) -> Sparkline | None:
    """A small trend line without axes; the table cell next to it carries the numbers."""
    if len(values) < 2:
        return None
    top = max(values) or 1.0
    step = (width - 4) / (len(values) - 1)
    points = [(2 + i * step, height - 2 - (v / top) * (height - 4)) for i, v in enumerate(values)]
    path = " ".join(f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(points))
    return Sparkline(width, height, path, points[-1][0], points[-1][1])


def concluded[Chart: (LineChart, BarChart)](chart: Chart | None, conclusion: str) -> Chart | None:
    """The chart with the sentence that says what it shows (None stays None)."""
    return None if chart is None else replace(chart, conclusion=conclusion)


def largest_bar(chart: BarChart) -> Bar:
    """The longest bar: what a bar chart's conclusion names."""
    return max(chart.bars, key=lambda bar: bar.length)
