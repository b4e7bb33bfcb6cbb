"""Language detection per line: deterministic, bilingual posts report both languages."""

from __future__ import annotations

import pytest

from checker.langid import analyse, detect
from checker.text import Document

FI = "Kaupungintalo on suljettu huomenna huoltotöiden vuoksi. Palvelemme taas torstaina."
SV = "Stadshuset är stängt i morgon på grund av underhållsarbeten. Vi betjänar igen på torsdag."


def test_bilingual_post_reports_both() -> None:
    result = analyse(Document(f"{FI}\n\n{SV}"))
    assert {lang for lang, _ in result.shares} == {"fi", "sv"}
    assert result.allows(0, "fi") and not result.allows(0, "sv")
    assert result.allows(2, "sv") and not result.allows(2, "fi")


def test_detection_is_deterministic() -> None:
    text = "Hangon kesä on kaunis ja meri on lämmin tänä vuonna"
    first = detect(text)
    detect.cache_clear()
    assert detect(text) == first


def test_short_lines_use_frequent_words() -> None:
    assert analyse(Document("Det är slut nu")).per_line[0] == {"sv"}
    assert analyse(Document("Big fan of the club")).per_line[0] == {"en"}


def test_short_line_without_telling_words_allows_all() -> None:
    assert analyse(Document("Perkele!")).per_line[0] == {"fi", "sv", "en"}


def test_short_lines_without_frequent_words_still_weigh_in() -> None:
    result = analyse(Document("Hyvää itsenäisyyspäivää! 🇫🇮\nGlad självständighetsdag! 🇫🇮"))
    assert {lang for lang, _ in result.shares} == {"fi", "sv"}
    assert result.per_line[0] == result.per_line[1] == {"fi", "sv", "en"}   # the guess never picks a line's rules


@pytest.mark.parametrize("line, lang", [
    ("NU RÄCKER DET. I KVÄLL GÅR VI DIT ALLA OCH RIVER SKYLTARNA VID TORGET", "sv"),
    ("NYT RIITTÄÄ. TÄNÄÄN ILLALLA MENNÄÄN SINNE KAIKKI JA TUKITAAN OVET", "fi"),
    ("THAT IS IT. TONIGHT WE ALL GO THERE AND TEAR DOWN THE SIGNS", "en"),
])
def test_a_line_in_capitals_is_read_in_its_language(line: str, lang: str) -> None:
    assert detect(line)[0][0] == lang == detect(line.lower())[0][0]
    assert analyse(Document(line)).per_line[0] == {lang}


def test_empty_text() -> None:
    result = analyse(Document("😀 123"))
    assert result.shares == []


SAMPLES = [
    FI, SV, "The library is closed on Monday because of the holiday.",
    "Tervetuloa! Välkommen! Welcome to Hanko 😀 https://hanko.fi info@hanko.fi",
    "ÄÄNESTYS ALKAA HUOMENNA KELLO 9 – RÖSTNINGEN BÖRJAR I MORGON KLOCKAN 9",
    "Привет Hanko, это тест   с   пробелами и ẞ ǅ Ǉ ﬁ",
    "a" * 300, "x y z " * 80, "Sää on tänään aurinkoinen ja lämmin, mennään rannalle!",
    "Tie\u0302\u0301ng Vie\u0323\u0302t: a\u0300 e\u0301 o\u0303 u\u0309 i\u0323, Hangö och Hanko ọ̀",   # decomposed marks
]


@pytest.mark.parametrize("text", SAMPLES)
def test_fast_detector_returns_exactly_what_langdetect_returns(text: str) -> None:
    from langdetect.lang_detect_exception import LangDetectException

    from checker.langid import _as_read, _factory

    detector = _factory().create()
    detector.append(_as_read(text))          # a line in capitals is read in lower case
    try:
        expected = tuple((p.lang, p.prob) for p in detector.get_probabilities())
    except LangDetectException:
        expected = ()
    assert sum(ch.isalpha() for ch in text) >= 25        # long enough for the detector proper
    detect.cache_clear()
    assert detect(text) == expected


