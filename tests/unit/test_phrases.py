"""The phrase tree of the terms and proximity kinds finds exactly what trying each phrase
alone finds: its words on consecutive tokens, the first on a line written in its language."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from checker.engine import _by_rule
from checker.kinds import phrases as module
from checker.kinds.base import Build
from checker.kinds.phrases import Phrases
from checker.langid import Languages
from checker.lexicon import Lexicon
from checker.text import Token
from tests.unit.steps import lines_run

WORDS = ("qaz", "qazz", "qbx", "qcy")
PATTERNS = ("qaz", "qaz*", "qbx", "qcy", "*azz*")        # "qaz*" and "qaz" both fit "qaz"
LANGS = ("fi", "sv", "en")


def _fits(pattern: str, word: str) -> bool:
    if pattern.startswith("*"):
        return pattern.strip("*") in word
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    return word == pattern


def _letters(number: int) -> str:
    return chr(97 + number // 26) + chr(97 + number % 26)


def _context(phrases_of: dict[str, list[tuple[str, int]]], words: list[str], lines: list[int],
             per_line: dict[int, frozenset[str]]):
    lexicon = Lexicon()
    found = Phrases("rule", phrases_of, Build(lexicon, None, "rule"))
    lexicon.freeze()
    tokens = [Token(i * 5, i * 5 + len(w), w, line) for i, (w, line) in enumerate(zip(words, lines))]
    token_keys = lexicon.scan(tokens)
    languages = Languages(per_line, [], frozenset(LANGS))
    ctx = SimpleNamespace(doc=SimpleNamespace(tokens=tokens), token_keys=token_keys,
                          hits=_by_rule(token_keys), languages=languages)
    return found, ctx


@pytest.mark.parametrize("seed", range(200))
def test_the_tree_finds_what_each_phrase_finds_alone(seed: int) -> None:
    rng = random.Random(seed)
    phrases_of: dict[str, list[tuple[str, int]]] = {}
    for _ in range(rng.randint(1, 10)):
        words = [rng.choice(PATTERNS) for _ in range(rng.randint(1, 4))]
        phrases_of.setdefault(rng.choice(LANGS), []).append((" ".join(words), 1))
    count = rng.randint(1, 30)
    words = [rng.choice(WORDS) for _ in range(count)]
    lines = sorted(rng.randint(0, 3) for _ in range(count))
    per_line = {line: frozenset(rng.sample(LANGS, rng.randint(1, 3))) for line in range(4)}
    found, ctx = _context(phrases_of, words, lines, per_line)
    expected = {(lang, start, start + len(parts) - 1)
                for lang, items in phrases_of.items() for phrase, _ in items
                for parts in [phrase.split()] for start in range(count - len(parts) + 1)
                if lang in per_line[lines[start]]
                and all(_fits(p, words[start + k]) for k, p in enumerate(parts))}
    assert set(found.find(ctx)) == expected


def test_a_word_that_begins_many_phrases_is_one_key_and_walked_from_once() -> None:
    """The work at a word does not grow with the number of phrases that begin with it."""
    def work(count: int) -> tuple[int, int]:
        lists = {"en": [(f"qaz w{_letters(number)}x", 1) for number in range(count)]}
        found, ctx = _context(lists, ["qaz", "wabx", "qbx"], [0, 0, 0], {0: frozenset(LANGS)})
        assert list(found.find(ctx)) == [("en", 0, 1)]
        return len(ctx.hits["rule"]), lines_run(module, lambda: list(found.find(ctx)))

    assert work(200) == work(2)
