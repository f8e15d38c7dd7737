"""Reading articles from files, folders, globs, stdin and text; decoding and refusing bad input."""

from __future__ import annotations

import io
import re
import socket
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.errors import InputError
from factcheck.inputs.articles import iter_articles, list_ignored, load_article, slugify, text_title
from factcheck.inputs.decode import decode_article_bytes
from factcheck.records import Article, Failure

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def read_all(inputs: list[str], **options: object) -> list[Article | Failure]:
    return list(iter_articles(inputs, **options))  # type: ignore[arg-type]


# --- decoding -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"Xiaomi sold 10,000 cars.", "Xiaomi sold 10,000 cars.", id="ascii"),
        pytest.param("Le café coûte 2 €.".encode(), "Le café coûte 2 €.", id="utf-8"),
        pytest.param("Le café.".encode("utf-8-sig"), "Le café.", id="utf-8 BOM"),
        pytest.param("Le café.".encode("utf-16"), "Le café.", id="utf-16 BOM"),
        pytest.param(b"\xfe\xff" + "Le café.".encode("utf-16-be"), "Le café.", id="utf-16-be BOM"),
        pytest.param("Le café.".encode("latin-1"), "Le café.", id="latin-1"),
        pytest.param("“Quoted” – 5 €".encode("cp1252"), "“Quoted” – 5 €", id="cp1252"),
        pytest.param(b"one\r\ntwo\rthree", "one\ntwo\nthree", id="line breaks"),
        pytest.param(
            b"A\ttab, a bell\x07, an escape\x1b and a delete\x7f in a sentence.",
            "A\ttab, a bell, an escape and a delete in a sentence.",
            id="control chars",
        ),
    ],
)
def test_decode_article_bytes(data: bytes, expected: str) -> None:
    assert decode_article_bytes(data, "a.txt") == expected


def test_undecodable_bytes_fall_back_without_crashing() -> None:
    # 0x81 is undefined in cp1252, so only Latin-1 accepts this.
    assert decode_article_bytes(b"Un caf\xe9 \x81bien chaud.", "a.txt") == "Un café bien chaud."


def test_declared_encoding_is_used() -> None:
    data = "Ценa 5 рублей".encode("cp1251")
    assert decode_article_bytes(data, "a.txt", encoding="windows-1251") == "Ценa 5 рублей"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", "\ufeff  ".encode("utf-8-sig")])
def test_empty_article_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^notes\.txt: article is empty$"):
        decode_article_bytes(data, "notes.txt")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (PDF, "(PDF)"),
        (PNG, "(PNG image)"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "(JPEG image)"),
        (b"GIF89a\x01\x00", "(GIF image)"),
        (b"PK\x03\x04\x14\x00", "(ZIP archive"),
        (b"text with a \x00 NUL byte", "looks like a binary file, not text"),
        (bytes(range(1, 32)) * 20, "looks like a binary file, not text"),
    ],
)
def test_binary_input_is_refused(data: bytes, kind: str) -> None:
    with pytest.raises(InputError) as raised:
        decode_article_bytes(data, "report.pdf")
    message = str(raised.value)
    assert message.startswith("report.pdf: looks like a binary file")
    assert kind in message
    assert message.endswith("not text; convert it to .txt first")


def test_oversized_input_names_size_and_limit() -> None:
    with pytest.raises(InputError, match=r"a\.txt: article is 11 bytes, over the limit of 10 "):
        decode_article_bytes(b"x" * 11, "a.txt", max_bytes=10)


@given(st.binary(max_size=300))
def test_decoding_never_crashes_and_leaves_no_control_characters(data: bytes) -> None:
    try:
        text = decode_article_bytes(data, "fuzz.txt")
    except InputError:
        return
    assert text.strip()
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)


