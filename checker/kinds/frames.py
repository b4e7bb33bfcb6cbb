"""What stands before a `pattern` match in its sentence and changes what the match says.

- `reported`: someone else's words reported ("joku kirjoitti, että virkamiehet ovat
  idiootteja", "someone wrote that the mayor is a clown") report name-calling, they do
  not call names: a reporting word anywhere before the match in its sentence cancels it.
- `initial`: a match that begins with an imperative opens its clause. With a subject
  before it the same form is a statement ("det förstör däcken", "kids smash windows");
  only a word of `initial_after` ("och krossa", "just smash") may stand there.

Both look back a bounded number of words from one match, so a check stays linear.
"""

from __future__ import annotations

from collections.abc import Callable

from checker.kinds.base import Context
from checker.text import SENTENCE_END_RE

REPORTED = "reported"
INITIAL_AFTER = "initial_after"
REPORT_REACH = 12           # words before a match that `reported` looks at, within its sentence


def reported(ctx: Context, first: int, has: Callable[[int, str], bool]) -> bool:
    """Whether a `reported` word stands before the match at token `first`, in its sentence
    and on its line."""
    tokens, text = ctx.doc.tokens, ctx.doc.text
    line = tokens[first].line
    index = first
    for _ in range(REPORT_REACH):
        if index == 0 or tokens[index - 1].line != line \
                or SENTENCE_END_RE.search(text, tokens[index - 1].end, tokens[index].start):
            return False
        index -= 1
        if has(index, REPORTED):
            return True
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
