"""Exceptions the library raises; the CLI turns them into one-line messages and exit codes."""

from __future__ import annotations


class FactcheckError(Exception):
    """Base of every error a user can fix; its message names the input and the fix."""


class InputError(FactcheckError):
    """An article (file, folder, URL or stdin) cannot be read or is not text; seen by `check`."""


class CorpusError(FactcheckError):
    """The evidence corpus is malformed; the message lists each problem as ``file line N: ...``."""

    def __init__(self, problems: list[str], heading: str = "invalid evidence corpus") -> None:
        self.problems = problems
        shown = problems[:20]
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{heading}:\n" + "\n".join(shown) + more)


class ModelError(FactcheckError):
    """The embedding model cannot be found or loaded; the message says how to get or name one."""


class ConfigError(FactcheckError):
    """A settings value (flag, environment variable or config file) is invalid."""


class FetchError(InputError):
    """A URL could not be fetched or did not return an article (status, type, size or timeout)."""


class ReviewError(FactcheckError):
    """A review names a claim the reports lack, or a bad label or reviewer; seen by reviewers."""


class ArticleTimeout(InputError):
    """One article took longer than ``article_time_budget``; it fails, the batch goes on."""


class OutputError(FactcheckError):
    """The reports folder cannot be written (read-only, disk full, taken by another run)."""
