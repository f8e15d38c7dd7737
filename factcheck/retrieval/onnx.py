"""A torch-free embedder: the sentence-transformers model exported to ONNX and run by onnxruntime.

The first use exports the model once (this step needs torch, transformers and onnx) into
``<cache_dir>/onnx/<model>/``: ``model.onnx`` (float32) and ``model-int8.onnx`` (weights
quantised per channel to 8 bits, dynamic activations). The export also embeds a fixed set of probe
sentences with the torch model and every ONNX variant and stores their cosine agreement in
``agreement.json``; a variant that agrees less than :data:`MIN_AGREEMENT` is refused. After that,
embedding needs only onnxruntime, tokenizers and numpy.

The float32 variant gives the torch model's vectors (cosine >= 0.9999) about 1.6x faster per core;
int8 agrees to about 0.99 (see :data:`MIN_AGREEMENT`) and is about 3.5x faster, so it gets its
own cache folder (its ``name`` ends in ``#onnx-int8``). Both need the ``scale`` extra.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np

from factcheck.errors import ModelError
from factcheck.files import atomic_path, locked
from factcheck.retrieval.embedding import resolve_model
from factcheck.retrieval.index import cache_folder
from factcheck.settings import DEFAULTS

Variant = Literal["onnx", "onnx-int8"]

MIN_AGREEMENT: dict[str, float] = {"onnx": 0.9999, "onnx-int8": 0.95}
"""Lowest allowed cosine between a variant's and the torch model's vector on any probe sentence.

