"""Real social-media spelling at the matcher level, beyond ä/ö/å (test_variants.py): letters
doubled, dropped or stretched (length keys, variants.py and lengthgen.py) and words censored
with stars or with a separator standing for a letter (misspelt.py). Each class
must catch, and must leave the words of Finnish, Swedish and English that look alike alone."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from checker.engine import check
from checker.model import Request
from checker.pack import load_pack
from checker.text import HIDDEN, Document
from checker.variants import KeySet, length_key, length_keys, stem_key
from tests.unit.test_lexicon import lexicon

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)    # outside working hours: the clock rules keep quiet


@pytest.fixture(scope="module")
def pack():
    return load_pack(None)


def categories(pack, text: str) -> set[str]:
    return {f["category"] for f in check(pack, Request(text=text, now=NOW))["findings"]
            if f["severity"] in ("warn", "block")}


# --- the parts -------------------------------------------------------------------------------

def test_a_length_key_collapses_every_run_but_the_last() -> None:
    assert length_key("iddiootti") == length_key("idiotti") == length_key("idiootti") == "idioti"
    assert length_key("perkkele") == length_key("perkele") == "perkele"
    assert length_key("paskaa") == "paskaa" != length_key("paska")     # the partitive is an ending, no typo
    assert stem_key("vittu") == "vitu" and stem_key("paskaa") == "paska"


def test_a_key_set_finds_its_words_only() -> None:
    keys = KeySet(["tapa", "tuli", "tapa"])
    assert "tapa" in keys and "tuli" in keys and "tulli" not in keys
    assert len(keys) == 2


def test_the_generated_list_keeps_common_words_apart() -> None:
    unread, stems, words = length_keys()
    assert {"tapa", "tapaa", "tuli"} <= {key for key in ("tapa", "tapaa", "tuli", "perkele") if key in unread}
    assert "perkele" not in unread and "idioti" not in unread
    assert all(len(head) == 3 and all(stem.startswith(head) for stem in group) for head, group in stems.items())
    assert len(words) > 1000


# --- letters doubled, dropped or stretched -------------------------------------------------------

@pytest.mark.parametrize(("text", "category"), [
    ("olet iddiootti", "insult"),                      # a letter doubled
    ("olet iddiotti", "insult"),                       # doubled here, dropped there
    ("PERRKELE mikä keli taas", "profanity"),
    ("perkkele", "profanity"),
    ("saattana", "profanity"),
    ("ihan paskka homma", "profanity"),
    ("olet tyhmäääää", "insult"),                      # stretched: "tyhmä" read, not only "tyhmää"
    ("vitttu", "profanity"),
    ("du är en jävvla idiot", "insult"),
    ("javvla idiot", "profanity"),                     # doubled and typed without ä
    ("you are an idiiot", "insult"),
    ("what a fuking idiot", "profanity"),              # a double dropped
    ("fuuuucking hell", "profanity"),                  # stretched
])
def test_a_word_with_a_letter_doubled_or_dropped_is_found(pack, text: str, category: str) -> None:
    assert category in categories(pack, text), text


@pytest.mark.parametrize("text", [
    "tapaa hänet huomenna kahvilla",                   # meets, no "tappaa" (kills)
    "tapaaaa hänet huomenna kahvilla",                 # stretched "tapaa" is still no "tappaa"
    "Tulli tarkastaa, tuli palaa takassa",             # customs and fire
    "kisa ja kissa ja kassa",
    "Det var ren idioti av mig att glömma nycklarna",  # Swedish idiocy (about oneself), no "idiootti"
    "hyvää joulua ja onnea kaikille",
])
def test_words_that_differ_only_in_a_double_letter_stay_apart(pack, text: str) -> None:
    assert not categories(pack, text) & {"profanity", "insult", "incitement", "hate"}, text


def test_a_length_key_reads_only_words_no_pattern_finds() -> None:
    lex = lexicon("perkele", "tappaa~")
    assert lex.keys_for("perkkele") == {"perkele"}
    assert lex.keys_for("tapakaa") == {"tappaa~"}          # an imperative with the double dropped
    assert not lex.keys_for("tapaa")                       # a word of its own: the key is listed
    assert not lex.keys_for("tapaaaa")


# --- censored words --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "p-rkele mikä keli", "p_rkele", "p.rkele", "se on ihan p-ska", "per*ele", "vi**u",
    "v*tun bussi", "f*cking hell", "fu*k you", "sh*t happens", "h*ra",
])
def test_a_censored_swear_word_is_found(pack, text: str) -> None:
    assert "profanity" in categories(pack, text), text


@pytest.mark.parametrize("text", [
    "K-kauppa ja S-market ovat auki",
    "e-mail: matti.virtanen@hanko.fi",
    "T-paita ja A-rapu, Pohjois-Suomi ja sosiaali- ja terveystoimi",
    "Tallenna snake_case_tiedosto ja user_name",
    "Kokous 12.5.2026 klo 14.30",
    "Tack för i-landets hjälp, se e-boken och T-banan",
    "Send the e-mail to the co-op and the X-ray lab",
])
def test_ordinary_punctuation_inside_words_is_no_censoring(pack, text: str) -> None:
    assert not categories(pack, text), text


def test_a_separator_reading_is_marked_and_spans_the_word() -> None:
    doc = Document("😀 p-rkele")
    hidden = [t for t in doc.joined_tokens if HIDDEN in t.lower]
    assert [t.lower for t in hidden] == ["p" + HIDDEN + "rkele"]
    assert doc.span(hidden[0].start, hidden[0].end) == (3, 10, "p-rkele")     # UTF-16, as sent


def test_a_censored_word_points_into_the_text_as_sent(pack) -> None:
    text = "😀 no voi p-rkele"
    found = [f for f in check(pack, Request(text=text, now=NOW))["findings"] if f["category"] == "profanity"]
    assert found and found[0]["start"] == 10 and found[0]["end"] == 17


def test_hidden_letters_fit_stems_only_where_the_stars_fall_inside_them() -> None:
    lex = lexicon("fuck*", "perkele~", "shit")
    assert lex.keys_for("f**k") == {"fuck*"}
    assert lex.keys_for("per*ele") == {"perkele~"}         # a lexeme's form, one letter hidden
    assert lex.keys_for("sh**") == {"shit"}
    assert not lex.keys_for("f***")                        # one letter shown: anything
    assert not lexicon("sam*").keys_for("s" + HIDDEN + "market")     # a separator reads whole words only
