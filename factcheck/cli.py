"""The ``factcheck`` command line: parses options, calls the library, prints results.

Exit codes: 0 done; 1 a usage, input, corpus or model error (the message says how to fix it);
2 ``--fail-on`` matched a claim; 3 a partial batch (some inputs could not be checked, the
rest were). When several apply, the first in the order 1, 2, 3 wins: a ``--fail-on`` match is
reported as 2 even in a partial batch (the failed inputs are still listed on stderr).
"""

from __future__ import annotations

import inspect
import json
import sys
import time
import warnings
from enum import Enum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from factcheck import terminal
from factcheck.errors import FactcheckError
from factcheck.judging.registry import check_judge_spec, judge_help
from factcheck.records import Article, ArticleResult, BatchResult, Failure, Label
from factcheck.reports.folder import REPORT_FORMATS, ReportFormat
from factcheck.reports.to_jsonl import jsonl_lines
from factcheck.settings import Encoder, Settings, load_settings
from factcheck.version import __version__

if TYPE_CHECKING:
    from factcheck.pipeline import Checker

EXIT_ERROR, EXIT_FAIL_ON, EXIT_PARTIAL = 1, 2, 3

# The click that typer runs (typer 0.2x vendors its own copy): its usage errors are this class.
# Found at run time so that either copy works; the type checker sees the copy installed.
if TYPE_CHECKING:
    from typer._click.exceptions import UsageError as _UsageError
else:
    _UsageError = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


class _Group(TyperGroup):
    """The command group; a usage error (unknown option or command, bad value) exits 1, not 2.

    Click exits 2 on usage errors, but 2 is ``--fail-on``'s code: in CI a typo must not read
    as "contradicted claims found".
    """

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except _UsageError as exc:
            exc.exit_code = EXIT_ERROR
            raise

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except _UsageError as exc:
            exc.exit_code = EXIT_ERROR
            raise


app = typer.Typer(
    name="factcheck",
    cls=_Group,
    help="Offline claim fact-checking: split articles into claims, find evidence, label, report.",
    epilog="Example: factcheck check claims/ --evidence evidence/ --out reports/",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option(
        "--version", callback=_show_version, is_eager=True,
        help="Print the version and exit.")] = False,
) -> None:
    """Offline claim fact-checking: split articles into claims, find evidence, label, report."""
    warnings.showwarning = _show_warning


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


class BackendChoice(StrEnum):
    """Where ``check --workers`` runs its workers."""

    local = "local"
    ray = "ray"


def _parse_formats(value: str | list[str]) -> list[str]:
    """One ``--format`` value: a format or a comma-separated list of them."""
    if isinstance(value, list):
        return value
    chosen = [name.strip().lower() for name in str(value).split(",") if name.strip()]
    unknown = [name for name in chosen if name not in REPORT_FORMATS]
    if unknown or not chosen:
        raise typer.BadParameter(
            f"unknown format {', '.join(map(repr, unknown)) or '(none)'}; choose from "
            f"{', '.join(REPORT_FORMATS)} (repeat --format or separate with commas)")
    return chosen


def _join_formats(value: list[list[str]] | None) -> list[str] | None:
    """Every ``--format`` given, as one list without repeats (``None`` when none was)."""
    return list(dict.fromkeys(name for group in value for name in group)) if value else None


STDOUT = "-"

EvidenceOpt = Annotated[Path, typer.Option(
    "--evidence", "-e", help="Evidence corpus: a folder or file of .jsonl/.csv/.txt/.md.")]
ConfigOpt = Annotated[Path | None, typer.Option(
    "--config", help="TOML settings file (default: $FACTCHECK_CONFIG or ./factcheck.toml).")]
ModelOpt = Annotated[str | None, typer.Option(
    "--model", help="Embedding model: all-MiniLM-L6-v2 (offline default), a local folder, or a "
    "hub id (with --allow-download).")]
CacheOpt = Annotated[Path | None, typer.Option(
    "--cache-dir", help=f"Where corpus embeddings are cached (default {Settings().cache_dir}).")]
DownloadOpt = Annotated[bool | None, typer.Option(
    "--allow-download/--offline", help="Allow downloading a hub model (default: offline).")]
