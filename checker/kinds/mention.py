"""Where a term stands in the text but is not the writer's own word: set off in quotation
marks (a word talked about: 'seinään oli sprayattu "vittu"', 'the word "retard"'), or the
name of a place ("byn Fucking i Österrike", "through Bitche in Lorraine"). The `terms` kind
asks these questions once a rule's cue words (`mentions`, `places`) stand where they must.
"""

from __future__ import annotations

from checker.text import Document

QUOTES = "\"'”“«»„‘’"
QUOTE_REACH = 40            # characters from a quote mark to the term it sets off, at most
CUE_BEFORE = 6              # words before a quoted term where a word that mentions it may stand
CUE_AFTER = 3               # and after it ('"paska kaupunki" -teksti', '"fan" på väggen, sprejat')


def starts_sentence(text: str, index: int) -> bool:
    """Whether only spaces, quotes or punctuation stand between a sentence end and `index`."""
    i = index
    while i > 0 and not text[i - 1].isalnum() and text[i - 1] not in ".!?\n":
        i -= 1
    return i == 0 or text[i - 1] in ".!?\n"


def _quote_at(text: str, i: int) -> bool:
    """A quote mark; an apostrophe between letters is none ("Anna's")."""
    return text[i] in QUOTES and not (0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum())


def quoted(text: str, start: int, end: int) -> bool:
    """Whether the words from `start` to `end` stand in quotation marks: a quote mark at most
    QUOTE_REACH characters before them and one after them, on their line."""
    before = next((i for i in range(start - 1, max(start - QUOTE_REACH, 0) - 1, -1)
                   if text[i] == "\n" or _quote_at(text, i)), None)
    after = next((i for i in range(end, min(end + QUOTE_REACH, len(text)))
                  if text[i] == "\n" or _quote_at(text, i)), None)
    return before is not None and after is not None and text[before] != "\n" and text[after] != "\n"


def mentioned(doc: Document, cues: set[int], first: int, last: int) -> bool:
    """Whether a mention word (a token in `cues`) stands close to the term from token `first` to
    `last`, on its line and in its sentence: 'käytettiin sanaa "ryssä"', 'scrawled "fuck" on'."""
    tokens, text = doc.tokens, doc.text
    line = tokens[first].line
    for index in range(max(0, first - CUE_BEFORE), min(len(tokens), last + CUE_AFTER + 1)):
        if index in cues and tokens[index].line == line:
            low, high = sorted((index, first))
            if not any(mark in text[tokens[low].end:tokens[high].start] for mark in ".!?"):
                return True
    return False


def a_place_name(doc: Document, index: int, after_cue: bool) -> bool:
    """Whether token `index`, right after a place cue word (`after_cue`), is a place's name:
    capitalized (not all capitals) inside its sentence, one space after the cue."""
    if not after_cue or index == 0:
        return False
    token = doc.tokens[index]
    word = doc.text[token.start:token.end]
    return (word[:1].isupper() and not word.isupper()
            and doc.text[doc.tokens[index - 1].end:token.start] in (" ", "\u00a0")
            and not starts_sentence(doc.text, token.start))
