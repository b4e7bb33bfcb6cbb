"""Rule-pack regular expressions, matched in time linear in the text (RE2), with a deadline.

A pack's regex is written in Python's syntax and means what it means to Python's `re`
(`\\w`, `\\b`, `\\d` and `\\s` know every language's letters), but it runs on RE2, whose
automata never backtrack: no pattern can take more than linear time on any text.
What RE2 cannot run is refused when the pack loads, with the reason:

- back-references (`(a)\\1`), possessive repeats and atomic groups, `\\B`, `(?a)`;
- a regex that can match the empty text (it would mark nothing);
- `\\b` that may stand twice at one place other than side by side (`\\b\\b`) or around
  a gap that may be empty (`\\b[^.]{0,9}?\\b`), as in `\\b(?:\\b|x)`;
- look-arounds anywhere but at the edges. A look-behind may open the regex and a
  look-ahead may close it (`(?<!ett )\\bfan\\b(?!\\s+club)`); they are checked around each
  match. A look-ahead that fails rejects the match RE2 prefers at that place; other ways
  of matching at the same place are not tried.

RE2's own `\\b` knows ASCII only, so a line is matched with a marker character at every
word boundary (as Python's `re` finds them) and `\\b` in the pattern matches the marker.
tests/unit/test_regexsafe.py compares the matches with Python's on random patterns and
on every corpus and example text.

Every match runs under the current request's deadline (`deadline()`): a line is searched
in several RE2 calls, each linear, and the deadline is looked at between them. Past it,
`RegexTimeout` says which pattern stopped; the engine turns that into a finding.
"""

from __future__ import annotations

import contextlib
import re
import time
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from contextvars import ContextVar
from itertools import accumulate

import re2

from checker.text import line_cache

try:  # Python 3.11+
    import re._constants as C
    import re._parser as P
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

MARK = "\ue000"             # stands at every word boundary of a line being matched
MARK_STANDIN = "\ue001"     # a MARK the user typed is matched as this one
_MARK_BYTES = MARK.encode("utf-8")
_M = r"\x{e000}"
_OPT = _M + "?"
_WORD = r"\p{L}\p{N}_"
_DIGIT = r"\p{Nd}"
_SPACE = r"\t\n\x{b}\f\r\x{1c}-\x{1f}\x{85}\p{Z}"
_BOUNDARY = re.compile(r"\b")    # Python's own idea of a word boundary, Unicode-aware
DEFAULT_DEADLINE = 2.0           # seconds of regex matching one request may use
_OPTIONS = re2.Options()
_OPTIONS.log_errors = False
_OPTIONS.max_mem = 8 << 20

_deadline: ContextVar[float | None] = ContextVar("somecheck_regex_deadline", default=None)


class UnsafeRegex(ValueError):
    """A pattern that does not compile, or uses what a linear-time matcher cannot do."""


class RegexTimeout(RuntimeError):
    """The request's deadline passed while a pack's regex was being matched."""

    def __init__(self, pattern: str) -> None:
        super().__init__("the regular expression ran past the request's deadline")
        self.pattern = pattern


@contextlib.contextmanager
def deadline(seconds: float | None = None) -> Iterator[None]:
    """Within this block, regex matching stops with RegexTimeout after `seconds`
    (by default DEFAULT_DEADLINE)."""
    token = _deadline.set(time.monotonic() + (DEFAULT_DEADLINE if seconds is None else seconds))
    try:
        yield
    finally:
        _deadline.reset(token)


# --- a line with its word boundaries marked ---------------------------------------------------

