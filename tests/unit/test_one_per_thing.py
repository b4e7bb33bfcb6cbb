"""The engine's merge of findings that say one thing (`_one_per_thing_said`): overlapping
findings of one category become one, the most severe over all their words; findings of
rules that mark a whole sentence merge when they stand in one sentence; other categories,
other sentences and post-wide findings stay apart."""

from types import SimpleNamespace

from checker.engine import _one_per_thing_said


def rule(category: str, severity: str = "warn", extent: str = "match", name: str = "") -> SimpleNamespace:
    return SimpleNamespace(id=name or f"{category}.{severity}.{extent}", category=category,
                           severity=severity, extent=extent)


def spans(kept: list) -> list[tuple[str, int, int]]:
    return sorted((found[0].id, found[1], found[2]) for found in kept)


def test_overlapping_findings_of_one_category_become_the_most_severe_over_all_their_words() -> None:
    weak, strong = rule("insult", "warn", name="weak"), rule("insult", "block", name="strong")
    kept = _one_per_thing_said([(weak, 0, 10, None), (strong, 5, 20, None)])
    assert spans(kept) == [("strong", 0, 20)]


def test_touching_is_not_overlapping() -> None:
    first, second = rule("insult", name="first"), rule("insult", name="second")
    kept = _one_per_thing_said([(first, 0, 10, None), (second, 10, 20, None)])
    assert spans(kept) == [("first", 0, 10), ("second", 10, 20)]


def test_other_categories_on_the_same_words_stay() -> None:
    swear, insult = rule("profanity", "block"), rule("insult", "warn")
    kept = _one_per_thing_said([(swear, 3, 8, None), (insult, 0, 15, None)])
    assert spans(kept) == [(insult.id, 0, 15), (swear.id, 3, 8)]


def test_whole_sentence_findings_in_one_sentence_merge() -> None:
    marker = rule("confidentiality", "warn", "sentence", name="marker")
    bid = rule("confidentiality", "warn", "sentence", name="bid")
    kept = _one_per_thing_said([(marker, 0, 11, None), (bid, 40, 60, None)], sentence_starts=[0, 70])
    assert spans(kept) == [("bid", 0, 60)]    # equal severity: the wider one speaks for both


def test_whole_sentence_findings_in_different_sentences_stay_apart() -> None:
    marker = rule("confidentiality", "warn", "block", name="marker")
    bid = rule("confidentiality", "warn", "sentence", name="bid")
    kept = _one_per_thing_said([(marker, 0, 11, None), (bid, 40, 60, None)], sentence_starts=[0, 30])
    assert spans(kept) == [("bid", 40, 60), ("marker", 0, 11)]


def test_a_word_level_finding_does_not_merge_across_a_gap_even_in_one_sentence() -> None:
    sentence_wide = rule("confidentiality", "warn", "sentence", name="wide")
    word = rule("confidentiality", "warn", "match", name="word")
    kept = _one_per_thing_said([(sentence_wide, 0, 11, None), (word, 40, 60, None)], sentence_starts=[0])
    assert spans(kept) == [("wide", 0, 11), ("word", 40, 60)]


def test_post_wide_findings_stay_as_they_are() -> None:
    reminder = rule("copyright", "info", "post")
    other = rule("copyright", "warn")
    kept = _one_per_thing_said([(reminder, 0, 0, None), (other, 0, 5, None)], sentence_starts=[0])
    assert spans(kept) == [(reminder.id, 0, 0), (other.id, 0, 5)]
