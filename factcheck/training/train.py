"""Training the learned verifier: features of labelled sets, grouped cross-validation, the fit.

See :mod:`factcheck.judging.learned` for the model it writes and the judge that uses it.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.errors import FactcheckError
from factcheck.judging.compare import compare_all
from factcheck.judging.features import (
    FEATURE_NAMES,
    claim_features,
    rules_verdict,
)
from factcheck.judging.learned import (
    HOLDOUT_SALT,
    L2_GRID,
    LABELS,
    VerifierModel,
    decide_labels,
    relevant,
    rules_decision,
    save_model,
    states_conflict,
)
from factcheck.pipeline import Checker, make_embedder
from factcheck.settings import Settings
from factcheck.training.evaluate import (
    EvalSet,
    PairCase,
    as_claim,
    load_cases,
    macro_f1,
    pair_hits,
)
from factcheck.version import __version__

# --- training data -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrainingSource:
    """One training input: a pairs file, or a claims file with the corpus to retrieve from."""

    path: Path
    corpus: Path | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.corpus}" if self.corpus else str(self.path)

    @property
    def name(self) -> str:
        """``set/file`` (the file and its folder), how models and benchmarks name a source."""
        return _short(self.path) + (f":{_short(self.corpus)}" if self.corpus else "")


def _short(path: Path) -> str:
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name


@dataclass
class FeatureTable:
    """Feature rows of one training input, with labels, case ids and group keys."""

    source: TrainingSource
    x: np.ndarray
    y: np.ndarray
    ids: list[str]
    groups: list[str]
    sha256: str
    fixed: np.ndarray  # label index the judge takes without the model (rules_decision), else -1


def holdout_groups(sets: Sequence[EvalSet]) -> list[list[str]]:
    """A group key for every case of every set: cases sharing a claim or passage are one group.

    Claims link to their evidence text (pairs) or gold passage ids (claims files), and the same
    claim text in two files links them, so a claims file and the pairs file of the same data set
    split alike. The key is a hash of the group's alphabetically first member.
    """
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        root = node
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[node] != root:
            parent[node], node = root, parent[node]
        return root

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)  # the smallest node names the group

    for eval_set in sets:
        for case in eval_set.cases:
            node = "claim\x00" + case.claim
            find(node)
            if isinstance(case, PairCase):
                union(node, "passage\x00" + case.evidence)
            else:
                for passage_id in case.gold_evidence:
                    union(node, "id\x00" + passage_id)
    return [[hashlib.sha256(find("claim\x00" + c.claim).encode()).hexdigest()[:16]
             for c in eval_set.cases] for eval_set in sets]


def is_held_out(group: str, fraction: float) -> bool:
    """Whether a group is held out of training (a fixed hash of the group, so reproducible)."""
    digest = hashlib.sha256(f"{HOLDOUT_SALT}:{group}".encode()).hexdigest()
    return int(digest[:12], 16) / 16**12 < fraction


def file_sha256(path: Path) -> str:
    """The sha256 of a file's bytes (recorded for every training file)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


Report = Callable[[str], None]


def build_features(sources: Sequence[TrainingSource], settings: Settings, embedder: Any,
                   report: Report = lambda message: None) -> list[FeatureTable]:
    """Load every source, retrieve or score its hits, and compute claim features.

    Args:
        sources: pairs files, and claims files with their corpus.
        settings: retrieval settings (``top_k``, ``lexical_weight``, ``cache_dir``).
        embedder: the embedding model (cached embeddings are reused).
        report: called with one progress line per source.

    Returns:
        One feature table per source, in order, with group keys from :func:`holdout_groups`.
    """
    sets = [load_cases(source.path) for source in sources]
    for source, eval_set in zip(sources, sets, strict=True):
        if eval_set.kind == "claims" and source.corpus is None:
            raise FactcheckError(f"{source.path} is a claims file: give its corpus as "
                                 f"{source.path}:CORPUS")
        if eval_set.kind == "pairs" and source.corpus is not None:
            raise FactcheckError(f"{source.path} is a pairs file: it takes no corpus")
    groups = holdout_groups(sets)
    tables = []
    for source, eval_set, keys in zip(sources, sets, groups, strict=True):
        started = time.perf_counter()
        if eval_set.kind == "claims":
            checker = Checker(source.corpus, settings, embedder=embedder)  # type: ignore[arg-type]
            hits = checker.retrieve([as_claim(case) for case in eval_set.cases])
        else:
            hits = pair_hits(eval_set.cases, embedder,  # type: ignore[arg-type]
                             cache_dir=settings.cache_dir, lexical_weight=settings.lexical_weight)
        rows, fixed = [], []
        for case, found in zip(eval_set.cases, hits, strict=True):
            comparisons = compare_all(case.claim, found)
            rules = (rules_verdict(case.claim, found, settings, comparisons)
                     if relevant(found, settings) else None)
            decided = rules_decision(as_claim(case), found, settings, rules, comparisons)
            fixed.append(-1 if decided is None else LABELS.index(decided[0].label))
            rows.append(claim_features(case.claim, found, settings, rules=rules,
                                       comparisons=comparisons))
        y = np.array([LABELS.index(case.label) for case in eval_set.cases])
        tables.append(FeatureTable(source, np.vstack(rows), y, [c.id for c in eval_set.cases],
                                   keys, file_sha256(source.path), np.array(fixed)))
        report(f"{source}: {len(eval_set.cases)} {eval_set.kind} in "
               f"{time.perf_counter() - started:.0f}s")
    return tables