class _Marked:
    """A line with MARK at each word boundary, as UTF-8 (RE2 reads bytes without copying), and
    the maps between its byte offsets and the line's character indices."""

    __slots__ = ("data", "bounds", "marks", "_starts")

    def __init__(self, line: str) -> None:
        line = line.replace(MARK, MARK_STANDIN)
        self.bounds = [m.start() for m in _BOUNDARY.finditer(line)]       # in the line
        self.marks = [b + k for k, b in enumerate(self.bounds)]            # in the marked text
        self.data = _BOUNDARY.sub(MARK, line).encode("utf-8", "surrogatepass")
        self._starts: list[int] | None = None

    def _byte_starts(self) -> list[int]:
        """The byte offset of each character of the marked text, and of its end."""
        if self._starts is None:
            self._starts = [0, *accumulate(len(c.encode("utf-8", "surrogatepass"))
                                           for c in self.data.decode("utf-8", "surrogatepass"))]
        return self._starts

    def original(self, b: int) -> int:
        """The line index of byte offset b (a mark counts as the character after it)."""
        j = bisect_left(self._byte_starts(), b)                # index in the marked text
        return j - bisect_left(self.marks, j)

    def before(self, p: int) -> int:
        """The byte offset of line index p, before a mark standing at p."""
        return self._byte_starts()[p + bisect_left(self.bounds, p)]

    def after(self, p: int) -> int:
        """The byte offset of line index p, after a mark standing at p."""
        return self._byte_starts()[p + bisect_right(self.bounds, p)]

    def boundary(self, p: int) -> bool:
        i = bisect_left(self.bounds, p)
        return i < len(self.bounds) and self.bounds[i] == p


@line_cache
def _marked(line: str) -> _Marked:
    """The marked line, shared by every regex of every rule that looks at this line."""
    return _Marked(line)


# --- translation from Python's syntax to RE2's -------------------------------------------------

def _char(code: int) -> str:
    return chr(code) if chr(code).isascii() and chr(code).isalnum() else rf"\x{{{code:x}}}"


def _range(lo: int, hi: int) -> str:
    mark = ord(MARK)
    if lo <= mark <= hi:   # a range that covers the marker: leave the marker out
        parts = ([(lo, mark - 1)] if lo < mark else []) + ([(mark + 1, hi)] if mark < hi else [])
        return "".join(_range(a, b) for a, b in parts)
    return _char(lo) if lo == hi else f"{_char(lo)}-{_char(hi)}"


_CATEGORIES = {C.CATEGORY_WORD: _WORD, C.CATEGORY_DIGIT: _DIGIT, C.CATEGORY_SPACE: _SPACE}
_NEGATED = {C.CATEGORY_NOT_WORD: _WORD, C.CATEGORY_NOT_DIGIT: _DIGIT, C.CATEGORY_NOT_SPACE: _SPACE}


def _class(items: list) -> str:
    """An RE2 class (or an alternation of classes) that never matches the MARK."""
    negate = bool(items) and items[0][0] == C.NEGATE
    items = items[1:] if negate else items
    parts, complements = [], []
    for op, arg in items:
        if op == C.LITERAL:
            parts.append(_range(arg, arg))
        elif op == C.RANGE:
            parts.append(_range(*arg))
        elif op == C.CATEGORY and arg in _CATEGORIES:
            parts.append(_CATEGORIES[arg])
        else:                                      # \W, \D, \S: everything but a class
            complements.append(_NEGATED[arg])
    if negate and complements:
        if parts or len(complements) > 1:
            raise UnsafeRegex(r"[^...] with \W, \D or \S inside cannot be matched by RE2; "
                              r"write the class out, for example [^\W\d] as [\w] minus the digits")
        return f"[{complements[0]}]"               # [^\W] is \w
    body = "".join(parts)
    if negate:
        return f"[^{body}{_M}]"
    alternatives = ([f"[{body}]"] if body else []) + [f"[^{c}{_M}]" for c in complements]
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


def _flags(add: int, remove: int) -> str:
    def letters(flags: int) -> str:
        return "".join(ch for flag, ch in ((re.IGNORECASE, "i"), (re.MULTILINE, "m"),
                                            (re.DOTALL, "s")) if flags & flag)
    if (add | remove) & re.ASCII:
        raise UnsafeRegex("(?a) is not supported: classes match every language's letters")
    on, off = letters(add), letters(remove)
    return f"{on}-{off}" if off else on


