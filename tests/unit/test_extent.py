"""A rule's `extent` (checker/extent.py): how far a finding reaches: whole words, its clause,
its sentence, or the pasted block a sentence introduces. Clause and sentence breaks in
Finnish, Swedish and English, UTF-16 offsets with emoji, several paragraphs, neighbours of
the same category, cost linear in the text."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

import pytest

from checker import extent
from checker.engine import check
from checker.extent import extended, widen
from checker.kinds.base import Context
from checker.langid import analyse
from checker.model import Organization, Request
from checker.pack import load_pack
from checker.text import Document
from tests.unit.packfiles import make_pack, refusal
from tests.unit.steps import lines_run

NOW = datetime(2026, 11, 28, 10, 0, tzinfo=timezone.utc)     # a Saturday: no timing findings


def context(text: str) -> Context:
    doc = Document(text)
    return Context(doc, Request(text, NOW), analyse(doc), Organization(), {}, {}, {})


def reach(text: str, found: str, how: str, occurrence: int = 0) -> str:
    """The words a finding on `found` (its occurrence-th place in `text`) reaches with an extent."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(found, start + 1)
    begin, end = widen(context(text), start, start + len(found), how)
    return text[begin:end]


# --- clauses ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "found", "clause"), [
    # a comma, and "mutta" after it
    ("Sä oot ihan täys idiootti, mutta kiitos silti vastauksesta.", "idiootti", "Sä oot ihan täys idiootti"),
    # a subordinating conjunction opens a clause, with or without a comma
    ("Kaikki tietää että valtuutettu kavalsi rahat koska se tarvitsi uuden veneen.", "kavalsi",
     "valtuutettu kavalsi rahat"),
    ("Poltetaan se vanha kioski jos kukaan ei muuten tee mitään", "Poltetaan se", "Poltetaan se vanha kioski"),
    ("Sen auton vois joku naarmuttaa ihan vaan huvikseen 😈", "naarmuttaa",
     "Sen auton vois joku naarmuttaa ihan vaan huvikseen"),        # "vaan" is "just" here
    # a colon before a space breaks; one inside a word ("SFP:s", "14:30") does not
    ("Oss emellan: rektorn slutar, men det får ingen veta.", "Oss emellan", "Oss emellan"),
    ("Rösta på SFP:s kandidater kl 14:30 i dag, sen fika.", "Rösta", "Rösta på SFP:s kandidater kl 14:30 i dag"),
    # "men" opens a Swedish clause; "att" and "och" stay inside (pronoun, infinitive, two nouns)
    ("Jag vet att han ljuger om pengarna och båten men ingen bryr sig.", "ljuger",
     "Jag vet att han ljuger om pengarna och båten"),
    ("Ja sa att kassören har snott pengarna, fast ingen tror mej", "snott", "Ja sa att kassören har snott pengarna"),
    # English: "because", "but"; a spaced dash; the English "men" is a noun, not "but"
    ("I heard he took bribes because he needed a new boat.", "took bribes", "I heard he took bribes"),
    ("The men took bribes from the developer - everyone knows it", "took bribes",
     "The men took bribes from the developer"),
    ("Let's smash the bus shelter tonight — nobody will see", "smash", "Let's smash the bus shelter tonight"),
    # "och", "ja", "and" open a clause before a subject pronoun, and join two nouns otherwise
    ("Du är en jävla idiot och du ljuger om allt", "ljuger", "du ljuger om allt"),
    ("Poltetaan kioski ja kirjasto tänä yönä", "Poltetaan", "Poltetaan kioski ja kirjasto tänä yönä"),
    ("You're a clown and you know it", "clown", "You're a clown"),
    # nor a comma before a relative pronoun: the relative clause says who is meant
    ("Se on ihan clueless konsultti, joka ei osaa edes jakaa linkkiä. Ja tästä maksetaan.", "joka ei osaa",
     "Se on ihan clueless konsultti, joka ei osaa edes jakaa linkkiä"),
    ("Vilken pajas, som inte kan räkna till tio, men ändå ordförande", "pajas",
     "Vilken pajas, som inte kan räkna till tio"),
    # a clause does not begin with the conjunction that joins it to the one before
    ("Hon svarade inte, och idioten heter Bergström", "idioten", "idioten heter Bergström"),
    ("Kaikki meni pieleen, ja vastuussa on sama tunari kuin viimeksikin", "tunari",
     "vastuussa on sama tunari kuin viimeksikin"),
    # a comma inside a number is no break; a bracket is
    ("Hän vei kassasta 1,5 miljoonaa (ainakin niin sanotaan)", "vei kassasta", "Hän vei kassasta 1,5 miljoonaa"),
])
def test_a_clause_ends_at_punctuation_and_at_words_that_open_a_clause(text: str, found: str, clause: str) -> None:
    assert reach(text, found, "clause") == clause


