"""A goal's ratings over time, drawn by hand with reportlab.graphics.

Hand-drawn rather than LinePlot so that every label uses the embedded font, the 0–10 scale stays
fixed (a rise from 3 to 6 must look like one), and baseline and target read as quiet dashed
reference lines behind the client's own line.
"""

from __future__ import annotations

from datetime import date

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String

from coachdesk.documents.fonts import family
from coachdesk.documents.style import ACCENT, MUTED, PANEL, RULE
from coachdesk.formatting import format_day_month, format_short_date
from coachdesk.i18n import _

TARGET = ACCENT
BASELINE = MUTED
DOTS_UP_TO = 24


def _x_ticks(first: date, last: date, count: int = 4) -> list[date]:
    span = (last - first).days
    if span <= 0:
        return [first]
    steps = min(count - 1, span)
    ticks = [
        date.fromordinal(first.toordinal() + round(span * i / steps)) for i in range(steps + 1)
    ]
    return sorted(set(ticks))


def goal_chart(
    ratings: tuple[tuple[date, int], ...],
    baseline: int | None,
    target: int | None,
    width: float,
    height: float,
) -> Drawing:
    """Ratings (0–10) against dates, with dashed baseline and target lines."""
    f = family()
    d = Drawing(width, height, initialFontName=f.regular, initialFontSize=6.5)
    left, right, bottom, top = 22.0, 40.0, 16.0, 6.0
    pw, ph = width - left - right, height - bottom - top
    d.add(Rect(left, bottom, pw, ph, fillColor=PANEL, strokeColor=None))

    def y(score: float) -> float:
        return bottom + ph * max(0.0, min(10.0, score)) / 10

    for score in (0, 5, 10):
        d.add(Line(left, y(score), left + pw, y(score), strokeColor=RULE, strokeWidth=0.4))
        d.add(
            String(
                left - 5,
                y(score) - 2.5,
                str(score),
                fontName=f.regular,
                fontSize=6.5,
                fillColor=MUTED,
                textAnchor="end",
            )
        )

    # Labels sit right of the plot; when baseline and target are close they are pushed apart.
    nudge = 0.0
    if baseline is not None and target is not None and abs(y(target) - y(baseline)) < 8:
        nudge = (8 - abs(y(target) - y(baseline))) / 2
    for value, colour, label, shift in (
        (baseline, BASELINE, _("Baseline"), -nudge if (target or 0) >= (baseline or 0) else nudge),
        (target, TARGET, _("Target"), nudge if (target or 0) >= (baseline or 0) else -nudge),
    ):
        if value is None:
            continue
        d.add(
            Line(
                left,
                y(value),
                left + pw,
                y(value),
                strokeColor=colour,
                strokeWidth=0.8,
                strokeDashArray=[3, 2],
            )
        )
        d.add(
            String(
                left + pw + 4,
                y(value) - 2.5 + shift,
                f"{label} {value}",
                fontName=f.regular,
                fontSize=6.5,
                fillColor=colour,
            )
        )

    points = sorted(ratings)
    if not points:
        return d
    first, last = points[0][0], points[-1][0]
    span = max((last - first).days, 1)

    def x(day: date) -> float:
        if first == last:
            return left + pw / 2
        return left + 6 + (pw - 12) * (day - first).days / span

    for tick in _x_ticks(first, last):
        d.add(Line(x(tick), bottom, x(tick), bottom - 2.5, strokeColor=MUTED, strokeWidth=0.4))
        text = format_day_month(tick) if first.year == last.year else format_short_date(tick)
        d.add(
            String(
                x(tick),
                bottom - 10,
                text,
                fontName=f.regular,
                fontSize=6.5,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )

    coords = [c for day, score in points for c in (x(day), y(score))]
    if len(points) > 1:
        d.add(PolyLine(coords, strokeColor=ACCENT, strokeWidth=1.5, strokeLineJoin=1))
    if len(points) <= DOTS_UP_TO:  # beyond that, dots only clutter the line (and slow the build)
        for day, score in points[:-1]:
            d.add(Circle(x(day), y(score), 1.8, fillColor=ACCENT, strokeColor=None))
    day, score = points[-1]
    d.add(Circle(x(day), y(score), 3, fillColor=ACCENT, strokeColor=PANEL, strokeWidth=1))
    return d