def _emit(items, flags: int) -> str:
    """RE2 source for parsed items. Each character-matching piece takes the MARK before it, if
    there is one; only `\\b` needs a MARK. So taking a MARK is never a choice of its own (a
    piece cannot match a MARK, so it must take the one before it), and which match RE2
    prefers is the one Python's `re` prefers."""
    out = []
    items = list(items)
    skip = 0
    for i, (op, arg) in enumerate(items):
        if skip:
            skip -= 1
            continue
        if _gap_between_boundaries(items, i):
            # \b X{0,n} \b: with no X the two \b are one place, so it is \b (X{1,n} \b)?
            low, high, body = items[i + 1][1]
            lazy = items[i + 1][0] == C.MIN_REPEAT
            gap = _emit([(items[i + 1][0], (1, high, body)), (C.AT, C.AT_BOUNDARY)], flags)
            out.append(_M + (f"(?:|{gap})" if lazy else f"(?:{gap}|)"))
            skip = 2
            continue
        if op == C.LITERAL:
            out.append(_OPT + _char(arg))
        elif op == C.NOT_LITERAL:
            out.append(_OPT + f"[^{_range(arg, arg)}{_M}]")
        elif op == C.ANY:
            out.append(_OPT + (f"[^{_M}]" if flags & re.DOTALL else rf"[^\n{_M}]"))
        elif op == C.IN:
            out.append(_OPT + _class(arg))
        elif op == C.BRANCH:
            out.append("(?:" + "|".join(_emit(branch, flags) for branch in arg[1]) + ")")
        elif op == C.SUBPATTERN:
            _group, add, remove, body = arg
            inner = _emit(body, (flags | add) & ~remove)
            switch = _flags(add, remove)
            out.append(f"(?{switch}:{inner})" if switch else f"(?:{inner})")
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, high, body = arg
            if high == C.MAXREPEAT:
                count = {0: "*", 1: "+"}.get(low, f"{{{low},}}")
            else:
                count = f"{{{low}}}" if low == high else f"{{{low},{high}}}"
            out.append(f"(?:{_emit(body, flags)}){count}" + ("?" if op == C.MIN_REPEAT else ""))
        elif op == C.AT:
            if not (arg == C.AT_BOUNDARY and out and out[-1] == _M):   # \b\b is \b
                out.append(_anchor(arg, flags))
        elif op in (C.POSSESSIVE_REPEAT, C.ATOMIC_GROUP):
            raise UnsafeRegex("possessive repeats and atomic groups are not needed and not "
                              "supported: the matcher never backtracks; write a plain repeat")
        elif op in (C.GROUPREF, C.GROUPREF_EXISTS):
            raise UnsafeRegex("back-references cannot be matched in linear time and are not allowed")
        elif op in (C.ASSERT, C.ASSERT_NOT):
            raise UnsafeRegex("a look-around may only open (look-behind) or close (look-ahead) "
                              "the regex; use \\b or a word list for the rest")
        else:  # pragma: no cover - every construct of Python's parser is listed above
            raise UnsafeRegex(f"this construct is not supported ({op})")
    return "".join(out)


def _anchor(where, flags: int) -> str:
    multiline = flags & re.MULTILINE
    if where == C.AT_BOUNDARY:
        return _M
    if where in (C.AT_BEGINNING, C.AT_BEGINNING_LINE):
        return "(?m:^)" if multiline else r"\A"
    if where in (C.AT_END, C.AT_END_LINE):
        return _OPT + ("(?m:$)" if multiline else r"\z")
    if where == C.AT_BEGINNING_STRING:
        return r"\A"
    if where == C.AT_END_STRING:
        return _OPT + r"\z"
    raise UnsafeRegex(r"\B (not at a word boundary) is not supported; use a word list or \w")


# --- \b twice at one place -------------------------------------------------------------------
# A \b takes the MARK at its place, so a second \b at the same place (`\b(?:\b|x)`) would
# find none. Side by side (`\b\b`) they are read as one, and `\b[^.]{0,9}?\b` as
# `\b(?:|[^.]{1,9}?\b)`; any other way is refused.

def _nullable(op, arg) -> bool:
    """Whether an item can match without taking a character."""
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return True
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        return arg[0] == 0 or all(_nullable(*item) for item in arg[2])
    if op in (C.SUBPATTERN, C.ATOMIC_GROUP):
        return all(_nullable(*item) for item in (arg[-1] if op == C.SUBPATTERN else arg))
    if op == C.BRANCH:
        return any(all(_nullable(*item) for item in branch) for branch in arg[1])
    return False


