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

from checker.kinds.base import Build, Context, Kind, Match, Params, RuleError, allowed_in


@lru_cache(maxsize=None)
def better_profanity_words() -> tuple[str, ...]:
    """better-profanity's English list (its own matcher is too slow to run per keystroke)."""
    text = (resources.files("better_profanity") / "profanity_wordlist.txt").read_text(encoding="utf-8")
    return tuple(line.strip().lower() for line in text.splitlines() if line.strip())


WORDLISTS: dict[str, Callable[[], tuple[str, ...]]] = {"better-profanity": better_profanity_words}


class Terms(Kind):
    name = "terms"
    parameters = frozenset({"terms", "except", "include"})

    def __init__(self, params: Params, build: Build) -> None:
        self.rule_id = build.rule_id
        self.phrases: dict[tuple[str, int], int] = {}   # (lang, entry) -> number of words
        lists = params.per_language("terms", required=not params.has("include"))
        for lang, names in params.per_language("include", required=False).items():
            for name, line in names:
                if name not in WORDLISTS:
                    raise RuleError(line, f"unknown word list {name!r}; known: {', '.join(WORDLISTS)}")
                lists.setdefault(lang, []).extend((word, line) for word in WORDLISTS[name]())
        for lang, items in lists.items():
            for entry, (phrase, line) in enumerate(items):
                words = phrase.split()
                if not words:
                    raise RuleError(line, "an empty term")
                for position, word in enumerate(words):
                    build.add_word(word, (self.rule_id, lang, entry, position), line)
                self.phrases[(lang, entry)] = len(words)
        self.exceptions = {
            lang: {word.lower() for word, _ in items}
            for lang, items in params.per_language("except", required=False).items()
        }

    def _excepted(self, lang: str, word: str) -> bool:
        return word in self.exceptions.get(lang, ()) or word in self.exceptions.get("any", ())

    def find(self, ctx: Context) -> Iterable[Match]:
        tokens = ctx.doc.tokens
        for index, (_, lang, entry, position) in ctx.hits.get(self.rule_id, ()):
            if position != 0:
                continue
            token = tokens[index]
            if not allowed_in(ctx, token.line, lang) or self._excepted(lang, token.lower):
                continue
            size = self.phrases[(lang, entry)]
            last = index + size - 1
            if last >= len(tokens) or any(
                (self.rule_id, lang, entry, k) not in ctx.token_keys.get(index + k, ())
                for k in range(1, size)
            ):
                continue
            yield Match(token.start, tokens[last].end)
        joined = ctx.doc.joined_tokens
        for index, (_, lang, entry, position) in ctx.joined_hits.get(self.rule_id, ()):
            token = joined[index]
            if (position == 0 and self.phrases[(lang, entry)] == 1
                    and allowed_in(ctx, token.line, lang) and not self._excepted(lang, token.lower)):
                yield Match(token.start, token.end)
