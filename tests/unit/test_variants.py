"""Finnish and Swedish typed without ä, ö and å, and stretched letters, at the matcher level:
every rule finds its words so spelled, and the folded spellings that are words of Finnish,
Swedish or English stay innocent."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from checker.engine import check
from checker.model import Request
from checker.pack import load_pack
from checker.text import Document
from checker.variants import FoldedTable, bare_typed, collisions, fold, fold_regex, has_nordic
from tests.unit.test_lexicon import lexicon

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)    # outside working hours: the clock rules keep quiet


@pytest.fixture(scope="module")
def pack():
    return load_pack(None)


def findings(pack, text: str) -> set[str]:
    return {f["rule"] for f in check(pack, Request(text=text, now=NOW))["findings"]}


def categories(pack, text: str) -> set[str]:
    return {f["category"] for f in check(pack, Request(text=text, now=NOW))["findings"]
            if f["severity"] in ("warn", "block")}


# --- the parts -------------------------------------------------------------------------------

def test_fold_reads_a_and_a_ring_as_a_and_o_umlaut_as_o() -> None:
    assert fold("tyhmää") == "tyhmaa"
    assert fold("Hangö Åbo") == "Hango Abo"
    assert has_nordic("ryssät") and not has_nordic("ryssat")


def test_a_folded_table_finds_its_words_and_nothing_else() -> None:
    table = FoldedTable()
    table.add("tyhma", (1,))
    table.add("ryssat", (2,))
    table.add("tyhma", (3, 1))
    table.seal()
    assert table.get("tyhma") == (1, 3)
    assert table.get("ryssat") == (2,)
    assert table.get("tyhmä") == () and table.get("kissa", None) is None
    assert len(table) == 2 and table.lengths == [5, 6]


@pytest.mark.parametrize(("regex", "folded"), [
    (r"\byhtä\s+fiksu", r"\byht[äa]\s+fiksu"),
    (r"tyhm(?:ä|iä)", r"tyhm(?:[äa]|i[äa])"),
    (r"[äe]n\b", r"[äae]n\b"),
    (r"[^äö]+", r"[^äö]+"),              # a negated class keeps its meaning
    (r"[]å]", r"[]åa]"),
    (r"\\ä", r"\\[äa]"),
    (r"Åbo", r"[ÅA]bo"),                 # case kept, for a case-sensitive part (?-i:...)
])
def test_a_regex_also_matches_its_words_typed_bare(regex: str, folded: str) -> None:
    assert fold_regex(regex) == folded


def test_a_folded_regex_matches_both_spellings() -> None:
    regex = re.compile(fold_regex(r"\byhtä\s+(?:fiksu|älykäs)\s+kuin\b"))
    assert regex.search("yhtä älykäs kuin") and regex.search("yhta alykas kuin")
    assert not regex.search("yhtä tyhmä kuin")


def test_the_collisions_file_lists_words_of_every_language() -> None:
    listed = collisions()
    assert {"saa", "han", "fan", "tontti*"} <= listed      # sää, hän, fån, and the stem töntti* (tontti)
    assert "+ar" in listed and "+pa" in listed            # är, på: read in a text typed bare
    assert "tyhma" not in listed and "ryssat" not in listed


# --- the lexicon -------------------------------------------------------------------------------

def test_every_kind_of_pattern_is_found_typed_bare() -> None:
    lex = lexicon("tyhmä", "hölmö*", "*ääliö", "*pää", "*jävl*", "epäpätevä~", "bränna~imp")
    assert lex.keys_for("tyhma") == {"tyhmä"}
    assert lex.keys_for("holmoja") == {"hölmö*"}
    assert lex.keys_for("kunnanaalio") == {"*ääliö"}
    assert not lex.keys_for("kusipaa")                         # words end in -paa: "kaapaa"
    assert lex.keys_for("fanjavlar") == {"*jävl*"}
    assert lex.keys_for("epapatevat") == lex.keys_for("epäpätevät") == {"epäpätevä~"}
    assert lex.keys_for("epapatevathan") == {"epäpätevä~"}     # with a clitic
    assert lex.keys_for("brann") == set()                      # brann (burnt) is a word: no bränn
    assert lex.keys_for("brann", bare=True) == set()


def test_stretched_and_bare_at_once() -> None:
    lex = lexicon("tyhmä", "epäpätevä~")
    assert lex.keys_for("tyhmaaaa") == {"tyhmä"}
    assert lex.keys_for("epapatevaaaat") == {"epäpätevä~"}


def test_a_folded_spelling_that_is_a_word_is_not_the_pattern() -> None:
    lex = lexicon("sää", "hän", "fån", "är")
    for word in ("saa", "han", "fan", "ar"):
        assert not lex.keys_for(word), word


def test_a_text_typed_bare_reads_the_rare_words_as_the_pattern() -> None:
    lex = lexicon("är", "på", "fån", "sää")
    assert lex.keys_for("ar", bare=True) == {"är"}
    assert lex.keys_for("pa", bare=True) == {"på"}
    assert not lex.keys_for("fan", bare=True)           # fan is far more frequent than fån
    assert not lex.keys_for("saa", bare=True)
    doc = Document("du ar en idiot pa riktigt")
    hits = lex.scan(doc.tokens, doc.lower)
    assert hits[1] == {"är"} and hits[4] == {"på"}
    doc = Document("du är en idiot pa riktigt")        # typed with å/ä elsewhere: "pa" stays "pa"
    assert lex.scan(doc.tokens, doc.lower) == {1: frozenset({"är"})}


def test_a_short_text_is_not_taken_for_bare_typing() -> None:
    assert bare_typed("du ar en idiot pa riktigt")
    assert not bare_typed("fan va kallt i dag")
    assert not bare_typed("du är en idiot pa riktigt")
    assert not bare_typed("")


# --- the bundled pack --------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "category"), [
    ("olet tyhma", "insult"),
    ("Sina olet ihan tyhma idiootti", "insult"),
    ("ryssat pois suomesta", "hate"),
    ("Rehtori on yhta fiksu kuin kumisaapas.", "insult"),      # a regex's words typed bare
    ("Polttakaa se kunnantalo, menkaa yolla", "incitement"),
    ("Du ar en javla idiot och alla vet det", "insult"),
    ("Din fjant, du ar sa korkad", "insult"),
    ("Sla sonder kamerorna pa torget i natt", "incitement"),
    ("Branna ner hela skiten i natt, vem ar med", "incitement"),
    ("Han tog mutor, det ar en ren korruption och alla vet det", "accusation"),
    ("olet tyhmaaaa", "insult"),
    ("ryssaaaat pois", "hate"),
])
def test_typed_bare_the_rules_still_catch_it(pack, text: str, category: str) -> None:
    assert category in categories(pack, text), text


@pytest.mark.parametrize("text", [
    "Saa nahda huomenna, sanoo han.",                  # fi saa (gets) is no sää; han (he)
    "Tontista tuli kaupalle tosi hyva paikka.",        # tontti, no töntti
    "Jag ar ett stort fan av Hango IF och i kvall spelar vi hemma.",   # a fan, no fån
    "Fy fan va kallt i hamnen i dag",                  # the oath, no fån
    "Hans far var fiskare i Hango i trettio ar.",      # far (father), ar (years)
    "What a fan I am of the new library, see you there!",   # English words stay English
    "For the record, the harbour opens at nine.",
    "Min mor har en tand som gor ont.",                # tand (tooth) is no tänd
])
def test_innocent_look_alikes_typed_bare_pass(pack, text: str) -> None:
    assert not categories(pack, text) - {"plain_language", "profanity"}, text   # "fan" is an oath


def test_offsets_point_into_the_text_as_sent(pack) -> None:
    text = "Hei 👋 olet tyhma"
    result = check(pack, Request(text=text, now=NOW))
    finding = next(f for f in result["findings"] if f["category"] == "insult")
    units = text.encode("utf-16-le")
    assert units[finding["start"] * 2:finding["end"] * 2].decode("utf-16-le").endswith("tyhma")