# --- ids and titles -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Xiaomi EV: sales in 2024!", "xiaomi-ev-sales-in-2024"),
        ("café_crème", "cafe-creme"),
        ("小米 汽车", "小米-汽车"),
        ("  --  ", "article"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_text_title_is_first_non_empty_line_trimmed() -> None:
    assert text_title("\n\n  # Xiaomi EV  \nbody") == "Xiaomi EV"
    long = text_title("x" * 500)
    assert len(long) == 120
    assert long.endswith("…")


# --- files, folders, globs ------------------------------------------------------------------


def test_text_file_becomes_article(tmp_path: Path) -> None:
    path = write(tmp_path / "Xiaomi EV.txt", "\nXiaomi launches EV\n\nIt sold 10,000 cars.\n")
    [article] = read_all([str(path)])
    assert article == Article(
        id="xiaomi-ev",
        text="\nXiaomi launches EV\n\nIt sold 10,000 cars.\n",
        source=str(path),
        title="Xiaomi launches EV",
    )


def test_html_file_is_reduced_to_article_text(tmp_path: Path) -> None:
    page = (
        "<html><head><title>EV news</title><script>track()</script></head><body>"
        "<nav>Home | World</nav><article><h1>Xiaomi launches EV</h1>"
        "<p>It sold 10,000 cars.</p></article><footer>(c) 2024</footer></body></html>"
    )
    path = write(tmp_path / "ev.html", page)
    [article] = read_all([str(path)])
    assert isinstance(article, Article)
    assert article.title == "EV news"
    assert article.text == "Xiaomi launches EV\n\nIt sold 10,000 cars."


def test_html_file_in_latin1_declared_by_meta(tmp_path: Path) -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Un café.</p></body></html>'
    path = write(tmp_path / "cafe.htm", page.encode("latin-1"))
    [article] = read_all([str(path)])
    assert isinstance(article, Article)
    assert article.text == "Un café."


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    write(tmp_path / "b.md", "# B\ntext")
    write(tmp_path / "a.txt", "A text")
    write(tmp_path / "sub" / "c.TXT", "C text")
    write(tmp_path / "sub" / "d.html", "<p>D text</p>")
    write(tmp_path / "notes.jsonl", '{"id": 1}')
    write(tmp_path / ".hidden.txt", "hidden")
    write(tmp_path / ".git" / "e.txt", "hidden folder")
    articles = read_all([str(tmp_path)])
    assert [article.id for article in articles] == ["a", "b", "c", "d"]  # type: ignore[union-attr]
    assert list_ignored([str(tmp_path)]) == [tmp_path / "notes.jsonl"]


def test_glob_pattern_keeps_article_suffixes(tmp_path: Path) -> None:
    write(tmp_path / "claims" / "one.txt", "One")
    write(tmp_path / "claims" / "two.txt", "Two")
    write(tmp_path / "claims" / "three.csv", "a,b")
    articles = read_all([str(tmp_path / "claims" / "*")])
    assert [article.source for article in articles] == [
        str(tmp_path / "claims" / "one.txt"),
        str(tmp_path / "claims" / "two.txt"),
    ]
    assert list_ignored([str(tmp_path / "claims" / "*")]) == [tmp_path / "claims" / "three.csv"]


def test_file_named_explicitly_is_read_whatever_its_suffix(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.rst", "Xiaomi launches EV")
    [article] = read_all([str(path)])
    assert isinstance(article, Article)
    assert list_ignored([str(path)]) == []


@pytest.mark.parametrize("name", ["missing.txt", "missing-folder", "nothing-*.txt"])
def test_missing_input_is_a_failure(tmp_path: Path, name: str) -> None:
    source = str(tmp_path / name)
    assert read_all([source]) == [
        Failure(source=source, reason=f"{source}: no such file or folder; check the path")
    ]


def test_folder_without_articles_is_a_failure(tmp_path: Path) -> None:
    write(tmp_path / "data.jsonl", "{}")
    [failure] = read_all([str(tmp_path)])
    assert isinstance(failure, Failure)
    assert failure.reason.startswith(f"{tmp_path}: no article files (.txt, .md")


def test_one_bad_input_does_not_stop_the_batch(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Good article")
    empty = write(tmp_path / "empty.txt", "")
    blank = write(tmp_path / "blank.txt", "  \n\n ")
    image = write(tmp_path / "photo.txt", PNG)
    pdf = write(tmp_path / "report.pdf", PDF)
    missing = tmp_path / "missing.txt"
    last = write(tmp_path / "last.md", "Last article")
    inputs = [str(path) for path in (good, empty, blank, image, pdf, missing, last)]
    results = read_all(inputs)
    assert [result.source for result in results] == inputs
    assert [type(result) for result in results] == [
        Article, Failure, Failure, Failure, Failure, Failure, Article,
    ]  # fmt: skip
    reasons = [result.reason for result in results if isinstance(result, Failure)]
    assert reasons == [
        f"{empty}: article is empty",
        f"{blank}: article is empty",
        f"{image}: looks like a binary file (PNG image), not text; convert it to .txt first",
        f"{pdf}: looks like a binary file (PDF), not text; convert it to .txt first",
        f"{missing}: no such file or folder; check the path",
    ]


def test_oversized_file_is_a_failure(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", "x" * 2_000)
    [failure] = read_all([str(path)], max_bytes=1_000)
    assert failure == Failure(
        source=str(path),
        reason=f"{path}: article is 2,000 bytes, over the limit of 1,000 bytes; "
        "split it or raise the limit",
    )


def test_ids_are_unique_within_a_call(tmp_path: Path) -> None:
    write(tmp_path / "a" / "report.txt", "One")
    write(tmp_path / "b" / "report.txt", "Two")
    write(tmp_path / "c" / "report-2.txt", "Three")
    write(tmp_path / "d" / "Report.md", "Four")
    articles = read_all([str(tmp_path)])
    assert [article.id for article in articles] == [  # type: ignore[union-attr]
        "report", "report-2", "report-2-2", "report-3",
    ]  # fmt: skip


def test_a_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "One")
    articles = read_all([str(path), str(tmp_path), str(tmp_path / "*.txt")])
    assert [article.source for article in articles] == [str(path)]


def test_reading_local_files_never_touches_the_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network used")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    write(tmp_path / "a.txt", "One")
    write(tmp_path / "b.html", "<p>Two</p>")
    assert len(read_all([str(tmp_path)])) == 2


# --- stdin ----------------------------------------------------------------------------------


def test_stdin_bytes() -> None:
    stdin = io.BytesIO("Xiaomi launches EV\r\nIt sold cars in Besançon.".encode())
    [article] = read_all(["-"], stdin=stdin)
    assert article == Article(
        id="stdin",
        text="Xiaomi launches EV\nIt sold cars in Besançon.",
        source="-",
        title="Xiaomi launches EV",
    )


def test_stdin_text_stream() -> None:
    [article] = read_all(["-"], stdin=io.StringIO("Un café."))
    assert isinstance(article, Article)
    assert article.text == "Un café."


def test_stdin_html_is_reduced() -> None:
    stdin = io.BytesIO(b"<!DOCTYPE html><title>T</title><nav>Menu</nav><p>Body</p>")
    [article] = read_all(["-"], stdin=stdin)
    assert isinstance(article, Article)
    assert (article.title, article.text) == ("T", "Body")


def test_empty_stdin_is_a_failure() -> None:
    assert read_all(["-"], stdin=io.BytesIO(b"")) == [
        Failure(source="-", reason="stdin: article is empty")
    ]


def test_oversized_stdin_is_a_failure() -> None:
    [failure] = read_all(["-"], stdin=io.BytesIO(b"x" * 50), max_bytes=10)
    assert isinstance(failure, Failure)
    assert "over the limit of 10 bytes" in failure.reason


# --- load_article ---------------------------------------------------------------------------


def test_load_article_from_path(tmp_path: Path) -> None:
    path = write(tmp_path / "Xiaomi.txt", "Xiaomi launches EV")
    for given_path in (path, str(path)):
        article = load_article(given_path)
        assert (article.id, article.source) == ("xiaomi", str(path))


def test_load_article_from_text() -> None:
    article = load_article("Xiaomi launches EV.\r\nIt sold 10,000 cars.")
    assert article == Article(
        id="article",
        text="Xiaomi launches EV.\nIt sold 10,000 cars.",
        source="<text>",
        title="Xiaomi launches EV.",
    )


def test_load_article_refuses_a_missing_file_name(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file; check the path"):
        load_article(str(tmp_path / "typo.txt"))
    with pytest.raises(InputError, match="no such file or folder"):
        load_article(tmp_path / "typo.txt")
    with pytest.raises(InputError, match="is a folder"):
        load_article(str(tmp_path))
