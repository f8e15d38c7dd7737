"""The learned verifier: model file format, training with grouped cross-validation, and the judge.

The model is a multinomial logistic regression over :data:`factcheck.features.FEATURE_NAMES`
(claim–evidence similarity, word, number and name coverage, quantity agreement and conflict,
negation and antonym cues, retrieval ranks and margins, aggregated over the retrieved passages).
It is stored as JSON — format name, version, feature names, standardisation, weights, the training
files with their hashes, the held-out rule and the cross-validation scores — and loaded without
pickle. The shipped model is ``factcheck/models/verifier-v1.json``; ``factcheck train-judge``
rebuilds it (see ``factcheck/models/README.md`` for the exact command).

Training data are pairs files (the given passage as a rank-1 hit) and claims files checked end to
end against a corpus (the retrieved hits), so the model sees both single passages and ranked lists.
Records that share a claim or a passage text are one group; a fixed share of groups is held out of
training altogether (decided by a hash of the group, so it is reproducible and identical for every
file of a set), and the regularisation strength and the per-label decision offsets are chosen by
grouped k-fold cross-validation on the rest. Held-out groups are what benchmarks report on.
"""

from __future__ import annotations

import hashlib
import json
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.errors import FactcheckError, ModelError
from factcheck.evaluate import EvalSet, PairCase, as_claim, load_cases, pair_hits
from factcheck.features import (
    FEATURE_NAMES,
    PAIR_FEATURES,
    claim_features,
    decided_by_figures,
    pair_features,
    rules_verdict,
)
from factcheck.records import Claim, Hit, Label, Verdict
from factcheck.settings import Settings
from factcheck.verdict import cite, compare

MODEL_FORMAT = "factcheck-verifier"
MODEL_VERSION = 1
LABELS = (Label.SUPPORTED, Label.CONTRADICTED, Label.UNVERIFIED)
DEFAULT_MODEL_NAME = "verifier-v1.json"
HOLDOUT_SALT = "factcheck-holdout-v1"
L2_GRID = (0.001, 0.01, 0.1, 1.0)
"""Regularisation strengths tried by cross-validation (penalty on the mean loss)."""


