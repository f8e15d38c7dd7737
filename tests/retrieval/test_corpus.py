"""The corpus loader reads every format and names file, line and fix for each problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import CorpusError
from factcheck.retrieval.corpus import load_corpus

REPO = Path(__file__).resolve().parents[2]


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_mixed_folder_loads_every_format(tiny_corpus_dir: Path):
    write(tiny_corpus_dir, "note.md",
          "Source: Nikkei Asia\nURL: https://example.com/n\nPublished: 2024-07-26\n\n"
          "# Second factory\n\nXiaomi began building a second EV plant in Beijing.\n\n"
          "It bought the land on 25 July.\n")
    write(tiny_corpus_dir, "README.md", "This folder holds evidence. Not a passage.")
    corpus = load_corpus(tiny_corpus_dir)
    ids = [p.id for p in corpus.passages]
    assert ids == ["sony", "factory", "invest", "team", "note-p001", "note-p002", "note-p003"]
    note = corpus.passages[4]
    assert (note.source, note.url, note.published) == ("Nikkei Asia", "https://example.com/n",
                                                       "2024-07-26")
    assert note.text == "Second factory"
    assert corpus.passages[1].origin.endswith("facts.jsonl line 1")


def test_hash_changes_when_a_passage_changes(tiny_corpus_dir: Path):
    before = load_corpus(tiny_corpus_dir).content_hash
    path = tiny_corpus_dir / "extra.csv"
    path.write_text(path.read_text().replace("2020", "2021"), encoding="utf-8")
    assert load_corpus(tiny_corpus_dir).content_hash != before


def test_shared_dataset_corpus_format_is_accepted(tmp_path: Path):
    path = write(tmp_path, "corpus.jsonl",
                 '{"id": 1, "text": "Masks reduce spread.", "source": "covidfact", "url": null}\n')
    assert load_corpus(path).passages[0].id == "1"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.jsonl", '{"id": "x", "text": "t"}\n', "a.jsonl line 1: missing field 'source'"),
        ("a.jsonl", '{"id": "x", "text": "  ", "source": "s"}\n', "line 1: empty field 'text'"),
        ("a.jsonl", '{"id": "x", "text": "t", "source": "s"}\n{"id": "x", "text": "u", '
         '"source": "s"}\n', "a.jsonl line 2: duplicate id 'x' (first at"),
        ("a.jsonl", '\n{"id": "x", "text": "t", "source": "s", "published": "27/11/2021"}\n',
         "a.jsonl line 2: bad date '27/11/2021'"),
        ("a.jsonl", '{"id": "x", "text": "t", "source": "s"\n', "a.jsonl line 1: invalid JSON"),
        ("a.jsonl", '["x", "t"]\n', "line 1: expected a JSON object"),
        ("a.jsonl", '{"id": "x", "text": "t", "source": "s", "url": "javascript:alert(1)"}\n',
         "must start with http:// or https://"),
        ("a.csv", "id,text\nx,hello\n", "a.csv line 1: missing column(s) 'source'"),
        ("a.csv", 'id,text,source\nx,"unterminated,s\n', "a.csv line"),
        ("a.csv", "id,text,source\nx,a,b,c\n", "a.csv line 2: more fields than header"),
        ("a.jsonl", b"\xff\xfe\x00\x00binary", "binary file"),
        ("a.txt", b"caf\xe9 au lait\n", "a.txt line 1: not valid UTF-8"),
        ("a.jsonl", '{"id": "x", "text": "' + "word " * 2500 + '", "source": "s"}\n',
         "split it into passages"),
    ],
)
def test_problems_name_file_line_and_fix(tmp_path: Path, name, content, message):
    write(tmp_path, name, content)
    with pytest.raises(CorpusError) as caught:
        load_corpus(tmp_path)
    assert message in str(caught.value)


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path):
    write(tmp_path, "a.jsonl", '{"id": "x"}\n{"id": "y", "text": "t", "source": "s"}\n{bad\n')
    with pytest.raises(CorpusError) as caught:
        load_corpus(tmp_path)
    assert len(caught.value.problems) == 3  # missing text, missing source, invalid JSON


def test_missing_or_empty_corpus(tmp_path: Path):
    with pytest.raises(CorpusError, match="no such file or folder"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(CorpusError, match="no corpus files found"):
        load_corpus(tmp_path)


def test_shipped_demo_corpus_is_valid_and_sourced():
    corpus = load_corpus(REPO / "evidence")
    assert len(corpus) >= 40
    for passage in corpus.passages:
        assert passage.url and passage.url.startswith("http"), passage.id
        assert passage.source.strip(), passage.id
