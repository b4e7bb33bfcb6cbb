"""`unless_near`, shared by the `pattern` and `clause` kinds: a slot whose word in the match's
sentence or the ones around it cancels the match ("Murskataan ne! Finaali alkaa kuudelta." is a
cheer; "Let's destroy them! Floorball final at 7" too). The word counts only in the match's
language, so a Swedish "final*" never cancels an English "finally"."""

from __future__ import annotations

from bisect import bisect_left

from checker.kinds.base import Context, Param, Params, sentence_window

MAX_NEAR_SENTENCES = 3
NEAR_PARAMS = (
    Param("unless_near", "text", "a slot whose word in the match's sentence or the ones around it cancels "
                                 "the match (a game, a recipe, a report in the next sentence)"),
    Param("unless_near_sentences", "number", "how many sentences before or after the match `unless_near` looks at",
          default=1, minimum=0, maximum=MAX_NEAR_SENTENCES),
)
LANGS = ("fi", "sv", "en")


def near_slot(params: Params, slots: set[str] | dict) -> tuple[str | None, int]:
    """The rule's `unless_near` slot (or None) and how many sentences around the match it reaches."""
    slot = params.raw("unless_near")
    if slot is not None and slot not in slots:
        raise params.error("unless_near", f"'unless_near' names slot {slot!r}, which 'slots' does not define")
    sentences = int(params.number("unless_near_sentences", 1))
    if sentences > MAX_NEAR_SENTENCES:
        raise params.error("unless_near_sentences", f"'unless_near_sentences' may be at most {MAX_NEAR_SENTENCES}")
    return slot, sentences


def near_words(ctx: Context, rule_id: str, slot: str) -> dict[str, list[int]]:
    """Where the words of the slot start, per language of the match they cancel (a word written
    for every language counts in each), in text order."""
    tokens = ctx.doc.tokens
    found: dict[str, list[int]] = {lang: [] for lang in LANGS}
    for index, key in ctx.hits.get(rule_id, ()):
        if key[1] == "slot" and key[2] == slot:
            for lang in (LANGS if key[3] == "any" else (key[3],)):
                found[lang].append(tokens[index].start)
    return {lang: sorted(starts) for lang, starts in found.items() if starts}


def is_near(ctx: Context, words: dict[str, list[int]], lang: str, begin: int, end: int, around: int) -> bool:
    """Whether a word of the slot, in the match's language, stands in the sentence of the match
    [begin, end) or within `around` sentences of it."""
    starts = words.get(lang)
    if not starts:
        return False
    window_start, window_end = sentence_window(ctx, begin, end, around)
    i = bisect_left(starts, window_start)
    return i < len(starts) and starts[i] < window_end
