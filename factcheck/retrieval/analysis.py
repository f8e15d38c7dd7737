"""The corpus's names, found once at index time and cached beside the embeddings.

Every passage is run through spaCy's name recogniser once (:mod:`factcheck.analysis.names`);
the names, the corpus's :class:`~factcheck.analysis.names.NameTable` (each name typed by the
majority of its mentions) and a hash of the passage texts are written to
``names-<hash>.json`` in the model's cache folder, written atomically and checked on open: a
file for other texts, another spaCy version or a damaged one is rebuilt, never trusted.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from factcheck.analysis.names import Name, NameFinder, NameIndex, NameKind, NameTable
from factcheck.files import atomic_path, locked
from factcheck.retrieval.corpus import Corpus

_FORMAT = "factcheck-names-v1"
_KEPT = 4
_PARALLEL_FROM = 20_000
"""Corpora from this many passages are analysed on two processes."""


def _spacy_version(package: str) -> str:
    try:
        return f"spacy {metadata.version('spacy')}; {package}"
    except metadata.PackageNotFoundError:
        return package


def corpus_names(corpus: Corpus, folder: Path | None,
                 finder: NameFinder | None = None) -> NameIndex:
    """The names of every passage, taught to a finder for claims: cached in ``folder``.

    Args:
        corpus: the evidence corpus.
        folder: the model's cache folder (``None``: analyse in memory only).
        finder: the name finder to use and teach (default: spaCy's small English pipeline).

    Returns:
        A :class:`NameIndex` holding every passage's names, whose finder types names in claims
        by the corpus's table.
    """
    finder = finder or NameFinder()
    texts = [p.text for p in corpus.passages]
    hasher = hashlib.sha256(_spacy_version(finder.package).encode("utf-8"))
    for text in texts:
        hasher.update(b"\x00" + text.encode("utf-8"))
    digest = hasher.hexdigest()[:32]
    path = folder / f"names-{digest}.json" if folder is not None else None
    loaded = _load(path, digest, len(texts)) if path is not None and path.is_file() else None
    if loaded is None:
        table, names = _analyse(corpus, finder)
        if path is not None and folder is not None:
            _save(path, folder, digest, table, names)
    else:
        table, names = loaded
    finder.use_table(table)
    index = NameIndex(finder)
    index.add(texts, names)
    return index


def _analyse(corpus: Corpus, finder: NameFinder) -> tuple[NameTable, list[tuple[Name, ...]]]:
    texts = [p.text for p in corpus.passages]
    processes = 2 if len(texts) >= _PARALLEL_FROM else 1
    found = finder.find(texts, processes=processes)
    table = NameTable.from_names((n for names in found for n in names),
                                 sources={p.source for p in corpus.passages})
    typed = [tuple(Name(n.text, table.kind(n.key, n.kind), n.start, n.end, n.key) for n in names)
             for names in found]
    return table, typed


def _save(path: Path, folder: Path, digest: str, table: NameTable,
          names: Sequence[tuple[Name, ...]]) -> None:
    data = {"format": _FORMAT, "texts": digest, "count": len(names), "table": table.to_json(),
            "names": [[[n.text, n.kind.value, n.start, n.end, n.key] for n in row]
                      for row in names]}
    with locked(folder / "lock"):
        with atomic_path(path) as tmp:
            tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                           encoding="utf-8")
        saved = sorted(folder.glob("names-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in saved[_KEPT:]:
            stale.unlink(missing_ok=True)


def _load(path: Path, digest: str, count: int) -> tuple[NameTable, list[tuple[Name, ...]]] | None:
    """The cached table and names, or ``None`` when the file is not exactly what it should be."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        if (not isinstance(data, dict) or data.get("format") != _FORMAT
                or data.get("texts") != digest or data.get("count") != count
                or len(data["names"]) != count):
            return None
        table = NameTable.from_json(data["table"])
        names = [tuple(Name(str(t), NameKind(k), int(s), int(e), str(key))
                       for t, k, s, e, key in row) for row in data["names"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return table, names
