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
word boundary (as Python's `re` finds them; checker/regexmarks.py) and `\\b` in the pattern
matches the marker (the translation is checker/re2syntax.py).
tests/unit/test_regexsafe.py compares the matches with Python's on random patterns and
on every corpus and example text.

A regex's program is written with its alternatives that end alike written once, and a
line is first searched for the live regexes together (`_Group`, a few RE2 sets): a regex
whose *filter* (wider than its program and a fraction of its size) matches nowhere in the
line is not searched on its own (both: checker/re2shrink.py). The set is built by
`refresh()` (the engine calls it when it meets a pack); a regex compiled later, and every
regex on a line that the set cannot judge (RE2 ran out of memory), searches the line alone,
so the set only ever saves work, never a match.

Every match runs under the current request's deadline (`Deadline`): a line is searched
in several RE2 calls, each linear, and the deadline is looked at between them. Past it,
`RegexTimeout` says which pattern stopped; the engine turns that into a finding.
"""

from __future__ import annotations

import _sre
import itertools
import re
import time
import weakref
from contextvars import ContextVar

import re2

from checker.re2shrink import factored, filter_source
from checker.re2syntax import MARK, UnsafeRegex, check_boundaries, emit
from checker.regexmarks import Marked, marked
from checker.text import line_cache

try:  # Python 3.11+
    import re._constants as C
    import re._parser as P
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

_MARK_BYTES = MARK.encode("utf-8")
_MAXCODE = (1 << (_sre.CODESIZE * 8)) - 1       # as re's compiler has it
DEFAULT_DEADLINE = 2.0           # seconds of regex matching one request may use
_OPTIONS = re2.Options()
_OPTIONS.log_errors = False
_OPTIONS.max_mem = 8 << 20

_SET_OPTIONS = re2.Options()
_SET_OPTIONS.log_errors = False
_SET_OPTIONS.max_mem = 8 << 20          # a set's program and the states RE2 remembers for it

_deadline: ContextVar[float | None] = ContextVar("somecheck_regex_deadline", default=None)


class RegexTimeout(RuntimeError):
    """The request's deadline passed while a pack's regex was being matched."""

    def __init__(self, pattern: str) -> None:
        super().__init__("the regular expression ran past the request's deadline")
        self.pattern = pattern


class Deadline:
    """`with Deadline(seconds):` regex matching in the block stops with RegexTimeout after
    `seconds` (by default DEFAULT_DEADLINE). A class, not a generator: the engine enters one
    for every rule with regexes on every text."""

    __slots__ = ("seconds", "token")

    def __init__(self, seconds: float | None = None) -> None:
        self.seconds = DEFAULT_DEADLINE if seconds is None else seconds

    def __enter__(self) -> None:
        self.token = _deadline.set(time.monotonic() + self.seconds)

    def __exit__(self, *_exc: object) -> None:
        _deadline.reset(self.token)


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

    def holds(self, line: str, marked: Marked, p: int) -> bool:
        return all(self._test(test, line, marked, p) for test in self.tests)

    @staticmethod
    def _test(test, line: str, marked: Marked, p: int) -> bool:
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
    """One RE2 program over marked text, with the conditions checked at its two ends; with
    `filtered`, also the source of its filter (`filter_re2`, see the module's docstring)."""

    def __init__(self, items, flags: int, source: str, filtered: bool = False) -> None:
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
            self.source_re2 = prefix + emit(body, flags)
            self.regex = re2.compile(self.source_re2, _OPTIONS)
            self.filter_re2 = filter_source(self.source_re2) if filtered else self.source_re2
        except re2.error as exc:
            message = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
            raise UnsafeRegex(f"the matcher cannot run it: {message}") from None
        self.source = source


# --- every live regex searched at once ----------------------------------------------------------

class _Group:
    """The filters of some live regexes as a few RE2 sets. `matching(data)` gives the serials
    of those whose filter matches somewhere in a marked line (every regex whose program
    matches there, and maybe a few more), or None when a set could not tell (then every
    regex must search the line itself).

    The filters are dealt over SETS sets, the biggest first, rather than put in one: the
    states RE2 remembers for a set grow with the ways its members' states combine, so four
    quarters remember less than one whole (7 MB against 16 after bench's comments) for the
    same matches, at a few microseconds more a line. Each set's memory is capped
    (`_SET_OPTIONS`): past it RE2 forgets its states and goes on, slower, never wrong."""

    SENTINEL = 0          # each set's first pattern matches every text: its absence means failure
    SETS = 4

    def __init__(self, programs: dict[int, str]) -> None:
        by_source: dict[str, list[int]] = {}     # packs loaded side by side share their patterns
        for serial, source in programs.items():
            by_source.setdefault(source, []).append(serial)
        ordered = sorted(by_source.items(), key=lambda item: -len(item[0]))
        self.sets: list[tuple[re2.Set, list[tuple[int, ...]]]] = []
        for part in range(min(self.SETS, len(ordered))):
            searched = re2.Set.SearchSet(_SET_OPTIONS)
            searched.Add("")
            serials: list[tuple[int, ...]] = []
            for source, numbers in ordered[part::self.SETS]:
                searched.Add(source)
                serials.append(tuple(numbers))
            searched.Compile()
            self.sets.append((searched, serials))
        self.members = frozenset(programs)

    def matching(self, data: bytes) -> frozenset[int] | None:
        result: set[int] = set()
        for searched, serials in self.sets:
            found = searched.Match(data)
            if self.SENTINEL not in found:
                return None
            if len(found) > 1:              # most lines match the sentinel alone
                for i in found:
                    if i:
                        result.update(serials[i - 1])
        return frozenset(result)


_LIVE: weakref.WeakValueDictionary[int, SafeRegex] = weakref.WeakValueDictionary()
_SERIALS = itertools.count(1)
# [the _Group searched first or None, its generation, whether a regex compiled since is alive]
_current: list = [None, 0, False]


def refresh() -> None:
    """Search the live regexes together from now on. Builds a new set only when a regex was
    compiled since the last one (the engine calls this when it meets a pack); until then a
    new regex searches every line alone, which finds the same matches."""
    if not _current[2]:
        return
    programs = {serial: regex.program.filter_re2 for serial, regex in list(_LIVE.items())}
    try:
        group = _Group(programs) if programs else None
    except (re2.error, RuntimeError, ValueError, TypeError):
        group = None                # the set cannot be built: every regex searches alone
    _current[:] = [group, _current[1] + 1, False]


def _register(regex: SafeRegex) -> int:
    serial = next(_SERIALS)
    _LIVE[serial] = regex
    _current[2] = True
    return serial


@line_cache
def _candidates(line: str, generation: int) -> frozenset[int] | None:
    """The serials of the set's regexes that match somewhere in `line` (None: cannot tell)."""
    group = _current[0]
    if group is None or _current[1] != generation:
        return None
    return group.matching(marked(line).data)


def ruled_out(line: str) -> frozenset[int]:
    """The serials of the regexes that the set searched together shows to match nowhere in
    `line` (empty when it cannot tell): a caller may skip them, since `spans` finds nothing."""
    group = _current[0]
    candidates = _candidates(line, _current[1])
    if group is None or candidates is None:
        return frozenset()
    return group.members - candidates if candidates else group.members


class SafeRegex:
    """A pack's regex: `spans(line)` gives its matches, linear in the line, under the deadline."""

    def __init__(self, pattern: str, flags: int, parsed: P.SubPattern | None = None) -> None:
        self.pattern = pattern
        parsed = parsed if parsed is not None else P.parse(pattern, flags)
        check_boundaries(parsed)
        if parsed.getwidth()[0] == 0:
            raise UnsafeRegex("the regex can match an empty text, which marks nothing; make it "
                              "match at least one character (`x+`, not `x*`)")
        self.program = _Program(factored(parsed), parsed.state.flags, pattern, filtered=True)
        self.serial = _register(self)

    def spans(self, line: str) -> tuple[tuple[int, int], ...]:
        """Every non-empty, non-overlapping match in `line`, leftmost first (like finditer)."""
        limit = _deadline.get()
        if limit is not None and time.monotonic() > limit:
            raise RegexTimeout(self.pattern)
        group = _current[0]
        if group is not None and self.serial in group.members:
            candidates = _candidates(line, _current[1])
            if candidates is not None and self.serial not in candidates:
                return ()                   # the set saw no match of this program in the line
        marked_line = marked(line)
        program, data = self.program, marked_line.data
        regex, before, after = program.regex, program.before, program.after
        found = []
        pos = 0
        while pos <= len(data):
            if limit is not None and time.monotonic() > limit:
                raise RegexTimeout(self.pattern)
            match = regex.search(data, pos)
            if match is None:
                break
            j, k = match.span()
            start, end = marked_line.original(j), marked_line.original(k)
            if end > start and (before is None or before.holds(line, marked_line, start)) and (
                    after is None or after.holds(line, marked_line, end)):
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


def _check_lookbehinds(pattern: P.SubPattern) -> None:
    """What Python's regex compiler refuses in a parsed regex, with its words: a look-behind
    of no fixed width (the parser lets it through; re.compile would raise this re.error)."""
    for op, av in pattern.data:
        if op in (C.ASSERT, C.ASSERT_NOT) and av[0] < 0:
            lo, hi = av[1].getwidth()
            if lo > _MAXCODE:
                raise re.error("looks too much behind")
            if lo != hi:
                raise re.error("look-behind requires fixed-width pattern")
        for part in av if isinstance(av, (tuple, list)) else (av,):
            if isinstance(part, P.SubPattern):
                _check_lookbehinds(part)
            elif isinstance(part, list):
                for branch in part:
                    if isinstance(branch, P.SubPattern):
                        _check_lookbehinds(branch)


def compile_safe(pattern: str, flags: int = re.IGNORECASE) -> SafeRegex:
    """A pack's regex, ready to match in linear time, or UnsafeRegex saying why not."""
    try:
        # Python's syntax and its error messages, as re.compile gives them, from one parse
        # that the translation to RE2 reuses (re.compile would parse it again, and keep it)
        parsed = P.parse(pattern, flags)
        _check_lookbehinds(parsed)
    except re.error as exc:
        raise UnsafeRegex(f"the regular expression does not compile: {exc}") from exc
    except RecursionError:
        raise UnsafeRegex("the regular expression is nested too deeply") from None
    return SafeRegex(pattern, flags, parsed)