def test_a_clause_keeps_the_words_the_kind_found_even_across_a_break() -> None:
    text = "Ja tycker, att Koskinen ljuger, hela tiden."
    assert reach(text, "Koskinen ljuger, hela", "clause") == "att Koskinen ljuger, hela tiden"


# --- sentences -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "found", "sentence"), [
    ("Hyvä päivä. Meidän kesken: koulu suljetaan syksyllä! Muuta ei.", "Meidän kesken",
     "Meidän kesken: koulu suljetaan syksyllä"),
    # abbreviations and dates before a lower-case word do not end a sentence
    ("Klo 14. kokouksessa päätettiin esim. koulujen lakkautus salassa. Kiitos.", "salassa",
     "Klo 14. kokouksessa päätettiin esim. koulujen lakkautus salassa"),
    ("Det beslöts bl.a. att stänga skolan 21.11. innan det blir offentligt. Tack.", "innan det blir offentligt",
     "Det beslöts bl.a. att stänga skolan 21.11. innan det blir offentligt"),
    # an emoji, a hashtag and a web address end a sentence; a line break always does
    ("Lånade bilden från nätet 😅 Så fint!", "Lånade bilden", "Lånade bilden från nätet"),
    ("Vi på staden tycker att Nato var ett misstag #hangö #politik", "tycker",
     "Vi på staden tycker att Nato var ett misstag"),
    ("Between us the pool is over budget https://example.com/memo read it", "Between us",
     "Between us the pool is over budget"),
    ("Personally I think\nthe wind farm is a mistake", "Personally I think", "Personally I think"),
    # two main clauses joined by "och", "ja", "and" before a subject are two things said
    ("Du är en jävla idiot och du ljuger om allt, men ingen bryr sig.", "du ljuger",
     "du ljuger om allt, men ingen bryr sig"),
    # a closing quote after the full stop ends it too
    ('Kannessa lukee "EI JULKINEN." Kyllä kuntalaisten pitää tietää.', "EI JULKINEN",
     'Kannessa lukee "EI JULKINEN'),
])
def test_a_sentence_ends_at_its_punctuation_an_emoji_a_hashtag_a_link_or_a_line_break(
        text: str, found: str, sentence: str) -> None:
    assert reach(text, found, "sentence") == sentence


def test_a_match_that_takes_in_its_own_punctuation_or_emoji_still_ends_at_the_break() -> None:
    text = "Kiitti vaan, nero. Nyt koko kylä tietää."
    assert reach(text, ", nero.", "sentence") == "Kiitti vaan, nero"


def test_a_unit_reaches_only_so_far_and_ends_on_a_word() -> None:
    words = " ".join(f"sana{i}" for i in range(200))
    text = f"{words} idiootti {words}"
    got = reach(text, "idiootti", "sentence")
    assert got.startswith("sana") and got.endswith(tuple("0123456789"))
    assert len(got) <= 2 * extent.REACH["sentence"] + len("idiootti")
    assert text.index(got) > 0


