"""The person-name signal (checker/names.py) and the `person` kind (privacy.named-person)."""

from __future__ import annotations

import pytest

from checker import namelists
from checker.engine import check
from checker.model import Organization
from checker.names import person_names, read_name, shipped_names
from checker.text import Document
from checker.body import parse_check

ORG = Organization(officials=("anna virtanen", "erik lindholm"),
                   titles=("*johtaja*", "rektor*", "*direktör*", "mayor"))
PLAIN = Organization()


def names(text: str, org: Organization = PLAIN) -> list[tuple[str, bool, bool, bool]]:
    """(text of the name, full, role, addressed) of every name found."""
    return [(text[n.start:n.end], n.full, n.role, n.addressed) for n in person_names(Document(text), org)]


def private(text: str, org: Organization = PLAIN) -> list[str]:
    return [text[n.start:n.end] for n in person_names(Document(text), org) if n.private]


# --- reading names back from their forms ------------------------------------------------------

@pytest.mark.parametrize("word, base, kind", [
    ("Anna", "anna", "first"), ("Annalle", "anna", "first"), ("Annasta", "anna", "first"),
    ("Mikon", "mikko", "first"), ("Antilta", "antti", "first"), ("Pekalle", "pekka", "first"),
    ("Virtanen", "virtanen", "last"), ("Virtasen", "virtanen", "last"),
    ("Virtaselle", "virtanen", "last"), ("Virtasta", "virtanen", "last"),
    ("Niemen", "niemi", "last"), ("Laineelle", "laine", "last"),
    ("Erik", "erik", "first"), ("Eriks", "erik", "first"), ("Lindholms", "lindholm", "last"),
    ("Anna's", "anna", "first"), ("Johanssons", "johansson", "last"),
])
def test_inflected_names_are_read_back(word, base, kind):
    found = read_name(word)
    assert found is not None and found[0] == base and kind in found[1]


@pytest.mark.parametrize("word", ["Hanko", "Kirjasto", "Kaupunki", "Hangossa", "Stadshuset", "Library"])
def test_words_that_are_no_names(word):
    assert read_name(word) is None


def test_the_shipped_lists_are_large_and_in_both_languages():
    table = shipped_names()
    firsts = sum("first" in k for k in table.values())
    lasts = sum("last" in k for k in table.values())
    assert firsts > 1000 and lasts > 800
    for name in ("matti", "anna", "erik", "åsa", "virtanen", "korhonen", "lindholm", "andersson"):
        assert name in table


def test_the_shipped_lists_are_what_the_generator_writes():
    assert namelists.main(["--check"]) == 0


# --- names in a text --------------------------------------------------------------------------

def test_full_names_in_any_position():
    assert names("Matti Virtanen jätti roskat.") == [("Matti Virtanen", True, False, False)]
    assert names("Roskat jätti Matti Virtanen.") == [("Matti Virtanen", True, False, False)]
    assert names("Det var Erik Lindholms bil.") == [("Erik Lindholms", True, False, False)]


def test_a_first_name_with_an_unknown_surname_is_a_full_name():
    assert names("Roskat jätti Matti Korpelainen eilen.") == [("Matti Korpelainen", True, False, False)]


def test_single_names_count_inside_a_sentence_only():
    assert names("Kysykää Virtaselta, hän tietää.") == [("Virtaselta", False, False, False)]
    assert names("Satu kertoo tarinan.") == []          # a word, or a name: not known
    assert names("Tuuli puhaltaa.") == []


def test_lower_case_handles_and_hashtags_are_no_names():
    assert names("anna virtanen ja @mattivirtanen ja #Anna") == []
    assert names("ANNA VIRTANEN") == []


def test_titles_before_or_after_make_a_role():
    assert names("Kysymyksiin vastaa kaupunginjohtaja Anna Korpela.", ORG) == [("Anna Korpela", True, True, False)]
    assert names("Vi frågade rektor Lind om saken.", ORG) == [("Lind", False, True, False)]
    assert names("Kokouksen avasi Matti Mäkinen, sivistysjohtaja.", ORG) == [("Matti Mäkinen", True, True, False)]
    assert names("Kaupunginjohtaja. Matti Mäkinen teki sen.", ORG)[0][2] is False   # not across a sentence


