"""Pack regexes run in linear time (RE2) and mean what they mean to Python's `re`."""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path
from datetime import datetime, timezone

import pytest

from checker import regexsafe
from checker.engine import check
from checker.kinds.base import Request
from checker.pack import load_pack
from checker.regexsafe import Deadline, RegexTimeout, UnsafeRegex, compile_safe

# Patterns that backtrack without bound under Python's `re`, and that the old shape check let
# through (issue 13.1); with RE2 they are accepted and cannot hang.
HANGING = [r"(\w+){1,50}!", r"\w*\w*\w*\w*\w*\w*!", r"[a-z]+[a-z]+[a-z]+[a-z]+@",
           r"(a+)+b", r"(\w+\s?)*x", r"(a|ab)*c"]


@pytest.mark.parametrize("pattern", HANGING)
def test_patterns_that_hang_re_run_in_linear_time(pattern: str) -> None:
    regex = compile_safe(pattern)
    # 30 letters already take Python's `re` minutes for most of these; 100,000 take RE2 a blink.
    # (No time is asserted here: `make bench` measures. A hang would never return.)
    assert regex.spans("a" * 100_000) == ()
    assert regex.spans("ab " * 30_000 + "!@b").__class__ is tuple


@pytest.mark.parametrize("pattern, text", [
    (r"\bkuva\s+netist[äa]\b", "Otin kuva netistä ja kuva netistäkin"),
    (r"\bsh[!1|]t(?:s|ty)?(?!\w)", "sh1t shitty sh!tx"),
    (r"\ban\s+(?:absolute\s+|complete\s+)?idiot\b(?![-‐])", "an idiot-proof thing, an absolute idiot."),
    (r"\bpuss(?:y|ies)\b(?!\s+willows?)", "pussy willows and a pussy cat"),
    (r"(?<!ett )(?<!stort )\bfa+n\b(?!\s+(?:av|club)\b)", "ett fan, fan av, åh faan! häfan fanå"),
    (r"(?m)(?:^|(?<=[.!?] ))(?:varastetaan|hajotetaan)\b", "varastetaan kaikki. Hajotetaan se. ja varastetaan"),
    (r"\b(?:viekää|ottakaa)\b[^.!?\n]{0,90}?\b(?:kukaan|ketään)\b", "Ottakaa ne, ei kukaan. viekää jokukaan"),
    (r"(?:^|[.!?]\s+|[^\w\s.,!?]\s*)(?:pellet|apinat)\s*[.!]", "🙄 Pellet. ja Apinat! Apinat."),
    (r"\b(?-i:dicks?)\b", "Dick and dicks"),
    (r"🤫\s*(?:[^\s.!?]+\s+){0,3}?(?i:kuulin|huhu\w*)\b", "🤫 minä kuulin huhuja"),
    (r"\d+\s\w+", "١٢ ääniä 12\u00a0öljyä"),            # Unicode digits, spaces and letters
    (r"\W+", "sanoi: ”ei!” – ja"),
    (r"^\w+$", "åäö"),
    (r"a.c", "a\ue000c abc"),                       # the boundary marker typed by a user is text
    (r"\bsh\w+", "\ud83d shit \udc00sh"),               # lone surrogates, as a post may hold
])
def test_same_matches_as_python(pattern: str, text: str) -> None:
    expected = tuple((m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)
                     if m.end() > m.start())
    assert expected, "the example must match something"
    assert compile_safe(pattern).spans(text) == expected


@pytest.mark.parametrize("pattern, reason", [
    (r"(.)\1", "back-references"),
    (r"a(?=b)c", "look-around may only"),
    (r"a(?<!b)c", "look-around may only"),
    (r"(a++)+", "possessive"),
    (r"(?>a+)b", "atomic"),
    (r"\Bx", r"\B"),
    (r"[^\W\d]", r"[^...] with \W, \D or \S inside"),
    (r"(?a)\w", "(?a)"),
    (r"a{2000}", "cannot run it"),
    (r"a(", "does not compile"),
    (r"\bx*", "can match an empty text"),
    (r"a\b(?:a|\b)", "twice at one place"),
])
def test_what_the_matcher_cannot_do_is_refused_with_a_reason(pattern: str, reason: str) -> None:
    with pytest.raises(UnsafeRegex, match=re.escape(reason)):
        compile_safe(pattern)


