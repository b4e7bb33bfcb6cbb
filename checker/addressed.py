"""Whether a name is the person spoken to (checker/names.py): greeted or thanked at the start
of a line or a sentence ("Kiitos Anna hyvästä ...", "Thank you Karen!"), set off by a comma
("Tack, Erik!"), tagged ("@Mats Nyberg"), the heading of a reply ("Matti Virtanen Kyllä, ..."),
followed by a second-person pronoun ("Micke du e så galen"), or wished well a few words
after a wish ("Toivotaan onnea Tommille", "Happy 80th, grandpa Göran"). Such a
person is no private person named to others.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from checker.namesigns import OPENING_REACH, TAG_BEFORE_RE, start_of_line
from checker.notpersons import FAREWELLS
from checker.text import Document

# Words that may stand before the name of the one spoken to at the start of a line: greetings
# (spoken and Finland-Swedish forms too), congratulations, and the heading of a reply ("Reply to
# Mikko:", "Svar till Erik:", "Vastaus Annalle:").
GREETINGS = frozenset({
    "hei", "heippa", "heissan", "moi", "moikka", "moro", "morjes", "morjesta", "terve", "morjens", "kiitos",
    "kiitokset", "kiitti", "hyvä", "rakas", "arvoisa", "onnea", "onnittelut", "paljon", "hyvää", "oi",
    "hej", "hejsan", "hejssan", "tjena", "tjenare", "tjabba", "hallå", "hörru", "hördu", "hör", "du", "tack",
    "tusen", "bästa", "kära", "grattis", "stort", "hi", "hiya", "hello", "hey", "yo", "dear", "thanks",
    "thank", "you", "cheers", "congrats", "congratulations", "happy", "birthday",
    "reply", "replying", "to", "re", "vastaus", "vastauksena", "svar", "till"})
SET_OFF = ",!:?.;"
# The one spoken to, right after their name: "Micke du e så galen", "Jukka sä oot", "Micke you absolute madman".
SECOND_PERSON = frozenset({"sä", "sää", "sinä", "sie", "sää", "te", "sun", "sua", "sulla", "sulle", "oot", "olet",
                           "du", "ni", "dej", "dig", "you", "you're", "youre", "u", "ur"})
# Wishes a few words before a name celebrate that person: "Toivotaan onnea Tommille",
# "Happy 80th, grandpa Göran", "Grattis på 80-årsdagen, morfar Göran".
CHEERS = frozenset({"onnea", "onnittelut", "onnittelee", "onnittelemme", "grattis", "gratulerar", "gratulationer",
                    "congratulations", "congrats", "happy", "hurraa", "hurra", "hooray", "tervetuloa", "välkommen",
                    "welcome"})
CHEER_REACH = 4            # words between a wish and the name, at most

def addressed(doc: Document, first: int, last: int) -> bool:
    """Whether the name is the person spoken to (see the module's doc)."""
    tokens, text = doc.tokens, doc.text
    start, end = tokens[first].start, tokens[last].end
    line_start = start_of_line(doc, start)
    near = start - line_start <= OPENING_REACH         # a greeting of three words at most
    before = text[line_start:start] if near else ""
    words_before = [w.lower() for w in re.findall(r"[^\W\d_]+", before)]
    opening = near and all(w in GREETINGS or w in FAREWELLS for w in words_before) and len(words_before) <= 3
    rest = text[end:end + OPENING_REACH]
    after = rest.lstrip(" \u00a0")
    set_off = not after or after[0] in SET_OFF + "\n" or not after[0].isalnum()
    greeted = bool(words_before) and before.rstrip()[-1:].isalpha()   # not "Hei, Matti ..."
    if opening and (set_off or greeted):      # "Anna, ..." / "Kiitos Anna hyvästä ..."
        return True
    # "... Thank you Karen!", "Lepää rauhassa Eino": greeted at the start of a later sentence
    begin = doc.sentences[max(0, bisect_right(doc.sentences, (start, len(text))) - 1)][0]
    said = [w.lower() for w in re.findall(r"[^\W\d_]+", text[begin:start])] if begin > line_start else []
    if 0 < len(said) <= 3 and all(w in GREETINGS or w in FAREWELLS for w in said) and set_off:
        return True
    # "Micke du e så galen 😂": a second-person pronoun right after the name
    following = re.match(r"[,!]?\s*([^\W\d_][\w'’]*)", text[end:end + 16])
    if following and following[1].lower() in SECOND_PERSON:
        return True
    # "Toivotaan onnea Tommille", "Happy 80th, grandpa Göran": a wish just before, in its sentence
    if any(w in CHEERS for w in re.findall(r"[^\W\d_]+", text[begin:start].lower())[-CHEER_REACH:]):
        return True
    # A tagged person, "@Mats Nyberg puhut taas ...": the handle's first word is the first name
    if TAG_BEFORE_RE.search(text, max(0, start - 40), start):
        return True
    # A reply that opens with the tagged name of the one it answers, the way Facebook writes it:
    # "Matti Virtanen Kyllä, kirjasto on auki." (a full name, then a new sentence with no mark)
    if not before.strip() and last > first and after[:1].isupper() and not rest[:1].isalnum():
        return True
    # "Kiitos kysymyksestä, Anna." / "Tack, Erik!": after a comma, closing the sentence
    closing = not after or after[0] in ".!?\n" or (not after[0].isalnum() and not after[0].isspace())
    return before.rstrip().endswith(",") and closing
