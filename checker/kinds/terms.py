"""`terms`: words and phrases per language, with stems, compounds and disguised spellings.

    kind: terms
    terms:
      fi: [vittu*, perkele*, "salassa pidettävä*"]   # a phrase is words separated by spaces
      sv: [jävl*, "*jävel"]
      en: [fuck*]
      any: [wtf]                                      # every language
    except:                                           # whole words that must never fire
      sv: [skitur]
    include:                                          # a published word list, whole words
      en: better-profanity

A term list fires only on lines written in its language (see languages.py), so Swedish
"fan" stays quiet in "big fan of the club". See lexicon.py for the word patterns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources

from checker.kinds.base import Build, Context, Kind, Match, Param, Params, RuleError
from checker.kinds.phrases import Phrases


@lru_cache(maxsize=None)
def better_profanity_words() -> tuple[str, ...]:
    """better-profanity's English list (its own matcher is too slow to run per keystroke)."""
    text = (resources.files("better_profanity") / "profanity_wordlist.txt").read_text(encoding="utf-8")
    return tuple(line.strip().lower() for line in text.splitlines() if line.strip())


WORDLISTS: dict[str, Callable[[], tuple[str, ...]]] = {"better-profanity": better_profanity_words}


class Terms(Kind):
    name = "terms"
    summary = "words and phrases per language"
    parameters = (
        Param("terms", "per_language", "word patterns and phrases"),
        Param("except", "per_language", "whole words the patterns would otherwise catch"),
        Param("include", "per_language", "named word lists to add (en: better-profanity)"),
    )

    def __init__(self, params: Params, build: Build) -> None:
        self.rule_id = build.rule_id
        lists = params.per_language("terms", required=not params.has("include"))
        for lang, names in params.per_language("include", required=False).items():
            for name, line in names:
                if name not in WORDLISTS:
                    raise RuleError(line, f"unknown word list {name!r}; known: {', '.join(WORDLISTS)}")
                lists.setdefault(lang, []).extend((word, line) for word in WORDLISTS[name]())
        self.phrases = Phrases(self.rule_id, lists, build)
        self.exceptions = {
            lang: {word.lower() for word, _ in items}
            for lang, items in params.per_language("except", required=False).items()
        }

    def _excepted(self, lang: str, word: str) -> bool:
        return word in self.exceptions.get(lang, ()) or word in self.exceptions.get("any", ())

    def find(self, ctx: Context) -> Iterable[Match]:
        tokens = ctx.doc.tokens
        for lang, first, last in self.phrases.find(ctx):
            if not self._excepted(lang, tokens[first].lower):
                yield Match(tokens[first].start, tokens[last].end)
        joined = ctx.doc.joined_tokens
        for lang, index in self.phrases.find_joined(ctx):
            if not self._excepted(lang, joined[index].lower):
                yield Match(joined[index].start, joined[index].end)