EncoderOpt = Annotated[Encoder | None, typer.Option(
    "--encoder", help="What runs the model (default auto: onnx when the scale extra is "
    "installed, else torch).")]
JudgeOpt = Annotated[str | None, typer.Option(
    "--judge", help=f"Who decides verdicts: {judge_help()}.")]


def _settings(config: Path | None, **overrides: Any) -> Settings:
    settings = load_settings(config, **overrides)
    check_judge_spec(settings.judge)  # a typo in --judge fails before any work
    return settings


def _fail(message: str, code: int = EXIT_ERROR) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)




def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: object = None, line: str | None = None) -> None:
    """Library warnings (a skipped review line, reports not updated) as one ``warning:`` line."""
    typer.echo(f"warning: {message}", err=True)


def _valid_text(option: str, value: str | None) -> None:
    """Refuse an argument that is not valid Unicode (e.g. Latin-1 bytes from the terminal)."""
    from factcheck.boundaries import surrogate_problem

    problem = surrogate_problem(value or "")
    if problem is not None:
        raise _fail(f"{option}: the text has a {problem}: it is not UTF-8 (is the terminal set to "
                    "another encoding?); retype it in UTF-8")


@app.command()
def check(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Articles: files, folders, glob patterns, '-' for stdin, or http(s) URLs.",
        show_default=False)] = None,
    claim: Annotated[list[str] | None, typer.Option(
        "--claim", "-c", help="A statement to check as written (one claim, not split); "
        "repeat for more. Reported as the article 'claims'.", show_default=False)] = None,
    evidence: EvidenceOpt = Path("evidence"),
    out: Annotated[str, typer.Option(
        "--out", "-o", help="Folder for the reports, or '-' to stream JSON Lines to stdout "
        "(with --format jsonl).")] = "reports",
    formats: Annotated[list[str] | None, typer.Option(
        "--format", "-f", parser=_parse_formats, callback=_join_formats,
        metavar="|".join(REPORT_FORMATS),
        help="Report formats, repeated or comma-separated (default json,md,html,csv; jsonl: "
        "one JSON object per claim).", show_default=False)] = None,
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
    resume: Annotated[bool, typer.Option(
        "--resume", help="Skip articles whose JSON report in --out is up to date (same article "
        "text, corpus, model, judge and settings), e.g. after an interrupted run.")] = False,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1, help="Check articles in this many processes (local; default "
        "1) or Ray actors (ray; default one per cluster CPU), each loading the model and index "
        "once.")] = None,
    backend: Annotated[BackendChoice, typer.Option(
        "--backend", help="local: processes on this machine; ray: a Ray cluster (needs the ray "
        "extra).")] = BackendChoice.local,
    ray_address: Annotated[str | None, typer.Option(
        "--ray-address", help="Ray cluster to join, e.g. auto or ray://head:10001 (default: "
        "$RAY_ADDRESS, else a local Ray instance).")] = None,
    encoder: EncoderOpt = None,
    judge: JudgeOpt = None,
    wait: Annotated[bool, typer.Option(
        "--wait", help="If another run is writing into --out, wait for it to finish (default: "
        "fail at once; one writer per folder).")] = False,
    allow_private_urls: Annotated[bool, typer.Option(
        "--allow-private-urls", help="Fetch URLs on loopback, private, link-local or multicast "
        "addresses too (refused by default, after DNS resolution and on every redirect).")
    ] = False,
) -> None:
    """Check articles (or single statements) against the evidence corpus and write reports.

    Each article's reports are written as soon as it is checked, so an interrupted run keeps
    its finished work; rerun with --resume to check only the rest. A one-line input is a
    claim, not a headline. Reports an earlier run wrote for the same articles in formats not
    asked for now are removed.

    Example: factcheck check claims/ --evidence evidence/ --out reports/ --fail-on contradicted
    """
    from factcheck.backends import open_workers
    from factcheck.files import check_writable_folder
    from factcheck.inputs.articles import claims_article, iter_articles, list_ignored
    from factcheck.inputs.fetch import FetchLimits
    from factcheck.pipeline import Checker, FolderRun

    paths, claim = paths or [], claim or []
    chosen = formats or ["json", "md", "html", "csv"]
    streaming = out == STDOUT
    if not paths and not claim:
        raise _fail("nothing to check: give articles (files, folders, globs, '-', URLs) or "
                    "--claim \"TEXT\"")
    if streaming and chosen != [ReportFormat.JSONL.value]:
        raise _fail("--out - streams JSON Lines to stdout: use it with --format jsonl only "
                    "(or give --out a folder)")
    if resume and (streaming or "json" not in chosen):
        raise _fail("--resume reads the JSON reports in --out: add json to --format and give "
                    "--out a folder")
    # With JSON Lines on stdout, stdout holds nothing else: the table goes to stderr.
    shown = terminal.console(sys.stderr if streaming else None)
    try:
        settings = _settings(config, model=model, cache_dir=cache_dir, top_k=top_k,
                             allow_download=allow_download, encoder=encoder, judge=judge)
        if not streaming:
            check_writable_folder(Path(out))  # before the model, the index, every article
        started = time.perf_counter()
        index_bar = terminal.Bar("embedding evidence", "passages", hidden=quiet)
        checker = Checker(evidence, settings, index_progress=index_bar)
        ignored = list_ignored(paths)
        if ignored and not quiet:
            typer.echo(f"ignored {len(ignored)} file(s) that are not articles: "
                       + ", ".join(str(p) for p in ignored[:5]), err=True)
        items: list[Article | Failure] = list(iter_articles(
            paths, stdin=sys.stdin.buffer, max_bytes=settings.max_article_bytes,
            fetch_limits=FetchLimits(allow_private=allow_private_urls),
            time_budget=settings.article_time_budget,
            on_note=lambda note: typer.echo(f"warning: {note}", err=True)))
        if claim:
            taken = {item.id for item in items if isinstance(item, Article)}
            items.append(claims_article(claim, _free_id("claims", taken)))
        articles = [item for item in items if not isinstance(item, Failure)]
        if articles:
            _build_index(checker, index_bar)
        bar = terminal.Bar("checking", "articles", hidden=quiet or len(items) < 2)
        bar.start(len(items))

        def advance(outcome: ArticleResult | Failure) -> None:
            bar.advance(1, terminal.outcome_name(outcome))
            if streaming and isinstance(outcome, ArticleResult):
                for line in jsonl_lines(outcome):
                    typer.echo(line)

        try:
            with open_workers(checker, workers=workers, backend=backend.value,
                              address=ray_address, start=bool(articles)) as mapper:
                if streaming:
                    batch = checker.check_batch(items, advance, mapper=mapper)
                    run = FolderRun(batch, (), (), (), ())
                else:
                    run = checker.check_to_folder(items, out, chosen, resume=resume,
                                                  on_result=advance, mapper=mapper, wait=wait)
        finally:
            bar.close()
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    batch = run.batch
    elapsed = time.perf_counter() - started
    verdicts_only = bool(claim) and len(batch.results) == 1 and not paths
    if not quiet:
        if verdicts_only:
            terminal.print_verdicts(batch.results[0].verdicts, shown)
        else:
            terminal.print_summary(batch, shown)
            terminal.print_contradicted(batch, shown)
    for warning in run.warnings:
        typer.echo(f"warning: {warning}", err=True)
    for failure in batch.failures:
        reason = failure.reason
        typer.echo("failed: " + (reason if reason.startswith(failure.source)
                                 else f"{failure.source}: {reason}"), err=True)
    reused = f", {len(run.reused)} kept up to date (--resume)" if resume else ""
    where = ("streamed to stdout" if streaming
             else f"{len(run.written)} report file(s) written in {str(out).rstrip('/')}/")
    removed = (f"; removed {len(run.removed)} report file(s) of a previous run in formats not "
               "asked for" if run.removed else "")
    typer.echo(
        f"checked {len(batch.results) - len(run.reused)} article(s){reused}, "
        f"{len(batch.verdicts())} claim(s) in {elapsed:.1f}s; {where}{removed}", err=True)
    if not batch.results:
        raise _fail("no article could be checked; fix the inputs listed above")
    if batch.failures:
        typer.echo(f"partial batch: {len(batch.failures)} of {len(items)} input(s) failed",
                   err=True)
    if fail_on is not None and _matches(batch, fail_on):
        typer.echo(f"--fail-on {fail_on.value}: at least one claim matched", err=True)
        raise typer.Exit(EXIT_FAIL_ON)
    if batch.failures:
        raise typer.Exit(EXIT_PARTIAL)


