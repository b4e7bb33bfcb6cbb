"""A line with a marker at each word boundary, for RE2 (see checker/regexsafe.py).

RE2's own `\\b` knows ASCII only, so a line is matched with MARK at every word boundary
(as Python's `re` finds them) and the pattern's `\\b` matches the marker. `Marked` holds the
marked line as UTF-8 and maps its byte offsets back to the line's character indices.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from checker.re2syntax import MARK
from checker.text import line_cache

MARK_STANDIN = "\ue001"     # a MARK the user typed is matched as this one
BOUNDARY = re.compile(r"\b")    # Python's own idea of a word boundary, Unicode-aware
# Runs of word characters, split out with their gaps: a boundary stands between every two
# parts (`\b` is where a run of `\w` begins or ends), so joining the parts with MARK marks
# every boundary, several times faster than substituting the empty matches of BOUNDARY.
WORD_RUNS = re.compile(r"(\w+)")

class Marked:
    """A line with MARK at each word boundary, as UTF-8 (RE2 reads bytes without copying), and
    the maps between its byte offsets and the line's character indices."""

    __slots__ = ("line", "data", "ascii", "_bounds", "_marks")

    def __init__(self, line: str) -> None:
        self.line = line.replace(MARK, MARK_STANDIN)
        marked = MARK.join(WORD_RUNS.split(self.line))
        self.data = marked.encode("utf-8", "surrogatepass")
        self.ascii = len(self.data) == len(marked)      # one byte a character: offsets are indices
        self._bounds: list[int] | None = None
        self._marks: list[int] | None = None

    @property
    def bounds(self) -> list[int]:
        """The word boundaries, in the line (found when a match needs them: most lines have none)."""
        if self._bounds is None:
            self._bounds = [m.start() for m in BOUNDARY.finditer(self.line)]
        return self._bounds

    @property
    def marks(self) -> list[int]:
        """Where the MARKs stand in the marked text."""
        if self._marks is None:
            self._marks = [b + k for k, b in enumerate(self.bounds)]
        return self._marks

    def _byte(self, j: int) -> int:
        """The byte offset of index j of the marked text (its length for j at the end)."""
        if self.ascii:
            return j
        return len(self.data.decode("utf-8", "surrogatepass")[:j].encode("utf-8", "surrogatepass"))

    def _index(self, b: int) -> int:
        """The index in the marked text of the first character that starts at byte b or later."""
        data = self.data
        if self.ascii:
            return b
        start = b                                   # the start of the character b falls in
        while 0 < start < len(data) and data[start] & 0xC0 == 0x80:
            start -= 1
        return len(data[:start].decode("utf-8", "surrogatepass")) + (start < b)

    def original(self, b: int) -> int:
        """The line index of byte offset b (a mark counts as the character after it)."""
        j = self._index(b)                                     # index in the marked text
        return j - bisect_left(self.marks, j)

    def before(self, p: int) -> int:
        """The byte offset of line index p, before a mark standing at p."""
        return self._byte(p + bisect_left(self.bounds, p))

    def after(self, p: int) -> int:
        """The byte offset of line index p, after a mark standing at p."""
        return self._byte(p + bisect_right(self.bounds, p))

    def boundary(self, p: int) -> bool:
        i = bisect_left(self.bounds, p)
        return i < len(self.bounds) and self.bounds[i] == p


@line_cache
def marked(line: str) -> Marked:
    """The marked line, shared by every regex of every rule that looks at this line."""
    return Marked(line)
