"""A second look at a passage that leaves some of a claim unsaid.

When the passage closest to a claim does not state one of its figures or names (and no rule finds
another value in that slot), the rules call the claim ``unverified``. On news that is often wrong
both ways: a restatement's detail can be worded so the analysis misses it ("the maiden flight",
a year the passage only implies), and a planted error's swapped name is simply absent from the
passage about the same event. :class:`UnsaidModel` weighs what the passage shares with the claim
(words, what happened, figures stated alike) against what it leaves unsaid (figures by kind,
names) and labels the claim: a small multinomial logistic regression, trained on hand-labelled
news claims (``benchmarks/fit_unsaid.py``; how, on which sets, in ``factcheck/models/README.md``)
and stored as JSON beside the verifier, loaded without pickle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.analysis.quantities import QuantityKind
from factcheck.errors import ModelError
from factcheck.files import write_shared_json
from factcheck.judging.compare import Comparison
from factcheck.judging.modelfiles import float_array, json_floats, read_json, shipped_path
from factcheck.records import Label

UNSAID_FORMAT = "factcheck-unsaid"
UNSAID_VERSION = 1
DEFAULT_UNSAID_NAME = "unsaid-v1.json"
UNSAID_LABELS = (Label.SUPPORTED, Label.CONTRADICTED, Label.UNVERIFIED)

_KINDS = (QuantityKind.COUNT, QuantityKind.DATE, QuantityKind.MONEY, QuantityKind.ORDINAL,
          QuantityKind.PERCENT)
UNSAID_FEATURES = ("coverage", "event_coverage", "similarity", "figures_alike",
                   "figures_unsaid", "figures_differing", "entities_missing", "names_missing",
                   *(f"unsaid_{kind.value}" for kind in _KINDS))
"""What the model reads of the closest passage's :class:`Comparison` with the claim; counts are
capped (at 3, or 2 per kind) so one long list does not outweigh the rest."""


def unsaid_features(comparison: Comparison) -> np.ndarray:
    """The :data:`UNSAID_FEATURES` of one comparison, as a row of floats."""
    kinds = [q.kind for q in comparison.unmatched]
    return np.array([
        comparison.coverage, comparison.event_coverage, comparison.hit.dense,
        min(len(comparison.matched), 3), min(len(comparison.unmatched), 3),
        min(len(comparison.conflicts), 3), min(len(comparison.missing_entities), 3),
        min(len(comparison.missing_names), 3),
        *(min(kinds.count(kind), 2) for kind in _KINDS)], dtype=float)


@dataclass(frozen=True)
class UnsaidModel:
    """Standardisation, weights per label (:data:`UNSAID_LABELS` order) and the least
    probabilities at which the model says ``supported`` or ``contradicted`` rather than
    ``unverified``."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: np.ndarray
    min_supported: float = 0.0
    min_contradicted: float = 0.0
    metadata: dict[str, Any] = field(default_factory=dict)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Label probabilities for feature rows ``x`` (one row per comparison)."""
        logits = ((np.atleast_2d(x) - self.mean) / self.scale) @ self.weights.T + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True))

    def decide(self, comparison: Comparison) -> tuple[Label, float]:
        """The label for a claim whose closest passage is ``comparison``, with its probability
        (see :func:`choose_label`)."""
        p = self.probabilities(unsaid_features(comparison))[0]
        label = choose_label(p, self.min_supported, self.min_contradicted)
        return label, float(p[UNSAID_LABELS.index(label)])

    def to_json(self) -> dict[str, Any]:
        """The JSON form (format name, version, features, arrays, floors, metadata)."""
        return {"format": UNSAID_FORMAT, "version": UNSAID_VERSION,
                "labels": [label.value for label in UNSAID_LABELS],
                "features": list(UNSAID_FEATURES),
                "mean": json_floats(self.mean), "scale": json_floats(self.scale),
                "weights": [json_floats(row) for row in self.weights],
                "bias": json_floats(self.bias),
                "min_supported": self.min_supported, "min_contradicted": self.min_contradicted,
                "metadata": self.metadata}

    @classmethod
    def from_json(cls, data: Any, origin: str) -> UnsaidModel:
        """Read :meth:`to_json`'s form; a :class:`ModelError` naming ``origin`` if malformed."""
        if (not isinstance(data, dict) or data.get("format") != UNSAID_FORMAT
                or data.get("version") != UNSAID_VERSION):
            raise ModelError(f"{origin}: not a factcheck unsaid-slot model (format "
                             f"{UNSAID_FORMAT} v{UNSAID_VERSION}); refit it with "
                             "python benchmarks/fit_unsaid.py")
        if data.get("features") != list(UNSAID_FEATURES):
            raise ModelError(f"{origin}: the model reads other features than this version of "
                             "factcheck computes; refit it with python benchmarks/fit_unsaid.py")
        d, k = len(UNSAID_FEATURES), len(UNSAID_LABELS)
        try:
            model = cls(float_array(data["mean"], (d,)), float_array(data["scale"], (d,)),
                        float_array(data["weights"], (k, d)), float_array(data["bias"], (k,)),
                        float(data["min_supported"]), float(data["min_contradicted"]),
                        dict(data.get("metadata") or {}))
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"{origin}: malformed unsaid-slot model ({exc}); refit it with "
                             "python benchmarks/fit_unsaid.py") from None
        if (model.scale <= 0).any():
            raise ModelError(f"{origin}: malformed unsaid-slot model (non-positive feature "
                             "scale); refit it with python benchmarks/fit_unsaid.py")
        return model


def choose_label(p: np.ndarray, min_supported: float, min_contradicted: float) -> Label:
    """``supported`` or ``contradicted`` when more likely than the other labels and at least at
    its floor (a ``supported`` also needs to beat ``contradicted``), else ``unverified``."""
    supported, contradicted, unverified = (float(v) for v in p)
    if supported >= min_supported and supported > max(contradicted, unverified):
        return Label.SUPPORTED
    if contradicted >= min_contradicted and contradicted > unverified:
        return Label.CONTRADICTED
    return Label.UNVERIFIED


def default_unsaid_path() -> Path:
    """The unsaid-slot model shipped with the package."""
    return shipped_path(DEFAULT_UNSAID_NAME)


def load_unsaid(path: Path | None = None) -> UnsaidModel | None:
    """The model at ``path`` (default: the shipped one; ``None`` if none is shipped)."""
    target = path or default_unsaid_path()
    if path is None and not target.is_file():
        return None
    return UnsaidModel.from_json(read_json(target, "the unsaid-slot model"), str(target))


def save_unsaid(model: UnsaidModel, path: Path) -> None:
    """Write ``model`` as JSON, atomically."""
    write_shared_json(path, model.to_json())