def _free_id(wanted: str, taken: set[str]) -> str:
    candidate, number = wanted, 1
    while candidate in taken:
        number += 1
        candidate = f"{wanted}-{number}"
    return candidate


def _matches(batch: BatchResult, fail_on: FailOn) -> bool:
    wanted = {FailOn.contradicted: {Label.CONTRADICTED}, FailOn.unverified: {Label.UNVERIFIED},
              FailOn.any: {Label.CONTRADICTED, Label.UNVERIFIED}}[fail_on]
    return any(v.label in wanted for v in batch.verdicts())


def _build_index(checker: Checker, bar: terminal.Bar) -> None:
    try:
        checker.index  # noqa: B018 - builds the index now, under the progress bar
    finally:
        bar.close()


@app.command()
def claims(
    inputs: Annotated[list[str], typer.Argument(
        help="Articles: files, folders, glob patterns, URLs, or '-' for stdin; every article "
        "found is read.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print claims as JSON lines.")] = False,
    min_checkworthiness: Annotated[float | None, typer.Option(
        "--min-checkworthiness", help="Drop claims scoring lower (0-1).")] = None,
    config: ConfigOpt = None,
) -> None:
    """Print the atomic claims extracted from articles, with their character spans.

    Example: factcheck claims claims/xiaomi-beijing-factory.txt
    """
    from factcheck.inputs.articles import iter_articles
    from factcheck.pipeline import extract_claims_capped

    failed = 0
    try:
        settings = _settings(config, min_checkworthiness=min_checkworthiness)
        items = list(iter_articles(inputs, stdin=sys.stdin.buffer,
                                   max_bytes=settings.max_article_bytes))
        articles = [item for item in items if isinstance(item, Article)]
        for item in items:
            if isinstance(item, Failure):
                failed += 1
                typer.echo(f"failed: {_naming(item.source, item.reason)}", err=True)
                continue
            found, truncated_at = extract_claims_capped(item, settings)
            if truncated_at is not None:
                typer.echo(f"warning: {item.source}: printed only the first {len(found):,} "
                           f"claims (up to character {truncated_at:,} of {len(item.text):,}); "
                           "raise max_claims_per_article to see the rest", err=True)
            if not as_json and len(articles) > 1:
                typer.echo(f"# {item.id} ({item.source})")
            for claim_ in found:
                spans = ";".join(f"{s.start}-{s.end}" for s in claim_.spans)
                if as_json:
                    typer.echo(json.dumps({
                        "article_id": item.id, "id": claim_.id, "text": claim_.text,
                        "sentence_index": claim_.sentence_index,
                        "spans": [[s.start, s.end] for s in claim_.spans],
                        "checkworthiness": round(claim_.checkworthiness, 4)},
                        ensure_ascii=False))
                else:
                    typer.echo(f"{claim_.id}  [{claim_.checkworthiness:.2f}]  {claim_.text}  "
                               f"(chars {spans})")
            if not as_json:
                typer.echo(f"{len(found)} claim(s) from {item.source}", err=True)
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    if not articles:
        raise _fail("no article could be read; fix the inputs listed above")
    if failed:
        raise typer.Exit(EXIT_PARTIAL)