def _gap_between_boundaries(items: list, i: int) -> bool:
    """Whether items[i:i+3] are `\\b`, a repeat that may take nothing, `\\b`."""
    if i + 2 >= len(items) or items[i] != (C.AT, C.AT_BOUNDARY) or items[i + 2] != items[i]:
        return False
    op, arg = items[i + 1]
    return (op in (C.MAX_REPEAT, C.MIN_REPEAT) and arg[0] == 0
            and not all(_nullable(*item) for item in arg[2]))


def _edge_boundary(items, from_end: bool) -> bool:
    """Whether a \b can stand at the start (or end) of a sequence, before any character."""
    for op, arg in (reversed(list(items)) if from_end else items):
        if op == C.AT and arg == C.AT_BOUNDARY:
            return True
        if op in (C.MAX_REPEAT, C.MIN_REPEAT) and _edge_boundary(arg[2], from_end):
            return True
        if op == C.SUBPATTERN and _edge_boundary(arg[-1], from_end):
            return True
        if op == C.BRANCH and any(_edge_boundary(b, from_end) for b in arg[1]):
            return True
        if not _nullable(op, arg):
            return False
    return False


def _check_boundaries(items) -> None:
    items = list(items)
    for i, (op, arg) in enumerate(items):
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            _check_boundaries(arg[2])
            body = list(arg[2])
            if arg[1] > 1 and _edge_boundary(body, True) and _edge_boundary(body, False):
                raise UnsafeRegex(r"\b may stand twice at one place here; write it once")
        elif op == C.SUBPATTERN:
            _check_boundaries(arg[-1])
        elif op == C.BRANCH:
            for branch in arg[1]:
                _check_boundaries(branch)
        if not _edge_boundary([(op, arg)], True) or _gap_between_boundaries(items, i):
            continue
        for j, later in enumerate(items[i + 1:], i + 1):
            if j == i + 1 and later == (op, arg) == (C.AT, C.AT_BOUNDARY):
                break                                  # side by side: read as one
            if _edge_boundary([later], False):
                raise UnsafeRegex(r"\b may stand twice at one place here; write it once")
            if not _nullable(*later):
                break


# --- conditions checked around a match: edge look-arounds ------------------------------------

def _zero_width(op, arg) -> bool:
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return True
    if op == C.SUBPATTERN:
        return all(_zero_width(*item) for item in arg[-1])
    if op == C.BRANCH:
        return all(all(_zero_width(*item) for item in branch) for branch in arg[1])
    return False


def _has_lookaround(op, arg) -> bool:
    if op in (C.ASSERT, C.ASSERT_NOT):
        return True
    if op == C.SUBPATTERN:
        return any(_has_lookaround(*item) for item in arg[-1])
    if op == C.BRANCH:
        return any(_has_lookaround(*item) for branch in arg[1] for item in branch)
    return False


class _Condition:
    """A zero-width test at one place of a line: anchors and look-arounds, as Python has them."""

    def __init__(self, items, flags: int) -> None:
        self.tests = [self._build(op, arg, flags) for op, arg in items]

    def _build(self, op, arg, flags: int):
        if op == C.AT:
            return ("at", arg, bool(flags & re.MULTILINE))
        if op == C.SUBPATTERN:
            return ("all", _Condition(arg[-1], (flags | arg[1]) & ~arg[2]))
        if op == C.BRANCH:
            return ("any", [_Condition(branch, flags) for branch in arg[1]])
        direction, body = arg
        lo, hi = body.getwidth() if direction < 0 else (0, 0)
        if direction < 0 and lo != hi:    # Python refuses these too; said here for clarity
            raise UnsafeRegex("a look-behind must have a fixed width")
        return ("look", op == C.ASSERT, direction, lo, _Program(body, flags, "(look-around)"))

    def holds(self, line: str, marked: _Marked, p: int) -> bool:
        return all(self._test(test, line, marked, p) for test in self.tests)

    @staticmethod
    def _test(test, line: str, marked: _Marked, p: int) -> bool:
        kind = test[0]
        if kind == "all":
            return test[1].holds(line, marked, p)
        if kind == "any":
            return any(c.holds(line, marked, p) for c in test[1])
        if kind == "at":
            _, where, multiline = test
            if where == C.AT_BOUNDARY:
                return marked.boundary(p)
            if where == C.AT_NON_BOUNDARY:
                return not marked.boundary(p)
            if where in (C.AT_BEGINNING, C.AT_BEGINNING_STRING, C.AT_BEGINNING_LINE):
                return p == 0 or (multiline and where != C.AT_BEGINNING_STRING and line[p - 1] == "\n")
            return p == len(line) or (multiline and where != C.AT_END_STRING and line[p] == "\n")
        _, positive, direction, width, program = test
        if direction > 0:
            found = program.regex.match(marked.data, marked.before(p)) is not None
        else:      # the window may end before or after a MARK standing at p
            start = marked.before(p - width) if p >= width else -1
            found = start >= 0 and any(program.regex.fullmatch(marked.data, start, end) is not None
                                       for end in {marked.before(p), marked.after(p)})
        return found == positive


