"""How the lexicon is built at load: squeezed lexeme forms and bulk insertion (checker/lexicon.py)."""

from __future__ import annotations

from checker import lexicon
from checker.text import squeeze
from checker.variants import length_key, stem_key


def test_the_stem_key_is_text_squeeze_and_the_length_key_keeps_the_last_run() -> None:
    for lemma, tags in lexicon.FORMS.items():
        for form in tags["all"]:
            assert stem_key(form) == squeeze(form), (lemma, form)
            key = length_key(form)
            last = len(form) - len(form.rstrip(form[-1]))
            assert key == squeeze(form[:-last]) + form[-last:], (lemma, form)   # the last run differs from the one before


def test_the_length_key_collapses_inner_runs_only() -> None:
    assert length_key("iddiootti") == length_key("idiotti") == length_key("idiootti") == "idioti"
    assert length_key("paskaa") == "paskaa" and length_key("paska") == "paska"
    assert length_key("perkkele") == "perkele"
    assert stem_key("vittu") == "vitu"


def test_squeezed_forms_lists_each_changed_spelling_once() -> None:
    lemma = next(lemma for lemma, tags in lexicon.FORMS.items()
                 if any(length_key(form) != form for form in tags["all"]))
    forms, shorts = lexicon._squeezed_forms(lemma, "")
    assert forms == lexicon.lexeme_forms(lemma, "")
    assert set(shorts) == {length_key(f) for f in forms if length_key(f) != f}
    assert len(shorts) == len(set(shorts))


def test_bulk_insertion_appends_to_words_already_there() -> None:
    table: dict[str, tuple[int, ...]] = {"koira": (1,), "kissa": (2,)}
    lexicon._put_all(table, ("koira", "koiran", "hevonen"), 7)
    assert table == {"koira": (1, 7), "kissa": (2,), "koiran": (7,), "hevonen": (7,)}


def test_false_compounds_are_the_files_pairs_as_lines() -> None:
    from checker.compounds import _false_compounds_file, false_compounds

    pairs = false_compounds()
    lines = [line for line in _false_compounds_file() if " " in line]
    assert pairs == frozenset(lines) and all(line.count(" ") == 1 for line in lines)
    head, tail = next(iter(pairs)).split(" ")
    assert not lexicon.Lexicon()._compound(head + tail, len(head), ("fi", "sv"))
