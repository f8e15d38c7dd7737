"""What the command line shows on a terminal: progress bars, the batch summary, verdicts.

Everything goes through `rich` consoles made per call, so output follows the streams of the
moment (a test runner's, a pipe). Colour only on a terminal, and never with ``NO_COLOR`` set
(rich honours it); progress bars only on stderr, and only on a terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from factcheck.records import ArticleResult, BatchResult, Failure, Label, Verdict

#: Terminal styles of the verdicts; the same hues as the HTML report (colour-blind safe:
#: blue, vermillion, grey), and every verdict is also spelled out.
LABEL_STYLES = {
    Label.SUPPORTED: "bold #4a9be0",
    Label.CONTRADICTED: "bold #e0662b",
    Label.UNVERIFIED: "bold",
}
#: A mark per verdict, so the verdict never depends on colour alone.
LABEL_ICONS = {Label.SUPPORTED: "✓", Label.CONTRADICTED: "✗", Label.UNVERIFIED: "?"}


def console(stream: TextIO | None = None) -> Console:
    """A console over ``stream`` (default stdout): colour on a terminal unless ``NO_COLOR``."""
    return Console(file=stream or sys.stdout, highlight=False, soft_wrap=True, emoji=False)


class _Rate(ProgressColumn):
    """Items per second, with the unit named (``1.8 articles/s``)."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:.1f} {self.unit}/s", style="dim")


class Bar:
    """A progress bar on stderr (file being done, count, rate, time left); silent when hidden.

    Hidden when ``hidden`` is true, or when stderr is not a terminal (a CI log gets the
    summary lines, not bar frames).
    """

    def __init__(self, label: str, unit: str, *, hidden: bool) -> None:
        self.label = label
        self.unit = unit
        err = console(sys.stderr)
        self.hidden = hidden or not err.is_terminal
        self._progress = None if self.hidden else Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _Rate(unit),
            TimeRemainingColumn(), TextColumn("{task.fields[current]}", style="dim"),
            console=err, transient=False)
        self._task: TaskID | None = None
        self._done = 0

    def start(self, total: int) -> None:
        """Show the bar for ``total`` items (once; later calls do nothing)."""
        if self._progress is None or self._task is not None:
            return
        self._progress.start()
        self._task = self._progress.add_task(self.label, total=total, current="")

    def advance(self, count: int = 1, current: str = "") -> None:
        """Count ``count`` more items done; ``current`` names the last one."""
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, advance=count, current=current)

    def __call__(self, done: int, total: int) -> None:
        """Progress callback of the form ``(done, total)``: starts the bar on first call."""
        if total == 0:
            return
        self.start(total)
        self.advance(done - self._done)
        self._done = done

    def close(self) -> None:
        """Stop drawing (the last frame stays on screen)."""
        if self._progress is not None and self._task is not None:
            self._progress.stop()


def outcome_name(outcome: ArticleResult | Failure) -> str:
    """The input an outcome is about, for the progress bar."""
    return outcome.source if isinstance(outcome, Failure) else outcome.article.source


def _label(label: Label, width: int = 0) -> Text:
    return Text(f"{LABEL_ICONS[label]} {label.value}".ljust(width), style=LABEL_STYLES[label])


def print_summary(batch: BatchResult, out: Console) -> None:
    """One row per article checked (claims per verdict) and a total; nothing if none was."""
    if not batch.results:
        return
    # Each row: a name, then the claims checked and the claims per label.
    rows: list[tuple[str, list[int]]] = [
        (str(r.article.id), [len(r.verdicts), *(r.counts()[label] for label in Label)])
        for r in batch.results]
    totals = [sum(column) for column in zip(*(numbers for _, numbers in rows), strict=True)]
    width = max([len("article")] + [len(name) for name, _ in rows]) + 2
    header = Text(f"{'article':<{width}}{'claims':>14}")
    for label in Label:
        header.append(f"{label.value:>14}", style=LABEL_STYLES[label])
    out.print(header)
    for index, (name, (claims, *per_label)) in enumerate([*rows, ("TOTAL", totals)]):
        line = Text(f"{name:<{width}}{claims:>14}", style="bold" if index == len(rows) else "")
        for label, count in zip(Label, per_label, strict=True):
            line.append(f"{count:>14}", style=LABEL_STYLES[label] if count else "dim")
        out.print(line)


def _one_line(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_contradicted(batch: BatchResult, out: Console) -> None:
    """Every contradicted claim of the batch: article, claim, and why in one line."""
    found = [(result.article.id, verdict) for result in batch.results
             for verdict in result.verdicts if verdict.label is Label.CONTRADICTED]
    if not found:
        return
    out.print(Text(f"\ncontradicted claims ({len(found)}):",
                   style=LABEL_STYLES[Label.CONTRADICTED]))
    for article_id, verdict in found:
        line = Text(f"{LABEL_ICONS[Label.CONTRADICTED]} ", style=LABEL_STYLES[Label.CONTRADICTED])
        line.append(f"{article_id}: ", style="bold")
        line.append(_one_line(verdict.claim.text))
        out.print(line)
        out.print(Text(f"    why: {_one_line(verdict.rationale)}", style="dim"))


def print_verdicts(verdicts: Iterable[Verdict], out: Console) -> None:
    """Each verdict on one line (label, confidence, claim) and its rationale under it."""
    width = max(len(label.value) for label in Label) + 2
    for verdict in verdicts:
        line = _label(verdict.label, width + 1)
        line.append(f" {verdict.confidence:.2f}  {verdict.claim.text}")
        out.print(line)
        out.print(Text(f"{'':{width + 8}}{_one_line(verdict.rationale, 400)}", style="dim"))