int8 agrees to about 0.99 on sentences and 0.97 on a two-word text ("No."): dynamic quantisation
scales activations per batch, so very short texts and padding move its vectors most."""

_FILES = {"onnx": "model.onnx", "onnx-int8": "model-int8.onnx"}
_PROBES = (
    "Xiaomi's Beijing factory can produce 300,000 vehicles a year in total.",
    "In March 2021 Xiaomi said it would invest US$10 billion in electric vehicles over ten years.",
    "The weather in Paris was sunny on Tuesday.",
    "Apple cancelled its car project in February 2024 after a decade of work.",
    "Revenue fell 12% to 3.4 billion yuan in the second quarter.",
    "The SU7 went on sale on 28 March 2024 at a starting price of 215,900 yuan.",
    "Sony and Honda formed a joint venture, Sony Honda Mobility, in 2022.",
    "No.",
    "BYD sold more new-energy vehicles than Tesla in the last quarter of 2023, according to "
    "figures the two companies published in January, which analysts said marked a turning point "
    "for the Chinese industry and for the global market for battery electric cars.",
)


def onnx_available() -> bool:
    """Whether onnxruntime and tokenizers (what embedding needs at run time) are installed."""
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError:
        return False
    return True


class OnnxEmbedder:
    """A BERT-style sentence-transformers model run by onnxruntime, mean- or CLS-pooled, normalised.

    Args:
        model: as for :class:`factcheck.retrieval.embedding.SentenceTransformerEmbedder` (a local
            folder or ``all-MiniLM-L6-v2`` from its package).
        variant: ``onnx`` (float32) or ``onnx-int8``.
        cache_dir: where the exported model is kept (``<cache_dir>/onnx/...``).
        batch_size: texts per onnxruntime call (default: the ``batch_size`` setting).
        threads: intra-op threads (default ``None``: one per core).
    """

    def __init__(self, model: str, *, variant: Variant = "onnx", cache_dir: Path,
                 batch_size: int = DEFAULTS.batch_size, threads: int | None = None) -> None:
        if variant not in _FILES:
            raise ModelError(f"unknown ONNX variant '{variant}'; choose onnx or onnx-int8")
        self.model = model
        self.variant = variant
        self.name = model if variant == "onnx" else f"{model}#{variant}"
        self.cache_dir = Path(cache_dir)
        self.batch_size = batch_size
        self.threads = threads
        self.agreement: float | None = None
        self._session: Any = None
        self._tokenizer: Any = None
        self._pooling = "mean"
        self._dim = 0

    def load(self) -> None:
        """Export the model if needed, check its agreement, and open the onnxruntime session."""
        if self._session is not None:
            return
        if not onnx_available():
            raise ModelError("the ONNX encoder needs onnxruntime and tokenizers; run: "
                             "pip install 'factcheck[scale]' (or set encoder = \"torch\")")
        import onnxruntime
        from tokenizers import Tokenizer

        source, local = resolve_model(self.model)
        if not local:
            raise ModelError(f"the ONNX encoder needs a local model folder, not '{self.model}'; "
                             "pass --model PATH or use encoder = \"torch\"")
        folder = Path(source)
        target = export_folder(self.cache_dir, folder)
        agreement = export_onnx(folder, target)
        self.agreement = agreement[self.variant]
        if self.agreement < MIN_AGREEMENT[self.variant]:
            raise ModelError(
                f"the {self.variant} export of '{self.model}' agrees with the torch model only to "
                f"cosine {self.agreement:.4f} (need {MIN_AGREEMENT[self.variant]}); use "
                "encoder = \"onnx\" or \"torch\"")
        self._pooling, max_length, self._dim = _model_config(folder)
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = self.threads or 0
        options.inter_op_num_threads = 1
        # Busy-waiting threads steal cores from other processes (workers, other users).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._tokenizer = tokenizer
        self._session = onnxruntime.InferenceSession(
            str(target / _FILES[self.variant]), options, providers=["CPUExecutionProvider"])

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts`` (shortest first inside, so batches pad little), rows of unit length."""
        self.load()
        if not texts:
            return np.zeros((0, self._dim), dtype=np.float32)
        encodings = self._tokenizer.encode_batch(list(texts))
        order = np.argsort([len(e.ids) for e in encodings], kind="stable")
        out = np.empty((len(texts), self._dim), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            rows = order[start: start + self.batch_size]
            width = max(len(encodings[i].ids) for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for j, i in enumerate(rows):
                ids[j, : len(encodings[i].ids)] = encodings[i].ids
                mask[j, : len(encodings[i].ids)] = 1
            hidden = self._session.run(None, {"input_ids": ids, "attention_mask": mask,
                                              "token_type_ids": np.zeros_like(ids)})[0]
            out[rows] = _pool(hidden, mask, self._pooling)
        return out


def _pool(hidden: np.ndarray, mask: np.ndarray, pooling: str) -> np.ndarray:
    if pooling == "cls":
        vectors = hidden[:, 0]
    else:
        weights = mask[..., None].astype(np.float32)
        vectors = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def _model_config(folder: Path) -> tuple[str, int, int]:
    """Pooling mode, maximum tokens and dimension from a sentence-transformers folder."""
    try:
        modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
        pooling_path = next(m["path"] for m in modules if m["type"].endswith("Pooling"))
        pooling = json.loads((folder / pooling_path / "config.json").read_text(encoding="utf-8"))
        config = json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, StopIteration) as exc:
        raise ModelError(f"{folder}: not a sentence-transformers folder the ONNX encoder can read "
                         f"({exc}); use encoder = \"torch\"") from exc
    if pooling.get("pooling_mode_mean_tokens"):
        mode = "mean"
    elif pooling.get("pooling_mode_cls_token"):
        mode = "cls"
    else:
        raise ModelError(f"{folder}: the ONNX encoder supports mean or CLS pooling only; "
                         "use encoder = \"torch\"")
    return mode, int(config.get("max_seq_length") or 512), int(pooling["word_embedding_dimension"])


def export_folder(cache_dir: Path, model_folder: Path) -> Path:
    """Where the ONNX export of ``model_folder`` lives: keyed by its path and weights' size."""
    weights = sorted(model_folder.glob("*.safetensors")) + sorted(model_folder.glob("*.bin"))
    stamp = ",".join(f"{w.name}:{w.stat().st_size}" for w in weights)
    return cache_folder(Path(cache_dir) / "onnx", f"{model_folder.resolve()}|{stamp}")


def export_onnx(model_folder: Path, target: Path) -> dict[str, float]:
    """Export ``model_folder`` to ONNX (float32 and int8) in ``target`` once; return agreement.

    Safe to call from several processes: the export runs under a file lock and each file is
    written atomically. Returns the lowest probe cosine of each variant against torch.
    """
    target.mkdir(parents=True, exist_ok=True)
    report = target / "agreement.json"
    with locked(target / "lock"):
        if report.is_file() and all((target / f).is_file() for f in _FILES.values()):
            return json.loads(report.read_text(encoding="utf-8"))
        try:
            import onnx  # noqa: F401 - the exporter and quantiser need it
            import torch
            from onnxruntime.quantization import QuantType, quantize_dynamic
            from transformers import AutoModel
            from transformers.utils import logging as transformers_logging
        except ImportError as exc:
            raise ModelError(
                f"exporting the model to ONNX needs torch, transformers and onnx ({exc}); run: "
                "pip install 'factcheck[scale]'") from exc
        pooling, max_length, _ = _model_config(model_folder)
        transformers_logging.disable_progress_bar()  # our CLI shows its own progress
        model = _hidden_states(AutoModel.from_pretrained(str(model_folder)).eval())
        sample = torch.ones((2, 8), dtype=torch.long)
        with atomic_path(target / _FILES["onnx"]) as tmp, warnings.catch_warnings(), \
                contextlib.redirect_stdout(io.StringIO()):  # the exporter prints diagnostics
            warnings.simplefilter("ignore")
            torch.onnx.export(
                model, (sample, sample, torch.zeros_like(sample)), str(tmp),
                input_names=["input_ids", "attention_mask", "token_type_ids"],
                output_names=["last_hidden_state"],
                dynamic_axes={name: {0: "batch", 1: "tokens"} for name in
                              ("input_ids", "attention_mask", "token_type_ids",
                               "last_hidden_state")},
                opset_version=17, dynamo=False,
            )
        with atomic_path(target / _FILES["onnx-int8"]) as tmp, warnings.catch_warnings(), \
                _quiet_logging():
            warnings.simplefilter("ignore")
            quantize_dynamic(str(target / _FILES["onnx"]), str(tmp),
                             weight_type=QuantType.QInt8, per_channel=True)
        agreement = _agreement(model, model_folder, target, pooling, max_length)
        with atomic_path(report) as tmp:
            tmp.write_text(json.dumps(agreement, indent=2), encoding="utf-8")
        return agreement


@contextlib.contextmanager
def _quiet_logging() -> Iterator[None]:
    """Silence the quantiser's advice, which it logs on the root logger."""
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        yield
    finally:
        root.setLevel(level)


def _agreement(model: Any, model_folder: Path, target: Path, pooling: str,
               max_length: int) -> dict[str, float]:
    import onnxruntime
    import torch
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_folder / "tokenizer.json"))
    tokenizer.enable_truncation(max_length)
    tokenizer.enable_padding()
    encodings = tokenizer.encode_batch(list(_PROBES))
    ids = np.array([e.ids for e in encodings], dtype=np.int64)
    mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
    feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
    with torch.inference_mode():
        reference = _pool(model(*(torch.from_numpy(feeds[k]) for k in feeds)).numpy(), mask,
                          pooling)
    agreement = {}
    for variant, file in _FILES.items():
        session = onnxruntime.InferenceSession(str(target / file),
                                               providers=["CPUExecutionProvider"])
        vectors = _pool(session.run(None, feeds)[0], mask, pooling)
        agreement[variant] = round(float((vectors * reference).sum(axis=1).min()), 6)
    return agreement


def _hidden_states(model: Any) -> Any:
    """Wrap a transformers model so export sees ``(ids, mask, types) -> last_hidden_state``."""
    import torch

    class HiddenStates(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.model(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    return HiddenStates().eval()