def test_short_line_allows_the_language_of_its_frequent_words() -> None:
    # langdetect calls this line Swedish; "are" says English, so English lists may fire too
    assert "en" in analyse(Document("Immigrants are ruining Hanko.")).per_line[0]
    assert analyse(Document("Kaupunginvaltuusto kokoontuu huomenna")).per_line[0] == {"fi"}


def test_langdetect_internals_the_fast_detector_mirrors_are_there() -> None:
    # checker/langid.py re-implements langdetect 1.0.x's Detector over its private fields and
    # constants; pyproject.toml bounds langdetect below 1.1. A release that changes them fails here.
    from importlib.metadata import version

    from langdetect.detector import Detector
    from langdetect.utils.ngram import NGram

    from checker.langid import _factory

    assert version("langdetect").startswith("1.0."), version("langdetect")
    for name in ("URL_RE", "MAIL_RE", "ALPHA_DEFAULT", "ALPHA_WIDTH", "BASE_FREQ", "ITERATION_LIMIT",
                 "CONV_THRESHOLD", "PROB_THRESHOLD"):
        assert hasattr(Detector, name), name
    assert (Detector.ALPHA_DEFAULT, Detector.ALPHA_WIDTH, Detector.ITERATION_LIMIT,
            Detector.PROB_THRESHOLD, Detector.CONV_THRESHOLD, Detector.BASE_FREQ) == \
        (0.5, 0.05, 1000, 0.1, 0.99999, 10000)
    assert callable(NGram.normalize) and callable(NGram.normalize_vi)
    factory = _factory()
    assert list(factory.langlist) == ["fi", "sv", "en"] and factory.seed == 0
    assert all(len(p) == 3 for p in list(factory.word_lang_prob_map.values())[:100])


def test_fast_detector_agrees_with_langdetect_on_every_corpus_line() -> None:
    """The same probabilities, float for float, on a few hundred real lines of all lengths."""
    from langdetect.lang_detect_exception import LangDetectException

    from checker.langid import _detector, _factory
    from tests.corpus.evaluate import load_items

    lines = sorted({line for item in load_items() for line in item["text"].split("\n")
                    if sum(ch.isalpha() for ch in line) >= 25})
    assert len(lines) > 200
    for line in lines:
        detector = _factory().create()
        detector.append(line)
        try:
            expected = tuple((p.lang, p.prob) for p in detector.get_probabilities())
        except LangDetectException:
            expected = ()
        assert _detector().probabilities(line) == expected, line


def test_detection_in_several_threads_at_once_gives_what_one_thread_gives() -> None:
    """The detector resets a generator of its thread's own for each line: threads of the
    service never draw from one another's random stream."""
    from concurrent.futures import ThreadPoolExecutor

    from checker.langid import _detector
    from tests.corpus.evaluate import load_items

    lines = [item["text"] for item in load_items() if sum(ch.isalpha() for ch in item["text"]) >= 25][:120]
    alone = [_detector().probabilities(line) for line in lines]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(_detector().probabilities, lines * 3))
    assert together == alone * 3


def test_fast_detector_agrees_with_langdetect_on_random_punctuated_text() -> None:
    """The n-grams are cached per piece between spaces (normalized apart from the text):
    pieces of words, punctuation, capitals and runs of spaces give what langdetect gives."""
    import random

    from langdetect.lang_detect_exception import LangDetectException

    from checker.langid import _detector, _factory

    rng = random.Random(7)
    words = "Hanko Hangö kaupunki staden the library! (kirjasto) ÄÄNI, och... ja: x-y 9.00 é".split()
    for _ in range(150):
        text = "".join(rng.choice(words) + rng.choice([" ", "  ", ",", " - ", "."]) for _ in range(rng.randint(3, 40)))
        detector = _factory().create()
        detector.append(text)
        try:
            expected = tuple((p.lang, p.prob) for p in detector.get_probabilities())
        except LangDetectException:
            expected = ()
        assert _detector().probabilities(text) == expected, text
