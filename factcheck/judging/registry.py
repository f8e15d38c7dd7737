"""Pluggable judges chosen by a spec: ``rules``, ``learned``, ``nli:<model>``, ``llm:<url>``.

Every judge implements :class:`factcheck.judging.rules.Judge` and returns the same :class:`Verdict`
(label, confidence, evidence hits, rationale), so reports and evaluation do not care which decided.

- ``rules``: the offline rules judge (:class:`factcheck.judging.rules.RulesJudge`).
- ``learned`` (the default) or ``learned:<model.json>``: the learned verifier
  (:mod:`factcheck.judging.learned`), shipped as ``factcheck/models/verifier-v1.json``.
- ``nli:<hub id or local folder>``: a sentence-transformers ``CrossEncoder`` trained for natural
  language inference; its ``id2label`` is mapped to the three labels whatever their order and
  spelling (entailment/neutral/contradiction, supports/refutes/not enough info...).
- ``llm:<base url>``: a chat model behind an OpenAI-compatible ``/chat/completions`` endpoint.
  The key comes from ``$FACTCHECK_LLM_API_KEY`` (optional for local servers), the model name from
  the ``llm_model`` setting. This is the only judge that uses the network; every request has a
  timeout and a response size limit, failures are retried with backoff, and an unusable answer
  becomes ``unverified`` with the reason.
- ``similarity:<low>,<high>``: the similarity-threshold baseline (for benchmarks).
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.errors import ConfigError, ModelError
from factcheck.judging.learned import LearnedJudge, load_model
from factcheck.judging.rules import Judge, RulesJudge
from factcheck.records import Claim, Hit, Label, Verdict
from factcheck.settings import Settings

if TYPE_CHECKING:
    import httpx

JUDGE_KINDS = ("rules", "learned", "nli", "llm", "similarity")
"""The judge spec prefixes :func:`make_judge` understands."""

API_KEY_ENV = "FACTCHECK_LLM_API_KEY"
"""Environment variable holding the LLM API key (never read from config files)."""


def make_judge(spec: str, settings: Settings | None = None) -> Judge:
    """Build the judge named by ``spec``.

    Args:
        spec: ``rules``, ``learned[:<model.json>]``, ``nli:<hub id or path>``, ``llm:<base url>``
            or ``similarity:<low>,<high>``.
        settings: thresholds, model names and timeouts (defaults if ``None``).

    Returns:
        A ready judge; models load lazily, on the first claim.

    Raises:
        ConfigError: an unknown or malformed spec.
        ModelError: the learned model file is missing or invalid.
    """
    settings = settings or Settings()
    kind, _, argument = spec.strip().partition(":")
    kind = kind.lower()
    if kind == "rules" and not argument:
        return RulesJudge(settings)
    if kind == "learned":
        return LearnedJudge(load_model(Path(argument) if argument else None), settings)
    if kind == "nli" and argument:
        return NLIJudge(argument, settings)
    if kind == "llm" and argument:
        if not re.match(r"^https?://[^\s/]+", argument):
            raise ConfigError(f"judge '{spec}': the LLM base URL must start with http:// or "
                              "https://, e.g. llm:http://localhost:8000/v1")
        return LLMJudge(argument, settings)
    if kind == "similarity":
        try:
            low, high = (float(x) for x in (argument or "0.5,0.7").split(","))
        except ValueError:
            raise ConfigError(f"judge '{spec}': write similarity:<low>,<high>, "
                              "e.g. similarity:0.5,0.7") from None
        return SimilarityJudge(low, high)
    raise ConfigError(
        f"unknown judge '{spec}'; use rules, learned, learned:<model.json>, "
        "nli:<hub id or local folder>, llm:<base url> or similarity:<low>,<high>"
    )


def _unverified(claim: Claim, hits: Sequence[Hit], reason: str, judge: str,
                confidence: float = 0.5) -> Verdict:
    return Verdict(claim, Label.UNVERIFIED, round(confidence, 4), tuple(hits[:2]), reason, judge)


class SimilarityJudge:
    """The baseline: top-passage cosine ``>= high`` supported, ``>= low`` contradicted, else not.

    It reads nothing but the similarity of the best passage, so it shows how much the other
    judges add over retrieval alone.
    """

    def __init__(self, low: float, high: float) -> None:
        if not low <= high:
            raise ConfigError(f"similarity judge: low {low} must not exceed high {high}")
        self.low, self.high = low, high
        self.name = f"similarity:{low:g},{high:g}"

    def judge(self, claim: Claim, hits: Sequence[Hit]) -> Verdict:
        """Label ``claim`` by the cosine similarity of its best passage alone."""
        best = max(hits, key=lambda h: h.dense, default=None)
        if best is None or best.dense < self.low:
            similarity = best.dense if best else 0.0
            return _unverified(claim, hits, f"best similarity {similarity:.2f} < {self.low:g}",
                               self.name)
        label = Label.SUPPORTED if best.dense >= self.high else Label.CONTRADICTED
        rationale = (f"best similarity {best.dense:.2f} "
                     f"{'>=' if label is Label.SUPPORTED else '<'} {self.high:g}")
        return Verdict(claim, label, 0.5, (best,), rationale, self.name)


# --- NLI cross-encoder -------------------------------------------------------------------------

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
            return _unverified(claim, hits, "the evidence corpus has no passages to compare with",
                               self.name, 0.9)
        rows = self.probabilities(claim.text, hits)
        decisive = [
            (row[label], label, hit) for row, hit in zip(rows, hits, strict=True)
            for label in (Label.SUPPORTED, Label.CONTRADICTED)
            if row[label] >= max(row.values())
        ]
        if not decisive:
            best = max(row[Label.UNVERIFIED] for row in rows)
            return _unverified(claim, hits, "the NLI model finds every passage neutral "
                               f"(neutral probability up to {best:.2f})", self.name, best)
        probability, label, hit = max(decisive, key=lambda d: d[0])
        alike = [h for p, lab, h in sorted(decisive, key=lambda d: -d[0])
                 if lab is label and h is not hit]
        verb = "entails" if label is Label.SUPPORTED else "contradicts"
        rationale = (f"passage {hit.passage.id} ({hit.passage.source}) {verb} the claim "
                     f"(probability {probability:.2f})")
        return Verdict(claim, label, round(probability, 4), (hit, *alike[:2]), rationale,
                       self.name)


# --- LLM over an OpenAI-compatible chat-completions endpoint -------------------------------------

_SYSTEM_PROMPT = """You are a careful fact-checker. Judge the claim only by the numbered evidence \
passages, never by outside knowledge. Answer with one JSON object and nothing else:
{"label": "supported" | "contradicted" | "unverified",
 "confidence": a number from 0 to 1,
 "passage": the number of the passage you quote (0 if none),
 "evidence": an exact quote copied from that passage that decides the label ("" if unverified),
 "rationale": one sentence saying why}
