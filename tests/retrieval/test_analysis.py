"""The passages' names are cached beside the embeddings, read back the same, and not re-found."""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from pathlib import Path

from factcheck.analysis.names import Name, NameFinder, NameIndex, NameKind
from factcheck.retrieval import analysis
from factcheck.retrieval.analysis import corpus_names
from factcheck.retrieval.corpus import load_corpus


class CountingFinder(NameFinder):
    """spaCy's finder, counting the texts it analyses."""

    def __init__(self) -> None:
        super().__init__()
        self.analysed = 0

    def find(self, texts: Sequence[str], batch_size: int = 256,
             processes: int = 1) -> list[tuple[Name, ...]]:
        self.analysed += len(texts)
        return super().find(texts, batch_size=batch_size, processes=processes)


def _names(index: NameIndex, texts: Sequence[str]) -> list[tuple[Name, ...]]:
    return [index.of(text) for text in texts]


def test_cached_names_equal_the_analysis_and_are_not_found_again(tiny_corpus_dir: Path,
                                                                 tmp_path: Path):
    corpus = load_corpus(tiny_corpus_dir)
    texts = [p.text for p in corpus.passages]
    fresh = corpus_names(corpus, tmp_path)
    assert [p.suffix for p in tmp_path.glob("names-*")] == [".npz"]

    finder = CountingFinder()
    reopened = corpus_names(corpus, tmp_path, finder)
    assert _names(reopened, texts) == _names(fresh, texts)
    assert any(_names(reopened, texts))
    assert finder.analysed == 0
    assert reopened.finder.table.kinds == fresh.finder.table.kinds


def test_a_damaged_names_cache_is_rebuilt(tiny_corpus_dir: Path, tmp_path: Path):
    corpus = load_corpus(tiny_corpus_dir)
    texts = [p.text for p in corpus.passages]
    expected = _names(corpus_names(corpus, tmp_path), texts)
    for path in tmp_path.glob("names-*.npz"):
        path.write_bytes(path.read_bytes()[:200])
    finder = CountingFinder()
    assert _names(corpus_names(corpus, tmp_path, finder), texts) == expected
    assert finder.analysed == len(set(texts))


def test_names_found_by_another_version_of_the_finder_are_found_again(
        tiny_corpus_dir: Path, tmp_path: Path, monkeypatch):
    corpus = load_corpus(tiny_corpus_dir)
    corpus_names(corpus, tmp_path)
    monkeypatch.setattr(analysis, "_finder_version", lambda: "a later finder")
    finder = CountingFinder()
    corpus_names(corpus, tmp_path, finder)
    assert finder.analysed == len({p.text for p in corpus.passages})


def test_claim_names_are_forgotten_on_request_and_workers_get_the_table_only(
        tiny_corpus_dir: Path, tmp_path: Path):
    corpus = load_corpus(tiny_corpus_dir)
    names = corpus_names(corpus, tmp_path, CountingFinder())
    claim = "Xiaomi opened a factory in Beijing."
    found = names.of(claim)
    finder = names.finder
    assert isinstance(finder, CountingFinder)
    before = finder.analysed
    names.prepare([claim])
    assert finder.analysed == before  # remembered
    names.forget_claims()
    names.prepare([claim])
    assert finder.analysed == before + 1
    assert names.of(corpus.passages[0].text) == names.of(corpus.passages[0].text)

    shipped = pickle.loads(pickle.dumps(names))
    assert shipped.finder.table.kinds == finder.table.kinds
    assert shipped.finder._nlp is None  # the worker loads its own pipeline
    assert shipped.of(claim) == found


def test_two_names_the_corpus_writes_side_by_side_name_one_thing(tmp_path: Path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "evidence.jsonl").write_text(
        '{"id": "a", "text": "Boston beat Dallas 106-88 to win the title.", "source": "Wire", '
        '"title": "Boston Celtics win their 18th title"}\n'
        '{"id": "b", "text": "The Celtics led by 21 at half-time in Boston.", "source": "Wire"}\n',
        encoding="utf-8")
    names = corpus_names(load_corpus(folder), tmp_path / "cache")
    celtics = Name("the Celtics", NameKind.GROUP, 0, 11, "celtic")
    boston = Name("Boston", NameKind.PLACE, 0, 6, "boston")
    dallas = Name("Dallas", NameKind.PLACE, 0, 6, "dallas")
    assert names.same_thing(celtics, boston)
    assert not names.same_thing(celtics, dallas)
    assert pickle.loads(pickle.dumps(names)).same_thing(boston, celtics)  # workers keep it


def test_runs_of_capitalised_words_are_cached_with_the_names(tiny_corpus_dir: Path,
                                                             tmp_path: Path, monkeypatch):
    corpus = load_corpus(tiny_corpus_dir)
    fresh = corpus_names(corpus, tmp_path)
    assert fresh.joined

    def unread(texts):
        raise AssertionError("the runs are read from the cache, not found again")

    monkeypatch.setattr(analysis, "joined_runs", unread)
    reopened = corpus_names(corpus, tmp_path, CountingFinder())
    assert reopened.joined == fresh.joined
