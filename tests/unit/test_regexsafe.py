"""Regular expressions that could backtrack without bound are refused; safe ones pass."""

from __future__ import annotations

import pytest

from checker.regexsafe import UnsafeRegex, compile_safe


@pytest.mark.parametrize("pattern", [
    r"(a+)+b", r"(a*)*b", r"(\w+\s?)*x", r"(?:x+y?)+z", r"(a|ab)*c", r"(a|a)+", r"(.)\1",
    r"(?:a{1,200})+", r"((a+))+",
])
def test_unsafe(pattern: str) -> None:
    with pytest.raises(UnsafeRegex):
        compile_safe(pattern)


@pytest.mark.parametrize("pattern", [
    r"\bkuva\s+netist[äa]\b", r"[0-9]{6}[-+A]\d{3}", r"(ab|cd)*", r"(a++)+", r"(?>a+)+b",
    r"\b(?:du|ni)\s+ljuger\b", r"x{1,5}(?:y|z){1,3}",
])
def test_safe(pattern: str) -> None:
    assert compile_safe(pattern).pattern == pattern


def test_not_compiling() -> None:
    with pytest.raises(UnsafeRegex, match="does not compile"):
        compile_safe("a(")
