"""compile_safe parses a pack regex once and refuses what re.compile refuses, with its words."""

from __future__ import annotations

import re

import pytest

from checker.regexsafe import UnsafeRegex, compile_safe

PATTERNS = [r"(?<=a+)b", r"x(?<!ab|c)y", r"(?:(?<=a{1,3})b)+", r"(a)(?(1)(?<=b*)|c)d",
            r"a|(?:b(?<!c{2,}))", r"(?<=ab)c", r"[a(?<=b*)]c", r"(?<![0-9])\d{3}", r"(?<=\bx)y",
            r"(unclosed", r"a{2,1}", r"*a", r"(?P<n>a)(?P<n>b)"]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_python_syntax_errors_are_reported_as_re_compile_words_them(pattern: str) -> None:
    try:
        re.compile(pattern, re.IGNORECASE)
        python = None
    except re.error as exc:
        python = str(exc)
    try:
        compile_safe(pattern)
        ours = None
    except UnsafeRegex as exc:
        ours = str(exc)
    if python is None:
        assert ours is None or "does not compile" not in ours
    else:
        assert ours == f"the regular expression does not compile: {python}"