# --- fitting -------------------------------------------------------------------------------------


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


def fit_logistic(z: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float,
                 iterations: int = 2000, tolerance: float = 1e-6) -> tuple[np.ndarray, np.ndarray]:
    """Weighted multinomial logistic regression on standardised ``z`` (accelerated gradient).

    Minimises ``sum(weight * cross_entropy) / sum(weight) + l2/2 * |W|^2`` (bias not penalised).
    Deterministic: same inputs, same weights.

    Returns:
        ``(W, b)`` with ``W`` of shape ``(labels, features)``.
    """
    n, d = z.shape
    k = len(LABELS)
    w = weight / weight.sum()
    design = np.hstack([z, np.ones((n, 1))])
    onehot = np.eye(k)[y]
    # Step size from the curvature bound of the softmax loss: 1/2 * largest eigenvalue of X'WX.
    curvature = 0.5 * np.linalg.eigvalsh(design.T @ (design * w[:, None]))[-1] + l2
    step = 1.0 / curvature
    theta = np.zeros((d + 1, k))
    previous = theta.copy()
    for t in range(1, iterations + 1):
        look = theta + (t - 2) / (t + 1) * (theta - previous)
        gradient = design.T @ ((_softmax(design @ look) - onehot) * w[:, None])
        gradient[:d] += l2 * look[:d]
        previous, theta = theta, look - step * gradient
        if np.abs(gradient).max() < tolerance:
            break
    return theta[:d].T.copy(), theta[d].copy()


def _sample_weights(y: np.ndarray, table_index: np.ndarray) -> np.ndarray:
    """Labels balanced within each file; each file weighs sqrt(its size) overall."""
    weight = np.zeros(len(y))
    for t in np.unique(table_index):
        rows = table_index == t
        present = np.unique(y[rows])
        for label in present:
            chosen = rows & (y == label)
            weight[chosen] = math.sqrt(rows.sum()) / (len(present) * chosen.sum())
    return weight / weight.mean()


def _macro_f1(y: np.ndarray, predicted: np.ndarray) -> float:
    return macro_f1(y, predicted, len(LABELS))


def _mean_file_f1(y: np.ndarray, predicted: np.ndarray, table_index: np.ndarray) -> float:
    return float(np.mean([_macro_f1(y[table_index == t], predicted[table_index == t])
                          for t in np.unique(table_index)]))


def _tune_offsets(log_p: np.ndarray, y: np.ndarray, table_index: np.ndarray,
                  fixed: np.ndarray, conflict: np.ndarray) -> np.ndarray:
    """Per-label offsets maximising the mean per-file macro-F1 (coordinate search on a grid)."""
    offsets = np.zeros(len(LABELS))
    grid = np.round(np.arange(-1.5, 1.51, 0.1), 2)

    def objective(candidate: np.ndarray) -> float:
        return _mean_file_f1(y, decide_labels(log_p, candidate, fixed, conflict), table_index)

    best = objective(offsets)
    for _ in range(3):
        for label in (1, 2):  # offsets are relative: supported stays at 0
            for value in grid:
                candidate = offsets.copy()
                candidate[label] = value
                result = objective(candidate)
                if result > best + 1e-9:
                    best, offsets = result, candidate
    return offsets


def _folds(groups: Sequence[str], k: int) -> np.ndarray:
    """Fold number of every row: whole groups go to one fold, by a hash of the group."""
    return np.array([int(hashlib.sha256(f"fold:{g}".encode()).hexdigest()[:8], 16) % k
                     for g in groups])


