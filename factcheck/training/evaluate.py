"""Evaluation: run a judge over labelled claims or claim–evidence pairs and score its verdicts.

Two kinds of input file, one JSON object per line (the formats of ``../shared/datasets``):

- **claims** (``id``, ``claim``, ``label``; optional ``evidence``: a list of gold passage ids,
  ``article``, ``note``): checked end to end against an evidence corpus. Claim splitting is skipped:
  each line is one claim; retrieval and the judge run as in ``factcheck check``.
- **pairs** (``id``, ``claim``, ``evidence``: the passage text, ``label``): the judge alone, on the
  given passage, scored as a retrieved hit of rank 1 (cosine from the embedder, BM25 against every
  passage of the file).

Scores are accuracy, macro-F1, per-label precision/recall/F1/support, the confusion matrix, the
evidence recall (share of gold passages among the retrieved ones, where gold ids are given) and
claims per second (retrieval and judging; building the index and loading models are not counted).
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from factcheck.boundaries import surrogate_problem
from factcheck.errors import InputError
from factcheck.judging.base import Judge, NameUser
from factcheck.judging.registry import make_judge
from factcheck.judging.rules import RulesJudge
from factcheck.pipeline import Checker, make_embedder
from factcheck.records import Claim, Hit, Label, Passage, Span, Verdict
from factcheck.retrieval.corpus import Corpus
from factcheck.retrieval.embedding import Embedder
from factcheck.retrieval.index import build_index
from factcheck.retrieval.search import BM25
from factcheck.settings import Settings
from factcheck.text import tokenize


class DatasetError(InputError):
    """A claims or pairs file is malformed; the message names the file, the line and the fix."""


@dataclass(frozen=True, slots=True)
class ClaimCase:
    """A labelled claim to check end to end; ``gold_evidence`` lists passage ids (may be empty)."""

    id: str
    claim: str
    label: Label
    gold_evidence: tuple[str, ...]
    article: str


@dataclass(frozen=True, slots=True)
class PairCase:
    """A labelled claim with the one evidence passage to judge it by."""

    id: str
    claim: str
    evidence: str
    label: Label


@dataclass(frozen=True, slots=True)
class EvalSet:
    """The cases of one file, all of one kind."""

    path: Path
    kind: Literal["claims", "pairs"]
    cases: tuple[ClaimCase | PairCase, ...]  # all of ``kind``

    def subset(self, ids: set[str]) -> EvalSet:
        """Only the cases whose id is in ``ids``, in file order."""
        kept = tuple(case for case in self.cases if case.id in ids)
        return EvalSet(self.path, self.kind, kept)


@dataclass(frozen=True, slots=True)
class LabelScores:
    """Precision, recall and F1 of one label, and how many gold cases carry it."""

    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True, slots=True)
class Scores:
    """How well predicted labels match gold labels.

    ``confusion[gold][predicted]`` counts cases; ``evidence_recall`` is ``None`` when no case has
    gold evidence ids (pairs files, or claims files without ``evidence``).
    """

    n: int
    accuracy: float
    macro_f1: float
    per_label: dict[Label, LabelScores]
    confusion: dict[Label, dict[Label, int]]
    evidence_recall: float | None
    claims_per_second: float
    seconds: float
    ece: float | None = None
    """Expected calibration error of the confidences (``None`` when none were given)."""

    def to_dict(self) -> dict[str, Any]:
        """The scores as plain JSON-ready values (labels as their string values)."""
        return {
            "n": self.n,
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "per_label": {
                label.value: {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                              "f1": round(s.f1, 4), "support": s.support}
                for label, s in self.per_label.items()
            },
            "confusion": {gold.value: {pred.value: count for pred, count in row.items()}
                          for gold, row in self.confusion.items()},
            "evidence_recall": (None if self.evidence_recall is None
                                else round(self.evidence_recall, 4)),
            "claims_per_second": round(self.claims_per_second, 2),
            "seconds": round(self.seconds, 3),
            "ece": None if self.ece is None else round(self.ece, 4),
        }


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The scores of one judge on one file, with every verdict (in case order)."""

    eval_set: EvalSet
    judge: str
    scores: Scores
    verdicts: tuple[Verdict, ...]

    def to_dict(self) -> dict[str, Any]:
        """Scores plus the file, kind and judge, as printed by ``factcheck eval --json``."""
        return {"file": str(self.eval_set.path), "kind": self.eval_set.kind,
                "judge": self.judge, **self.scores.to_dict()}

    def to_frame(self) -> pd.DataFrame:
        """One row per case: ``id``, ``claim``, ``gold``, ``predicted``, ``correct``,
        ``confidence``, ``rationale`` (labels as categoricals in :class:`Label` order)."""
        order = pd.CategoricalDtype([label.value for label in Label])
        cases = self.eval_set.cases
        return pd.DataFrame({
            "id": [case.id for case in cases],
            "claim": [case.claim for case in cases],
            "gold": pd.Series([case.label.value for case in cases], dtype=order),
            "predicted": pd.Series([v.label.value for v in self.verdicts], dtype=order),
            "correct": [case.label is v.label for case, v in zip(cases, self.verdicts,
                                                                strict=True)],
            "confidence": [v.confidence for v in self.verdicts],
            "rationale": [v.rationale for v in self.verdicts],
        })

    def confusion_frame(self) -> pd.DataFrame:
        """The confusion matrix: gold labels as rows, predicted as columns, in Label order."""
        names = [label.value for label in Label]
        frame = pd.DataFrame(
            [[self.scores.confusion.get(gold, {}).get(predicted, 0) for predicted in Label]
             for gold in Label],
            index=pd.Index(names, name="gold"), columns=pd.Index(names, name="predicted"))
        return frame.astype("int64")

    def per_label_frame(self) -> pd.DataFrame:
        """Precision, recall, F1 and support per label (rows in Label order)."""
        return pd.DataFrame(
            [{"precision": s.precision, "recall": s.recall, "f1": s.f1, "support": s.support}
             for s in (self.scores.per_label[label] for label in Label)],
            index=pd.Index([label.value for label in Label], name="label"))

    def __str__(self) -> str:
        return format_scores(self)


