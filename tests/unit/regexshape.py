"""For the checker's own regexes, which run on Python's `re` (not the pack's RE2 matcher):
a review aid that refuses the shapes known to backtrack without bound: a repeat inside an
unbounded repeat (`(a+)+`), alternatives in a repeat that start alike, back-references.
Possessive repeats and atomic groups never backtrack and are allowed. Tests only.
"""

from __future__ import annotations

import re

import re._constants as C
import re._parser as P

UNBOUNDED = C.MAXREPEAT
LIMIT = 100  # a bounded repeat above this counts as unbounded


class UnsafeRegex(ValueError):
    """A pattern that does not compile or could backtrack catastrophically."""


def check_shape(pattern: str, flags: int = 0) -> None:
    """Raise UnsafeRegex when a pattern has a shape that can backtrack without bound."""
    try:
        parsed = P.parse(pattern, flags)
        re.compile(pattern, flags)
    except re.error as exc:
        raise UnsafeRegex(f"the regular expression does not compile: {exc}") from exc
    _check(parsed, inside_repeat=False)


def _is_unbounded(max_count: int) -> bool:
    return max_count == UNBOUNDED or max_count > LIMIT


def _check(items, inside_repeat: bool) -> None:
    for op, arg in items:
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            _, max_count, body = arg
            unbounded = _is_unbounded(max_count)
            if unbounded and inside_repeat:
                raise UnsafeRegex("a repeat inside a repeat (like (a+)+) can backtrack without bound")
            if unbounded:
                _check_branches(body)
            _check(body, inside_repeat or unbounded)
        elif op == C.POSSESSIVE_REPEAT or op == C.ATOMIC_GROUP:
            continue
        elif op == C.SUBPATTERN:
            _check(arg[-1], inside_repeat)
        elif op == C.BRANCH:
            for branch in arg[1]:
                _check(branch, inside_repeat)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            _check(arg[1], inside_repeat)
        elif op in (C.GROUPREF, C.GROUPREF_EXISTS):
            raise UnsafeRegex("back-references are not allowed")


def _check_branches(body) -> None:
    """In an unbounded repeat, alternatives must not be able to start with the same text."""
    for op, arg in body:
        if op == C.SUBPATTERN:
            _check_branches(arg[-1])
        elif op == C.BRANCH:
            firsts = [_first(branch) for branch in arg[1]]
            if None in firsts or len(set(firsts)) < len(firsts):
                raise UnsafeRegex("alternatives inside a repeat start alike and can backtrack without bound")


def _first(branch):
    """A hashable description of what a branch starts with, or None when it may be anything."""
    for op, arg in branch:
        if op == C.LITERAL:
            return ("lit", arg)
        if op == C.SUBPATTERN:
            return _first(arg[-1])
        return None
    return None