@dataclass(frozen=True)
class TrainingResult:
    """A trained model and what cross-validation measured while choosing its settings."""

    model: VerifierModel
    cv: dict[str, Any]


def train(tables: Sequence[FeatureTable], *, holdout: float, folds: int,
          report: Report = lambda message: None) -> TrainingResult:
    """Fit the verifier on the non-held-out groups of ``tables``.

    The L2 strength is chosen from :data:`L2_GRID` and the label offsets are tuned, both by
    grouped ``folds``-fold cross-validation on the training groups, maximising the mean macro-F1
    over files of the judge's verdicts (claims :func:`rules_decision` settles keep its label, and
    ``contradicted`` needs :func:`states_conflict`); the final model is refitted on all training
    groups.

    Args:
        tables: from :func:`build_features`.
        holdout: share of groups kept out of training entirely (for reporting); 0 uses all.
        folds: cross-validation folds.
        report: progress lines.

    Returns:
        The model (with its metadata filled in) and the cross-validation summary.
    """
    keep = [np.array([not is_held_out(g, holdout) for g in t.groups]) for t in tables]
    x = np.vstack([t.x[k] for t, k in zip(tables, keep, strict=True)])
    y = np.concatenate([t.y[k] for t, k in zip(tables, keep, strict=True)])
    groups = [g for t, k in zip(tables, keep, strict=True)
              for g, kept in zip(t.groups, k, strict=True) if kept]
    fixed = np.concatenate([t.fixed[k] for t, k in zip(tables, keep, strict=True)])
    table_index = np.concatenate([np.full(k.sum(), i) for i, k in enumerate(keep)])
    # The model learns from every claim, but the judge only asks it about those rules_decision
    # leaves open: every score (choosing l2 and offsets) counts the rest with the judge's label.
    asked = fixed < 0
    conflict = states_conflict(x)
    if len(np.unique(y)) < len(LABELS):
        raise FactcheckError("the training data lack a label; every label must occur")
    weight = _sample_weights(y, table_index)
    fold = _folds(groups, folds)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    results: dict[float, np.ndarray] = {}
    scores: dict[float, float] = {}
    for l2 in L2_GRID:
        log_p = np.zeros((len(y), len(LABELS)))
        for f in range(folds):
            test = fold == f
            w, b = fit_logistic(z[~test], y[~test], weight[~test], l2)
            log_p[test] = np.log(np.clip(_softmax(z[test] @ w.T + b), 1e-12, 1.0))
        results[l2] = log_p
        scores[l2] = _mean_file_f1(y, decide_labels(log_p, np.zeros(len(LABELS)), fixed, conflict),
                                   table_index)
        report(f"cross-validation: l2={l2:g} mean macro-F1 {scores[l2]:.3f}")
    chosen = max(L2_GRID, key=scores.__getitem__)
    offsets = _tune_offsets(results[chosen], y, table_index, fixed, conflict)
    oof = decide_labels(results[chosen], offsets, fixed, conflict)
    plain = decide_labels(results[chosen], np.zeros(len(LABELS)), fixed, conflict)
    per_file = {
        tables[t].source.name: {
            "macro_f1": round(_macro_f1(y[table_index == t], oof[table_index == t]), 4),
            "macro_f1_without_offsets": round(_macro_f1(
                y[table_index == t], plain[table_index == t]), 4),
            "n": int((table_index == t).sum()),
            "decided_by_rules": int((~asked[table_index == t]).sum()),
        }
        for t in np.unique(table_index)
    }
    report(f"chosen l2={chosen:g}, offsets {np.round(offsets, 2).tolist()}")
    w, b = fit_logistic(z, y, weight, chosen)
    cv = {"folds": folds, "l2": chosen, "l2_grid": list(L2_GRID),
          "mean_macro_f1": round(float(np.mean([v["macro_f1"] for v in per_file.values()])), 4),
          "per_file": per_file}
    files = [{
        "name": t.source.name, "sha256": t.sha256, "records": len(t.ids),
        "trained_on": int(k.sum()), "held_out": int((~k).sum()),
    } for t, k in zip(tables, keep, strict=True)]
    low, high, baseline_f1 = fit_similarity_baseline(x, y, table_index)
    report(f"similarity baseline on the same training data: low {low:g}, high {high:g} "
           f"(mean macro-F1 {baseline_f1:.3f})")
    metadata = {
        "trained_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "training_files": files,
        "baseline": {"judge": f"similarity:{low:g},{high:g}", "low": low, "high": high,
                     "note": "thresholds of the similarity baseline, fitted on the same "
                             "training groups by the same objective"},
        "holdout": {"fraction": holdout, "salt": HOLDOUT_SALT,
                    "rule": "groups = connected claims/passages over all training files; a group "
                            "is held out when sha256(salt:group) < fraction"},
        "cross_validation": cv,
    }
    model = VerifierModel(FEATURE_NAMES, mean, scale, w, b, offsets, metadata)
    return TrainingResult(model, cv)