def load_cases(path: str | Path) -> EvalSet:
    """Read a claims or a pairs file (the kind is decided by the first record's ``evidence``).

    Raises:
        DatasetError: naming the file and line of the first problem, and how to fix it.
    """
    path = Path(path)
    if not path.is_file():
        raise DatasetError(f"{path}: no such file; pass a claims.jsonl or pairs.jsonl file")
    records: list[tuple[int, dict[str, Any]]] = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(f"{path}: cannot read as UTF-8 text ({exc})") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{path} line {number}: invalid JSON ({exc.msg})") from exc
        if not isinstance(record, dict):
            raise DatasetError(f"{path} line {number}: expected a JSON object")
        for name, value in record.items():
            problem = surrogate_problem(value) if isinstance(value, str) else None
            if problem is not None:
                raise DatasetError(f"{path} line {number}: field '{name}' has a {problem}; remove "
                                   "the \\u escape or write the intended character")
        records.append((number, record))
    if not records:
        raise DatasetError(f"{path}: no records; each line needs id, claim, label")
    kind: Literal["claims", "pairs"] = (
        "pairs" if isinstance(records[0][1].get("evidence"), str) else "claims")
    cases: list[Any] = []
    seen: set[str] = set()
    for number, record in records:
        where = f"{path} line {number}"
        case = _pair_case(record, where) if kind == "pairs" else _claim_case(record, where)
        if case.id in seen:
            raise DatasetError(f"{where}: duplicate id '{case.id}'; give each line a unique id")
        seen.add(case.id)
        cases.append(case)
    return EvalSet(path, kind, tuple(cases))


def _common(record: dict[str, Any], where: str) -> tuple[str, str, Label]:
    values = []
    for name in ("id", "claim", "label"):
        value = record.get(name)
        if isinstance(value, int) and not isinstance(value, bool) and name == "id":
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            raise DatasetError(f"{where}: missing or empty field '{name}' (needs id, claim, "
                               "label)")
        values.append(value.strip())
    try:
        label = Label(values[2].lower())
    except ValueError:
        raise DatasetError(f"{where}: label '{values[2]}' is not one of "
                           f"{', '.join(x.value for x in Label)}") from None
    return values[0], values[1], label


