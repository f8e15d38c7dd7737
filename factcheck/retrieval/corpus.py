"""Loading and validating the evidence corpus: JSONL, CSV and plain ``.txt``/``.md`` documents.

Structured records (JSONL lines, CSV rows) need ``id``, ``text`` and ``source``; ``url``, ``title``
and ``published`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) are optional. This also reads the
``corpus.jsonl`` interchange format of ``../shared/datasets`` (``url`` may be null). Plain
documents may open with header lines (``Source:``, ``URL:``, ``Title:``, ``Published:``) and a
blank line; their paragraphs are chunked into passages with ids ``<file stem>-p001``, ``-p002``...
Files named ``README.*`` are documentation and are not read. Every problem is reported with file,
line and fix; nothing is silently skipped: a CSV row with too few or too many fields, or a quoted
field that swallows the rows after a stray quote, is an error, not a merged passage.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import hashlib
import io
import json
import math
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from factcheck.boundaries import surrogate_problem
from factcheck.errors import CorpusError
from factcheck.records import Passage

CORPUS_SUFFIXES = (".jsonl", ".csv", ".txt", ".md")

# Files that look like a corpus file in another format: listed as problems, never skipped quietly.
_NEAR_MISSES = {".json": "JSON Lines (one object per line) as .jsonl",
                ".ndjson": "a .jsonl file", ".tsv": "comma-separated .csv",
                ".markdown": "a .md file", ".text": "a .txt file"}

_FIELDS = ("id", "text", "source", "url", "title", "published")
MAX_PASSAGE_CHARS = 10_000
CHUNK_CHARS = 600
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_HEADER = re.compile(r"^(source|url|title|published)\s*:\s*(.*)$", re.IGNORECASE)
# A line inside a quoted CSV field that starts like a row ("p7,Some text"): a stray quote has
# probably swallowed the rows that follow it.
_ROW_START = re.compile(r'^[^\s,"]+,')


@dataclass(frozen=True, slots=True)
class Corpus:
    """The passages of an evidence corpus, in load order, with a hash of their ids and texts."""

    passages: tuple[Passage, ...]
    files: tuple[Path, ...]
    content_hash: str

    def __len__(self) -> int:
        return len(self.passages)


def corpus_files(path: Path) -> list[Path]:
    """The corpus files under ``path`` (a file or a folder, searched recursively), sorted."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise CorpusError([f"{path}: no such file or folder; pass the evidence corpus folder "
                           "or file with --evidence (default: ./evidence)"],
                          heading="evidence corpus not found")
    return sorted(
        p for p in path.rglob("*")
        if p.is_file() and p.suffix.lower() in CORPUS_SUFFIXES
        and not p.name.upper().startswith("README.")
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )


def _unused_files(path: Path) -> list[str]:
    """Problems for files a corpus folder holds but would not read: near-miss formats (``.json``,
    ``.tsv``), links to nothing and link loops."""
    if not path.is_dir():
        return []
    problems = []
    for item in sorted(path.rglob("*")):
        if any(part.startswith(".") for part in item.relative_to(path).parts):
            continue
        if item.is_symlink() and not item.exists():
            problems.append(f"{item}: a symbolic link to nothing (or a link loop); fix or remove "
                            "it")
        elif item.is_file() and item.suffix.lower() in _NEAR_MISSES:
            problems.append(f"{item}: not read ({item.suffix} is not a corpus format); save it "
                            f"as {_NEAR_MISSES[item.suffix.lower()]}, or move it out of the folder")
    return problems


def load_corpus(path: str | Path) -> Corpus:
    """Read and validate every corpus file under ``path``.

    Args:
        path: a corpus file or a folder of them.

    Returns:
        The validated corpus.

    Raises:
        CorpusError: listing every problem found, each as ``file line N: problem; fix``.
    """
    path = Path(path)
    files = corpus_files(path)
    if not files:
        raise CorpusError([
            f"{path}: no corpus files found; add .jsonl, .csv, .txt or .md files"
        ])
    problems: list[str] = _unused_files(path)
    passages: list[Passage] = []
    for file in files:
        passages.extend(_read_file(file, problems))
    seen: dict[str, str] = {}
    for passage in passages:
        if passage.id in seen:
            problems.append(
                f"{passage.origin}: duplicate id '{passage.id}' (first at {seen[passage.id]}); "
                "give each passage a unique id"
            )
        else:
            seen[passage.id] = passage.origin
    if problems:
        raise CorpusError(problems)
    if not passages:
        raise CorpusError([f"{path}: the corpus has no passages; add at least one"])
    return Corpus(tuple(passages), tuple(files), content_hash=corpus_hash(passages))


def corpus_hash(passages: Iterable[Passage]) -> str:
    """A sha256 over passage ids and texts: changes whenever evidence changes."""
    digest = hashlib.sha256()
    for passage in passages:
        digest.update(passage.id.encode("utf-8") + b"\x00" + passage.text.encode("utf-8") + b"\x01")
    return digest.hexdigest()