def fit_similarity_baseline(x: np.ndarray, y: np.ndarray,
                            table_index: np.ndarray) -> tuple[float, float, float]:
    """Thresholds ``(low, high, mean macro-F1)`` of the similarity baseline on training rows.

    The baseline labels by the top passage's cosine alone (``>= high`` supported, ``>= low``
    contradicted, else unverified); the grid search maximises the mean macro-F1 over files.
    """
    dense = x[:, FEATURE_NAMES.index("top_dense")]
    grid = np.round(np.arange(0.2, 0.951, 0.025), 3)
    best = (0.0, 0.5, 0.7)
    for low in grid:
        for high in grid[grid >= low]:
            predicted = np.where(dense >= high, 0, np.where(dense >= low, 1, 2))
            f1 = float(np.mean([_macro_f1(y[table_index == t], predicted[table_index == t])
                                for t in np.unique(table_index)]))
            if f1 > best[0] + 1e-9:
                best = (f1, float(low), float(high))
    return best[1], best[2], best[0]


def held_out_ids(sets: Sequence[EvalSet], fraction: float) -> list[set[str]]:
    """For each set, the ids of the cases a model trained with ``fraction`` never saw.

    Pass the same files, in any order, as were given to training: groups are computed across them.
    """
    return [{case.id for case, g in zip(eval_set.cases, keys, strict=True)
             if is_held_out(g, fraction)}
            for eval_set, keys in zip(sets, holdout_groups(sets), strict=True)]


def training_sources(model: VerifierModel, root: Path) -> list[TrainingSource]:
    """The model's recorded training inputs, found by ``set/file`` name under ``root``."""
    sources = []
    for entry in model.metadata.get("training_files", []):
        path, _, corpus = str(entry["name"]).partition(":")
        sources.append(TrainingSource(root / path, root / corpus if corpus else None))
    return sources


def parse_source(text: str) -> TrainingSource:
    """``pairs.jsonl`` or ``claims.jsonl:corpus.jsonl`` as a training source."""
    path, _, corpus = text.partition(":")
    return TrainingSource(Path(path), Path(corpus) if corpus else None)


def train_judge(sources: Sequence[TrainingSource], out: Path, settings: Settings | None = None,
                *, holdout: float, folds: int, command: str = "",
                embedder: Any = None, report: Report = lambda message: None) -> TrainingResult:
    """Build features for ``sources``, train the verifier and write it to ``out``.

    Args:
        sources: pairs files, and claims files with their corpus (see :func:`parse_source`).
        out: the model file to write (JSON).
        settings: retrieval settings and embedding model (defaults if ``None``).
        holdout: share of groups kept out of training, for honest reporting (0 uses all).
        folds: cross-validation folds for choosing the L2 strength and the label offsets.
        command: the command line, recorded in the model so it can be rebuilt.
        embedder: a ready embedder instead of ``settings.model``.
        report: progress lines.

    Returns:
        The model (also written to ``out``) and its cross-validation scores.
    """
    if not 0.0 <= holdout < 1.0:
        raise FactcheckError(f"--holdout {holdout} must be at least 0 and below 1")
    if folds < 2:
        raise FactcheckError(f"--folds {folds} must be at least 2")
    settings = settings or Settings()
    if embedder is None:
        embedder = make_embedder(settings)
    started = time.perf_counter()
    tables = build_features(sources, settings, embedder, report)
    result = train(tables, holdout=holdout, folds=folds, report=report)
    metadata = {**result.model.metadata, "factcheck_version": __version__,
                "embedding_model": getattr(embedder, "name", settings.model),
                "top_k": settings.top_k, "lexical_weight": settings.lexical_weight,
                "command": command, "training_seconds": round(time.perf_counter() - started)}
    model = VerifierModel(result.model.features, result.model.mean, result.model.scale,
                          result.model.weights, result.model.bias, result.model.offsets, metadata)
    save_model(model, out)
    return TrainingResult(model, result.cv)