def test_officials_are_a_role_by_full_name_or_surname():
    assert private("Anna Virtanen vastasi hyvin.", ORG) == []
    assert private("Kysykää Virtaselta.", ORG) == []
    assert private("Kysykää Virtaselta.") == ["Virtaselta"]
    assert private("Pekka Virtanen vastasi.", ORG) == ["Pekka Virtanen"]


@pytest.mark.parametrize("text", [
    "Anna, kirjasto on auki torstaina.", "Hei Anna, kiitos kysymyksestä!", "Kiitos Anna!",
    "Tack Erik!", "Hej Erik, biblioteket har öppet.", "Kiitos kysymyksestä, Anna.",
    "Thanks, Anna!", "Anna Virtanen, kirjasto on auki.", "Erik: biblioteket öppnar kl. 10.",
    "Anna Virtanen Kyllä, kirjasto on auki torstaina.", "Erik Lindholm Tack för frågan!",
    # a second-person pronoun right after the name; a wish or thanks a few words before it
    "Haha Micke du e så galen när du dansar", "Hah, Jukka sä oot kyllä toivoton tapaus",
    "haha Micke you absolute madman when you dance", "Toivotaan onnea Tommille, joka voitti uintikisat.",
    "Happy 80th, grandpa Göran!", "Grattis på 80-årsdagen, morfar Göran!",
])
def test_the_person_addressed_is_no_reason(text):
    found = names(text)
    assert found and all(addressed for _, _, _, addressed in found), found
    assert private(text) == []


@pytest.mark.parametrize("text, name", [
    ("Kysy Annalta, hän tietää.", "Annalta"),
    ("Hei, Matti Virtanen jätti roskat pihalle.", "Matti Virtanen"),
    ("Olen nähnyt Erik Lindholmin ajavan humalassa.", "Erik Lindholmin"),
    ("Jag såg Erik Lindholm köra för fort.", "Erik Lindholm"),
    # the one spoken to is someone else; a thank-you far before the name
    ("Sä tiedät että Virtanen jätti roskat pihalle.", "Virtanen"),
    ("Kiitos kaikille jotka tulivat eilen, paitsi Erik Lindholm joka taas oli humalassa.", "Erik Lindholm"),
])
def test_a_private_person_named(text, name):
    assert private(text) == [name]


@pytest.mark.parametrize("text", [
    "Vi rekommenderar Tove Janssons Sommarboken till alla.", "Luin eilen Eino Leinon runon ääneen.",
    "We sang Anna Lind's song at the concert.",
])
def test_the_maker_of_a_work_is_no_private_person(text):
    assert names(text) and private(text) == []
    assert private("Olen nähnyt Erik Lindholmin auton pihalla.") == ["Erik Lindholmin"]
    assert private("Erik Lindholm bokade salen och Tyler played music.") == ["Erik Lindholm"]
    assert private("Kysy Anna Virtaselta kirjastossa.") == ["Anna Virtaselta"]
    # a place where anyone may be (the library) is no unit of one's work, unlike "kulttuuritoimesta"
    assert private("Kysy Virtaselta kirjastosta, hän tietää.") == ["Virtaselta"]


def test_offsets_are_string_indices_and_utf16_in_findings(pack):
    text = "🙂 Jag såg Erik Lindholm köra för fort."
    assert private(text) == ["Erik Lindholm"]
    body = {"text": text, "context": "comment", "locale": "en"}
    result = check(pack, parse_check(body, default_role="admin", locale="en"))
    found = [f for f in result["findings"] if f["rule"] == "privacy.named-person"]
    assert [(f["start"], f["end"], f["excerpt"]) for f in found] == [(11, 24, "Erik Lindholm")]   # 🙂 is two UTF-16 units


def test_the_rule_fires_on_comments_and_replies_for_administrators_only(pack):
    def rules(context, role="admin"):
        body = {"text": "Jag såg Erik Lindholm köra för fort.", "context": context, "role": role}
        return {f["rule"] for f in check(pack, parse_check(body, default_role="staff", locale="en"))["findings"]}
    assert "privacy.named-person" in rules("comment")
    assert "privacy.named-person" in rules("reply")
    assert "privacy.named-person" not in rules("post")
    assert "privacy.named-person" not in rules("comment", role="staff")
    assert "privacy.named-person" not in rules("reply", role="trustee")


