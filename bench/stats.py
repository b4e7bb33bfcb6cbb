"""Small statistics on lists of seconds."""

from __future__ import annotations

import math
import statistics


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def percentile(xs: list[float], q: float) -> float:
    """Nearest-rank percentile: with fewer than 100 samples p99 is the largest."""
    ordered = sorted(xs)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def summary(xs: list[float]) -> dict[str, float]:
    return {"median": median(xs), "p99": percentile(xs, 99), "min": min(xs), "max": max(xs),
            "n": len(xs)}