def _read_file(file: Path, problems: list[str]) -> list[Passage]:
    try:
        raw = file.read_bytes()
    except OSError as exc:
        problems.append(f"{file}: cannot read ({exc.strerror}); check permissions")
        return []
    if b"\x00" in raw[:4096]:
        if _is_utf16_text(raw):
            problems.append(f"{file}: UTF-16 text; re-save the file as UTF-8")
        else:
            problems.append(f"{file}: binary file, not text; remove it from the corpus folder")
        return []
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(f"{file} line {line}: not valid UTF-8; re-save the file as UTF-8")
        return []
    del raw  # a large corpus file should not be held twice while it is parsed
    suffix = file.suffix.lower()
    if suffix == ".jsonl":
        return _read_jsonl(file, content, problems)
    if suffix == ".csv":
        return _read_csv(file, content, problems)
    return _read_document(file, content, problems)


def _is_utf16_text(raw: bytes) -> bool:
    if not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    try:
        text = raw.decode("utf-16")
    except UnicodeDecodeError:
        return False
    return not any(ord(char) < 32 and char not in "\t\n\r" for char in text)


def _read_jsonl(file: Path, content: str, problems: list[str]) -> list[Passage]:
    passages = []
    # Only "\n" ends a JSON line: str.splitlines() would also cut at U+2028, U+0085 and other
    # characters that JSON allows unescaped inside strings.
    for number, line in enumerate(_lines(content), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{file} line {number}: invalid JSON ({exc.msg}); fix the line")
            continue
        except (ValueError, RecursionError) as exc:  # a 5,000-digit number, deep nesting
            problems.append(f"{file} line {number}: unreadable JSON value ({exc}); fix the line")
            continue
        if not isinstance(record, dict):
            problems.append(f"{file} line {number}: expected a JSON object with id, text, source")
            continue
        passage = _record_to_passage(record, f"{file} line {number}", problems)
        if passage is not None:
            passages.append(passage)
    return passages


def _lines(content: str) -> Iterator[str]:
    """``content.split("\\n")``, one line at a time (no list of a million lines)."""
    start = 0
    while (end := content.find("\n", start)) >= 0:
        yield content[start:end]
        start = end + 1
    yield content[start:]


def _read_csv(file: Path, content: str, problems: list[str]) -> list[Passage]:
    # newline="" lets the csv module see quoted line breaks; only \n, \r and \r\n end a row.
    reader = csv.reader(io.StringIO(content, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        problems.append(f"{file} line 1: malformed CSV header ({exc}); fix the quoting")
        return []
    if not header:
        problems.append(f"{file} line 1: no header; the first line must be id,text,source")
        return []
    missing = [name for name in ("id", "text", "source") if name not in header]
    if missing:
        problems.append(
            f"{file} line 1: missing column(s) {', '.join(repr(m) for m in missing)} (the header "
            f"is {', '.join(map(repr, header))}); the header needs id,text,source "
            "(url,title,published optional), spelled exactly so"
        )
        return []
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        problems.append(f"{file} line 1: column(s) {', '.join(map(repr, repeated))} appear more "
                        "than once; keep one of each")
        return []
    lines = re.split(r"\r\n|\r|\n", content)  # as the csv module counts them
    passages = []
    end = reader.line_num
    try:
        for fields in reader:
            start, end = end + 1, reader.line_num
            if not fields:
                continue  # a blank line
            origin = f"{file} line {start}"
            if len(fields) != len(header):
                more = "more" if len(fields) > len(header) else "fewer"
                problems.append(
                    f"{origin}: {more} fields than header columns ({len(fields)}, not "
                    f"{len(header)}); quote text containing commas"
                    + ("" if more == "more" else ", or add the missing fields")
                )
                continue
            swallowed = _swallowed_row(fields, start)
            if swallowed is not None:
                shown = lines[swallowed - 1][:40] if swallowed <= len(lines) else ""
                problems.append(
                    f"{origin}: a quoted field runs on to line {end} and swallows what looks "
                    f"like a row (line {swallowed}: {shown!r}); a stray '\"' probably opened "
                    "it: double quotes inside quoted text (\"\") or remove the stray one; if "
                    "the text really spans lines, join them into one"
                )
                continue
            passage = _record_to_passage(dict(zip(header, fields, strict=True)), origin,
                                         problems)
            if passage is not None:
                passages.append(passage)
    except csv.Error as exc:
        problems.append(
            f"{file} line {end + 1}: malformed CSV ({exc}); a quote opened on or after this "
            "line is not closed properly: double quotes inside quoted text (\"\")"
        )
    return passages


def _swallowed_row(fields: list[str], first_line: int) -> int | None:
    """The line of a row-like line inside a multi-line field of a record, if there is one."""
    line = first_line
    for value in fields:
        for offset, part in enumerate(value.split("\n")[1:], start=1):
            if _ROW_START.match(part):
                return line + offset
        line += value.count("\n")
    return None


def _record_to_passage(record: dict, origin: str, problems: list[str]) -> Passage | None:
    values: dict[str, str | None] = {}
    ok = True
    unknown = sorted(str(key) for key in record if key not in _FIELDS)
    if unknown:
        problems.append(f"{origin}: unknown field(s) {', '.join(map(repr, unknown))}; the fields "
                        f"are {', '.join(_FIELDS)} (check the spelling)")
        ok = False
    for name in _FIELDS:
        value = record.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if name in ("id", "text", "source"):
                what = "empty" if name in record else "missing"
                problems.append(
                    f"{origin}: {what} field '{name}'; every passage needs id, text, source")
                ok = False
            values[name] = None
            continue
        if isinstance(value, float) and name == "id" and not (
                math.isfinite(value) and value.is_integer()):
            problems.append(f"{origin}: id {value!r} is not a whole number; write ids as strings")
            ok = False
            continue
        if isinstance(value, (int, float)) and not isinstance(value, bool) and name == "id":
            value = str(value)
        if not isinstance(value, str):
            problems.append(
                f"{origin}: field '{name}' must be a string, got {type(value).__name__}")
            ok = False
            continue
        problem = surrogate_problem(value)
        if problem is not None:
            problems.append(f"{origin}: field '{name}' has a {problem}; remove the \\u escape "
                            "or write the intended character")
            ok = False
            continue
        values[name] = " ".join(value.split()) if name != "text" else value.strip()
    if not ok:
        return None
    text = values["text"] or ""
    if len(text) > MAX_PASSAGE_CHARS:
        problems.append(
            f"{origin}: text is {len(text):,} characters (limit {MAX_PASSAGE_CHARS:,}); "
            "split it into passages of one fact each"
        )
        return None
    published = values["published"]
    if published is not None and not _real_date(published):
        problems.append(
            f"{origin}: bad date '{published}' in 'published'; use YYYY-MM-DD, YYYY-MM or YYYY"
        )
        return None
    url = values["url"]
    if url is not None and not re.match(r"^https?://", url, re.IGNORECASE):
        problems.append(f"{origin}: url '{url[:60]}' must start with http:// or https://")
        return None
    # Sources and dates repeat across thousands of passages: one shared string each.
    return Passage(
        id=values["id"] or "", text=text, source=sys.intern(values["source"] or ""), url=url,
        title=values["title"], published=None if published is None else sys.intern(published),
        origin=origin,
    )


def _read_document(file: Path, content: str, problems: list[str]) -> list[Passage]:
    lines = content.splitlines()
    header: dict[str, str] = {}
    body_start = 0
    for number, line in enumerate(lines):
        match = _HEADER.match(line.strip())
        if not match:
            body_start = number + 1 if not line.strip() and header else number
            break
        header[match.group(1).lower()] = match.group(2).strip()
    else:
        body_start = len(lines)
    record = {
        "source": header.get("source") or file.name,
        "url": header.get("url"),
        "title": header.get("title"),
        "published": header.get("published"),
    }
    passages = []
    for index, (line_number, chunk) in enumerate(_chunks(lines, body_start), start=1):
        record_with_text = {**record, "id": f"{file.stem}-p{index:03d}", "text": chunk}
        passage = _record_to_passage(record_with_text, f"{file} line {line_number}", problems)
        if passage is not None:
            passages.append(passage)
    if not passages and not problems:
        problems.append(f"{file}: document has no text after its header; add paragraphs")
    return passages


def _chunks(lines: list[str], start: int) -> Iterable[tuple[int, str]]:
    """Paragraphs (blank-line separated), long ones cut at sentence ends near ``CHUNK_CHARS``."""
    paragraph: list[str] = []
    first_line = start + 1
    for number, line in enumerate(lines[start:] + [""], start=start + 1):
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            if not paragraph:
                first_line = number
            paragraph.append(stripped)
            continue
        if paragraph:
            yield from ((first_line, piece) for piece in _cut(" ".join(paragraph)))
            paragraph = []


def _cut(text: str) -> list[str]:
    if len(text) <= CHUNK_CHARS:
        return [text]
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"“])", text)
    pieces, current = [], ""
    for sentence in sentences:
        if current and len(current) + len(sentence) + 1 > CHUNK_CHARS:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        pieces.append(current)
    return pieces


def _real_date(value: str) -> bool:
    """Whether ``value`` is YYYY, YYYY-MM or a YYYY-MM-DD date that exists (not 2021-02-31)."""
    if not _DATE.match(value):
        return False
    if len(value) == 10:
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return False
    return True