class _Program:
    """One RE2 program over marked text, with the conditions checked at its two ends."""

    def __init__(self, items, flags: int, source: str) -> None:
        items = list(items)
        head = 0
        while head < len(items) and _zero_width(*items[head]):
            head += 1
        tail = len(items)
        while tail > head and _zero_width(*items[tail - 1]):
            tail -= 1
        lead, body, trail = items[:head], items[head:tail], items[tail:]
        if not any(_has_lookaround(*item) for item in lead):
            lead, body = [], lead + body
        if not any(_has_lookaround(*item) for item in trail):
            trail, body = [], body + trail
        self.before = _Condition(lead, flags) if lead else None
        self.after = _Condition(trail, flags) if trail else None
        prefix = "(?i)" if flags & re.IGNORECASE else ""
        if flags & re.ASCII:
            raise UnsafeRegex("(?a) is not supported: classes match every language's letters")
        try:
            self.regex = re2.compile(prefix + _emit(body, flags), _OPTIONS)
        except re2.error as exc:
            message = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
            raise UnsafeRegex(f"the matcher cannot run it: {message}") from None
        self.source = source


class SafeRegex:
    """A pack's regex: `spans(line)` gives its matches, linear in the line, under the deadline."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        parsed = P.parse(pattern, flags)
        _check_boundaries(parsed)
        if parsed.getwidth()[0] == 0:
            raise UnsafeRegex("the regex can match an empty text, which marks nothing; make it "
                              "match at least one character (`x+`, not `x*`)")
        self.program = _Program(parsed, parsed.state.flags, pattern)

    def spans(self, line: str) -> tuple[tuple[int, int], ...]:
        """Every non-empty, non-overlapping match in `line`, leftmost first (like finditer)."""
        marked = _marked(line)
        program, data = self.program, marked.data
        regex, before, after = program.regex, program.before, program.after
        limit = _deadline.get()
        found = []
        pos = 0
        while pos <= len(data):
            if limit is not None and time.monotonic() > limit:
                raise RegexTimeout(self.pattern)
            match = regex.search(data, pos)
            if match is None:
                break
            j, k = match.span()
            start, end = marked.original(j), marked.original(k)
            if end > start and (before is None or before.holds(line, marked, start)) and (
                    after is None or after.holds(line, marked, end)):
                found.append((start, end))
                # a \b that ended the match took the MARK there; the next match may need it
                pos = k - len(_MARK_BYTES) if data.endswith(_MARK_BYTES, 0, k) else k
            elif k == j or before is not None or after is not None:
                pos = j + 1
                while pos < len(data) and data[pos] & 0xC0 == 0x80:    # not inside a character
                    pos += 1
            else:
                pos = k
        return tuple(found)


def compile_safe(pattern: str, flags: int = re.IGNORECASE) -> SafeRegex:
    """A pack's regex, ready to match in linear time, or UnsafeRegex saying why not."""
    try:
        re.compile(pattern, flags)           # Python's syntax, and its error messages
    except re.error as exc:
        raise UnsafeRegex(f"the regular expression does not compile: {exc}") from exc
    except RecursionError:
        raise UnsafeRegex("the regular expression is nested too deeply") from None
    return SafeRegex(pattern, flags)
