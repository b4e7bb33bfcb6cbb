"""Smaller RE2 programs: alternatives that end alike written once, and filters that are wider
than their programs but never narrower."""

from __future__ import annotations

import re
import re._parser as sre_parse

import re2

from checker.re2shrink import factored, filter_source
from checker.re2syntax import emit
from checker.regexmarks import marked
from checker.regexsafe import compile_safe

TEXT = "Nero, einsteinit ja foo! Ei neroa – eikä Einstein-tason x1y xåy x–y kuin  possu"


def _python_spans(pattern: str, text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in re.finditer(pattern, text, re.IGNORECASE) if m.end() > m.start())


def test_alternatives_that_end_alike_are_written_once_with_the_same_matches() -> None:
    pattern = r"\b(?:nero\w*|einstein\w*|foo)\b[^.!?]{0,20}|\bkuin\s+(?:sika|possu)"
    parsed = sre_parse.parse(pattern, re.IGNORECASE)
    plain = re2.compile("(?i)" + emit(parsed, parsed.state.flags))
    shrunk = re2.compile("(?i)" + emit(factored(parsed), parsed.state.flags))
    assert shrunk.programsize < plain.programsize * 0.8
    assert compile_safe(pattern).spans(TEXT) == _python_spans(pattern, TEXT)


def test_a_filter_is_smaller_and_matches_wherever_its_program_does() -> None:
    for pattern in (r"\bx\w+y\b", r"\b(?:nero|einstein)\w*\b[^.!?]{0,20}\bfoo", r"[^\w\s]\s*\bei\b"):
        program = compile_safe(pattern).program
        wide = re2.compile(filter_source(program.source_re2))
        assert wide.programsize * 4 < program.regex.programsize, pattern
        for line in (*TEXT.split(" "), TEXT, "x\u212ay", "ſx y"):
            data = marked(line).data
            if program.regex.search(data):
                assert wide.search(data), (pattern, line)


def test_a_cheap_class_is_kept_as_it_is() -> None:
    source = compile_safe(r"netist[äa]|[.!?]\s").program.source_re2
    assert r"[\x{e4}a]" in filter_source(source) or "[äa]" in filter_source(source)
    assert r"[\x{2e}\x{21}\x{3f}]" in filter_source(source)
