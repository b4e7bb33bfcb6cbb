"""The `identifier` kind: personal data it must catch, look-alikes it must leave alone."""

from __future__ import annotations

import re
import time
from datetime import datetime, timezone

import pytest

from checker.engine import _by_rule, check
from checker.kinds import identifier
from checker.kinds.base import Build, Context, Params, RuleError
from checker.model import Organization, Request
from checker.kinds.identifier import Identifier
from checker.langid import analyse
from checker.lexicon import Lexicon
from regexshape import check_shape
from checker.text import Document

NOW = datetime(2026, 11, 24, 16, 0, tzinfo=timezone.utc)
ORG = Organization(email_domains=("hanko.fi", "hango.fi"), phone_numbers=("+35819220",))
ALL = list(identifier.TYPES)


def found(text: str, types: list[str] | None = None, org: Organization = ORG) -> list[str]:
    lexicon = Lexicon()
    kind = Identifier(Params({"types": types or ALL}), Build(lexicon, org, "privacy.test"))
    lexicon.freeze()
    doc = Document(text)
    keys = lexicon.scan(doc.tokens)
    ctx = Context(doc, Request(text, NOW), analyse(doc), org, keys, _by_rule(keys), {})
    return [text[m.start:m.end] for m in kind.find(ctx)]


def types_of(text: str) -> list[tuple[str, str]]:
    return [(f.type, text[f.start:f.end]) for f in identifier.scan(Document(text))
            if not identifier.exempt(f, ORG)]


@pytest.mark.parametrize("code", [
    "131052-308T",        # old form, 1900s
    "010594Y123W",        # 2023 century sign for the 1900s
    "150306B456B",        # 2023 century sign for the 2000s
    "131052A308T",
    "811228-9874",        # personnummer
    "811228+9874",        # over a hundred years old
    "19811228-9874",
    "198112289874",
    "811288-9871",        # samordningsnummer (day + 60)
    "19811288-9871",
])
def test_personal_ids_are_caught(code: str) -> None:
    assert types_of(f"Tunnus {code} on liitteessä.") == [("personal_id", code)]


@pytest.mark.parametrize("text", [
    "Väärä tunnus 131052-308A.",          # wrong check character
    "Fel nummer 811228-9875.",            # wrong Luhn digit
    "Fel nummer 811288-9872.",            # a samordningsnummer with a wrong digit
    "Y-tunnus 0135202-4.",                # business ID
    "Asia HAN/123/2026 ja Dnr 2026/45.",  # case numbers
    "Päivä 24.11.2026 tai 2026-11-24, klo 10.30.",
    "Liput 12,50 € ja 1 200 €, vuonna 2026.",
    "Postinumero 10900 Hanko, 00100 Helsinki.",
    "Laskun numero 8112289874.",          # a bare ten-digit number is not read as an ID
    "Nummer 29811228-9874 och 298112289874.",   # a twelve-digit form needs 19 or 20
    "Tilinumero FI21 1234 5600 0007 86 on väärin.",
    "Call 123 456 7890 in the US.",
])
def test_look_alikes_are_not_identifiers(text: str) -> None:
    assert types_of(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Tili FI21 1234 5600 0007 85.", "FI21 1234 5600 0007 85"),
    ("Tili FI2112345600000785, kiitos.", "FI2112345600000785"),
    ("Konto DE89 3704 0044 0532 0130 00 EUR", "DE89 3704 0044 0532 0130 00"),
    ("Account GB82 WEST 1234 5698 7654 32 today", "GB82 WEST 1234 5698 7654 32"),
    ("Konto SE45 5000 0000 0583 9825 7466", "SE45 5000 0000 0583 9825 7466"),
])
def test_ibans_with_and_without_spaces(text: str, expected: str) -> None:
    assert types_of(text) == [("iban", expected)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Soita 040 123 4567.", "040 123 4567"),
    ("Soita 0401234567!", "0401234567"),
    ("Soita 040-123 4567", "040-123 4567"),
    ("Puh. +358 50 765 4321", "+358 50 765 4321"),
    ("Puh. (09) 310 1691", "(09) 310 1691"),
    ("Ring +46 70 123 45 67", "+46 70 123 45 67"),
    ("Ring 0046 8 123 456 78", "0046 8 123 456 78"),
    ("Ring +46 8 123 456 78 i kväll", "+46 8 123 456 78"),
])
def test_phone_numbers(text: str, expected: str) -> None:
    assert types_of(text) == [("phone", expected)]


