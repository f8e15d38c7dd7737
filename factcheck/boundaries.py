"""Text at the boundaries: names and strings that came from outside, checked or made printable.

File names on POSIX are bytes; Python hands back the ones that are not UTF-8 with lone
surrogates (``os.fsdecode``), which no UTF-8 file, report or terminal can hold. JSON escapes
(``"\\udc00"``) and command-line arguments bring the same characters in. Everything read from a
corpus, a reviews file or the command line is checked with :func:`surrogate_problem`; names
shown or written are made printable with :func:`display_name`.
"""

from __future__ import annotations

import os
import re

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def surrogate_problem(text: str) -> str | None:
    """A one-line description of the first lone surrogate in ``text``, or None if it has none.

    Example: ``"lone surrogate U+DC00 at character 1 (not valid Unicode)"``.
    """
    match = _SURROGATE.search(text)
    if match is None:
        return None
    return (f"lone surrogate U+{ord(match.group()):04X} at character {match.start()} "
            "(not valid Unicode)")


def display_name(path: str | os.PathLike[str]) -> str:
    """``path`` as printable UTF-8: bytes that were not UTF-8 become ``\\xNN`` escapes."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", errors="backslashreplace")