@pytest.mark.parametrize(("text", "found", "words"), [
    ("Rösta på SFP:s kandidater", "SFP", "SFP:s"),
    ("Kuvakaappaus meidän Teams-kanavalta.", "kanavalta", "Teams-kanavalta"),
    ("That's the mayor's idea", "mayor", "mayor's"),
    ("Taas pakkasta #vitunkylmä #hanko", "vitunkylmä", "#vitunkylmä"),
])
def test_words_grows_a_match_to_the_written_words_it_cuts(text: str, found: str, words: str) -> None:
    assert reach(text, found, "words") == words


# --- blocks ----------------------------------------------------------------------------------

LYRICS = "Meri on harmaa, mut sun silmät ei\nsatama hiljaa, tuuli sut multa vei\n\nmajakka vilkkuu vaan"
ARTICLE = ("”Hamnens framtid avgörs i vår. Enligt källor övervägs flera alternativ.\n\n"
           "Fullmäktigeledamöter säger till HBL att de är oroade.”")


def test_a_block_runs_from_the_sentence_that_introduces_it_over_the_pasted_paragraphs() -> None:
    text = f"Ihana biisi! Laitan sanat tähän 🎶\n\n{LYRICS}\n\n#hanko #musiikki"
    assert reach(text, "Laitan sanat tähän", "block") == f"Laitan sanat tähän 🎶\n\n{LYRICS}"


def test_a_block_after_a_colon_begins_on_the_next_line() -> None:
    text = f"Not my words, it's a song I loved:\n{LYRICS}"
    assert reach(text, "Not my words", "block") == f"Not my words, it's a song I loved:\n{LYRICS}"


def test_a_note_at_the_end_reaches_back_to_the_introduction() -> None:
    text = f"Hufvudstadsbladet skriver idag om Hangö:\n\n{ARTICLE}\n\n(hela artikeln kopierad från HBL)\n\n#hangö"
    assert reach(text, "hela artikeln kopierad", "block") == f"{ARTICLE}\n\n(hela artikeln kopierad från HBL)"


def test_a_block_of_verse_takes_the_next_stanza_and_its_source_but_not_the_writers_prose() -> None:
    poem = ("Mörkret faller som ett lock\növer hamn och över bro,\nmen i fönstret brinner ljus\n"
            "och i hjärtat finns det ro.")
    more = "Andra versen är kort\noch tar slut här\n\n– ur diktsamlingen ”Vinterhamn” (2019)"
    prose = ("På torsdag har vi poesikväll på biblioteket klockan sex, välkomna alla som vill läsa sina "
             "egna dikter eller bara lyssna!")
    assert reach(f"{poem}\n\n{more}\n\n{prose}", poem, "block") == f"{poem}\n\n{more}"


def test_a_sentence_inside_a_paragraph_is_no_block() -> None:
    text = "Löysin tän runon netistä ja se on kaunis. Huomenna lisää.\n\nTerveisin Maija"
    assert reach(text, "Löysin tän runon netistä", "block") == "Löysin tän runon netistä"


def test_sentences_and_clauses_never_cross_a_paragraph() -> None:
    text = "Eka kappale ilman pistettä\n\nOlet idiootti ja tiedät sen\n\nKolmas kappale"
    assert reach(text, "idiootti", "sentence") == "Olet idiootti ja tiedät sen"
    assert reach(text, "idiootti", "clause") == "Olet idiootti ja tiedät sen"


# --- findings --------------------------------------------------------------------------------

class _Rule(NamedTuple):
    category: str
    extent: str


def test_neighbours_of_one_category_keep_their_number_and_never_overlap() -> None:
    text = "Sä oot idiootti ja sun kaveri on pelle, ihan oikeesti"
    ctx = context(text)
    insult, profanity = _Rule("insult", "clause"), _Rule("profanity", "match")
    first, second = text.index("idiootti"), text.index("pelle")
    found = [(insult, first, first + 8, None), (insult, second, second + 5, None), (profanity, first, first + 8, None)]
    spans = [(rule.category, text[start:end]) for rule, start, end, _ in extended(found, ctx)]
    assert spans == [("insult", "Sä oot idiootti ja sun kaveri on"), ("insult", "pelle"), ("profanity", "idiootti")]


