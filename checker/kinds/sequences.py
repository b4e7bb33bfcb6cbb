"""The word sequences of a `pattern` rule as one tree, matched in one walk per starting word.

A sequence is a tuple of elements; an element is the set of lexicon keys a token may carry
to fill it. A match begins at a token that fills the first element; each later element is
filled by the first token after the previous one, at most `gap` other words on, on the same
line, that carries one of its keys (greedy: no other choice is tried). So sequences that
begin with the same elements are matched alike as far as those go, and they share one path
of the tree: a word that begins fifty sequences is walked from once, and the words after it
are looked up once for all the sequences that go on from there.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence

from checker.text import Token

Element = frozenset            # the lexicon keys that fill an element


class _Node:
    """The sequences that begin with one path of elements: those that end here (`ends`)
    and the elements they go on with (`children`)."""

    __slots__ = ("ends", "children", "by_key", "keys")

    def __init__(self) -> None:
        self.ends: list[Hashable] = []
        self.children: dict[Element, _Node] = {}
        self.by_key: dict[Hashable, tuple[_Node, ...]] = {}    # key -> the children it fills
        self.keys: frozenset = frozenset()

    def freeze(self) -> None:
        """Index the children by the keys that fill them, here and below."""
        by_key: dict[Hashable, list[_Node]] = {}
        for element, child in self.children.items():
            for key in element:
                by_key.setdefault(key, []).append(child)
            child.freeze()
        self.by_key = {key: tuple(nodes) for key, nodes in by_key.items()}
        self.keys = frozenset(by_key)


class Sequences:
    """Sequences of elements, each with a tag: `add` them all, `freeze`, then find them from
    a token: `starting(key)` for each of its keys, `ends` for each tree that gives."""

    def __init__(self, gap: int) -> None:
        self.gap = gap
        self._roots: dict[tuple[Hashable, Element], _Node] = {}
        self.first: dict[Hashable, list[tuple[Hashable, _Node]]] = {}   # key -> `starting(key)`

    def add(self, group: Hashable, elements: Sequence[Element], tag: Hashable) -> None:
        """Add a sequence (at least one element) of a group (e.g. its language) with its tag;
        a sequence added twice with the same tag is found once."""
        root = self._roots.get((group, elements[0]))
        if root is None:
            root = self._roots[(group, elements[0])] = _Node()
            for key in elements[0]:
                self.first.setdefault(key, []).append((group, root))
        node = root
        for element in elements[1:]:
            node = node.children.setdefault(element, _Node())
        if tag not in node.ends:
            node.ends.append(tag)

    def freeze(self) -> None:
        """Index every tree's elements by key (after the last `add`)."""
        for root in self._roots.values():
            root.freeze()

    def paths(self) -> Iterator[tuple[Element, ...]]:
        """The elements of every sequence added (once each, whatever its group and tag)."""
        todo = [((first,), root) for (_, first), root in self._roots.items()]
        while todo:
            path, node = todo.pop()
            if node.ends:
                yield path
            todo += [((*path, element), child) for element, child in node.children.items()]

    def starting(self, key: Hashable) -> Sequence[tuple[Hashable, _Node]]:
        """The (group, tree) of the sequences whose first element the key fills."""
        return self.first.get(key, ())

    def possible(self, root: _Node, present: frozenset) -> bool:
        """Whether some sequence of a tree can match in a text whose words carry no keys but
        `present` (the first element is taken as filled)."""
        if root.ends:
            return True
        if root.keys.isdisjoint(present):            # no word for any next element
            return False
        return any(not element.isdisjoint(present) and self.possible(child, present)
                   for element, child in root.children.items())

    def ends(self, tokens: Sequence[Token], token_keys: dict[int, frozenset], start: int,
             root: _Node) -> list[tuple[Hashable, int]]:
        """(tag, index of the last token) of every sequence of a tree that matches from
        token `start` (which fills the first element)."""
        if not root.children:
            return [(tag, start) for tag in root.ends]
        found: list[tuple[Hashable, int]] = []
        line, count, reach = tokens[start].line, len(tokens), self.gap + 2
        todo = [(root, start)]
        while todo:
            node, position = todo.pop()
            for tag in node.ends:
                found.append((tag, position))
            if not node.children:
                continue
            waiting = len(node.children)
            placed: set[_Node] = set()
            for candidate in range(position + 1, min(position + reach, count)):
                if tokens[candidate].line != line:
                    break
                keys = token_keys.get(candidate)
                if keys is None or node.keys.isdisjoint(keys):
                    continue
                for key in node.keys & keys:
                    for child in node.by_key[key]:
                        if child not in placed:
                            placed.add(child)
                            todo.append((child, candidate))
                            waiting -= 1
                if not waiting:
                    break
        return found
