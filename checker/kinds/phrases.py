"""Words and phrases per language, as several kinds use them: registered in the pack's
lexicon once, found per check on lines written in their language.

A rule's phrases form one tree per language and first word: phrases that begin with the
same words share a path, so a common first word ("ei", "the") is looked up once for all
the phrases it begins, and the next token once for all the phrases that go on from there.
Each distinct word of a list is one lexicon key (per language and whether it begins a
phrase), shared by every phrase that has it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator

from checker.kinds.base import Build, Context, RuleError, allowed_in

TAG = "phrase"
REST = " rest"


def rest_key(rule_id: str) -> str:
    """The owner of a rule's keys for the second and later words of a phrase or pattern.

    Kept apart from the rule's own id so that a rule walks only the tokens that can
    begin a match (ctx.hits[rule_id]), not every "the" that continues one.
    """
    return rule_id + REST


class _Node:
    """The phrases that begin with one path of words: whether one ends here, and the
    words (lexicon keys) they go on with."""

    __slots__ = ("ends", "children")

    def __init__(self) -> None:
        self.ends = False
        self.children: dict[Hashable, _Node] = {}


class Phrases:
    """A rule's word and phrase lists; a phrase is word patterns separated by spaces."""

    def __init__(self, rule_id: str, lists: dict[str, list[tuple[str, int]]], build: Build,
                 tag: str = TAG) -> None:
        self.rule_id = rule_id
        self.rest_id = rest_key(rule_id)
        self.tag = tag
        self.roots: dict[Hashable, tuple[str, _Node]] = {}    # first word's key -> (lang, tree)
        keys: dict[tuple[str, str, str], tuple] = {}          # (owner, lang, word) -> its key
        for lang, items in lists.items():
            for phrase, line in items:
                words = phrase.split()
                if not words:
                    raise RuleError(line, "an empty term")
                node = None
                for position, word in enumerate(words):
                    owner = rule_id if position == 0 else self.rest_id
                    key = keys.get((owner, lang, word))
                    if key is None:
                        key = keys[(owner, lang, word)] = (owner, tag, lang, len(keys))
                        build.add_word(word, key, line)
                    if node is None:
                        node = self.roots.setdefault(key, (lang, _Node()))[1]
                    else:
                        node = node.children.setdefault(key, _Node())
                node.ends = True

    def ways(self) -> Iterator[tuple[frozenset, ...]]:
        """Each phrase as the keys its words must carry, one set a word (`Kind.requirements`)."""
        todo = [((frozenset({key}),), node) for key, (_, node) in self.roots.items()]
        while todo:
            path, node = todo.pop()
            if node.ends:
                yield path
            todo += [((*path, frozenset({key})), child) for key, child in node.children.items()]

    def find(self, ctx: Context) -> Iterator[tuple[str, int, int]]:
        """(language, first token, last token) of every phrase standing in the text:
        the words of a phrase are consecutive tokens."""
        tokens, token_keys, roots = ctx.doc.tokens, ctx.token_keys, self.roots
        per_line, everywhere = ctx.languages.per_line, ctx.languages.everywhere   # allowed_in, inlined
        count = len(tokens)
        for index, key in ctx.hits.get(self.rule_id, ()):
            root = roots.get(key)
            if root is None:
                continue
            lang, node = root
            if lang != "any" and lang not in per_line.get(tokens[index].line, everywhere):
                continue
            if node.ends:
                yield lang, index, index
            if not node.children:
                continue
            todo = [(node, index)]
            while todo:
                node, last = todo.pop()
                following = last + 1
                keys = token_keys.get(following) if following < count else None
                if keys is None:
                    continue
                children = node.children
                for key in (children.keys() & keys if len(children) > len(keys) else
                            [key for key in children if key in keys]):
                    child = children[key]
                    if child.ends:
                        yield lang, index, following
                    if child.children:
                        todo.append((child, following))

    def find_joined(self, ctx: Context) -> Iterator[tuple[str, int]]:
        """(language, index into doc.joined_tokens) of single words written apart ("p a s k a")."""
        joined, roots = ctx.doc.joined_tokens, self.roots
        for index, key in ctx.joined_hits.get(self.rule_id, ()):
            root = roots.get(key)
            if root is not None and root[1].ends and allowed_in(ctx, joined[index].line, root[0]):
                yield root[0], index
