"""Calibrated confidence: the probability that a verdict's label is right.

A judge reaches each verdict by a *route* (figures stated alike or differently, a name replaced,
a passage silent on the claim's names, nothing relevant, or the learned model) and gives it a raw
score. A :class:`Calibration` maps the raw score, per route and label, to the share of such
verdicts that were right on data the judge was not trained on (Platt scaling: a logistic curve
in the raw score's log-odds). It is stored as JSON beside the verifier
(``factcheck/models/calibration-v1.json``; how it was fitted is recorded in the file and in
``factcheck/models/README.md``) and loaded without pickle.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.errors import ModelError
from factcheck.files import write_shared_json
from factcheck.judging.modelfiles import read_json, shipped_path
from factcheck.records import Label

CALIBRATION_FORMAT = "factcheck-calibration"
CALIBRATION_VERSION = 1
DEFAULT_CALIBRATION_NAME = "calibration-v1.json"
ANY = "*"
"""Stands for any route or any label in a curve's key."""


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


@dataclass(frozen=True, slots=True)
class Calibration:
    """Curves ``(a, b)`` by ``"route/label"`` key: probability = sigmoid(a * logit(raw) + b).

    A verdict's curve is the most specific one fitted: its route and label, else any route with
    its label, else any route and label.
    """

    curves: dict[str, tuple[float, float]]
    metadata: dict[str, Any] = field(default_factory=dict)

    def probability(self, route: str, label: Label, raw: float) -> float:
        """The probability that ``label``, reached by ``route`` with score ``raw``, is right."""
        for key in (f"{route}/{label.value}", f"{ANY}/{label.value}", f"{ANY}/{ANY}"):
            if key in self.curves:
                a, b = self.curves[key]
                return 1.0 / (1.0 + math.exp(-(a * _logit(raw) + b)))
        return raw

    def to_json(self) -> dict[str, Any]:
        """The JSON form (format name, version, curves, metadata)."""
        return {"format": CALIBRATION_FORMAT, "version": CALIBRATION_VERSION,
                "curves": {key: [round(a, 6), round(b, 6)] for key, (a, b) in
                           sorted(self.curves.items())},
                "metadata": self.metadata}

    @classmethod
    def from_json(cls, data: Any, origin: str) -> Calibration:
        """Read :meth:`to_json`'s form; a :class:`ModelError` naming ``origin`` if malformed."""
        if (not isinstance(data, dict) or data.get("format") != CALIBRATION_FORMAT
                or data.get("version") != CALIBRATION_VERSION):
            raise ModelError(f"{origin}: not a factcheck calibration file (format "
                             f"{CALIBRATION_FORMAT} v{CALIBRATION_VERSION}); refit it with "
                             "python benchmarks/fit_calibration.py")
        try:
            curves = {str(key): (float(a), float(b)) for key, (a, b) in data["curves"].items()}
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ModelError(f"{origin}: malformed calibration curves ({exc})") from None
        if not all(map(math.isfinite, (v for pair in curves.values() for v in pair))):
            raise ModelError(f"{origin}: calibration curves must be finite numbers")
        return cls(curves, dict(data.get("metadata") or {}))


def default_calibration_path() -> Path:
    """The calibration shipped with the package."""
    return shipped_path(DEFAULT_CALIBRATION_NAME)


def load_calibration(path: Path | None = None) -> Calibration | None:
    """The calibration at ``path`` (default: the shipped one; ``None`` if none is shipped)."""
    target = path or default_calibration_path()
    if path is None and not target.is_file():
        return None
    return Calibration.from_json(read_json(target, "the calibration file"), str(target))


def save_calibration(calibration: Calibration, path: Path) -> None:
    """Write ``calibration`` as JSON, atomically."""
    write_shared_json(path, calibration.to_json())