Use "supported" only if a passage states what the claim says, "contradicted" only if a passage \
states something incompatible with it (a different figure, date, name or the opposite), and \
"unverified" otherwise."""

MAX_RESPONSE_BYTES = 1_000_000
"""Larger LLM responses are refused (a chat answer is a few hundred bytes)."""


class UnusableAnswer(Exception):  # noqa: N818 - internal signal, never reaches a user
    """The LLM's answer cannot be used; the message says why. Internal: becomes a retry."""


class LLMJudge:
    """A chat model judges each claim from the retrieved passages, answering in strict JSON.

    Transient failures (timeouts, connection errors, 429 and 5xx, malformed answers) are retried
    up to ``llm_retries`` times with exponential backoff; if every attempt fails the claim is
    ``unverified`` and the rationale says why. A refused key or a wrong URL (401, 403, 404) raises
    :class:`ModelError`, since no claim could be judged.
    """

    def __init__(self, base_url: str, settings: Settings | None = None, *,
                 api_key: str | None = None, client: httpx.Client | None = None,
                 sleep: Callable[[float], None] = time.sleep, backoff: float = 1.0) -> None:
        self.settings = settings or Settings()
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.name = f"llm:{self.settings.llm_model}"
        self.api_key = api_key if api_key is not None else os.environ.get(API_KEY_ENV, "")
        self._client = client
        self._sleep = sleep
        self.backoff = backoff

    @property
    def client(self) -> httpx.Client:
        """The HTTP client (created on first use, with the configured timeout)."""
        if self._client is None:
            import httpx

            self._client = httpx.Client(timeout=httpx.Timeout(self.settings.llm_timeout))
        return self._client

    def judge(self, claim: Claim, hits: Sequence[Hit]) -> Verdict:
        """Ask the model about ``claim``; ``unverified`` with the reason if no usable answer."""
        if not hits:
            return _unverified(claim, hits, "the evidence corpus has no passages to compare with",
                               self.name, 0.9)
        messages = [{"role": "system", "content": _SYSTEM_PROMPT},
                    {"role": "user", "content": _user_prompt(claim.text, hits)}]
        problem = ""
        for attempt in range(self.settings.llm_retries + 1):
            if attempt:
                self._sleep(self.backoff * 2 ** (attempt - 1))
            try:
                return self._verdict(claim, hits, self._ask(messages))
            except UnusableAnswer as exc:
                problem = str(exc)
        tries = self.settings.llm_retries + 1
        return _unverified(claim, hits, f"no usable answer from the LLM after {tries} "
                           f"attempt(s): {problem}", self.name, 0.0)

    def _ask(self, messages: list[dict[str, str]]) -> dict[str, Any]:
        import httpx

        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        body = {"model": self.settings.llm_model, "messages": messages, "temperature": 0,
                "response_format": {"type": "json_object"}}
        try:
            with self.client.stream("POST", self.url, json=body, headers=headers) as response:
                if response.status_code in (401, 403):
                    raise ModelError(f"LLM server {self.url} refused the request "
                                     f"({response.status_code}); set ${API_KEY_ENV} to a "
                                     "valid key")
                if response.status_code == 404:
                    raise ModelError(f"LLM server has no {self.url} (404) or no model "
                                     f"'{self.settings.llm_model}'; pass the base URL ending "
                                     "in /v1 and set llm_model")
                if response.status_code != 200:
                    raise UnusableAnswer(f"HTTP {response.status_code} from {self.url}")
                raw = bytearray()
                for chunk in response.iter_bytes():
                    raw.extend(chunk)
                    if len(raw) > MAX_RESPONSE_BYTES:
                        raise UnusableAnswer(f"response larger than {MAX_RESPONSE_BYTES} bytes")
        except httpx.TimeoutException:
            raise UnusableAnswer(f"timed out after {self.settings.llm_timeout:g}s") from None
        except httpx.TransportError as exc:
            raise UnusableAnswer(f"cannot reach {self.url} ({exc.__class__.__name__})") from None
        try:
            payload = json.loads(raw)
            content = payload["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            raise UnusableAnswer("not a chat-completions response") from None
        if not isinstance(content, str):
            raise UnusableAnswer("the message content is not text")
        return parse_answer(content)

    def _verdict(self, claim: Claim, hits: Sequence[Hit], answer: dict[str, Any]) -> Verdict:
        label: Label = answer["label"]
        quote: str = answer["evidence"]
        quoted = _find_quote(quote, answer["passage"], hits) if quote else None
        if label is not Label.UNVERIFIED and quoted is None:
            raise UnusableAnswer("the quoted evidence is not in any passage"
                                 if quote else f"a '{label.value}' answer without a quote")
        ordered = ((quoted, *(h for h in hits if h is not quoted)) if quoted is not None
                   else tuple(hits))
        rationale = answer["rationale"]
        if quoted is not None:
            rationale += f' (quoting {quoted.passage.source}: "{quote}")'
        keep = 3 if label is not Label.UNVERIFIED else 2
        return Verdict(claim, label, round(answer["confidence"], 4), tuple(ordered[:keep]),
                       rationale, self.name)


def _user_prompt(claim_text: str, hits: Sequence[Hit]) -> str:
    lines = [f"Claim: {claim_text}", "", "Evidence passages:"]
    for number, hit in enumerate(hits, start=1):
        passage = hit.passage
        where = ", ".join(x for x in (passage.source, passage.published) if x)
        lines.append(f"[{number}] ({where}) {passage.text}")
    return "\n".join(lines)


def parse_answer(content: str) -> dict[str, Any]:
    """Validate the model's JSON answer: label, confidence in [0, 1], quote, passage, rationale.

    Raises:
        UnusableAnswer: naming what is wrong (not JSON, unknown label, bad confidence...).
    """
    text = content.strip()
    fenced = re.fullmatch(r"```(?:json)?\s*(.*?)\s*```", text, re.DOTALL)
    if fenced:
        text = fenced.group(1)
    try:
        data = json.loads(text)
    except ValueError:
        raise UnusableAnswer(f"the answer is not JSON: {content[:80]!r}") from None
    if not isinstance(data, dict):
        raise UnusableAnswer("the answer is not a JSON object")
    try:
        label = Label(str(data.get("label", "")).strip().lower())
    except ValueError:
        raise UnusableAnswer(f"unknown label {data.get('label')!r}") from None
    confidence = data.get("confidence")
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) \
            or not 0.0 <= confidence <= 1.0:
        raise UnusableAnswer(f"confidence {confidence!r} is not a number from 0 to 1")
    evidence = data.get("evidence", "")
    rationale = data.get("rationale", "")
    passage = data.get("passage", 0)
    if not isinstance(evidence, str) or not isinstance(rationale, str):
        raise UnusableAnswer("'evidence' and 'rationale' must be strings")
    if isinstance(passage, bool) or not isinstance(passage, int):
        passage = 0
    return {"label": label, "confidence": float(confidence), "evidence": evidence.strip(),
            "passage": passage, "rationale": rationale.strip() or "(no rationale given)"}


def _find_quote(quote: str, number: int, hits: Sequence[Hit]) -> Hit | None:
    """The hit whose text contains ``quote`` (whitespace and case folded), preferring ``number``."""
    wanted = _fold(quote.strip(" \"'“”‘’."))
    if not wanted:
        return None
    preferred = [hits[number - 1]] if 1 <= number <= len(hits) else []
    return next((h for h in [*preferred, *hits] if wanted in _fold(h.passage.text)), None)


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").replace("“", '"').replace("”", '"').split())
