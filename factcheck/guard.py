"""Per-input isolation: one guard that turns whatever goes wrong with one input into its failure.

Everything that reads, decodes, reduces, splits, checks or writes one article runs inside
:func:`guarded`: a :class:`~factcheck.errors.FactcheckError` becomes that input's failure with its
own message, any other exception a failure saying it is an internal error, and an input that
runs past the time budget a failure saying so. Errors about the whole run (listed by the caller)
pass through. The batch goes on either way.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

from factcheck.errors import ArticleTimeout, FactcheckError
from factcheck.records import Failure

T = TypeVar("T")


@contextlib.contextmanager
def time_budget(seconds: float | None, source: str) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` inside the block once it has run ``seconds``.

    Uses ``SIGALRM``, so it bounds Python code (parsing, splitting, judging, network reads) in the
    main thread of a POSIX process, which is where batches run (worker processes included);
    elsewhere, or with ``seconds`` of None or 0, the block is not bounded. A budget already
    running outside is suspended and restored after.
    """
    if (not seconds or seconds <= 0 or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ArticleTimeout(
            f"{source}: took more than {seconds:g}s (article_time_budget) and was stopped; "
            "split the article or raise article_time_budget")

    previous = signal.signal(signal.SIGALRM, expire)
    outer_left, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left:
            signal.setitimer(signal.ITIMER_REAL, outer_left)


def guarded(source: str, action: Callable[[], T], *, budget: float | None = None,
            fatal: tuple[type[BaseException], ...] = (), doing: str = "reading",
            name: str | None = None) -> T | Failure:
    """``action()``, or a :class:`Failure` of ``source`` when it raises or runs out of time.

    Args:
        source: the input's name, put first in the failure's reason.
        action: the work for this one input.
        budget: seconds it may take (see :func:`time_budget`); None for no limit.
        fatal: exceptions about the whole run, raised rather than kept as a failure.
        doing: what the action does, for the message of an internal error ("checking").
        name: how messages name the input, when not ``source`` (``stdin`` for ``-``).

    Returns:
        What ``action`` returned, or the failure.
    """
    name = name or source
    try:
        with time_budget(budget, name):
            return action()
    except fatal:
        raise
    except FactcheckError as exc:
        return Failure(source, _naming(name, str(exc)))
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except Exception as exc:  # a bug met on one input must not lose the whole batch
        return Failure(source, _naming(
            name, f"internal error while {doing} ({type(exc).__name__}: {exc}); the other "
            "articles were checked; please report this with the article"))


def _naming(source: str, message: str) -> str:
    """``message`` starting with the input it is about."""
    return message if message.startswith(source) else f"{source}: {message}"
