"""Fitting a :class:`~factcheck.judging.calibration.Calibration` from judged, labelled claims.

Each row is one verdict: the route that decided it, its label, its raw score and whether the
label was right. Per route and label with enough rows (and per label, and overall, as fallbacks)
a logistic curve in the raw score's log-odds is fitted by Newton's method with a small ridge, so
the calibrated confidence is the share of such verdicts that were right.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from factcheck.judging.calibration import ANY, Calibration
from factcheck.records import Label

MIN_ROWS = 30
"""Fewest rows a curve is fitted on; smaller groups fall back to the label's or the overall one."""


@dataclass(frozen=True, slots=True)
class CalibrationRow:
    """One judged claim: how the verdict was reached, its label and raw score, and if right."""

    route: str
    label: Label
    raw: float
    correct: bool


def fit_platt(raw: Sequence[float], correct: Sequence[bool], ridge: float = 2.0,
              iterations: int = 100) -> tuple[float, float]:
    """``(a, b)`` maximising the likelihood of ``correct`` under sigmoid(a * logit(raw) + b).

    The ridge pulls ``a`` towards 1 and ``b`` towards 0 (the raw score as it is), so a small or
    one-sided group is not driven to certainty; Newton steps are halved until the penalised loss
    falls, so separable groups converge too.
    """
    clipped = np.clip(np.asarray(raw, dtype=np.float64), 1e-4, 1 - 1e-4)
    x = np.log(clipped / (1 - clipped))
    y = np.asarray(correct, dtype=np.float64)
    prior = np.array([1.0, 0.0])
    design = np.column_stack([x, np.ones_like(x)])

    def loss(theta: np.ndarray) -> float:
        z = design @ theta
        return float(np.sum(np.logaddexp(0, z) - y * z) + ridge / 2 * np.sum((theta - prior) ** 2))

    theta = prior.copy()
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(design @ theta, -30, 30)))
        gradient = design.T @ (p - y) + ridge * (theta - prior)
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + ridge * np.eye(2)
        step = np.linalg.solve(hessian, gradient)
        current, scale = loss(theta), 1.0
        while scale > 1e-6 and loss(theta - scale * step) > current:
            scale /= 2
        theta = theta - scale * step
        if np.abs(scale * step).max() < 1e-8:
            break
    return float(theta[0]), float(theta[1])


def fit_calibration(rows: Sequence[CalibrationRow], metadata: dict[str, Any] | None = None,
                    min_rows: int = MIN_ROWS) -> Calibration:
    """Curves per route and label, per label and overall, from ``rows`` (see the module)."""
    groups: dict[str, list[CalibrationRow]] = {f"{ANY}/{ANY}": list(rows)}
    for row in rows:
        groups.setdefault(f"{row.route}/{row.label.value}", []).append(row)
        groups.setdefault(f"{ANY}/{row.label.value}", []).append(row)
    curves = {key: fit_platt([r.raw for r in members], [r.correct for r in members])
              for key, members in groups.items() if len(members) >= min_rows}
    counts = {key: len(members) for key, members in sorted(groups.items())}
    return Calibration(curves, {**(metadata or {}), "rows": counts})