def test_a_greeting_makes_an_address_without_a_comma():
    assert private("Kiitos Mikko hyvästä palautteesta.") == []
    assert private("Tack Anders för synpunkten.") == []
    assert private("Mikko hyvästä palautteesta kiitos.") == []       # sentence start: not read
    assert private("Kiitämme Mikko Virtasta palautteesta.") == ["Mikko Virtasta"]


@pytest.mark.parametrize("text, excerpt", [
    ("Annalla on todettu syöpä.", "Annalla on todettu syöpä"),
    ("Mikko on sairauslomalla koko kevään.", "Mikko on sairauslomalla koko kevään"),   # the rule's extent: its clause
    ("Erik är sjukskriven sedan mars.", "Erik är sjukskriven sedan mars"),
])
def test_proximity_reads_a_known_name_at_the_start_of_a_sentence(pack, text, excerpt):
    # A Saturday: outside working hours, so the timing reminder keeps quiet whatever the clock says.
    result = check(pack, parse_check({"text": text, "now": "2026-11-28T12:00:00+02:00"},
                                     default_role="staff", locale="en"))
    assert [(f["rule"], f["excerpt"]) for f in result["findings"]] == [("privacy.private-life", excerpt)]


def test_proximity_stays_quiet_on_a_capital_that_is_no_name(pack):
    text = "Kirjastolla on todettu homevaurio."
    result = check(pack, parse_check({"text": text}, default_role="staff", locale="en"))
    assert not [f for f in result["findings"] if f["rule"] == "privacy.private-life"]


def test_a_surname_in_the_genitive_before_a_first_name_is_a_full_name():
    assert names("Kuulin tämän Virtasen Markulta eilen.") == [("Virtasen Markulta", True, False, False)]


def test_a_family_named_by_its_surname():
    assert private("Virtasen perhe muutti pois.") == ["Virtasen"]
    assert private("Lindholms familj flyttade.") == ["Lindholms"]
    assert private("Koski kuohuu keväällä.") == []           # a surname that is also a word, at the start


def test_english_months_are_no_names():
    assert private("The pool opens again in May, says the city.") == []
    assert private("Vi träffade Erik och Maj i går.") == ["Erik", "Maj"]     # other names stay


def test_english_first_names_count_on_english_lines_only():
    assert read_name("Tyler") is None
    assert read_name("Tyler's", english=True) == ("tyler", frozenset({"first"}))
    assert read_name("Will", english=True) is None             # an everyday word as well
    text = "I saw Tyler throwing rubbish into the harbour."
    assert [text[n.start:n.end] for n in person_names(Document(text), PLAIN, frozenset({0}))] == ["Tyler"]
    assert person_names(Document(text), PLAIN) == []            # the line is not English


def test_the_english_list_is_shipped():
    from checker.names import english_names
    assert {"kevin", "jessica", "emily"} <= english_names()
    assert not {"will", "grace", "mark", "may"} & english_names()


# --- public persons and characters (rules/names/public_roles.txt, public_names.txt) ------------

@pytest.mark.parametrize("text", [
    "Kävin eilen katsomassa laulaja Jari Sillanpään keikan.",            # a role before the name
    "Sångerskan Sanna Nielsen sjunger i kyrkan på söndag.",
    "The famous singer Elvis Presley was born in 1935.",
    "SDP:n Sanna Marin puhui torilla.",                                   # a party's person
    "Tove Jansson, kirjailija ja taiteilija, asui Pellingissä.",          # a role behind a comma
    "Minusta Matti Virtanen on Suomen paras kirjailija.",                 # what the name is
    "Tove Jansson (1914–2001) kesäili saaristossa.",                      # life years
    "Kuten Astrid Lindgren sanoi, lapsille pitää antaa rakkautta.",      # cited
    "Som Edith Södergran skrev: dagen svalnar.",
    "Teemu Selänne voitti olympiakultaa.",                                # a sports feat
    "Kiva että Saara Aalto esiintyy joulukonsertissa.",                   # a performance
    "Katsoimme elokuvan Risto Räppääjä ja Nuudelipääpoika.",              # a work's title
    "Kirjan kirjoitti Tove Jansson vuonna 1945.",                         # a verb of making after a work
    "Boken av Astrid Lindgren är fin.",
    "Paras biisi on ”Anna mulle tähtitaivas”.",                           # a quoted title
    "Lapset rakastavat Risto Räppääjää.",                                 # a character everybody knows
    "Sankta Lucia kröns i kyrkan på söndag.",
    "Kuva: Anna Virtanen",                                                # a credit line
    "Linnoituksen rakennutti Kustaa III vuonna 1789.",                    # a ruler's number
    "Sillä Katariina Suuren aikana Hanko kasvoi.",                        # an epithet
    "Sanon Leinon sanoin: maailma on kaunis.",                            # "in X's words"
    "Kaikki tuntevat Äiti Teresan työn.",                                 # listed: "äiti" is no relative here
    "Eilen Petteri Orpo puhui leikkauksista.",                            # a prime minister
    "Valituksi tuli FM Elina Grönroos. Onnea!",                           # a degree in an appointment
    "Nyt Kimi Räikkönen oli kuulemma regatassa, mikä legenda!",           # a role exclaimed
    "Yhdistyksen rahastonhoitaja Koskinen esitteli tilinpäätöksen.",      # an agent noun: a role
    "@Mats Nyberg puhut taas asiaa, kiitos.",                             # a tagged person is addressed
])
def test_a_public_person_or_a_character_is_no_private_person(text):
    assert names(text) and private(text) == [], names(text)