def _naming(source: str, reason: str) -> str:
    return reason if reason.startswith(source) else f"{source}: {reason}"


@evidence_app.command("validate")
def evidence_validate(
    path: Annotated[Path, typer.Argument(help="Evidence corpus folder or file.")],
) -> None:
    """Check a corpus: every problem is listed with file, line and fix; exit 1 if any.

    Example: factcheck evidence validate evidence/
    """
    from factcheck.retrieval.corpus import load_corpus

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
    encoder: EncoderOpt = None,
) -> None:
    """Embed the evidence corpus into the on-disk cache (only new or changed passages).

    Example: factcheck index evidence/ --cache-dir .factcheck-cache
    """
    from factcheck.pipeline import Checker

    try:
        settings = _settings(config, model=model, cache_dir=cache_dir,
                             allow_download=allow_download, encoder=encoder)
        started = time.perf_counter()
        bar = terminal.Bar("embedding evidence", "passages", hidden=False)
        checker = Checker(path, settings, index_progress=bar)
        _build_index(checker, bar)
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    stats = checker.index_stats
    if stats is not None:
        search = "approximate (ANN)" if stats.approximate else "exact"
        typer.echo(f"indexed {stats.passages} passages with {checker.embedder.name}: "
                   f"{stats.encoded} encoded, {stats.cached} from cache, "
                   f"in {time.perf_counter() - started:.1f}s; cache: {stats.cache_dir} "
                   f"({stats.dtype}, {search} search)")


