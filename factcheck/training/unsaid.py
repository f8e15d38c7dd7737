"""Training the unsaid-slot model: rows of labelled claims, grouped cross-validation, the fit.

See :mod:`factcheck.judging.unsaid` for the model, and
:func:`factcheck.judging.learned.rules_decision` for where the learned judge asks it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from factcheck.judging.compare import compare_all, comparison_of
from factcheck.judging.features import rules_verdict
from factcheck.judging.learned import LearnedJudge, relevant, rules_decision
from factcheck.judging.unsaid import (
    UNSAID_FEATURES,
    UNSAID_LABELS,
    UnsaidModel,
    choose_label,
    unsaid_features,
)
from factcheck.records import Claim, Hit, Label
from factcheck.training.train import fit_logistic

L2_GRID = (0.003, 0.01, 0.03, 0.1)
FLOOR_GRID = ((0.0, 0.0), (0.5, 0.0), (0.6, 0.4), (0.7, 0.5))
"""Candidate (``min_supported``, ``min_contradicted``) floors."""


def unsaid_row(judge: LearnedJudge, claim: Claim, hits: Sequence[Hit]) -> np.ndarray | None:
    """The features of the closest passage when ``judge``, without a second look, calls the
    claim ``unverified`` because that passage is silent on some of it; else ``None``."""
    settings = judge.settings
    if not relevant(hits, settings):
        return None
    comparisons = compare_all(claim.text, hits, judge.names, judge.parser)
    rules = rules_verdict(claim.text, hits, settings, comparisons)
    fixed = rules_decision(claim, hits, settings, rules, comparisons, judge.names, judge.parser)
    if fixed is None or fixed[1] != "silent" or not rules.evidence:
        return None
    return unsaid_features(comparison_of(rules.evidence[0], comparisons))


@dataclass(frozen=True)
class UnsaidScore:
    """How a choice of L2 strength and floors did in cross-validation."""

    l2: float
    min_supported: float
    min_contradicted: float
    right: int
    errors_supported: int

    @property
    def objective(self) -> int:
        """Right labels, less each planted error called ``supported`` (the worst mistake)."""
        return self.right - self.errors_supported


def _fit(x: np.ndarray, y: np.ndarray, l2: float) -> UnsaidModel:
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    weights, bias = fit_logistic((x - mean) / scale, y, np.ones(len(y)), l2)
    return UnsaidModel(mean, scale, weights, bias)


def _score(probabilities: np.ndarray, y: np.ndarray, l2: float,
           floors: tuple[float, float]) -> UnsaidScore:
    labels = np.array([UNSAID_LABELS.index(choose_label(p, *floors)) for p in probabilities])
    contradicted = UNSAID_LABELS.index(Label.CONTRADICTED)
    supported = UNSAID_LABELS.index(Label.SUPPORTED)
    return UnsaidScore(l2, *floors, int((labels == y).sum()),
                       int(((y == contradicted) & (labels == supported)).sum()))


def fit_unsaid(x: np.ndarray, y: np.ndarray, groups: Sequence[str],
               metadata: dict[str, Any] | None = None) -> UnsaidModel:
    """Choose the L2 strength and floors by leave-one-group-out cross-validation (a group is a
    topic set), then fit on every row. ``y`` holds indices into :data:`UNSAID_LABELS`."""
    group = np.asarray(groups)
    if len(np.unique(group)) < 2:
        raise ValueError("the unsaid-slot model needs rows of two or more topic sets: its L2 "
                         "strength and floors are chosen by leaving one set out at a time")
    scores = []
    for l2 in L2_GRID:
        probabilities = np.zeros((len(y), len(UNSAID_LABELS)))
        for held in np.unique(group):
            train = group != held
            probabilities[~train] = _fit(x[train], y[train], l2).probabilities(x[~train])
        for floors in FLOOR_GRID:
            scores.append(_score(probabilities, y, l2, floors))
    best = max(scores, key=lambda s: (s.objective, -s.l2))
    unverified = UNSAID_LABELS.index(Label.UNVERIFIED)
    return dataclasses.replace(_fit(x, y, best.l2), min_supported=best.min_supported,
                               min_contradicted=best.min_contradicted, metadata={
        **(metadata or {}),
        "features": list(UNSAID_FEATURES),
        "rows": {label.value: int((y == i).sum()) for i, label in enumerate(UNSAID_LABELS)},
        "cross_validation": {
            "method": "leave one topic set out",
            "always_unverified": int((y == unverified).sum()),
            "chosen": {"l2": best.l2, "min_supported": best.min_supported,
                       "min_contradicted": best.min_contradicted, "right": best.right,
                       "errors_supported": best.errors_supported, "of": len(y)},
            "grid": [[s.l2, s.min_supported, s.min_contradicted, s.right, s.errors_supported]
                     for s in scores]}})
