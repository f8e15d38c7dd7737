"""Reading the judges' JSON model files: where the shipped ones live, and errors that name the
file and the fix."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.errors import ModelError


def shipped_path(name: str) -> Path:
    """Where the file ``name`` of ``factcheck/models`` lives inside the installed package."""
    return Path(str(resources.files("factcheck") / "models" / name))


def read_json(path: Path, what: str, hint: str = "") -> Any:
    """The JSON in ``path``; a :class:`ModelError` naming the file and ``what`` it should hold
    (with ``hint``, how to get one, when it is missing) if it cannot be read or parsed."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ModelError(f"{path}: {what} not found{hint}") from None
    except OSError as exc:
        raise ModelError(f"{path}: cannot read {what} ({exc.strerror})") from exc
    try:
        return json.loads(text)
    except ValueError as exc:
        raise ModelError(f"{path}: {what} is not valid JSON ({exc})") from exc


def json_floats(values: np.ndarray) -> list[float]:
    """An array's numbers, flattened, to six significant digits: how model files store them."""
    return [float(f"{v:.6g}") for v in np.asarray(values, dtype=np.float64).ravel()]


def float_array(values: Any, shape: tuple[int, ...]) -> np.ndarray:
    """A model file's numbers as an array of ``shape``; a ``ValueError`` unless they all are
    finite and of that shape."""
    array = np.asarray(values, dtype=np.float64)
    if array.shape != shape or not np.all(np.isfinite(array)):
        raise ValueError(f"expected finite numbers of shape {shape}, got {array.shape}")
    return array
