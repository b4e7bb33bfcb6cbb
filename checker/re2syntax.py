"""Python's regular-expression syntax, parsed by Python, written out for RE2.

Used by checker.regexsafe, which matches on a line with MARK at every word boundary.
The RE2 source this module writes means on that marked line what the pattern means to
Python's `re` on the plain line:

- `\\w`, `\\d`, `\\s` and their negations are Unicode classes, as in Python;
- `\\b` matches a MARK; every character-matching piece first takes the MARK before it, if
  there is one, so taking a MARK is never a choice of its own and RE2 prefers the match
  Python prefers;
- no piece matches a MARK (negated classes and `.` leave it out).

What cannot be written so raises UnsafeRegex with the reason.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    import re._constants as C
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]

MARK = "\ue000"             # stands at every word boundary of a line being matched
_M = r"\x{e000}"
_OPT = _M + "?"
_WORD = r"\p{L}\p{N}_"
_DIGIT = r"\p{Nd}"
_SPACE = r"\t\n\x{b}\f\r\x{1c}-\x{1f}\x{85}\p{Z}"


class UnsafeRegex(ValueError):
    """A pattern that does not compile, or uses what a linear-time matcher cannot do."""


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


def flags_group(add: int, remove: int) -> str:
    def letters(flags: int) -> str:
        return "".join(ch for flag, ch in ((re.IGNORECASE, "i"), (re.MULTILINE, "m"),
                                            (re.DOTALL, "s")) if flags & flag)
    if (add | remove) & re.ASCII:
        raise UnsafeRegex("(?a) is not supported: classes match every language's letters")
    on, off = letters(add), letters(remove)
    return f"{on}-{off}" if off else on


def emit(items, flags: int) -> str:
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
            gap = emit([(items[i + 1][0], (1, high, body)), (C.AT, C.AT_BOUNDARY)], flags)
            out.append(_M + (f"(?:|{gap})" if lazy else f"(?:{gap}|)"))
            skip = 2
            continue
        if op == C.LITERAL:
            joined = i > 0 and items[i - 1][0] == C.LITERAL and _same_side(items[i - 1][1], arg)
            out.append(("" if joined else _OPT) + _char(arg))
        elif op == C.NOT_LITERAL:
            out.append(_OPT + f"[^{_range(arg, arg)}{_M}]")
        elif op == C.ANY:
            out.append(_OPT + (f"[^{_M}]" if flags & re.DOTALL else rf"[^\n{_M}]"))
        elif op == C.IN:
            out.append(_OPT + _class(arg))
        elif op == C.BRANCH:
            out.append("(?:" + "|".join(emit(branch, flags) for branch in arg[1]) + ")")
        elif op == C.SUBPATTERN:
            _group, add, remove, body = arg
            inner = emit(body, (flags | add) & ~remove)
            switch = flags_group(add, remove)
            out.append(f"(?{switch}:{inner})" if switch else f"(?:{inner})")
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, high, body = arg
            if high == C.MAXREPEAT:
                count = {0: "*", 1: "+"}.get(low, f"{{{low},}}")
            else:
                count = f"{{{low}}}" if low == high else f"{{{low},{high}}}"
            out.append(f"(?:{emit(body, flags)}){count}" + ("?" if op == C.MIN_REPEAT else ""))
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


# Below this code point a letter's other cases are letters too, and other characters have none.
_KNOWN_CASES = 0x250


def _same_side(before: int, code: int) -> bool:
    """Whether two literal characters written one after the other are both word characters
    or both not, in every case: then no word boundary, and no MARK, stands between them in
    any text they match, and the second needs no optional MARK before it ("ljug" is one
    piece with its MARK, not four: the programs of long word lists stay several times smaller)."""
    if before >= _KNOWN_CASES or code >= _KNOWN_CASES:
        return False
    return _is_word(chr(before)) == _is_word(chr(code))


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


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

def nullable(op, arg) -> bool:
    """Whether an item can match without taking a character."""
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return True
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        return arg[0] == 0 or all(nullable(*item) for item in arg[2])
    if op in (C.SUBPATTERN, C.ATOMIC_GROUP):
        return all(nullable(*item) for item in (arg[-1] if op == C.SUBPATTERN else arg))
    if op == C.BRANCH:
        return any(all(nullable(*item) for item in branch) for branch in arg[1])
    return False


def _gap_between_boundaries(items: list, i: int) -> bool:
    """Whether items[i:i+3] are `\\b`, a repeat that may take nothing, `\\b`."""
    if i + 2 >= len(items) or items[i] != (C.AT, C.AT_BOUNDARY) or items[i + 2] != items[i]:
        return False
    op, arg = items[i + 1]
    return (op in (C.MAX_REPEAT, C.MIN_REPEAT) and arg[0] == 0
            and not all(nullable(*item) for item in arg[2]))


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
        if not nullable(op, arg):
            return False
    return False


def check_boundaries(items) -> None:
    items = list(items)
    for i, (op, arg) in enumerate(items):
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            check_boundaries(arg[2])
            body = list(arg[2])
            if arg[1] > 1 and _edge_boundary(body, True) and _edge_boundary(body, False):
                raise UnsafeRegex(r"\b may stand twice at one place here; write it once")
        elif op == C.SUBPATTERN:
            check_boundaries(arg[-1])
        elif op == C.BRANCH:
            for branch in arg[1]:
                check_boundaries(branch)
        if not _edge_boundary([(op, arg)], True) or _gap_between_boundaries(items, i):
            continue
        for j, later in enumerate(items[i + 1:], i + 1):
            if j == i + 1 and later == (op, arg) == (C.AT, C.AT_BOUNDARY):
                break                                  # side by side: read as one
            if _edge_boundary([later], False):
                raise UnsafeRegex(r"\b may stand twice at one place here; write it once")
            if not nullable(*later):
                break
