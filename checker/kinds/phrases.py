"""Words and phrases per language, as several kinds use them: registered in the pack's
lexicon once, found per check on lines written in their language."""

from __future__ import annotations

from collections.abc import Iterator

from checker.kinds.base import Build, Context, RuleError, allowed_in

TAG = "phrase"
REST = " rest"


def rest_key(rule_id: str) -> str:
    """The owner of a rule's keys for the second and later words of a phrase or pattern.

    Kept apart from the rule's own id so that a rule walks only the tokens that can
    begin a match (ctx.hits[rule_id]), not every "the" that continues one.
    """
    return rule_id + REST


class Phrases:
    """A rule's word and phrase lists; a phrase is word patterns separated by spaces."""

    def __init__(self, rule_id: str, lists: dict[str, list[tuple[str, int]]], build: Build,
                 tag: str = TAG) -> None:
        self.rule_id = rule_id
        self.rest_id = rest_key(rule_id)
        self.tag = tag
        self.sizes: dict[tuple[str, int], int] = {}   # (lang, entry) -> number of words
        for lang, items in lists.items():
            for entry, (phrase, line) in enumerate(items):
                words = phrase.split()
                if not words:
                    raise RuleError(line, "an empty term")
                for position, word in enumerate(words):
                    owner = rule_id if position == 0 else self.rest_id
                    build.add_word(word, (owner, tag, lang, entry, position), line)
                self.sizes[(lang, entry)] = len(words)

    def find(self, ctx: Context) -> Iterator[tuple[str, int, int]]:
        """(language, first token, last token) of every phrase standing in the text."""
        tokens = ctx.doc.tokens
        for index, key in ctx.hits.get(self.rule_id, ()):
            if key[1] != self.tag or key[4] != 0:
                continue
            _, _, lang, entry, _ = key
            if not allowed_in(ctx, tokens[index].line, lang):
                continue
            last = index + self.sizes[(lang, entry)] - 1
            if last < len(tokens) and all(
                    (self.rest_id, self.tag, lang, entry, k) in ctx.token_keys.get(index + k, ())
                    for k in range(1, last - index + 1)):
                yield lang, index, last

    def find_joined(self, ctx: Context) -> Iterator[tuple[str, int]]:
        """(language, index into doc.joined_tokens) of single words written apart ("p a s k a")."""
        joined = ctx.doc.joined_tokens
        for index, key in ctx.joined_hits.get(self.rule_id, ()):
            if key[1] != self.tag or key[4] != 0:
                continue
            _, _, lang, entry, _ = key
            if self.sizes[(lang, entry)] == 1 and allowed_in(ctx, joined[index].line, lang):
                yield lang, index
