"""The figures a benchmark run measured, gathered into one table (``python -m tests.perf``).

A benchmark calls ``record`` with its samples and goal; the runner turns every recorded figure
into the table printed at the end, ``docs/benchmarks.json`` and the generated part of
``docs/benchmarks.md``. Benchmarks that only print (not yet ported) still run and print.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Figure:
    """One measured figure: lower is better, and it meets its goal when the median is at most
    ``goal`` (no goal: measured for the record)."""

    name: str
    unit: str
    samples: tuple[float, ...]
    goal: float | None = None
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def met(self) -> bool | None:
        return None if self.goal is None else self.median <= self.goal

    def as_json(self) -> dict[str, object]:
        return {
            "figure": self.name,
            "unit": self.unit,
            "median": round(self.median, 3),
            "min": round(min(self.samples), 3),
            "max": round(max(self.samples), 3),
            "runs": len(self.samples),
            "goal": self.goal,
            "met": self.met,
            "note": self.note,
        }


@dataclass
class Run:
    figures: list[Figure] = field(default_factory=list)


RUN = Run()


def record(
    name: str, samples: list[float], unit: str, goal: float | None = None, note: str = ""
) -> Figure:
    """Keep a figure for the report, and print it as the benchmarks always have."""
    figure = Figure(name, unit, tuple(samples), goal, note)
    RUN.figures.append(figure)
    goal_text = "" if goal is None else f"(goal <= {goal:g} {unit})"
    print(f"  {name:<60} {figure.median:9.2f} {unit:<3} {goal_text}")
    return figure
