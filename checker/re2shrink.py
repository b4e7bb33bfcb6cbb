"""Smaller RE2 programs for a pack's regexes (checker/regexsafe.py).

A class such as `\\w` (every language's letters and digits) is over a thousand RE2
instructions, and a pack's regexes write many of them: in word lists ("nero\\w*|einstein\\w*")
and in counted gaps ("\\w{0,20}"). Two ways to write fewer:

- `factored`: alternatives side by side that end in the same class (or a repeat of one)
  are written once with it after them: "(?:nero|einstein)\\w*". The same matches, preferred
  in the same order (for any X, Y and Z, "XZ|YZ" is tried as "(?:X|Y)Z").
- `filter_source`: a regex's *filter*, the RE2 source the sets search many regexes with:
  every costly class widened to one that is exact on ASCII and takes any other character
  but the word-boundary MARK, and every counted repeat uncounted ("x{0,90}" as "x*"). A
  filter matches wherever its program does, and sometimes where it does not, at a
  quarter of the program's size and with far fewer states for RE2 to remember.
"""

from __future__ import annotations

import re
from functools import lru_cache

import re2

from checker.re2syntax import MARK

try:  # Python 3.11+
    import re._constants as C
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False

_WIDEN_FROM = 64          # RE2 instructions from which a class is widened in a filter
_CLASS_RE = re.compile(r"\[(?:[^\]\\]|\\.)*\]")       # a class of an RE2 source emit() wrote
_COUNTED_RE = re.compile(r"\{(\d+),(\d+)\}")


@lru_cache(maxsize=None)
def _wide_class(exact: str) -> str:
    """A class for a filter (see the module's docstring): it matches every character the
    class `exact` matches, with or without (?i), and is cheap to run. It is exact on ASCII,
    asked of RE2 itself character by character, and takes any other character but the MARK.
    (?i) adds the other cases to a class before RE2 negates it: a class with (?i) matches
    more, a negated one less."""
    case = "" if exact.startswith("[^") else "(?i)"
    regex = re2.compile(case + exact, _OPTIONS)
    if regex.programsize < _WIDEN_FROM:
        return exact
    left_out = [code for code in range(128) if regex.fullmatch(chr(code)) is None]
    runs: list[list[int]] = []
    for code in left_out:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    written = "".join(rf"\x{{{lo:x}}}" if lo == hi else rf"\x{{{lo:x}}}-\x{{{hi:x}}}" for lo, hi in runs)
    return rf"(?-i:[^{written}\x{{{ord(MARK):x}}}])"     # (?-i): no case folding widens it further


def _uncounted(match: re.Match) -> str:
    low, high = int(match[1]), int(match[2])
    return match[0] if high <= low + 1 else f"{{{low},}}"


def filter_source(exact: str) -> str:
    """The filter of a program's RE2 source (see the module's docstring): each costly class
    widened, each repeat of more than two counts taking any count from its least."""
    return _COUNTED_RE.sub(_uncounted, _CLASS_RE.sub(lambda m: _wide_class(m[0]), exact))


# Only a class, a dot or a repeat of one is moved out of alternatives: what re2syntax writes
# for them does not depend on their neighbours.
_PIECES = (C.IN, C.ANY, C.NOT_LITERAL)


def _movable(item) -> bool:
    op, arg = item
    if op in _PIECES:
        return True
    return op in (C.MAX_REPEAT, C.MIN_REPEAT) and len(arg[2]) == 1 and arg[2][0][0] in (*_PIECES, C.LITERAL)


def _key(item) -> tuple:
    op, arg = item
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        return (op, arg[0], arg[1], tuple(_key(inner) for inner in arg[2]))
    return (op, tuple(arg)) if op == C.IN else (op, arg)


def factored(items) -> list:
    """The parsed items with the alternatives of each branch that end alike written once."""
    out = []
    for op, arg in items:
        if op == C.BRANCH:
            out.extend(_factor_branches([factored(branch) for branch in arg[1]]))
            continue
        if op == C.SUBPATTERN:
            arg = (*arg[:3], factored(arg[3]))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            arg = (arg[0], arg[1], factored(arg[2]))
        out.append((op, arg))
    return out


def _factor_branches(branches: list[list]) -> list:
    """The items of a branch of these alternatives: side by side alternatives that end in the
    same movable piece are one alternative, (?:their heads) then the piece."""
    alternatives: list[list] = []
    i = 0
    while i < len(branches):
        branch, j = branches[i], i + 1
        if branch and _movable(branch[-1]):
            last = _key(branch[-1])
            while j < len(branches) and branches[j] and _movable(branches[j][-1]) \
                    and _key(branches[j][-1]) == last:
                j += 1
        if j - i > 1:
            alternatives.append(_factor_branches([b[:-1] for b in branches[i:j]]) + [branch[-1]])
        else:
            alternatives.append(branch)
        i = j
    return alternatives[0] if len(alternatives) == 1 else [(C.BRANCH, (None, alternatives))]