@pytest.mark.parametrize("number", ["019 220 3000", "+358 19 220 3000", "019 2203 000",
                                    "+358192203000"])
def test_the_citys_own_numbers_never_fire(number: str) -> None:
    assert found(f"Kaupungintalo, puh. {number}.", ["phone"]) == []
    assert found(f"Kaupungintalo, puh. {number}.", ["phone"], Organization()) == [number]


@pytest.mark.parametrize("number", ["0295 421 000",      # the state's agencies (the police's tip line)
                                    "020 692 929",       # a company's nationwide number
                                    "0800 123 456",      # toll-free
                                    "0600 12345",        # premium rate
                                    "0100 100"])
def test_service_numbers_reach_no_person(number: str) -> None:
    assert found(f"Vinkit numeroon {number}.", ["phone"], Organization()) == []
    assert found("Soita Annalle 040 718 2934.", ["phone"], Organization()) == ["040 718 2934"]


def test_emails_and_the_citys_domains() -> None:
    text = ("Kirjoita anna.virtanen@gmail.com, kirjaamo@hanko.fi, x@kirjasto.hanko.fi, "
            "y@hango.fi tai z@nothanko.fi. Katso...erik@mail.se")
    assert found(text, ["email"]) == ["anna.virtanen@gmail.com", "z@nothanko.fi",
                                      "erik@mail.se"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Hän asuu Mannerheimintie 5 B 12, Helsinki.", "Mannerheimintie 5 B 12"),
    ("Hon bor på Esplanaden 14 B 9, om nån undrar.", "Esplanaden 14 B 9"),   # a street named by itself
    ("Han bor på Storgatan 3.", "Storgatan 3"),
    ("Juhlat Bulevardi 10 A:ssa.", "Bulevardi 10 A:ssa"),    # the case ending belongs to it
    ("Osoite Rantakatu 4 as 7.", "Rantakatu 4 as 7"),
    ("Adress Drottninggatan 12 B lgh 1101", "Drottninggatan 12 B lgh 1101"),
    ("Kotona Koivukuja 3b.", "Koivukuja 3b"),
    ("He lives at 12 Baker Street.", "12 Baker Street"),
])
def test_street_addresses_are_read(text: str, expected: str) -> None:
    assert types_of(text) == [("street_address", expected)]


HOME = {"fi": ["asuu", "asuva*", "koti*"], "sv": ["bor"], "en": ["lives"]}


@pytest.mark.parametrize(("text", "expected"), [
    ("Koira asuu osoitteessa Satamakatu 7 B 14.", ["Satamakatu 7 B 14"]),
    ("Osoite Rantakatu 4 as 7.", ["Rantakatu 4 as 7"]),            # a flat: a home
    ("Adress Drottninggatan 12 B lgh 1101", ["Drottninggatan 12 B lgh 1101"]),
    ("Han bor på Storgatan 3.", ["Storgatan 3"]),                   # said to be a home
    ("He lives at 12 Baker Street.", ["12 Baker Street"]),
    ("Kirppis lauantaina, osoite Täktominintie 10.", []),           # a venue
    ("Juhlat Bulevardi 10 A:ssa.", []),                             # a staircase, no flat
    ("Han bor i Hangö.\nLoppis på Storgatan 3.", []),                # the home word is elsewhere
    ("Esplanadinkatu 5 B:ssä asuva perhe.", ["Esplanadinkatu 5 B:ssä"]),   # a home word just after
    ("Hän asuu Bulevardi 12:ssa.", ["Bulevardi 12:ssa"]),
    ("Party at Jussi's tonight, Rantatie 4 B:ssä.", ["Rantatie 4 B:ssä"]),     # at someone's place
    ("Concert at the library, Rantatie 4 B:ssä.", []),
])
def test_only_home_addresses_fire(text: str, expected: list[str]) -> None:
    lexicon = Lexicon()
    params = Params({"types": ["street_address"], "home_words": HOME})
    kind = Identifier(params, Build(lexicon, ORG, "privacy.test"))
    lexicon.freeze()
    doc = Document(text)
    keys = lexicon.scan(doc.tokens)
    ctx = Context(doc, Request(text, NOW), analyse(doc), ORG, keys, _by_rule(keys), {})
    assert [text[m.start:m.end] for m in kind.find(ctx)] == expected