def _claim_case(record: dict[str, Any], where: str) -> ClaimCase:
    case_id, claim, label = _common(record, where)
    evidence = record.get("evidence") or []
    if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
        raise DatasetError(f"{where}: 'evidence' must be a list of passage ids in a claims file "
                           "(a string means a pairs file: put pairs in their own file)")
    article = record.get("article")
    return ClaimCase(case_id, claim, label, tuple(evidence),
                     article if isinstance(article, str) and article else case_id)


def _pair_case(record: dict[str, Any], where: str) -> PairCase:
    case_id, claim, label = _common(record, where)
    evidence = record.get("evidence")
    if not isinstance(evidence, str) or not evidence.strip():
        raise DatasetError(f"{where}: 'evidence' must be the passage text in a pairs file")
    return PairCase(case_id, claim, evidence.strip(), label)


def as_claim(case: ClaimCase | PairCase) -> Claim:
    """The case as a pipeline claim (the whole text is one claim, fully check-worthy)."""
    article = case.article if isinstance(case, ClaimCase) else case.id
    return Claim(case.id, article, case.claim, 0, (Span(0, len(case.claim)),), 1.0)


def embed_cached(texts: Sequence[str], embedder: Embedder,
                 cache_dir: Path | None) -> np.ndarray:
    """Embeddings of ``texts`` (row i for ``texts[i]``), reusing the evidence embedding cache."""
    unique = list(dict.fromkeys(texts))
    if not unique:
        return np.zeros((0, 0), dtype=np.float32)
    passages = tuple(Passage(str(i), text, "", None, None, None, "")
                     for i, text in enumerate(unique))
    index, _ = build_index(Corpus(passages, (), ""), embedder, cache_dir=cache_dir)
    row = {text: i for i, text in enumerate(unique)}
    return index.vectors[[row[text] for text in texts]]


def pair_hits(cases: Sequence[PairCase], embedder: Embedder, *, cache_dir: Path | None,
              lexical_weight: float) -> list[list[Hit]]:
    """Each pair's evidence as a single rank-1 hit, scored as retrieval would score it.

    Args:
        cases: the pairs.
        embedder: embeds claims and passages (cosine = dot product of the normalised rows).
        cache_dir: embedding cache folder (``None``: no cache).
        lexical_weight: BM25 share of the fused score, as in retrieval.

    Returns:
        One single-hit list per pair; BM25 is computed against every distinct passage of the file.
    """
    if not cases:
        return []
    passages_text = list(dict.fromkeys(case.evidence for case in cases))
    position = {text: i for i, text in enumerate(passages_text)}
    bm25 = BM25([tokenize(text) for text in passages_text])
    vectors = embed_cached([c.claim for c in cases] + passages_text, embedder, cache_dir)
    claim_vectors, passage_vectors = vectors[: len(cases)], vectors[len(cases):]
    hits = []
    for row, case in enumerate(cases):
        column = position[case.evidence]
        dense = float(claim_vectors[row] @ passage_vectors[column])
        lexical = float(bm25.scores(tokenize(case.claim))[column])
        passage = Passage(f"{case.id}-evidence", case.evidence, "given evidence", None, None,
                          None, f"pair {case.id}")
        score = (1 - lexical_weight) * dense + lexical_weight * lexical
        hits.append([Hit(passage, 1, score, dense, lexical)])
    return hits


