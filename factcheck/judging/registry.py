"""The judge registry: every judge kind and its factory, chosen by a spec such as ``learned``.

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

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import ConfigError
from factcheck.judging.base import Judge
from factcheck.judging.calibration import load_calibration
from factcheck.judging.learned import LearnedJudge, load_model
from factcheck.judging.llm import LLMJudge
from factcheck.judging.nli import NLIJudge
from factcheck.judging.rules import RulesJudge
from factcheck.judging.similarity import SimilarityJudge
from factcheck.judging.unsaid import load_unsaid
from factcheck.settings import Settings

JudgeFactory = Callable[[str, str, Settings], Judge]
"""Builds a judge from its spec, the argument after ``kind:`` (may be empty) and the settings."""


@dataclass(frozen=True, slots=True)
class JudgeKind:
    """One registered kind of judge: its name, spec syntax, one-line help and factory."""

    name: str
    syntax: str
    help: str
    factory: JudgeFactory


JUDGES: dict[str, JudgeKind] = {}
"""Every judge kind by name; built-ins register through :func:`register_judge` like plugins."""


def register_judge(name: str, syntax: str, help: str, factory: JudgeFactory) -> None:
    """Add a judge kind (a plugin's or a built-in) under ``name``."""
    JUDGES[name] = JudgeKind(name, syntax, help, factory)


def judge_help() -> str:
    """The judge choices as the CLI's help lists them."""
    return ", ".join(f"{kind.syntax} ({kind.help})" for kind in JUDGES.values())


def make_judge(spec: str, settings: Settings | None = None) -> Judge:
    """Build the judge named by ``spec``.

    Args:
        spec: ``kind`` or ``kind:argument``, a registered kind: ``rules``,
            ``learned[:<model.json>]``, ``nli:<hub id or path>``, ``llm:<base url>`` or
            ``similarity:<low>,<high>``.
        settings: thresholds, model names and timeouts (defaults if ``None``).

    Returns:
        A ready judge; models load lazily, on the first claim.

    Raises:
        ConfigError: an unknown or malformed spec.
        ModelError: the learned model file is missing or invalid.
    """
    settings = settings or Settings()
    kind = check_judge_spec(spec)
    return kind.factory(spec, spec.strip().partition(":")[2], settings)


def check_judge_spec(spec: str) -> JudgeKind:
    """The registered kind ``spec`` names, or a :class:`ConfigError` listing the kinds."""
    kind = JUDGES.get(spec.strip().partition(":")[0].lower())
    if kind is None:
        raise ConfigError(f"unknown judge '{spec}'; use "
                          + ", ".join(k.syntax for k in JUDGES.values()))
    return kind


def _rules(spec: str, argument: str, settings: Settings) -> Judge:
    if argument:
        raise ConfigError(f"judge '{spec}': the rules judge takes no argument; write rules")
    return RulesJudge(settings, calibration=load_calibration())


def _learned(spec: str, argument: str, settings: Settings) -> Judge:
    # A model of one's own is not calibrated by the shipped calibration: its scores are its own.
    calibration = None if argument else load_calibration()
    return LearnedJudge(load_model(Path(argument) if argument else None), settings,
                        calibration=calibration, unsaid=load_unsaid())


def _nli(spec: str, argument: str, settings: Settings) -> Judge:
    if not argument:
        raise ConfigError(f"judge '{spec}': name the model, e.g. nli:path/to/cross-encoder")
    return NLIJudge(argument, settings)


def _llm(spec: str, argument: str, settings: Settings) -> Judge:
    if not re.match(r"^https?://[^\s/]+", argument):
        raise ConfigError(f"judge '{spec}': the LLM base URL must start with http:// or "
                          "https://, e.g. llm:http://localhost:8000/v1")
    return LLMJudge(argument, settings)


def _similarity(spec: str, argument: str, settings: Settings) -> Judge:
    try:
        low, high = (float(x) for x in (argument or "0.5,0.7").split(","))
    except ValueError:
        raise ConfigError(f"judge '{spec}': write similarity:<low>,<high>, "
                          "e.g. similarity:0.5,0.7") from None
    return SimilarityJudge(low, high)


register_judge("learned", "learned[:MODEL.json]", "default", _learned)
register_judge("rules", "rules", "exact comparisons only", _rules)
register_judge("nli", "nli:HUB_ID_OR_FOLDER", "an NLI cross-encoder", _nli)
register_judge("llm", "llm:BASE_URL", "OpenAI-compatible; key in $FACTCHECK_LLM_API_KEY", _llm)
register_judge("similarity", "similarity:LOW,HIGH", "the cosine baseline", _similarity)
