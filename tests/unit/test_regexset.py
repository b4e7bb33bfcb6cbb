"""The pack's regexes are searched together first (an RE2 set); the set only saves work:
a regex it leaves out of a line has no match there, a regex compiled after the set was built
searches alone, and when the set cannot judge a line every regex searches the line itself."""

from __future__ import annotations

import gc
import re

import re2

from checker import regexmarks, regexsafe
from checker.pack import load_pack
from checker.regexsafe import compile_safe
from checker.text import clear_line_caches

LINES = ["Du ljuger om budgeten igen.", "Sinä valehtelet taas!", "x1y and xzy", "",
         "kuva netistä, www.example.com/paska", "\ue000 marked \ue001 already", "plain words only"]


def _python_spans(pattern: str, line: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in re.finditer(pattern, line, re.IGNORECASE) if m.end() > m.start())


def test_the_set_names_every_regex_that_matches_somewhere() -> None:
    regexes = [compile_safe(p) for p in (r"\bljug\w*", r"valehtel\w+", r"\bx\w*y\b", r"netist[äa]")]
    regexsafe.refresh()
    clear_line_caches()
    for line in LINES:
        candidates = regexsafe._candidates(line, regexsafe._current[1])
        assert candidates is not None
        for regex in regexes:
            matches = bool(regex.program.regex.search(regexmarks.marked(line).data))
            assert regex.serial in candidates or not matches, (regex.pattern, line)
            if line.isascii():      # on ASCII the filter is the program itself
                assert (regex.serial in candidates) == matches, (regex.pattern, line)
            assert regex.spans(line) == _python_spans(regex.pattern, line)


def test_the_filter_widens_only_costly_classes_and_only_beyond_ascii() -> None:
    regex = compile_safe(r"\bx\w+y\b|netist[äa]")
    assert "[äa]" in regex.program.filter_re2 or r"\x{e4}" in regex.program.filter_re2   # cheap: kept
    assert r"\p{L}" in regex.program.source_re2 and r"\p{L}" not in regex.program.filter_re2
    widened = re2.compile(regex.program.filter_re2)
    assert widened.programsize * 4 < regex.program.regex.programsize
    regexsafe.refresh()
    clear_line_caches()
    # "–" is no letter: the program finds nothing, its filter cannot tell, spans() still finds nothing
    for line, found in (("x–y", ()), ("xzzy!", ((0, 4),)), ("xåy", ((0, 3),)), ("x y", ())):
        candidates = regexsafe._candidates(line, regexsafe._current[1])
        assert (regex.serial in candidates) == (line != "x y"), line
        assert regex.spans(line) == found == _python_spans(regex.pattern, line)


def test_a_regex_compiled_after_the_set_was_built_searches_alone_until_a_refresh() -> None:
    first = compile_safe(r"\bbudget\w*")
    regexsafe.refresh()
    assert first.serial in regexsafe._current[0].members
    assert first.spans("the budgets") == ((4, 11),)
    later = compile_safe(r"\bbudg\w+s\b")
    assert later.serial not in regexsafe._current[0].members
    assert later.spans("the budgets") == ((4, 11),)            # not in the set: searched alone
    regexsafe.refresh()
    assert later.serial in regexsafe._current[0].members
    assert later.spans("the budgets") == ((4, 11),)
    assert first.spans("the budgets") == ((4, 11),)
    built = regexsafe._current[0]
    regexsafe.refresh()                                        # nothing new: the same set
    assert regexsafe._current[0] is built


def test_the_engine_builds_the_set_when_it_meets_a_pack() -> None:
    from checker.engine import _plan
    from checker.model import Request

    pack = load_pack()
    _plan(pack, Request(text="x", now=__import__("datetime").datetime(2026, 11, 28, 12, 0)))
    members = regexsafe._current[0].members
    assert all(regex.serial in members for rule in pack.rules for _lang, regex in getattr(rule.kind, "regexes", ()))


def test_every_regex_searches_alone_when_the_set_cannot_judge_a_line(monkeypatch) -> None:
    regex = compile_safe(r"\bljug\w*")
    regexsafe.refresh()
    clear_line_caches()
    monkeypatch.setattr(regexsafe._Group, "matching", lambda self, data: None)   # as after RE2 ran out of memory
    assert regex.spans("Du ljuger") == ((3, 9),)
    clear_line_caches()


def test_the_set_failing_is_seen_by_its_sentinel(monkeypatch) -> None:
    regex = compile_safe(r"\bljug\w*")
    regexsafe.refresh()
    group = regexsafe._current[0]
    assert group is not None and regex.serial in group.matching(b"\xee\x80\x80ljuger")
    # RE2's set answers nothing at all (not even the sentinel) when it fails: "cannot tell"
    broken = type("Broken", (), {"Match": lambda self, data: []})()
    monkeypatch.setattr(group, "sets", [*group.sets[:-1], (broken, group.sets[-1][1])])
    assert group.matching(b"anything") is None


def test_the_set_holds_only_live_regexes() -> None:
    compile_safe(r"\bgone\w*")
    gc.collect()
    assert all(regex.pattern != r"\bgone\w*" for regex in regexsafe._LIVE.values())


def test_the_pack_regexes_agree_with_and_without_the_set(monkeypatch) -> None:
    pack = load_pack()
    regexes = [regex for rule in pack.rules for _lang, regex in getattr(rule.kind, "regexes", ())]
    regexsafe.refresh()
    assert all(regex.serial in regexsafe._current[0].members for regex in regexes)
    texts = [line for rule in pack.rules for example in (*rule.flag, *rule.passes)
             for line in example.request.text.split("\n")]
    clear_line_caches()
    together = [[regex.spans(line) for regex in regexes] for line in texts]
    monkeypatch.setattr(regexsafe, "_candidates", lambda line, generation: None)
    alone = [[regex.spans(line) for regex in regexes] for line in texts]
    assert together == alone
    assert any(any(spans) for spans in together)          # the examples do reach the regexes


def test_ruled_out_names_only_regexes_that_find_nothing_in_the_line() -> None:
    regexes = [compile_safe(p) for p in (r"\bljug\w*", r"valehtel\w+", r"\bx\w*y\b", r"netist[äa]")]
    regexsafe.refresh()
    clear_line_caches()
    for line in LINES:
        out = regexsafe.ruled_out(line)
        for regex in regexes:
            assert regex.serial not in out or not regex.spans(line), (regex.pattern, line)
            if line.isascii():
                assert (regex.serial in out) == (not regex.spans(line)), (regex.pattern, line)
    late = compile_safe(r"\bnever\w*")             # compiled after the set: never ruled out
    assert late.serial not in regexsafe.ruled_out("plain words only")


def test_nothing_is_ruled_out_when_the_set_cannot_judge_a_line(monkeypatch) -> None:
    compile_safe(r"\bljug\w*")
    regexsafe.refresh()
    clear_line_caches()
    monkeypatch.setattr(regexsafe._Group, "matching", lambda self, data: None)
    assert regexsafe.ruled_out("plain words only") == frozenset()
    clear_line_caches()