def score(gold: Sequence[Label], predicted: Sequence[Label], *, seconds: float = 0.0,
          evidence_recall: float | None = None,
          confidences: Sequence[float] | None = None) -> Scores:
    """Accuracy, macro-F1, per-label precision/recall/F1/support, the confusion matrix and,
    given the verdicts' ``confidences``, their expected calibration error."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    confusion = {g: {p: 0 for p in Label} for g in Label}
    for g, p in zip(gold, predicted, strict=True):
        confusion[g][p] += 1
    matrix = np.array([[confusion[g][p] for p in Label] for g in Label])
    precision, recall, f1, macro = f1_scores(matrix)
    per_label = {label: LabelScores(float(precision[i]), float(recall[i]), float(f1[i]),
                                    int(matrix[i].sum()))
                 for i, label in enumerate(Label)}
    n = len(gold)
    return Scores(
        n=n,
        accuracy=sum(confusion[label][label] for label in Label) / n if n else 0.0,
        macro_f1=macro,
        per_label=per_label,
        confusion=confusion,
        evidence_recall=evidence_recall,
        claims_per_second=n / seconds if seconds > 0 else 0.0,
        seconds=seconds,
        ece=(None if confidences is None else
             expected_calibration_error(confidences, [g == p for g, p in
                                                      zip(gold, predicted, strict=True)])),
    )


def expected_calibration_error(confidences: Sequence[float], correct: Sequence[bool],
                               bins: int = 10) -> float:
    """How far stated confidence is from the share right: the mean over ten equal-width
    confidence bins of |accuracy - mean confidence|, weighted by the bin's size."""
    if not confidences:
        return 0.0
    conf = np.clip(np.asarray(confidences, dtype=np.float64), 0.0, 1.0)
    right = np.asarray(correct, dtype=np.float64)
    index = np.minimum((conf * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        members = index == b
        if members.any():
            total += members.sum() * abs(right[members].mean() - conf[members].mean())
    return float(total / len(conf))


def f1_scores(confusion: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Per-label precision, recall and F1 of a confusion matrix, and the macro-F1.

    Args:
        confusion: ``(k, k)`` counts, rows gold labels, columns predicted labels.

    Returns:
        Precision, recall and F1 per label (0 where undefined), and their macro-F1: the mean F1
        of the labels that occur in the gold or the predictions (as scikit-learn does), so a pairs
        file without "unverified" gold is not scored on a label it cannot have.
    """
    k = len(confusion)
    true_positive = np.diag(confusion).astype(float)
    support, predicted_count = confusion.sum(axis=1), confusion.sum(axis=0)
    present = (support + predicted_count) > 0
    precision = np.divide(true_positive, predicted_count, out=np.zeros(k),
                          where=predicted_count > 0)
    recall = np.divide(true_positive, support, out=np.zeros(k), where=support > 0)
    f1 = np.divide(2 * precision * recall, precision + recall, out=np.zeros(k),
                   where=precision + recall > 0)
    return precision, recall, f1, float(f1[present].mean()) if present.any() else 0.0


def macro_f1(gold: np.ndarray, predicted: np.ndarray, labels: int) -> float:
    """The macro-F1 of :func:`score`, on label indices ``0 .. labels - 1`` (fast, for training)."""
    confusion = np.bincount(gold * labels + predicted, minlength=labels * labels)
    return f1_scores(confusion.reshape(labels, labels))[3]


def evidence_recall(cases: Sequence[ClaimCase], hits: Sequence[Sequence[Hit]]) -> float | None:
    """Mean share of each claim's gold passages among its retrieved hits (claims with gold ids)."""
    shares = [
        len(set(case.gold_evidence) & {h.passage.id for h in found}) / len(case.gold_evidence)
        for case, found in zip(cases, hits, strict=True) if case.gold_evidence
    ]
    return sum(shares) / len(shares) if shares else None


def evaluate(
    eval_set: EvalSet,
    judge: Judge,
    embedder: Embedder,
    *,
    evidence: str | Path | Corpus | None = None,
    settings: Settings | None = None,
) -> Evaluation:
    """Judge every case of ``eval_set`` and score the verdicts against the gold labels.

    Args:
        eval_set: from :func:`load_cases`.
        judge: the judge to evaluate (see :func:`factcheck.judging.registry.make_judge`).
        embedder: the embedding model used for retrieval and pair similarity.
        evidence: the corpus to retrieve from; required for a claims file, unused for pairs.
        settings: retrieval settings (``top_k``, ``lexical_weight``, ``cache_dir``).

    Returns:
        The scores and every verdict, in case order.

    Raises:
        DatasetError: a claims file without ``evidence``.
    """
    hits, seconds = collect_hits(eval_set, embedder, evidence=evidence, settings=settings)
    return judge_cases(eval_set, hits, judge, retrieval_seconds=seconds)


def collect_hits(eval_set: EvalSet, embedder: Embedder, *,
                 evidence: str | Path | Corpus | None = None,
                 settings: Settings | None = None) -> tuple[list[list[Hit]], float]:
    """The hits of every case (retrieved for claims, the given passage for pairs) and the time
    that took, not counting building the index or loading the model.

    Raises:
        DatasetError: a claims file without ``evidence``.
    """
    settings = settings or Settings()
    if eval_set.kind == "claims":
        if evidence is None:
            raise DatasetError(f"{eval_set.path}: a claims file is checked against a corpus; "
                               "pass --evidence CORPUS")
        checker = Checker(evidence, settings, embedder=embedder, judge=RulesJudge(settings))
        checker.index  # noqa: B018 - index building is set-up, not part of the timed check
        embedder.embed(["warm-up"])
        started = time.perf_counter()
        hits = checker.retrieve([as_claim(case) for case in eval_set.cases])
    else:
        embedder.embed(["warm-up"])
        started = time.perf_counter()
        hits = pair_hits(eval_set.cases, embedder,  # type: ignore[arg-type]
                         cache_dir=settings.cache_dir, lexical_weight=settings.lexical_weight)
    return hits, time.perf_counter() - started


def judge_cases(eval_set: EvalSet, hits: Sequence[Sequence[Hit]], judge: Judge, *,
                retrieval_seconds: float = 0.0) -> Evaluation:
    """Judge every case from its hits and score; the speed counts retrieval plus judging."""
    claims = [as_claim(case) for case in eval_set.cases]
    started = time.perf_counter()
    if isinstance(judge, NameUser):  # names of every claim and passage in one batch
        judge.names.prepare([c.text for c in claims]
                            + [h.passage.text for found in hits for h in found])
    verdicts = tuple(judge.judge(claim, found) for claim, found in zip(claims, hits, strict=True))
    seconds = retrieval_seconds + time.perf_counter() - started
    recall = (evidence_recall(eval_set.cases, hits)  # type: ignore[arg-type]
              if eval_set.kind == "claims" else None)
    scores = score([c.label for c in eval_set.cases], [v.label for v in verdicts],
                   seconds=seconds, evidence_recall=recall,
                   confidences=[v.confidence for v in verdicts])
    return Evaluation(eval_set, judge.name, scores, verdicts)


def format_scores(evaluation: Evaluation) -> str:
    """A plain-text report: headline scores, per-label table and confusion matrix."""
    s = evaluation.scores
    lines = [
        f"{evaluation.eval_set.path} ({evaluation.eval_set.kind}, {s.n} cases), "
        f"judge {evaluation.judge}",
        f"accuracy   {s.accuracy:.3f}",
        f"macro-F1   {s.macro_f1:.3f}",
    ]
    if s.ece is not None:
        lines.append(f"ECE        {s.ece:.3f} (confidence against the share right)")
    if s.evidence_recall is not None:
        lines.append(f"evidence recall@k {s.evidence_recall:.3f}")
    lines.append(f"speed      {s.claims_per_second:.1f} claims/s ({s.seconds:.1f}s)")
    lines += ["", f"{'label':<14}{'precision':>10}{'recall':>10}{'F1':>10}{'support':>10}"]
    for label, ls in s.per_label.items():
        lines.append(f"{label.value:<14}{ls.precision:>10.3f}{ls.recall:>10.3f}{ls.f1:>10.3f}"
                     f"{ls.support:>10}")
    lines += ["", "confusion (rows gold, columns predicted)",
              f"{'':<14}" + "".join(f"{label.value:>14}" for label in Label)]
    for gold, row in s.confusion.items():
        lines.append(f"{gold.value:<14}" + "".join(f"{row[p]:>14}" for p in Label))
    return "\n".join(lines)


def evaluate_file(path: str | Path, *, evidence: str | Path | None = None,
                  settings: Settings | None = None, judge: Judge | None = None,
                  embedder: Embedder | None = None) -> Evaluation:
    """Load ``path`` and evaluate the judge named by ``settings.judge`` (or ``judge``) on it.

    Args:
        path: a claims or pairs file.
        evidence: the corpus for a claims file.
        settings: judge spec, retrieval settings and model (defaults if ``None``).
        judge: a ready judge instead of ``settings.judge``.
        embedder: a ready embedder instead of ``settings.model``.

    Returns:
        The scores and verdicts.
    """
    settings = settings or Settings()
    eval_set = load_cases(path)
    if eval_set.kind == "claims" and evidence is None:
        raise DatasetError(f"{eval_set.path}: a claims file is checked against a corpus; "
                           "pass --evidence CORPUS")
    return evaluate(eval_set, judge or make_judge(settings.judge, settings),
                    embedder or make_embedder(settings), evidence=evidence, settings=settings)
