"""Every rule's own examples, as tests: each `flag` text must be flagged by that rule,
each `pass` text must not be. Generated from the bundled pack, so a new rule is tested
as soon as it is written."""

from __future__ import annotations

import pytest

from checker.engine import fired
from checker.pack import load_pack

PACK = load_pack()
CASES = [
    pytest.param(rule.id, example, expected, id=f"{rule.id}-{expected}-{example.line}")
    for rule in PACK.rules
    for expected, examples in (("flag", rule.flag), ("pass", rule.passes))
    for example in examples
]


@pytest.mark.parametrize(("rule_id", "example", "expected"), CASES)
def test_example(rule_id, example, expected) -> None:
    marked = fired(PACK, example.request)
    if expected == "flag":
        assert rule_id in marked, f"{rule_id} should flag {example.request.text!r}; rules fired: {marked}"
    else:
        assert rule_id not in marked, f"{rule_id} should pass {example.request.text!r}; it flagged {marked[rule_id]}"


def test_every_rule_has_examples_both_ways() -> None:
    for rule in PACK.rules:
        assert rule.flag and rule.passes, rule.id
