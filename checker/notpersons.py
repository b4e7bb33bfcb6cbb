"""Capitalized words that read as a person's name but name no person (checker/names.py asks):

    hyphen_compound(doc, index, read)   # "Pikku-Matti", "Jussi-poika", "Einstein-näyttely"
    animal(doc, index)                  # "koira Roope", "labbis nimeltä Roope", "our dog Max"

and the farewells said to a person named right after them ("Lepää rauhassa Eino").
"""

from __future__ import annotations

import re

from checker.namesigns import adjacent
from checker.text import Document

# Farewells and wishes said to someone, before the name at the start of a sentence ("Lepää
# rauhassa Eino", "Vila i frid Greta", "Rest in peace Tom"); they count like greetings there.
FAREWELLS = frozenset({"lepää", "lepaa", "rauhassa", "hyvästi", "näkemiin", "vila", "i", "frid", "adjö", "farväl",
                       "rest", "in", "peace", "rip", "bye", "goodbye", "farewell", "well", "done", "bravo", "hyvin",
                       "tehty", "bra", "jobbat"})
# A word joined to a name by a hyphen makes a nickname or a thing, not a person's name: "Pikku-Matti",
# "Jussi-poika", "Einstein-näyttely"; a kin title keeps the person ("Matti-setä", "Anna-täti").
KIN_TITLES = frozenset({"setä", "täti", "eno", "mummo", "mummi", "ukki", "vaari", "pappa", "isoäiti", "isoisä",
                        "tant", "farbror", "morbror", "moster", "faster", "mormor", "farmor", "morfar", "farfar"})
# An animal named: the name right after an animal word ("koira Roope", "hunden Sixten", "our dog
# Max") or after a naming word in a sentence about an animal ("labbis nimeltä Roope").
ANIMAL_RE = re.compile(r"(?:koir|koiru|kiss|kisu|katti|labbi|labra|heppa|hevo|pentu|pennu|kani|marsu|hamsteri"
                       r"|hund|vovve|valp|katt|kisse|häst|kanin|dog|puppy|cat|kitten|horse|pony|poni|bunny)\w*")
NAMING_WORDS = frozenset({"nimeltä", "nimelta", "nimeltään", "nimeltaan", "niminen", "named", "called",
                          "heter", "hette", "kallad", "kallas", "namn"})


def hyphen_compound(doc: Document, index: int, read: list[tuple[str, frozenset[str]] | None]) -> bool:
    """The name is one part of a hyphenated compound with a word that is no name ("Pikku-Matti")."""
    tokens, text = doc.tokens, doc.text
    for other in (index - 1, index + 1):
        if 0 <= other < len(tokens):
            left, right = sorted((index, other))
            if (text[tokens[left].end:tokens[right].start] == "-" and read[other] is None
                    and tokens[other].lower not in KIN_TITLES):
                return True
    return False


def animal(doc: Document, index: int) -> bool:
    """The name is an animal's: right after an animal word, or after a naming word with an
    animal word earlier in the sentence."""
    tokens = doc.tokens
    if index == 0 or not adjacent(doc, tokens[index - 1], tokens[index]):
        return False
    before = tokens[index - 1].lower
    if ANIMAL_RE.fullmatch(before):
        return True
    if before not in NAMING_WORDS:
        return False
    k = index - 2
    while k >= 0 and k >= index - 10 and adjacent(doc, tokens[k], tokens[k + 1]):
        if ANIMAL_RE.fullmatch(tokens[k].lower):
            return True
        k -= 1
    return False
