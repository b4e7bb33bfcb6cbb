"""Which rules a request shape runs, and the keys that wake the rules gated by triggers
(see `Plan`); the engine (checker/engine.py) makes one per pack and request shape."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from checker.pack import Pack, Rule


class Step(NamedTuple):
    """A rule as the engine runs it: the languages it needs, whether it fires only at words
    of its own in the lexicon or where its regexes match (then a post without any is skipped
    before any work), its regexes, and whether its words are gated by triggers (`Plan`)."""

    rule: Rule
    languages: frozenset[str]
    needs_hits: bool
    regexes: frozenset[int]
    gated: bool


TRIGGERED_LIMIT = 50_000


@lru_cache(maxsize=1)
def common_words() -> dict[str, float]:
    """How common each of the most frequent words of the three languages is: 1 / its rank
    in the frequency list of its language (langdata/common_words.txt, commongen.py), summed
    over the languages it is frequent in."""
    weights: dict[str, float] = defaultdict(float)
    ranks: dict[str, int] = defaultdict(int)
    text = (resources.files("checker.langdata") / "common_words.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            lang, word = line.split(" ", 1)
            ranks[lang] += 1
            weights[word] += 1.0 / ranks[lang]
    return dict(weights)


class Plan:
    """The rules a request shape runs (`steps`), and the keys that wake the gated ones.

    A rule that says how it can fire from its words (`Kind.requirements`: every key set of
    some way must have a word in the post) is woken only by its *triggers*: for each way,
    the keys of its rarest set, judged by how common the frequent words that carry them are
    (`common_words`). "{you} {lie}" wakes at a word of {lie}, not at every "you"; a post
    without one cannot fill the way, so skipping the rule there loses nothing. Rules that
    cannot say run wherever they have a word, as before."""

    def __init__(self, pack: Pack, steps: tuple[Step, ...], triggers: dict[Hashable, list[str]]) -> None:
        self.pack, self.steps = pack, steps
        self._triggers = triggers
        self._woken: dict[frozenset, frozenset[str]] = {}

    @classmethod
    def build(cls, pack: Pack, rules: Iterable[Rule]) -> Plan:
        common: dict[Hashable, float] = defaultdict(float)      # key -> how common its words are
        for word, weight in common_words().items():
            for key in pack.lexicon.keys_for(word):
                common[key] += weight
        steps, triggers = [], defaultdict(list)
        for rule in rules:
            ways = rule.kind.requirements() if rule.kind.needs_hits() else None
            if ways is not None:
                keys = {key for way in ways for key in min(way, key=lambda keys: sum(common[k] for k in keys))}
                for key in keys:
                    triggers[key].append(rule.id)
            steps.append(Step(rule, frozenset(rule.when.languages), rule.kind.needs_hits(),
                               rule.kind.regex_serials(), ways is not None))
        return cls(pack, tuple(steps), dict(triggers))

    def woken(self, token_keys: dict[int, frozenset[Hashable]]) -> set[str]:
        """The gated rules that a post whose words carry these keys wakes."""
        found: set[str] = set()
        known = self._woken.get
        for keys in set(token_keys.values()):
            rules = known(keys)
            if rules is None:
                triggers = self._triggers.get
                rules = frozenset(rule for key in keys for rule in triggers(key, ()))
                if len(self._woken) >= TRIGGERED_LIMIT:
                    self._woken.clear()
                self._woken[keys] = rules
            found |= rules
        return found