def test_deadline_stops_matching_with_the_pattern_named() -> None:
    regex = compile_safe(r"\bx\w*y")
    lines = ["x" + "z" * 50 + " " for _ in range(1)]
    with Deadline(0.0):
        time.sleep(0.001)
        with pytest.raises(RegexTimeout) as stopped:
            regex.spans(lines[0] * 2000)
    assert stopped.value.pattern == r"\bx\w*y"
    assert regex.spans("x1y") == ((0, 3),)          # outside a deadline block, no limit


def test_a_request_past_its_deadline_gets_a_finding_and_a_log_line_per_rule(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(regexsafe, "DEFAULT_DEADLINE", -1.0)     # every regex is already late
    pack = load_pack()
    with_regex = {rule.id for rule in pack.rules if getattr(rule.kind, "regexes", None)}
    secret = "Sentinel4711 an idiot"
    with caplog.at_level(logging.WARNING, logger="checker.engine"):
        body = check(pack, Request(text=secret, locale="en",
                                   now=datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)))
    late = [f for f in body["findings"] if "could not be checked in time" in f["message"]]
    assert late and {f["rule"] for f in late} <= with_regex
    assert all((f["start"], f["end"], f["severity"]) == (0, 0, "info") for f in late)
    logged = [r.getMessage() for r in caplog.records]
    for finding in late:
        assert any(finding["rule"] in line and "deadline" in line for line in logged), logged
    assert not any("Sentinel4711" in line for line in logged)


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return []


def test_the_bundled_regexes_match_as_python_would_on_every_corpus_and_example_text() -> None:
    import yaml

    root = Path(__file__).resolve().parents[2]
    files = sorted((root / "tests" / "corpus").rglob("*.yaml")) + sorted((root / "rules").rglob("*.yaml"))
    lines = {line for f in files for s in _strings(yaml.safe_load(f.read_text(encoding="utf-8")))
             for line in s.split("\n")}
    regexes = [regex for rule in load_pack().rules for _, regex in getattr(rule.kind, "regexes", ())]
    assert len(regexes) >= 10 and len(lines) > 1000
    differ = []
    for regex in regexes:
        python = re.compile(regex.pattern, re.IGNORECASE)
        for line in lines:
            expected = tuple((m.start(), m.end()) for m in python.finditer(line) if m.end() > m.start())
            if regex.spans(line) != expected:
                differ.append((regex.pattern, line))
    assert not differ, differ[:5]


# Random patterns from the constructs the packs use, on random text: RE2 finds what `re` finds.
_ATOMS = ["a", "b", "ä", " ", ".", r"\w", r"\W", r"\s", "[^.]", "[ab]", r"\b"]


def _patterns():
    from hypothesis import strategies as st

    def combine(children):
        return st.one_of(
            st.tuples(children, children).map("".join),
            st.tuples(children, children).map(lambda p: f"(?:{p[0]}|{p[1]})"),
            st.tuples(children, st.sampled_from(["*", "+", "?", "*?", "+?", "??", "{0,3}", "{1,3}?"]))
              .map(lambda p: f"(?:{p[0]}){p[1]}"),
        )
    return st.recursive(st.sampled_from(_ATOMS), combine, max_leaves=8)


def test_random_patterns_match_as_python_would() -> None:
    import re._parser as sre_parse

    from hypothesis import assume, given, reject, settings
    from hypothesis import strategies as st

    # an opening look-behind is exact; a closing look-ahead is not tried against other ways of
    # matching at the same place (see the module's docstring), so it is tested by examples only
    behind = st.sampled_from(["", "(?<!a)", "(?<=[ .])", "(?<!a )", r"(?<!\w)"])

    @settings(max_examples=3000, deadline=None, derandomize=True)
    @given(st.tuples(behind, _patterns()).map("".join), st.text(alphabet="ab ä.", max_size=12))
    def same(pattern: str, text: str) -> None:
        assume(sre_parse.parse(pattern).getwidth()[0] > 0)          # refused, tested above
        try:
            regex = compile_safe(pattern)
        except UnsafeRegex as refused:                              # \b twice at one place
            assert "twice" in str(refused), (pattern, refused)
            reject()
        expected = tuple((m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)
                         if m.end() > m.start())
        assert regex.spans(text) == expected, (pattern, text)

    same()
