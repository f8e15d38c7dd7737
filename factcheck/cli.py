"""The ``factcheck`` command line: parses options, calls the library, prints results.

Exit codes: 0 done; 1 a usage, input, corpus or model error (the message says how to fix it);
2 ``--fail-on`` matched a claim; 3 a partial batch (some inputs could not be checked, the rest were).
"""

from __future__ import annotations

import json
import sys
import time
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from factcheck.errors import FactcheckError
from factcheck.records import ArticleResult, BatchResult, Failure, Label
from factcheck.settings import Settings, load_settings

if TYPE_CHECKING:
    from factcheck.pipeline import Checker

EXIT_OK, EXIT_ERROR, EXIT_FAIL_ON, EXIT_PARTIAL = 0, 1, 2, 3

app = typer.Typer(
    name="factcheck",
    help="Offline claim fact-checking: split articles into claims, find evidence, label, report.",
    epilog="Example: factcheck check claims/ --evidence evidence/ --out reports/",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
evidence_app = typer.Typer(
    help="Inspect the evidence corpus.",
    epilog="Example: factcheck evidence validate evidence/",
    no_args_is_help=True,
)
app.add_typer(evidence_app, name="evidence")


class FailOn(str, Enum):
    """Which verdict makes ``check`` exit with code 2."""

    contradicted = "contradicted"
    unverified = "unverified"
    any = "any"


FORMATS = ("json", "md", "html", "csv")

EvidenceOpt = Annotated[Path, typer.Option(
    "--evidence", "-e", help="Evidence corpus: a folder or file of .jsonl/.csv/.txt/.md.")]
ConfigOpt = Annotated[Path | None, typer.Option(
    "--config", help="TOML settings file (default: $FACTCHECK_CONFIG or ./factcheck.toml).")]
ModelOpt = Annotated[str | None, typer.Option(
    "--model", help="Embedding model: all-MiniLM-L6-v2 (offline default), a local folder, or a "
    "hub id (with --allow-download).")]
CacheOpt = Annotated[Path | None, typer.Option(
    "--cache-dir", help="Where corpus embeddings are cached (default .factcheck-cache).")]
DownloadOpt = Annotated[bool | None, typer.Option(
    "--allow-download/--offline", help="Allow downloading a hub model (default: offline).")]


def _settings(config: Path | None, **overrides: object) -> Settings:
    return load_settings(config, **overrides)


def _fail(message: str, code: int = EXIT_ERROR) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(
        help="Articles: files, folders, glob patterns, '-' for stdin, or http(s) URLs.")],
    evidence: EvidenceOpt = Path("evidence"),
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the reports.")] = Path(
        "reports"),
    formats: Annotated[str, typer.Option(
        "--format", "-f", help="Comma-separated report formats: json,md,html,csv.")
    ] = "json,md,html,csv",
    fail_on: Annotated[FailOn | None, typer.Option(
        "--fail-on", help="Exit with code 2 if any claim gets this label (for CI pipelines).")
    ] = None,
    top_k: Annotated[int | None, typer.Option("--top-k", help="Passages retrieved per claim.")
                     ] = None,
    model: ModelOpt = None,
    cache_dir: CacheOpt = None,
    allow_download: DownloadOpt = None,
    config: ConfigOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or table.")
                     ] = False,
) -> None:
    """Check articles against the evidence corpus and write reports.

    Example: factcheck check claims/ --evidence evidence/ --out reports/ --fail-on contradicted
    """
    from factcheck.articles import iter_articles, list_ignored
    from factcheck.pipeline import Checker
    from factcheck.report import write_reports

    chosen = [f.strip().lower() for f in formats.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise _fail(f"unknown format(s) {', '.join(unknown) or '(none)'}; "
                    f"choose from {','.join(FORMATS)}")
    try:
        settings = _settings(config, model=model, cache_dir=cache_dir, top_k=top_k,
                             allow_download=allow_download)
        started = time.perf_counter()
        bar = _IndexBar(quiet)
        checker = Checker(evidence, settings, index_progress=bar)
        ignored = list_ignored(paths)
        if ignored and not quiet:
            typer.echo(f"ignored {len(ignored)} file(s) that are not articles: "
                       + ", ".join(str(p) for p in ignored[:5]), err=True)
        items = list(iter_articles(paths, stdin=sys.stdin.buffer,
                                   max_bytes=settings.max_article_bytes))
        articles = [item for item in items if not isinstance(item, Failure)]
        if articles:
            _build_index(checker, bar)
        with typer.progressbar(length=len(items), label="checking articles", file=sys.stderr,
                               hidden=quiet or len(items) < 2) as bar:
            batch = checker.check_batch(items, on_result=lambda _: bar.update(1))
        written = write_reports(batch, out, chosen) if batch.results else []
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    elapsed = time.perf_counter() - started
    if not quiet:
        _print_summary(batch)
    for failure in batch.failures:
        typer.echo(f"failed: {failure.source}: {failure.reason}", err=True)
    typer.echo(
        f"checked {len(batch.results)} article(s), {len(batch.verdicts())} claim(s) in "
        f"{elapsed:.1f}s; {len(written)} report file(s) in {out}/", err=True)
    if not batch.results:
        raise _fail("no article could be checked; fix the inputs listed above")
    if batch.failures:
        raise _fail(f"partial batch: {len(batch.failures)} of {len(items)} input(s) failed",
                    EXIT_PARTIAL)
    if fail_on is not None and _matches(batch, fail_on):
        typer.echo(f"--fail-on {fail_on.value}: at least one claim matched", err=True)
        raise typer.Exit(EXIT_FAIL_ON)


def _matches(batch: BatchResult, fail_on: FailOn) -> bool:
    wanted = {FailOn.contradicted: {Label.CONTRADICTED}, FailOn.unverified: {Label.UNVERIFIED},
              FailOn.any: {Label.CONTRADICTED, Label.UNVERIFIED}}[fail_on]
    return any(v.label in wanted for v in batch.verdicts())


class _IndexBar:
    """A progress bar over passages being embedded, shown only if there is work to do."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.bar = None
        self.done = 0

    def __call__(self, done: int, total: int) -> None:
        if self.quiet or total == 0:
            return
        if self.bar is None:
            self.bar = typer.progressbar(length=total, label="embedding evidence", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def _build_index(checker: Checker, bar: _IndexBar) -> None:
    try:
        checker.index  # noqa: B018 - builds the index now, under the progress bar
    finally:
        bar.close()


def _print_summary(batch: BatchResult) -> None:
    rows = [(r.article.id, len(r.verdicts), *(r.counts()[label] for label in Label))
            for r in batch.results]
    header = ("article", "claims", "supported", "contradicted", "unverified")
    totals = ("TOTAL", *(sum(row[i] for row in rows) for i in range(1, 5)))
    width = max([len(header[0])] + [len(str(r[0])) for r in rows]) + 2
    lines = [f"{header[0]:<{width}}" + "".join(f"{h:>14}" for h in header[1:])]
    for row in [*rows, totals]:
        lines.append(f"{row[0]:<{width}}" + "".join(f"{v:>14}" for v in row[1:]))
    typer.echo("\n".join(lines))


@app.command()
def claims(
    article: Annotated[str, typer.Argument(help="An article file, URL, or '-' for stdin.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print claims as JSON lines.")] = False,
    min_checkworthiness: Annotated[float | None, typer.Option(
        "--min-checkworthiness", help="Drop claims scoring lower (0-1).")] = None,
    config: ConfigOpt = None,
) -> None:
    """Print the atomic claims extracted from one article, with their character spans.

    Example: factcheck claims claims/xiaomi-beijing-factory.txt
    """
    from factcheck.articles import iter_articles
    from factcheck.claims import extract_claims

    try:
        settings = _settings(config, min_checkworthiness=min_checkworthiness)
        items = list(iter_articles([article], stdin=sys.stdin.buffer,
                                   max_bytes=settings.max_article_bytes))
        if not items:
            raise _fail(f"{article}: no article found")
        item = items[0]
        if isinstance(item, Failure):
            raise _fail(f"{item.source}: {item.reason}")
        found = extract_claims(item, min_checkworthiness=settings.min_checkworthiness)
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    for claim in found:
        spans = ";".join(f"{s.start}-{s.end}" for s in claim.spans)
        if as_json:
            typer.echo(json.dumps({
                "id": claim.id, "text": claim.text, "sentence_index": claim.sentence_index,
                "spans": [[s.start, s.end] for s in claim.spans],
                "checkworthiness": round(claim.checkworthiness, 4)}, ensure_ascii=False))
        else:
            typer.echo(f"{claim.id}  [{claim.checkworthiness:.2f}]  {claim.text}  (chars {spans})")
    if not as_json:
        typer.echo(f"{len(found)} claim(s) from {item.source}", err=True)


@evidence_app.command("validate")
def evidence_validate(
    path: Annotated[Path, typer.Argument(help="Evidence corpus folder or file.")],
) -> None:
    """Check a corpus: every problem is listed with file, line and fix; exit 1 if any.

    Example: factcheck evidence validate evidence/
    """
    from factcheck.corpus import load_corpus

    try:
        corpus = load_corpus(path)
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    sources = {p.source for p in corpus.passages}
    typer.echo(f"ok: {len(corpus)} passages from {len(corpus.files)} file(s), "
               f"{len(sources)} source(s); content hash {corpus.content_hash[:12]}")


@app.command()
def index(
    path: Annotated[Path, typer.Argument(help="Evidence corpus folder or file.")] = Path(
        "evidence"),
    model: ModelOpt = None,
    cache_dir: CacheOpt = None,
    allow_download: DownloadOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Embed the evidence corpus into the on-disk cache (only new or changed passages).

    Example: factcheck index evidence/ --cache-dir .factcheck-cache
    """
    from factcheck.pipeline import Checker

    try:
        settings = _settings(config, model=model, cache_dir=cache_dir,
                             allow_download=allow_download)
        started = time.perf_counter()
        bar = _IndexBar(quiet=False)
        checker = Checker(path, settings, index_progress=bar)
        _build_index(checker, bar)
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    stats = checker.index_stats
    if stats is not None:
        typer.echo(f"indexed {stats.passages} passages with {settings.model}: "
                   f"{stats.encoded} encoded, {stats.cached} from cache, "
                   f"in {time.perf_counter() - started:.1f}s; cache: {stats.cache_dir}")