# --- model ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerifierModel:
    """A trained verifier: standardisation, weights per label, offsets, and where it came from.

    ``weights`` has one row per label in :data:`LABELS` order and one column per feature;
    probabilities are ``softmax(weights @ z + bias)`` with ``z = (x - mean) / scale``; the judge
    takes the argmax of ``log p + offsets`` (offsets chosen by cross-validation for macro-F1) among
    the labels its rules allow (see :class:`LearnedJudge`).
    """

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: np.ndarray
    offsets: np.ndarray
    metadata: dict[str, Any] = field(default_factory=dict)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Label probabilities of feature rows ``x``, shape ``(n, features)`` or ``(features,)``."""
        return np.exp(self.log_probabilities(x))

    def log_probabilities(self, x: np.ndarray) -> np.ndarray:
        """Natural-log label probabilities of feature rows ``x`` (exact where they underflow)."""
        logits = (np.atleast_2d(x) - self.mean) / self.scale @ self.weights.T + self.bias
        shifted = logits - logits.max(axis=1, keepdims=True)
        return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))

    def to_json(self) -> dict[str, Any]:
        """The JSON document written to disk."""
        return {
            "format": MODEL_FORMAT,
            "version": MODEL_VERSION,
            "labels": [label.value for label in LABELS],
            "features": list(self.features),
            "mean": _floats(self.mean),
            "scale": _floats(self.scale),
            "weights": [_floats(row) for row in self.weights],
            "bias": _floats(self.bias),
            "offsets": _floats(self.offsets),
            "metadata": self.metadata,
        }

    @classmethod
    def from_json(cls, data: Any, origin: str) -> VerifierModel:
        """Validate and read a model document; ``origin`` names it in errors."""
        if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
            raise ModelError(f"{origin}: not a factcheck verifier model (no format "
                             f"'{MODEL_FORMAT}'); train one with factcheck train-judge")
        if data.get("version") != MODEL_VERSION:
            raise ModelError(f"{origin}: model version {data.get('version')} but this factcheck "
                             f"reads version {MODEL_VERSION}; retrain with factcheck train-judge")
        if data.get("labels") != [label.value for label in LABELS]:
            raise ModelError(f"{origin}: labels {data.get('labels')} are not "
                             f"{[label.value for label in LABELS]}")
        features = tuple(data.get("features") or ())
        if features != FEATURE_NAMES:
            raise ModelError(f"{origin}: the model was trained on other features than this "
                             "factcheck computes; retrain it with factcheck train-judge")
        try:
            n, k = len(features), len(LABELS)
            model = cls(
                features=features,
                mean=_array(data["mean"], (n,)),
                scale=_array(data["scale"], (n,)),
                weights=_array(data["weights"], (k, n)),
                bias=_array(data["bias"], (k,)),
                offsets=_array(data["offsets"], (k,)),
                metadata=dict(data.get("metadata") or {}),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"{origin}: malformed model ({exc}); retrain with factcheck "
                             "train-judge") from exc
        if np.any(model.scale <= 0):
            raise ModelError(f"{origin}: malformed model (non-positive feature scale)")
        return model


def _floats(values: np.ndarray) -> list[float]:
    return [float(f"{v:.6g}") for v in np.asarray(values, dtype=np.float64).ravel()]


def _array(values: Any, shape: tuple[int, ...]) -> np.ndarray:
    array = np.asarray(values, dtype=np.float64)
    if array.shape != shape or not np.all(np.isfinite(array)):
        raise ValueError(f"expected finite numbers of shape {shape}, got {array.shape}")
    return array


def default_model_path() -> Path:
    """Where the shipped model lives inside the installed package."""
    return Path(str(resources.files("factcheck") / "models" / DEFAULT_MODEL_NAME))


def load_model(path: Path | None = None) -> VerifierModel:
    """Read a verifier model (the shipped one if ``path`` is ``None``).

    Raises:
        ModelError: the file is missing, not JSON, or not a model this version can use.
    """
    path = path or default_model_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ModelError(
            f"{path}: learned judge model not found; reinstall factcheck, train one with "
            "factcheck train-judge, or pass --judge rules") from None
    except OSError as exc:
        raise ModelError(f"{path}: cannot read the learned judge model ({exc.strerror})") from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ModelError(f"{path}: the learned judge model is not valid JSON ({exc})") from exc
    return VerifierModel.from_json(data, str(path))


def save_model(model: VerifierModel, path: Path) -> None:
    """Write ``model`` as JSON, atomically."""
    from factcheck.index import atomic_path

    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
        tmp.chmod(0o644)  # a model file is data to share, not a private temp file


# --- the judge -----------------------------------------------------------------------------------


_SIGNALS = {
    "dense": "similar meaning", "lexical": "shared rare words", "score": "retrieval score",
    "coverage": "claim words found", "bigram_coverage": "claim phrases found",
    "missing_words": "claim words missing", "long_missing": "claim terms missing",
    "number_coverage": "numbers found", "numbers_missing": "numbers missing",
    "quantities_matched": "figures agree", "quantities_conflicting": "figures differ",
    "quantities_unmatched": "figures not stated", "entity_coverage": "names found",
    "entities_missing": "names missing", "negation_claim": "negated claim",
    "negation_passage": "negated passage", "negation_mismatch": "negation differs",
    "antonym_clash": "opposite words", "hedge_claim": "hedged claim",
    "claim_length": "claim length", "passage_length": "passage length",
    "union_coverage": "claim words found across passages",
    "union_entity_coverage": "names found across passages",
    "dense_margin": "lead over next passage",
    "score_margin": "lead over next passage", "mean_dense_rest": "other passages similar",
    "same_source_share": "passages agree on source", "passages": "number of passages",
    "single_passage": "single passage", "rules_supported": "rules judge says supported",
    "rules_contradicted": "rules judge says contradicted", "rules_confidence": "rules confidence",
    "rules_by_figures": "figures decide",
}


class LearnedJudge:
    """The default judge: figures and names are checked exactly, the rest by the learned verifier.

    Passages below the relevance floor (``min_dense`` / ``min_relevance``, as for the rules
    judge) are not evidence: with none left the claim is ``unverified``. When the rules judge's
    verdict rests on figures (the passage states the claim's numbers, money, percentages or dates
    alike, or differently; see :func:`factcheck.features.decided_by_figures`), or the closest
    passage is silent on the claim's figures or names (:func:`silent_on_claim`), that verdict
    stands: arithmetic on parsed quantities is exact, and a passage about something else can
    neither support nor refute. Every other claim is labelled by the model, whose rationale names
    the signals that pushed it to its label.
    """

    name = "learned"

    def __init__(self, model: VerifierModel, settings: Settings | None = None) -> None:
        self.model = model
        self.settings = settings or Settings()

    def judge(self, claim: Claim, hits: Sequence[Hit]) -> Verdict:
        """Label ``claim`` from its hits (best first; may be empty)."""
        s = self.settings
        rules = rules_verdict(claim.text, hits, s) if relevant(hits, s) else None
        fixed = rules_decision(claim, hits, s, rules)
        if fixed is not None:
            return fixed
        assert rules is not None  # rules_decision settles every claim without relevant passages
        x = claim_features(claim.text, hits, self.settings, rules=rules)
        log_p = self.model.log_probabilities(x)
        probabilities = np.exp(log_p[0])
        conflict = bool(states_conflict(x)[0])
        index = int(_labels(log_p, self.model.offsets, np.array([-1]), np.array([conflict]))[0])
        label = LABELS[index]
        ordered = _evidence_order(claim.text, hits, label)
        keep = 2 if label is Label.UNVERIFIED else 3
        rationale = self._rationale(claim.text, x, probabilities, index, ordered)
        if not conflict and int(np.argmax(log_p[0] + self.model.offsets)) == _CONTRADICTED:
            # A contradiction a journalist can check names what conflicts; leaning is not enough.
            rationale += ("; the model leans contradicted, but no passage states a figure, "
                          "negation or opposite that conflicts with the claim")
        return Verdict(claim, label, round(float(probabilities[index]), 4),
                       tuple(ordered[:keep]), rationale, self.name)

    def _rationale(self, claim_text: str, x: np.ndarray, probabilities: np.ndarray, index: int,
                   ordered: Sequence[Hit]) -> str:
        shown = ", ".join(f"{label.value} {p:.2f}"
                          for label, p in zip(LABELS, probabilities, strict=True))
        if not ordered:
            return f"no evidence passages ({shown})"
        z = (x - self.model.mean) / self.model.scale
        others = [i for i in range(len(LABELS)) if i != index]
        push = (self.model.weights[index] - self.model.weights[others].mean(axis=0)) * z
        top = [self.model.features[i] for i in np.argsort(-push)[:3] if push[i] > 0]
        signals = list(dict.fromkeys(_SIGNALS.get(_base_name(name), name) for name in top))
        best = ordered[0]
        comparison = compare(claim_text, best)
        facts = [f"similarity {best.dense:.2f}", f"{comparison.coverage:.0%} of the claim's words"]
        if comparison.polarity_clash:
            facts.append(comparison.polarity_clash)
        where = cite(best)
        because = f"; deciding signals: {', '.join(signals)}" if signals else ""
        return f"closest evidence ({where}): {', '.join(facts)}{because} ({shown})"


def relevant(hits: Sequence[Hit], settings: Settings) -> bool:
    """Whether any hit clears the relevance floor (``min_dense`` or ``min_relevance``)."""
    return any(h.dense >= settings.min_dense or h.score >= settings.min_relevance for h in hits)


def silent_on_claim(claim_text: str, rules: Verdict) -> bool:
    """Whether a rules ``unverified`` rests on the corpus being silent on the claim: the closest
    passage does not state the claim's figures or names, or states them about something else.

    Such a passage can neither support nor refute the claim, whatever the wording around it.
    """
    if rules.label is not Label.UNVERIFIED or not rules.evidence:
        return False
    closest = compare(claim_text, rules.evidence[0])
    return bool(closest.unmatched or closest.missing_entities or closest.conflicts)


_CONTRADICTED, _UNVERIFIED = LABELS.index(Label.CONTRADICTED), LABELS.index(Label.UNVERIFIED)
_COLUMN = {name: i for i, name in enumerate(FEATURE_NAMES)}


def states_conflict(x: np.ndarray) -> np.ndarray:
    """For feature rows ``x``: whether the closest passage states something that conflicts with
    the claim: a figure stated differently, a negation about what the other, unnegated, text says,
    an opposite word, or the rules judge's contradiction. Without one the learned judge never says
    ``contradicted``."""
    x = np.atleast_2d(x)
    cues = ("top_quantities_conflicting", "top_negation_mismatch", "top_antonym_clash",
            "rules_contradicted")
    return (x[:, [_COLUMN[name] for name in cues]] > 0).any(axis=1)


def rules_decision(claim: Claim, hits: Sequence[Hit], settings: Settings,
                   rules: Verdict | None) -> Verdict | None:
    """The verdict the learned judge takes without asking the model, or ``None``.

    Three cases: no passage clears the relevance floor (``unverified``; ``rules`` is then
    ``None``); the rules verdict rests on figures stated alike or differently (arithmetic on
    parsed quantities is exact); or the corpus is silent on the claim's names or figures
    (:func:`silent_on_claim`). Training uses the same rule, so the model only learns the rest.
    """
    if rules is None:
        # Without a relevant passage the model is never asked, so an unrelated passage can never
        # support or contradict.
        best = max((h.dense for h in hits), default=0.0)
        return Verdict(claim, Label.UNVERIFIED, round(min(0.95, 1.0 - max(best, 0.0) * 0.6), 4),
                       tuple(sorted(hits, key=lambda h: h.rank)[:2]),
                       "nothing in the corpus is relevant enough: closest passage has "
                       f"similarity {best:.2f} < {settings.min_dense:.2f}", LearnedJudge.name)
    if decided_by_figures(claim.text, rules):
        return Verdict(claim, rules.label, rules.confidence, rules.evidence,
                       f"figures decide: {rules.rationale}", LearnedJudge.name)
    if silent_on_claim(claim.text, rules):
        return Verdict(claim, rules.label, rules.confidence, rules.evidence,
                       f"names and figures decide: {rules.rationale}", LearnedJudge.name)
    return None


def _base_name(feature: str) -> str:
    for prefix in ("top_", "max_", "min_"):
        feature = feature.removeprefix(prefix)
    return feature


def _evidence_order(claim_text: str, hits: Sequence[Hit], label: Label) -> list[Hit]:
    """Hits ordered so the passage that best explains ``label`` comes first."""
    if label is Label.UNVERIFIED or len(hits) < 2:
        return sorted(hits, key=lambda h: h.rank)
    column = {name: i for i, name in enumerate(PAIR_FEATURES)}

    def strength(hit: Hit) -> float:
        row = pair_features(claim_text, hit)
        base = 0.5 * hit.dense + 0.5 * row[column["coverage"]]
        if label is Label.CONTRADICTED:
            base += (row[column["quantities_conflicting"]] + row[column["negation_mismatch"]]
                     + row[column["antonym_clash"]])
        return base

    return sorted(hits, key=strength, reverse=True)


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
            from factcheck.pipeline import Checker

            checker = Checker(source.corpus, settings, embedder=embedder)  # type: ignore[arg-type]
            hits = checker.retrieve([as_claim(case) for case in eval_set.cases])
        else:
            hits = pair_hits(eval_set.cases, embedder,  # type: ignore[arg-type]
                             cache_dir=settings.cache_dir, lexical_weight=settings.lexical_weight)
        rows, fixed = [], []
        for case, found in zip(eval_set.cases, hits, strict=True):
            rules = (rules_verdict(case.claim, found, settings)
                     if relevant(found, settings) else None)
            decided = rules_decision(as_claim(case), found, settings, rules)
            fixed.append(-1 if decided is None else LABELS.index(decided.label))
            rows.append(claim_features(case.claim, found, settings, rules=rules))
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
    """Macro-F1 as :func:`factcheck.evaluate.score` computes it, on label indices (fast)."""
    k = len(LABELS)
    confusion = np.bincount(y * k + predicted, minlength=k * k).reshape(k, k)
    true_positive = np.diag(confusion).astype(float)
    support, predicted_count = confusion.sum(axis=1), confusion.sum(axis=0)
    present = (support + predicted_count) > 0
    precision = np.divide(true_positive, predicted_count, out=np.zeros(k),
                          where=predicted_count > 0)
    recall = np.divide(true_positive, support, out=np.zeros(k), where=support > 0)
    f1 = np.divide(2 * precision * recall, precision + recall, out=np.zeros(k),
                   where=precision + recall > 0)
    return float(f1[present].mean()) if present.any() else 0.0


def _labels(log_p: np.ndarray, offsets: np.ndarray, fixed: np.ndarray,
            conflict: np.ndarray) -> np.ndarray:
    """The judge's label indices: the model's (with offsets; ``contradicted`` only where a
    passage states a conflict) unless ``fixed`` (>= 0) decides."""
    scores = log_p + offsets
    scores[~conflict, _CONTRADICTED] = -np.inf
    return np.where(fixed >= 0, fixed, np.argmax(scores, axis=1))


def _mean_file_f1(y: np.ndarray, predicted: np.ndarray, table_index: np.ndarray) -> float:
    return float(np.mean([_macro_f1(y[table_index == t], predicted[table_index == t])
                          for t in np.unique(table_index)]))


def _tune_offsets(log_p: np.ndarray, y: np.ndarray, table_index: np.ndarray,
                  fixed: np.ndarray, conflict: np.ndarray) -> np.ndarray:
    """Per-label offsets maximising the mean per-file macro-F1 (coordinate search on a grid)."""
    offsets = np.zeros(len(LABELS))
    grid = np.round(np.arange(-1.5, 1.51, 0.1), 2)

    def objective(candidate: np.ndarray) -> float:
        return _mean_file_f1(y, _labels(log_p, candidate, fixed, conflict), table_index)

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


def train(tables: Sequence[FeatureTable], *, holdout: float = 0.3, folds: int = 5,
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
        scores[l2] = _mean_file_f1(y, _labels(log_p, np.zeros(len(LABELS)), fixed, conflict),
                                   table_index)
        report(f"cross-validation: l2={l2:g} mean macro-F1 {scores[l2]:.3f}")
    chosen = max(L2_GRID, key=scores.__getitem__)
    offsets = _tune_offsets(results[chosen], y, table_index, fixed, conflict)
    oof = _labels(results[chosen], offsets, fixed, conflict)
    plain = _labels(results[chosen], np.zeros(len(LABELS)), fixed, conflict)
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
                *, holdout: float = 0.3, folds: int = 5, command: str = "",
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
        from factcheck.pipeline import make_embedder

        embedder = make_embedder(settings)
    started = time.perf_counter()
    tables = build_features(sources, settings, embedder, report)
    result = train(tables, holdout=holdout, folds=folds, report=report)
    from factcheck import __version__

    metadata = {**result.model.metadata, "factcheck_version": __version__,
                "embedding_model": getattr(embedder, "name", settings.model),
                "top_k": settings.top_k, "lexical_weight": settings.lexical_weight,
                "command": command, "training_seconds": round(time.perf_counter() - started)}
    model = VerifierModel(result.model.features, result.model.mean, result.model.scale,
                          result.model.weights, result.model.bias, result.model.offsets, metadata)
    save_model(model, out)
    return TrainingResult(model, result.cv)
