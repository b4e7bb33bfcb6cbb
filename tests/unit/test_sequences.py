"""The pattern kind's sequence tree finds exactly what trying each sequence alone finds
(greedy: each element filled by the first fitting word within the gap, on one line)."""

from __future__ import annotations

import random

import pytest

from checker.kinds import sequences as module
from checker.kinds.sequences import Sequences
from checker.text import Token
from tests.unit.steps import lines_run

KEYS = "abcdef"


def _alone(tokens, token_keys, start, elements, gap) -> int | None:
    """One sequence tried on its own: the index of its last token, or None."""
    if token_keys.get(start, frozenset()).isdisjoint(elements[0]):
        return None
    position, line = start, tokens[start].line
    for element in elements[1:]:
        for candidate in range(position + 1, min(position + 2 + gap, len(tokens))):
            if tokens[candidate].line != line:
                return None
            if not element.isdisjoint(token_keys.get(candidate, ())):
                position = candidate
                break
        else:
            return None
    return position


def _random_case(rng: random.Random):
    gap = rng.randint(0, 3)
    element = lambda: frozenset(rng.sample(KEYS, rng.randint(1, 2)))          # noqa: E731
    found = [(rng.choice("xy"), tuple(element() for _ in range(rng.randint(1, 4)))) for _ in range(rng.randint(1, 12))]
    tokens, token_keys, line = [], {}, 0
    for i in range(rng.randint(1, 40)):
        if rng.random() < 0.1:
            line += 1
        tokens.append(Token(i * 2, i * 2 + 1, "w", line))
        if rng.random() < 0.8:
            token_keys[i] = frozenset(rng.sample(KEYS, rng.randint(1, 3)))
    return gap, found, tokens, token_keys


@pytest.mark.parametrize("seed", range(300))
def test_the_tree_finds_what_each_sequence_finds_alone(seed: int) -> None:
    gap, found, tokens, token_keys = _random_case(random.Random(seed))
    tree = Sequences(gap)
    for number, (group, elements) in enumerate(found):
        tree.add(group, elements, number)
    tree.freeze()
    for start in range(len(tokens)):
        expected = {(number, last) for number, (_, elements) in enumerate(found)
                    if (last := _alone(tokens, token_keys, start, elements, gap)) is not None}
        got = set()
        present = frozenset().union(*token_keys.values())
        for key in token_keys.get(start, ()):
            for group, root in tree.starting(key):
                ends = tree.ends(tokens, token_keys, start, root)
                assert tree.possible(root, present) or not ends        # the shortcut loses nothing
                for number, last in ends:
                    assert found[number][0] == group
                    got.add((number, last))
        assert got == expected


def test_a_shared_beginning_is_one_path_and_a_repeated_sequence_is_found_once() -> None:
    a, b, c = frozenset("a"), frozenset("b"), frozenset("c")
    tree = Sequences(0)
    tree.add("en", (a, b), "ab")
    tree.add("en", (a, b, c), "abc")
    tree.add("en", (a, c), "ac")
    tree.add("en", (a, b), "ab")
    tree.freeze()
    (group, root), = tree.starting("a")
    assert group == "en" and len(root.children) == 2
    tokens = [Token(i, i + 1, "w", 0) for i in range(3)]
    keys = {0: frozenset("a"), 1: frozenset("b"), 2: frozenset("c")}
    assert sorted(tree.ends(tokens, keys, 0, root)) == [("ab", 1), ("abc", 2)]


def test_a_word_that_begins_many_sequences_is_walked_from_once() -> None:
    """The work at a word does not grow with the number of sequences that begin with it."""
    def work(count: int) -> int:
        tree = Sequences(2)
        for number in range(count):
            tree.add("en", (frozenset({"you"}), frozenset({("word", number)})), number)
        tree.freeze()
        tokens = [Token(i, i + 1, "w", 0) for i in range(6)]
        keys = {0: frozenset({"you"}), 3: frozenset({("word", 1)})}
        (_, root), = tree.starting("you")
        return lines_run(module, lambda: tree.ends(tokens, keys, 0, root))

    assert work(200) == work(2)


def test_a_tree_is_impossible_when_a_word_of_every_sequence_is_missing() -> None:
    a, b, c, d = (frozenset(x) for x in "abcd")
    tree = Sequences(1)
    tree.add("en", (a, b, c), 1)
    tree.add("en", (a, d), 2)
    tree.freeze()
    (_, root), = tree.starting("a")
    assert tree.possible(root, frozenset("abc")) and tree.possible(root, frozenset("ad"))
    assert not tree.possible(root, frozenset("ab")) and not tree.possible(root, frozenset("ac"))
    tree.add("en", (a,), 3)                    # a one-word sequence: always possible
    tree.freeze()
    assert tree.possible(root, frozenset("a"))
