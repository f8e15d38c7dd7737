"""An NLI cross-encoder as judge (``nli:<hub id or folder>``), when its weights can be installed.

Its ``id2label`` is mapped to the three labels whatever their order and spelling
(entailment/neutral/contradiction, supports/refutes/not enough info...).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from factcheck.errors import ModelError
from factcheck.judging.base import unverified
from factcheck.records import Claim, Hit, Label, Verdict
from factcheck.settings import Settings

_LABEL_WORDS = {
    Label.SUPPORTED: ("entail", "support", "true", "agree"),
    Label.CONTRADICTED: ("contradict", "refute", "false", "disagree", "contrad"),
    Label.UNVERIFIED: ("neutral", "notenoughinfo", "nei", "unverified", "notentail",
                       "nonentail", "unrelated", "unknown"),
}


def map_nli_labels(id2label: dict[int, str] | dict[str, str]) -> dict[int, Label]:
    """Map a model's ``id2label`` to verdict labels, whatever the order and spelling.

    ``{0: "CONTRADICTION", 1: "ENTAILMENT", 2: "NEUTRAL"}`` becomes
    ``{0: CONTRADICTED, 1: SUPPORTED, 2: UNVERIFIED}``; "not_entailment" counts as neutral.

    Raises:
        ModelError: a label cannot be mapped, two ids map to one label, or entailment is absent.
    """
    mapping: dict[int, Label] = {}
    for key, name in id2label.items():
        squashed = re.sub(r"[^a-z]", "", str(name).lower())
        # "not_entailment" must not be read as entailment: test the neutral words first.
        found = next((label for label in (Label.UNVERIFIED, Label.CONTRADICTED, Label.SUPPORTED)
                      if any(squashed.startswith(w) for w in _LABEL_WORDS[label])), None)
        if found is None or found in mapping.values():
            raise ModelError(
                f"cannot map the model's labels {dict(id2label)} to entailment / neutral / "
                "contradiction; use an NLI cross-encoder whose config names its labels"
            )
        mapping[int(key)] = found
    if Label.SUPPORTED not in mapping.values():
        raise ModelError(f"the model's labels {dict(id2label)} have no entailment class; "
                         "use an NLI cross-encoder (e.g. trained on MNLI or FEVER)")
    return mapping


class NLIJudge:
    """A natural-language-inference cross-encoder reads each passage (premise) with the claim.

    The decisive passage is the one with the highest entailment or contradiction probability;
    when neutral wins on every passage the claim is ``unverified``.
    """

    def __init__(self, model: str, settings: Settings | None = None, *,
                 batch_size: int = 16) -> None:
        self.model_name = model
        self.settings = settings or Settings()
        self.batch_size = batch_size
        self.name = f"nli:{model}"
        self._model: Any = None
        self._labels: dict[int, Label] = {}

    def load(self) -> None:
        """Load the cross-encoder now (otherwise the first claim does)."""
        if self._model is not None:
            return
        local = Path(self.model_name).expanduser().exists()
        try:
            from sentence_transformers import CrossEncoder

            model = CrossEncoder(
                str(Path(self.model_name).expanduser()) if local else self.model_name,
                local_files_only=local or not self.settings.allow_download,
            )
        except ImportError as exc:
            raise ModelError("sentence-transformers is not installed; run: pip install "
                             "sentence-transformers") from exc
        except Exception as exc:  # HF raises OSError, ValueError, its own errors
            hint = ("check the folder holds a cross-encoder (config.json, weights, tokenizer)"
                    if local else "pass a local folder, or --allow-download to fetch a hub model")
            raise ModelError(f"cannot load NLI model '{self.model_name}': {hint} ({exc})") from exc
        self._labels = map_nli_labels(model.config.id2label)
        self._model = model

    def probabilities(self, claim_text: str, hits: Sequence[Hit]) -> list[dict[Label, float]]:
        """Label probabilities of each hit (premise = passage, hypothesis = claim)."""
        self.load()
        pairs = [(hit.passage.text, claim_text) for hit in hits]
        scores = self._model.predict(pairs, batch_size=self.batch_size, apply_softmax=True,
                                     show_progress_bar=False)
        rows = []
        for row in scores:
            probabilities = dict.fromkeys(Label, 0.0)
            for index, value in enumerate(row):
                probabilities[self._labels[index]] += float(value)
            rows.append(probabilities)
        return rows

    def judge(self, claim: Claim, hits: Sequence[Hit]) -> Verdict:
        """Label ``claim`` by the most decisive passage; ``unverified`` if neutral wins on all."""
        if not hits:
            return unverified(claim, hits, "the evidence corpus has no passages to compare with",
                               self.name, 0.9)
        rows = self.probabilities(claim.text, hits)
        decisive = [
            (row[label], label, hit) for row, hit in zip(rows, hits, strict=True)
            for label in (Label.SUPPORTED, Label.CONTRADICTED)
            if row[label] >= max(row.values())
        ]
        if not decisive:
            best = max(row[Label.UNVERIFIED] for row in rows)
            return unverified(claim, hits, "the NLI model finds every passage neutral "
                               f"(neutral probability up to {best:.2f})", self.name, best)
        probability, label, hit = max(decisive, key=lambda d: d[0])
        alike = [h for p, lab, h in sorted(decisive, key=lambda d: -d[0])
                 if lab is label and h is not hit]
        verb = "entails" if label is Label.SUPPORTED else "contradicts"
        rationale = (f"passage {hit.passage.id} ({hit.passage.source}) {verb} the claim "
                     f"(probability {probability:.2f})")
        return Verdict(claim, label, round(probability, 4), (hit, *alike[:2]), rationale,
                       self.name)