# Reviews and export -------------------------------------------------------------------------

review_app = typer.Typer(
    help="Review the verdicts of a saved batch: overrule them and measure agreement.",
    epilog="Example: factcheck review summary reports/",
    no_args_is_help=True,
)
app.add_typer(review_app, name="review")

ReportsArg = Annotated[Path, typer.Argument(
    help="A folder written by `factcheck check --out` (its JSON reports are read).")]


@review_app.command("summary")
def review_summary(
    folder: ReportsArg,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Print how often reviewers kept the machine verdict, and a machine-by-reviewer table.

    Example: factcheck review summary reports/
    """
    from factcheck.analyst.review import Review

    try:
        agreement = Review(folder).agreement()
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    rate = agreement.rate
    if as_json:
        typer.echo(json.dumps({
            "claims": agreement.claims, "reviewed": agreement.reviewed,
            "agreed": agreement.agreed, "overridden": agreement.overridden,
            "agreement": None if rate is None else round(rate, 4), "stale": agreement.stale,
            "reviewers": agreement.reviewers,
            "confusion": [{"machine": m.value, "reviewed": r.value, "claims": n}
                          for (m, r), n in sorted(agreement.confusion.items())],
        }, ensure_ascii=False))
        return
    typer.echo(f"claims: {agreement.claims}  reviewed: {agreement.reviewed}  "
               f"agreed: {agreement.agreed}  overridden: {agreement.overridden}  agreement: "
               + ("n/a" if rate is None else f"{rate:.0%}"))
    if agreement.reviewers:
        typer.echo("reviewers: " + ", ".join(
            f"{name} {count}" for name, count in sorted(agreement.reviewers.items())))
    if agreement.stale:
        typer.echo(f"stale reviews (their claim is gone or changed since): {agreement.stale}")
    corner = "machine \\ reviewed"
    width = len(corner) + 2
    lines = [f"{corner:<{width}}" + "".join(f"{lb.value:>14}" for lb in Label)]
    for machine in Label:
        lines.append(f"{machine.value:<{width}}" + "".join(
            f"{agreement.confusion.get((machine, reviewed), 0):>14}" for reviewed in Label))
    typer.echo("\n".join(lines))


@review_app.command("override")
def review_override(
    folder: ReportsArg,
    claim_id: Annotated[str, typer.Argument(
        help="The claim id, as in the reports (e.g. xiaomi-su7-launch-c06).")],
    label: Annotated[Label, typer.Argument(help="The reviewed verdict.", case_sensitive=False)],
    reviewer: Annotated[str, typer.Option(
        "--reviewer", "-r", envvar="FACTCHECK_REVIEWER",
        help="Your name (or set $FACTCHECK_REVIEWER).")],
    note: Annotated[str, typer.Option(
        "--note", "-n", help="Why; shown next to the verdict in the reports.")] = "",
    article: Annotated[str | None, typer.Option(
        "--article", help="The article id, only needed when the claim id is in several.")] = None,
) -> None:
    """Record your verdict for a claim (appended to reviews.jsonl) and update the reports.

    Example: factcheck review override reports/ xiaomi-su7-launch-c06 supported -r ana -n "3 April"
    """
    from factcheck.analyst.review import Review

    for option, value in (("CLAIM_ID", claim_id), ("--reviewer", reviewer), ("--note", note),
                          ("--article", article)):
        _valid_text(option, value)
    try:
        review = Review(folder)
        record = review.override(claim_id, label, note=note, reviewer=reviewer, article_id=article)
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    change = "kept" if record.label == record.machine_label else "overrode"
    typer.echo(f"{record.claim_id}: {record.reviewer} {change} the machine verdict: "
               f"{record.machine_label.value} -> {record.label.value}; reports updated, "
               f"review kept in {review.path}")


@review_app.command("repair")
def review_repair(
    folder: Annotated[Path, typer.Argument(help="A folder written by `factcheck check --out`.")],
) -> None:
    """Rewrite reviews.jsonl keeping every valid review; set damaged lines aside, not lost.

    Example: factcheck review repair reports/
    """
    from factcheck.reports.reviews import REVIEWS_FILE, repair_reviews

    if not folder.is_dir():
        raise _fail(f"{folder}: no such folder; give the --out folder of `factcheck check`")
    try:
        kept, problems, aside = repair_reviews(folder / REVIEWS_FILE)
    except (FactcheckError, OSError) as exc:
        raise _fail(f"{folder / REVIEWS_FILE}: cannot repair ({exc})") from None
    for problem in problems:
        typer.echo(f"set aside: {problem}", err=True)
    where = f"; {len(problems)} damaged line(s) moved to {aside}" if aside else ""
    typer.echo(f"{folder / REVIEWS_FILE}: {kept} review(s) kept{where}")


@app.command("export")
def export(
    folder: ReportsArg,
    claimreview: Annotated[bool, typer.Option(
        "--claimreview", help="Write schema.org ClaimReview JSON-LD, one item per claim.")] = False,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write (default: FOLDER/claimreview.jsonld).")] = None,
    author: Annotated[str, typer.Option(
        "--author", help="Organisation named as author of verdicts no one reviewed.")
    ] = "factcheck",
) -> None:
    """Export a saved batch for publishing; reviewed verdicts replace the machine's.

    Example: factcheck export --claimreview reports/
    """
    from factcheck.reports.claimreview import export_claimreview

    if not claimreview:
        raise _fail("choose what to export: --claimreview (schema.org ClaimReview JSON-LD)")
    _valid_text("--author", author)
    try:
        path, count = export_claimreview(folder, output, author=author)
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"wrote {count} ClaimReview item(s) to {path}")


@app.command("serve")
def serve_command(
    folder: ReportsArg,
    host: Annotated[str, typer.Option(
        "--host", help="Address to listen on. The default answers only this machine; 0.0.0.0 "
        "lets anyone who can reach it read and review the reports.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(
        "--port", "-p", min=0, max=65535, help="TCP port (0 picks a free one).")] = 8000,
) -> None:
    """Open a local web app over a reports folder: the batch overview, and review forms.

    Reviews go to the folder's reviews.jsonl, as with `factcheck review override`, and the
    reports are updated. Stop it with Ctrl-C.

    Example: factcheck serve reports/ --port 8000
    """
    from factcheck.app.server import LOOPBACK_HOSTS, serve

    def announce(url: str) -> None:
        typer.echo(f"serving {folder} at {url} (Ctrl-C stops)")
        if host.strip("[]").lower() not in LOOPBACK_HOSTS:
            typer.echo(f"warning: listening on {host}: anyone who can reach this machine on port "
                       f"{url.rsplit(':', 1)[1].strip('/')} can read the reports and add reviews",
                       err=True)

    try:
        serve(folder, host=host, port=port, announce=announce)
    except FactcheckError as exc:
        raise _fail(str(exc)) from None


@app.command("explain")
def explain_command(
    text: Annotated[str, typer.Argument(help="The statement to check, as written.")],
    evidence: EvidenceOpt = Path("evidence"),
    judge: JudgeOpt = None,
    top_k: Annotated[int | None, typer.Option("--top-k", help="Passages retrieved.")] = None,
    model: ModelOpt = None,
    cache_dir: CacheOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Check one statement and show why: passages, scores and the comparison slot by slot.

    Example: factcheck explain "Xiaomi's plant makes 500,000 cars a year." --evidence evidence/
    """
    from factcheck.analyst.explain import explain
    from factcheck.pipeline import Checker

    _valid_text("TEXT", text)
    if not text.strip():
        raise _fail("nothing to explain: give a statement, e.g. factcheck explain \"Xiaomi's "
                    "plant makes 500,000 cars a year.\"")
    try:
        settings = _settings(config, model=model, cache_dir=cache_dir, top_k=top_k, judge=judge)
        explanation = explain(Checker(evidence, settings), text.strip())
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    typer.echo(str(explanation))


@app.command("eval")
def eval_command(
    file: Annotated[Path, typer.Argument(
        help="A claims.jsonl (id, claim, label[, evidence ids]: checked end to end against "
        "--evidence) or a pairs.jsonl (id, claim, evidence text, label: judge only).")],
    evidence: Annotated[Path | None, typer.Option(
        "--evidence", "-e", help="Evidence corpus for a claims file.")] = None,
    judge: JudgeOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    top_k: Annotated[int | None, typer.Option("--top-k", help="Passages retrieved per claim.")
                     ] = None,
    model: ModelOpt = None,
    cache_dir: CacheOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Score a judge on labelled claims or pairs: accuracy, macro-F1, per label, confusion.

    Example: factcheck eval claims/gold.jsonl --evidence evidence/
    """
    from factcheck.training.evaluate import evaluate_file, format_scores

    try:
        settings = _settings(config, model=model, cache_dir=cache_dir, top_k=top_k, judge=judge)
        evaluation = evaluate_file(file, evidence=evidence, settings=settings)
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    if as_json:
        typer.echo(json.dumps(evaluation.to_dict()))
    else:
        typer.echo(format_scores(evaluation))


@app.command("train-judge")
def train_judge_command(
    sources: Annotated[list[str], typer.Argument(
        help="Training data: pairs.jsonl files, and claims.jsonl:corpus.jsonl for claims checked "
        "end to end against their corpus.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Model file to write (JSON).")],
    holdout: Annotated[float, typer.Option(
        "--holdout", help="Share of claim groups kept out of training for honest evaluation "
        "(0 trains on everything).")] = 0.3,
    folds: Annotated[int, typer.Option(
        "--folds", help="Cross-validation folds for the regularisation and label offsets.")] = 5,
    model: ModelOpt = None,
    cache_dir: CacheOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Train the learned judge on labelled pairs and claims; write a JSON model.

    Example: factcheck train-judge ../shared/datasets/healthver-dev/pairs.jsonl --out model.json
    """
    from factcheck.training.train import parse_source, train_judge

    def report(message: str) -> None:
        typer.echo(message, err=True)

    try:
        settings = _settings(config, model=model, cache_dir=cache_dir)
        command = "factcheck train-judge " + " ".join(sys.argv[2:] if len(sys.argv) > 2 else [])
        result = train_judge([parse_source(s) for s in sources], out, settings,
                             holdout=holdout, folds=folds, command=command, report=report)
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    cv = result.cv
    typer.echo(f"wrote {out}: cross-validated mean macro-F1 {cv['mean_macro_f1']:.3f} "
               f"(l2 {cv['l2']:g}, {cv['folds']} folds)")
    for name, scores in cv["per_file"].items():
        typer.echo(f"  {name}: macro-F1 {scores['macro_f1']:.3f} on {scores['n']} training cases")


def _examples_last(typer_app: typer.Typer) -> None:
    """Move the ``Example:`` line of each command's docstring to the end of its help."""
    for info in typer_app.registered_commands:
        lines = (inspect.getdoc(info.callback) or "").splitlines()
        examples = [line.strip() for line in lines if line.strip().startswith("Example:")]
        if examples and info.epilog is None:
            info.epilog = "\b\n" + examples[0]  # \b: click keeps the line unwrapped
            info.help = "\n".join(line for line in lines
                                  if not line.strip().startswith("Example:")).strip()
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            _examples_last(group.typer_instance)


_examples_last(app)
