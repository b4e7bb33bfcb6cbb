"""`python -m bench.identity`: a speed change is checked to leave every finding as it was."""

from __future__ import annotations

import json
from pathlib import Path

from bench import identity
from checker.engine import check
from checker.model import Request
from checker.pack import load_pack


def test_a_line_holds_the_findings_and_a_digest_but_never_the_text() -> None:
    text = "Du ljuger om budgeten igen, idiot."
    response = check(load_pack(), Request(text=text, now=identity.NOW))
    line = identity._line("sv.yaml:0", response)
    key, found, digest = json.loads(line)
    assert key == "sv.yaml:0" and found and len(digest) == 16
    assert all(len(f) == 4 for f in found) and "ljuger" not in line
    assert identity._line("sv.yaml:0", {**response, "elapsed_ms": 99.0}) == line      # timing left out


def test_compare_counts_the_texts_that_differ(tmp_path: Path, capsys) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_text('["x", [], "1"]\n["y", [], "2"]\n', encoding="utf-8")
    b.write_text('["x", [], "1"]\n["y", [["r", 0, 1, "warn"]], "3"]\n["z", [], "4"]\n', encoding="utf-8")
    assert identity.compare(a, a) == 0
    assert identity.compare(a, b) == 2
    assert "differs: y" in capsys.readouterr().out