def test_a_finding_about_the_whole_post_and_one_in_a_link_stay_as_they_are() -> None:
    text = "Lue https://example.com/idiootti-juttu nyt"
    ctx = context(text)
    start = text.index("idiootti")
    rule = _Rule("insult", "sentence")
    found = [(rule, 0, 0, None), (rule, start, start + 8, None)]
    assert [(s, e) for _, s, e, _ in extended(found, ctx)] == [(0, 0), (start, start + 8)]


PACK = Path(__file__).resolve().parents[2] / "rules" / "hanko"


@pytest.fixture(scope="module")
def pack():
    return load_pack()


def utf16(text: str, start: int, end: int) -> str:
    units = text.encode("utf-16-le")
    return units[2 * start:2 * end].decode("utf-16-le")


@pytest.mark.parametrize(("text", "category", "words"), [
    # astral emoji before the finding shift UTF-16 offsets by two units each
    ("😀🎉 Sä oot ihan täys idiootti, mutta kiitos 👍", "insult", "Sä oot ihan täys idiootti"),
    # a zero-width space inside the post: the offsets point into the text as sent
    ("Hyvää\u200b huomenta 🌞\n\nMeidän kesken: uimahallin remontti lykkääntyy taas 🤫", "confidentiality",
     "Meidän kesken: uimahallin remontti lykkääntyy taas"),
    ("🙄 Nån borde krossa rutorna på hans bil i natt, ingen ser ju", "incitement",
     "Nån borde krossa rutorna på hans bil i natt"),
    # pasted lyrics: the line that introduces them and the lines themselves, not the hashtags
    ("Ihana biisi, laitan sanat tähän 🎶\n\nMeri on harmaa ja tuuli on kylmä\nsatama hiljaa ja lokit on poissa"
     "\n\n#hanko #musiikki", "copyright",
     "Ihana biisi, laitan sanat tähän 🎶\n\nMeri on harmaa ja tuuli on kylmä\nsatama hiljaa ja lokit on poissa"),
])
def test_the_bundled_pack_marks_the_clause_or_sentence_in_utf16_of_the_text_as_sent(
        pack, text: str, category: str, words: str) -> None:
    findings = [f for f in check(pack, Request(text, NOW))["findings"] if f["category"] == category]
    assert findings, text
    assert utf16(text, findings[0]["start"], findings[0]["end"]) == words == findings[0]["excerpt"]


def test_an_extent_the_pack_does_not_know_is_refused_with_its_line(tmp_path: Path) -> None:
    make_pack(tmp_path, """\
  - id: profanity.x
    category: profanity
    severity: block
    guideline: G5
    kind: terms
    extent: paragraph
    terms: {en: [heck]}
    message: {sv: Svordom., fi: Kirosana., en: A swear word.}
    description: {sv: Inga svordomar., fi: Ei kirosanoja., en: No swear words.}
    examples: {flag: ["a heck"], pass: ["a neck"]}
""")
    assert "main.yaml:7: rule 'profanity.x': 'extent' is 'paragraph'; expected one of match, words, clause, " \
           "sentence, block" in refusal(tmp_path)


def test_widening_is_linear_in_the_text() -> None:
    """Ten times the text and findings is ten times the module's work, not more."""
    post = "Sä oot idiootti, mutta kiitos. Laitan sanat tähän:\n\nmeri on harmaa\n\n"
    rule, block = _Rule("insult", "clause"), _Rule("copyright", "block")

    def run(copies: int) -> None:
        text = post * copies
        ctx = context(text)
        found = []
        for i in range(copies):
            base = i * len(post)
            found.append((rule, base + 7, base + 15, None))
            found.append((block, base + 31, base + 49, None))
        assert len(extended(found, ctx)) == 2 * copies

    small, large = lines_run(extent, lambda: run(100)), lines_run(extent, lambda: run(1000))
    assert small > 1000 and large <= small * 10.5
