"""Findings as text for a terminal, the way compilers show errors: where, the line, a caret
under the words, the message, and the suggestion.

    post.txt:2:5: warn: This is an insult. [insult.name]
      2 | say idiot, please
        |     ^^^^^
        = Write more kindly.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from checker.text import Document

WINDOW = 100          # the most columns of a line shown; a longer line is cut around the span
BEFORE = 30           # columns shown before the span when a line is cut


def _width(ch: str) -> int:
    """Terminal columns a character takes: 2 for wide ones, 0 for combining marks."""
    if unicodedata.combining(ch) or ch in "\u200d\ufe0f\ufe0e":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _columns(text: str) -> int:
    return sum(map(_width, text))


def excerpt_lines(line: str, start: int, end: int) -> tuple[str, str]:
    """The line as shown (tabs as spaces, cut to WINDOW columns) and the caret line under
    [start, end) of it; both without the gutter."""
    line = line.replace("\t", " ")
    end = max(end, start + 1)
    if _columns(line) > WINDOW:
        first = max(0, start - BEFORE)
        last = first
        while last < len(line) and _columns(line[first:last + 1]) <= WINDOW - 2:
            last += 1
        prefix, suffix = ("…" if first else ""), ("…" if last < len(line) else "")
        line, start, end = prefix + line[first:last] + suffix, start - first + len(prefix), \
            min(end, last) - first + len(prefix)
    pad = _columns(line[:start])
    carets = max(1, _columns(line[start:end]))
    return line, " " * pad + "^" * carets


def render(name: str, text: str, result: dict[str, Any]) -> str:
    """The findings of a /v1/check result for the text checked, one block each."""
    doc = Document(text)
    out = []
    for f in result["findings"]:
        head = f"{f['severity']}: {f['message']} [{f['rule']}]"
        gutter = ""
        if f["start"] == f["end"] == 0:                  # about the post as a whole
            out.append(f"{name}: {head}")
        else:
            start, end = doc.from_utf16(f["start"]), doc.from_utf16(f["end"])
            line, col = doc.line_col(start)
            line_start, line_text = doc.line_starts[line - 1], doc.line_texts[line - 1].rstrip("\r")
            shown, carets = excerpt_lines(line_text, start - line_start,
                                          min(end, line_start + len(line_text)) - line_start)
            gutter = " " * len(str(line))
            out += [f"{name}:{line}:{col}: {head}", f"  {line} | {shown}", f"  {gutter} | {carets}"]
        if f["suggestion"]:
            out.append(f"  {gutter} = {f['suggestion']}")
    return "".join(line + "\n" for line in out)
