"""Word patterns: whole words, stems, tails, parts; disguises; bad patterns."""

from __future__ import annotations

import pytest

from checker.lexicon import Lexicon, PatternError


def lexicon(*patterns: str) -> Lexicon:
    lex = Lexicon()
    for pattern in patterns:
        lex.add(pattern, pattern)
    lex.freeze()
    return lex


def test_whole_word_is_not_a_prefix() -> None:
    lex = lexicon("slut")
    assert lex.keys_for("slut") == {"slut"}
    assert not lex.keys_for("slutet")
    assert not lex.keys_for("slutsats")


def test_stem_catches_inflections_and_compounds() -> None:
    lex = lexicon("vitu*", "skit*")
    for word in ("vitun", "vituiksi", "vitu"):
        assert lex.keys_for(word) == {"vitu*"}
    assert lex.keys_for("skitdålig") == {"skit*"}
    assert not lex.keys_for("kasinorannan")


def test_tail_and_part() -> None:
    lex = lexicon("*pää", "*idioot*")
    assert lex.keys_for("kusipää") == {"*pää"}
    assert lex.keys_for("megaidiootti") == {"*idioot*"}
    assert not lex.keys_for("päätös")


def test_disguises_reach_every_pattern() -> None:
    lex = lexicon("shit*", "paska")
    assert lex.keys_for("sh1t") == {"shit*"}
    assert lex.keys_for("$hitty") == {"shit*"}
    assert lex.keys_for("paskaaaa") == {"paska"}
    assert lex.keys_for("p4sk4") == {"paska"}


def test_repeated_letters_do_not_merge_ordinary_words() -> None:
    assert not lexicon("ass").keys_for("as")


@pytest.mark.parametrize("bad", ["", "*", "ab*", "*a*", "two words", "mid*dle"])
def test_bad_patterns_are_refused(bad: str) -> None:
    with pytest.raises(PatternError):
        Lexicon().add(bad, "k")


def test_scan_reports_only_tokens_with_hits() -> None:
    from checker.text import Document

    lex = lexicon("paska")
    doc = Document("ihan paskaa, ei paska")
    hits = lex.scan(doc.tokens)
    assert list(hits) == [3]


def test_stars_hide_one_letter_each_inside_a_pattern() -> None:
    lex = lexicon("fuck*", "fags", "shit")
    assert lex.keys_for("f***ing") == {"fuck*"}
    assert lex.keys_for("f**k") == {"fuck*"}
    assert lex.keys_for("sh**") == {"shit"}
    assert not lexicon("fuc*").keys_for("fu**ing")    # the stem does not reach the last star


def test_a_starred_word_showing_one_letter_is_not_read() -> None:
    assert not lexicon("fuck*", "fags").keys_for("f***")


def test_stars_do_not_match_words_of_another_length() -> None:
    assert not lexicon("shit").keys_for("sh***y")


def test_forms_of_a_lexeme_share_one_entry_tuple_and_still_match() -> None:
    lex = Lexicon()
    lex.add("idiootti~", "insult")
    lex.add("idiot~", "insult-sv")
    lex.freeze()
    entries = {id(lex._plain.lexeme[form]) for form in ("idiootti", "idiootit", "idiooteille")}
    assert len(entries) == 1
    assert lex.keys_for("idiooteille") == {"insult"}
    assert lex.keys_for("idiootiiiit") >= {"insult"}         # the squeezed spelling too
