"""What stands before a `pattern` match in its sentence and changes what the match says.

- `unless_earlier`: a word anywhere before the match in its sentence cancels it. Someone
  else's words reported ("joku kirjoitti, että virkamiehet ovat idiootteja", "someone
  wrote that the mayor is a clown") report name-calling, they do not call names; a pet
  named earlier is the doer ("our cat is a little thief, she stole a sausage").
- `initial`: a match that begins with an imperative opens its clause. With a subject
  before it the same form is a statement ("det förstör däcken", "kids smash windows");
  only a word of `initial_after` ("och krossa", "just smash") may stand there.

The `terms` kind takes the same two words as lists of its own (`initial`: the words a term
that must open its clause may begin with), through `framed_out`.

- A match that ends in a capitalized word inside its sentence, right before another
  capitalized word, ends in a name: "teemana on Pelle Peloton", "Pelle Svanslös".

Each looks at a bounded number of words around one match, so a check stays linear.
"""

from __future__ import annotations

from collections.abc import Callable

from checker.kinds.base import Context, allowed_in
from checker.sentences import JOINERS, ends_between

EARLIER = "unless_earlier"
INITIAL = "initial"
INITIAL_AFTER = "initial_after"
EARLIER_REACH = 12          # words before a match that `unless_earlier` looks at, within its sentence


def joins(ctx: Context, index: int) -> bool:
    """Whether the word at `index` is a conjunction that joins two clauses in its line's
    language ("ja", "men", "but"; the Swedish "ni" is not the Finnish one)."""
    token = ctx.doc.tokens[index]
    return any(token.lower in words and allowed_in(ctx, token.line, lang) for lang, words in JOINERS.items())


def earlier(ctx: Context, first: int, has: Callable[[int, str], bool]) -> bool:
    """Whether an `unless_earlier` word stands before the match at token `first`, in its
    sentence and on its line, with no conjunction that joins two main clauses between
    ("Virtanen kirjoitti lehteen, ja hän on idiootti" still calls names)."""
    tokens, text = ctx.doc.tokens, ctx.doc.text
    line = tokens[first].line
    index = first
    for _ in range(EARLIER_REACH):
        if index == 0 or tokens[index - 1].line != line \
                or ends_between(text, tokens[index - 1].end, tokens[index].start):
            return False
        index -= 1
        if has(index, EARLIER):
            return True
        if joins(ctx, index):
            return False
    return False


def not_initial(ctx: Context, first: int, slot_keys: tuple, has: Callable[[int, str], bool]) -> bool:
    """Whether a match that begins with a word of the `initial` slot (a token carrying one of
    `slot_keys`) has another word right before it in its clause, other than an
    `initial_after` word: "det förstör däcken" states, "förstör däcken!" orders."""
    keys = ctx.token_keys.get(first, ())
    if not any(key in keys for key in slot_keys):
        return False
    tokens, text = ctx.doc.tokens, ctx.doc.text
    if first == 0 or tokens[first - 1].line != tokens[first].line:
        return False
    if text[tokens[first - 1].end:tokens[first].start].strip():
        return False            # a comma, a full stop, a quote or an emoji opens the clause
    return not has(first - 1, INITIAL_AFTER)


def names_someone(ctx: Context, last: int) -> bool:
    """Whether the match's last word is the first word of a name: capitalized (not all
    capitals) inside its sentence, with a capitalized word one space after it."""
    tokens, text = ctx.doc.tokens, ctx.doc.text
    if last + 1 >= len(tokens) or text[tokens[last].end:tokens[last + 1].start] not in (" ", "\u00a0"):
        return False
    word, after = (text[tokens[i].start:tokens[i].end] for i in (last, last + 1))
    if not (word[:1].isupper() and after[:1].isupper()) or word.isupper() or after.isupper():
        return False
    return last > 0 and not ends_between(text, tokens[last - 1].end, tokens[last].start)


def framed_out(ctx: Context, owner: str, lang: str, first: int) -> bool:
    """Whether a `terms` match at token `first`, on a line in `lang`, is cancelled by its frame:
    an `unless_earlier` word before it in its sentence, or, when its first word is one of the
    rule's `initial` words, another word (not an `initial_after` one) right before it in its
    clause ("kids smash windows" states what happens; "smash windows!" asks for it). The words
    carry the keys (owner, tag, language) the rule registered them with."""
    def has(index: int, tag: str) -> bool:
        keys = ctx.token_keys.get(index, ())
        return (owner, tag, lang) in keys or (owner, tag, "any") in keys

    return earlier(ctx, first, has) or not_initial(
        ctx, first, ((owner, INITIAL, lang), (owner, INITIAL, "any")), has)