def test_english_public_signals_on_english_lines():
    for text in ["We love the song by Anna Lind.", "Harry Potter books are the best."]:
        found = person_names(Document(text), PLAIN, frozenset({0}))
        assert found and not any(n.private for n in found), text


@pytest.mark.parametrize("text, name", [
    ("Naapurin Matin musiikki soi kovaa.", "Matin"),              # a neighbour: no sign of a work counts
    ("Matti Virtanen voitti arpajaisissa kinkun.", "Matti Virtanen"),   # a raffle is no sports feat
    ("Hei @Anna, Matti Virtanen jätti roskat.", "Matti Virtanen"),    # a tag earlier is someone else
    ("Hän sanoi: ”Matti Virtanen jätti roskat pihalle taas eilen illalla, kysykää vaikka keneltä”.",
     "Matti Virtanen"),                                           # someone's words, not a title
])
def test_private_persons_stay_private_beside_public_signs(text, name):
    assert private(text) == [name]


def test_the_agent_of_a_deed_is_no_maker():
    text = "The rubbish was left by Tyler again."
    assert [text[n.start:n.end] for n in person_names(Document(text), PLAIN, frozenset({0})) if n.private] == ["Tyler"]


@pytest.mark.parametrize("text, name", [
    ("Emma 5B:ltä kiusaa meidän poikaa.", "Emma"),                # a school class
    ("Ville H. Santalasta jätti roskat.", "Ville"),               # an initial for the surname
    ("Matin vaimo kertoi kaiken.", "Matin"),                      # a relative
    ("Matti naapurista soittaa musiikkia öisin.", "Matti"),       # a neighbour
    ("Erik från klassen bredvid slog min son.", "Erik"),
])
def test_a_first_name_opening_a_sentence_counts_when_told_with_something_private(text, name):
    assert private(text) == [name]
    assert private("Satu kertoo tarinan.") == []          # nothing private told: not read


@pytest.mark.parametrize("text, named", [
    # a nickname or a thing built on a name with a hyphen; a kin title keeps the person
    ("Taas se Pikku-Matti selittää jotain.", []),
    ("Nyt se Jussi-poika puolustaa pomoaan.", []),
    ("Eilen Anna-täti toi pullaa.", ["Anna"]),
    # an animal named right after an animal word, or after a naming word about an animal
    ("Meiltä karkas koira Roope puistosta.", []),
    ("Har någon sett vår katt som heter Sixten?", []),
    ("Karkas musta labbis nimeltä Roope, näkyykö?", []),
    ("Naapurin koira puri Mattia eilen.", ["Mattia"]),
    # a farewell or thanks said to the person at the start of a later sentence
    ("Hän korjasi aina kaiken. Lepää rauhassa Eino 🕯️", []),
    ("She recommended a great novel. Thank you Karen!", []),
    ("Hän korjasi aina kaiken. Kiitos Eino tuli kylään eilen.", ["Eino"]),
    # English "This" is no Swedish genitive of a name
    ("Ask anyone. This man takes money from the club.", []),
])
def test_nicknames_animals_farewells_and_words_are_no_private_person(text, named):
    assert private(text) == named
