"""The corpus's names, found once at index time and cached beside the embeddings.

Every distinct passage text is run through spaCy's name recogniser once
(:mod:`factcheck.analysis.names`); the names, the corpus's
:class:`~factcheck.analysis.names.NameTable` (each name typed by the majority of its mentions) and
a hash of the passage texts are written to ``names-<hash>.npz`` in the model's cache folder:
numeric columns (offsets, kinds, string ids) and one table of the distinct strings, written
atomically and checked on open (a file for other texts, another spaCy version, another version of
the name finder's source or a damaged one is rebuilt, never trusted). Opening it builds no name
objects: a passage's names are made when the judge first asks for them, so a 100k-passage corpus
opens in a few hundredths of a second.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

import numpy as np

from factcheck.analysis import names as names_module
from factcheck.analysis import places, quantities
from factcheck.analysis.names import (
    Name,
    NameFinder,
    NameIndex,
    NameKind,
    NameTable,
    joined_runs,
)
from factcheck.analysis.places import known
from factcheck.retrieval.columns import StoredRows, load_columns, save_columns, source_digest
from factcheck.retrieval.corpus import Corpus

# v13: a lone surname of the corpus's people is a person ("Sabalenka"); v12: a name cut
# before an unclosed bracket ("the World Health Organization (WHO"); v11: the project's stop
# words, acronyms kept; v10: no function word opening a sentence is a name; v9: venues ("Rogers
# Place") are places; v8: initials joined ("K. P."), half a compound ("Disney-") no name; v6:
# days and months
_FORMAT = "factcheck-names-v13"
_KEPT = 4
_PARALLEL_FROM = 2_000
"""Corpora from this many distinct passages are analysed on two processes (starting the second
process costs about a second; below this it would not pay)."""
_BATCH = 512
_KINDS = tuple(NameKind)


def _spacy_version(package: str) -> str:
    try:
        return f"spacy {metadata.version('spacy')}; {package}; {_finder_version()}"
    except metadata.PackageNotFoundError:
        return f"{package}; {_finder_version()}"


def _finder_version() -> str:
    """A hash of the name finder's source, of the figure reader it asks which words are a
    time's zone and of the gazetteer that keeps places from being surnames: names typed by
    another finder are not reused."""
    return source_digest(names_module, quantities, places)


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
    titles = sorted({p.title for p in corpus.passages if p.title})
    hasher = hashlib.sha256(_spacy_version(finder.package).encode("utf-8"))
    for text in texts:
        hasher.update(b"\x00" + text.encode("utf-8"))
    for title in titles:
        hasher.update(b"\x01" + title.encode("utf-8"))
    digest = hasher.hexdigest()[:32]
    path = folder / f"names-{digest}.npz" if folder is not None else None
    loaded = _load(path, digest, texts) if path is not None and path.is_file() else None
    if loaded is not None:
        table, stored, joined = loaded
        finder.use_table(table)
        index = NameIndex(finder, passages=stored)
    else:
        table, names = _analyse(corpus, finder)
        joined = joined_runs([*texts, *titles])
        if path is not None and folder is not None:
            _save(path, folder, digest, table, names, joined)
        finder.use_table(table)
        index = NameIndex(finder)
        index.add(texts, names)
    index.joined = joined
    return index


def _analyse(corpus: Corpus, finder: NameFinder) -> tuple[NameTable, list[tuple[Name, ...]]]:
    texts = [p.text for p in corpus.passages]
    distinct = list(dict.fromkeys(texts))  # a text repeated in the corpus is analysed once
    processes = 2 if len(distinct) >= _PARALLEL_FROM else 1
    found = dict(zip(distinct, finder.find(distinct, batch_size=_BATCH, processes=processes),
                     strict=True))
    table = NameTable.from_names((n for text in texts for n in found[text]),
                                 sources={p.source for p in corpus.passages}, place=known)
    typed = {text: tuple(Name(n.text, table.kind(n.key, n.kind), n.start, n.end, n.key)
                         for n in names) for text, names in found.items()}
    return table, [typed[text] for text in texts]


class _StoredNames(StoredRows[Name]):
    """Passages' names as read from the cache: columns, made into :class:`Name` tuples on use."""

    def _make(self, text: str, first: int, last: int) -> tuple[Name, ...]:
        c = [self._columns[name][first:last].tolist()
             for name in ("text", "kind", "start", "end", "key")]
        strings = self._strings
        return tuple(Name(strings[t], _KINDS[k], s, e, strings[y])
                     for t, k, s, e, y in zip(*c, strict=True))


def _save(path: Path, folder: Path, digest: str, table: NameTable,
          names: Sequence[tuple[Name, ...]], joined: frozenset[str]) -> None:
    ids: dict[str, int] = {}

    def sid(value: str) -> int:
        return ids.setdefault(value, len(ids))

    kind_code = {kind: code for code, kind in enumerate(_KINDS)}
    flat = [n for row in names for n in row]
    bounds = np.zeros(len(names) + 1, dtype=np.int64)
    bounds[1:] = np.cumsum([len(row) for row in names])
    columns: dict[str, np.ndarray] = {
        "rows": bounds,
        "start": np.array([n.start for n in flat], dtype=np.int32),
        "end": np.array([n.end for n in flat], dtype=np.int32),
        "kind": np.array([kind_code[n.kind] for n in flat], dtype=np.uint8),
        "text": np.array([sid(n.text) for n in flat], dtype=np.int32),
        "key": np.array([sid(n.key) for n in flat], dtype=np.int32),
        "table_key": np.array([sid(k) for k in table.kinds], dtype=np.int32),
        "table_text": np.array([sid(t) for t, _ in table.kinds.values()], dtype=np.int32),
        "table_kind": np.array([kind_code[k] for _, k in table.kinds.values()], dtype=np.uint8),
        "joined": np.array([sid(run) for run in sorted(joined)], dtype=np.int32),
    }
    save_columns(path, columns, list(ids),
                 {"format": _FORMAT, "texts": digest, "count": len(names)}, keep=_KEPT)
    for old in folder.glob("names-*.json"):  # the previous format's files
        old.unlink(missing_ok=True)


def _load(path: Path, digest: str,
          texts: Sequence[str]) -> tuple[NameTable, _StoredNames, frozenset[str]] | None:
    """The cached table, names and runs of capitalised words, or ``None`` when the file is not
    exactly what it should be."""
    meta = {"format": _FORMAT, "texts": digest, "count": len(texts)}
    loaded = load_columns(path, meta, ("start", "end", "kind", "text", "key"))
    if loaded is None:
        return None
    columns, strings = loaded
    wanted = ("table_key", "table_text", "table_kind", "joined")
    if (any(c not in columns for c in wanted)
            or any(int(columns[c].max(initial=0)) >= len(strings)
            for c in ("text", "key", "table_key", "table_text", "joined"))
            or any(int(columns[c].max(initial=0)) >= len(_KINDS)
                   for c in ("kind", "table_kind"))
            or not len(columns["table_key"]) == len(columns["table_text"])
            == len(columns["table_kind"])):
        return None
    table = NameTable({strings[k]: (strings[t], _KINDS[c]) for k, t, c in zip(
        columns["table_key"].tolist(), columns["table_text"].tolist(),
        columns["table_kind"].tolist(), strict=True)})
    joined = frozenset(strings[i] for i in columns["joined"].tolist())
    return table, _StoredNames(texts, columns, strings), joined
