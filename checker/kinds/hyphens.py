"""`hyphen_heads`, a parameter of the `terms` kind: a term written as the first part of a hyphen
compound before a lower-case word names a thing or an event ("Juntti-ilta", "luuseri-palkinto"),
not a person. Before a capitalized name ("idiootti-Matti") it still fires, and so does a term
that is the compound's last part ("harjoittelija-apina")."""

from __future__ import annotations

from checker.kinds.base import Context, Param
from checker.text import Token

HYPHENS = "-\u2010\u2011"
HYPHEN_HEADS = Param(
    "hyphen_heads", "text", "a term as the first part of a hyphen compound whose last part is a lower-case "
    "word (\"Juntti-ilta\", \"luuseri-palkinto\"): fire, or skip it (a name for a thing, not a person; before "
    "a capitalized name, \"idiootti-Matti\", it fires)", choices=("fire", "skip"), default="fire")


def hyphen_head(text: str, end: int) -> bool:
    """Whether a hyphen at `end` joins the word before it to a lower-case word."""
    return end + 1 < len(text) and text[end] in HYPHENS and text[end + 1].islower()


def joined_head(ctx: Context, rule_id: str, joined: Token) -> bool:
    """Whether a word joined at a hyphen ("luuseri-palkinto" read as one) is two whole words, the
    second lower-case (not a disguise such as "idi-ootti"), and its first part is one of the rule's
    own terms (a name after the hyphen still fires: "harjoittelija-apina")."""
    text, start, stop = ctx.doc.text, joined.start, joined.end
    end = next((i for i in range(start, stop) if text[i] in HYPHENS), -1)
    if end - start < 4 or stop - end < 4 or not hyphen_head(text, end):
        return False
    tokens = ctx.doc.tokens
    return any(tokens[i].start == start for i, key in ctx.hits.get(rule_id, ()) if key[1] == "phrase")