@pytest.mark.parametrize("text", [
    "Tiistaina 25.11. on kokous.",        # a capitalized word before a number is not a street
    "Tie 5 on suljettu.",                 # the suffix alone is not a street name
    "Vuonna 2026 Hanko täyttää vuosia.",
])
def test_not_street_addresses(text: str) -> None:
    assert types_of(text) == []


def test_stronger_reading_wins_where_identifiers_overlap() -> None:
    assert types_of("IBAN FI21 1234 5600 0007 85") == [("iban", "FI21 1234 5600 0007 85")]
    assert types_of("Personnummer 198112289874") == [("personal_id", "198112289874")]


def test_types_select_what_fires() -> None:
    text = "Tunnus 131052-308T, puh. 040 123 4567, anna@gmail.com, Koulukatu 3 A 4"
    assert found(text, ["personal_id"]) == ["131052-308T"]
    assert found(text, ["phone", "email"]) == ["040 123 4567", "anna@gmail.com"]
    assert found(text, ["street_address"]) == ["Koulukatu 3 A 4"]


def test_unknown_type_is_refused() -> None:
    with pytest.raises(RuleError, match="ssn"):
        Identifier(Params({"types": ["ssn"]}), Build(Lexicon(), ORG, "privacy.test"))
    with pytest.raises(RuleError, match="at least one"):
        Identifier(Params({"types": []}), Build(Lexicon(), ORG, "privacy.test"))


def test_regexes_cannot_backtrack_without_bound() -> None:
    patterns = [v for v in vars(identifier).values() if isinstance(v, re.Pattern)]
    assert len(patterns) >= 3                       # the identifier forms are all checked, not none
    for pattern in patterns:
        check_shape(pattern.pattern, pattern.flags)


@pytest.mark.parametrize("text", [
    "a" * 60_000 + "@",
    "a@" + "b." * 30_000,
    "0 " * 30_000,
    "1" * 60_000,
    "FI21 " + "1234 " * 12_000,
    "Aaaa" * 15_000 + "katu 5",
    "0" + "-0" * 30_000,
])
def test_pathological_texts_are_fast(text: str) -> None:
    began = time.perf_counter()
    identifier.scan(Document(text))
    assert time.perf_counter() - began < 0.5


def test_bundled_rules_report_the_identifier_as_the_span(pack) -> None:
    text = "Hakijan hetu 131052-308T ja puhelin 040 123 4567."
    findings = check(pack, Request(text, NOW))["findings"]
    spans = {f["rule"]: f["excerpt"] for f in findings if f["category"] == "privacy"}
    assert spans == {"privacy.personal-id": "131052-308T", "privacy.phone": "040 123 4567"}


def test_the_organizations_own_bank_account_never_fires() -> None:
    own = Organization(ibans=("FI04 1234 5610 0002 39",))
    text = "Lahjoitukset kaupungin tilille FI0412345610000239, kiitos!"
    assert found(text, ["iban"], own) == []
    assert found(text, ["iban"], Organization()) == ["FI0412345610000239"]
    assert found("Tilille FI61 5720 0123 4567 80", ["iban"], own) == ["FI61 5720 0123 4567 80"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Maksut kaupungin tilille FI21 1234 5600 0007 85.", []),          # called the city's own
    ("Betala till stadens konto FI21 1234 5600 0007 85.", []),
    ("Pay to the city's account FI21 1234 5600 0007 85.", []),
    ("Lahjoitukset tilille FI21 1234 5600 0007 85, kiitos!", ["FI21 1234 5600 0007 85"]),
    ("Kaupungin juhla on lauantaina.\nMaksa Annalle FI21 1234 5600 0007 85.", ["FI21 1234 5600 0007 85"]),
])
def test_an_iban_called_the_citys_own_passes(text: str, expected: list[str]) -> None:
    lexicon = Lexicon()
    params = Params({"types": ["iban"], "own_words": {"fi": ["kaupungin*"], "sv": ["stadens"], "en": ["city's"]}})
    kind = Identifier(params, Build(lexicon, ORG, "privacy.test"))
    lexicon.freeze()
    doc = Document(text)
    keys = lexicon.scan(doc.tokens)
    ctx = Context(doc, Request(text, NOW), analyse(doc), ORG, keys, _by_rule(keys), {})
    assert [text[m.start:m.end] for m in kind.find(ctx)] == expected
