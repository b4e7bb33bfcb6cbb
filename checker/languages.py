"""Which of Finnish, Swedish and English each line of a post is written in.

langdetect is seeded (it is random otherwise) and loaded with only the three profiles
that matter, which makes it deterministic and about four times faster. Lines are judged
one by one so a bilingual post reports both languages; a short line is judged by its
frequent words ("och", "ja", "the") and, without any, allows every language.
Results are cached by line, so re-checking a post after an edit only detects the
lines that changed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from checker.text import Document

LANGUAGES = ("fi", "sv", "en")
MIN_LETTERS = 25      # a shorter line is judged by its frequent words only
ALLOW_SHARE = 0.25    # a language at least this likely in a line counts as present
REPORT_SHARE = 0.05   # a language with at least this share of the post is reported
SEED = 0

# A few frequent words per language decide short lines that langdetect would guess at.
FUNCTION_WORDS = {
    "fi": {"ja", "on", "ei", "se", "että", "oli", "ole", "kun", "mutta", "myös", "tämä",
           "mä", "sä", "minä", "sinä", "hän", "me", "te", "he", "kiitos", "hyvä", "tänään",
           "huomenna", "nyt", "vielä", "tai", "jos", "niin", "kuin", "olet", "olen", "mitä",
           "hei", "moi", "terve", "tervetuloa", "mutta", "jo", "kaikki", "tosi", "aika"},
    "sv": {"och", "det", "är", "att", "jag", "en", "ett", "på", "som", "inte", "vad", "för",
           "med", "har", "till", "av", "om", "du", "ni", "vi", "den", "men", "också", "idag",
           "i", "tack", "var", "så", "nu", "hur", "kan", "ska", "eller", "från", "bra",
           "hej", "välkommen", "alla", "mycket", "här", "när", "vill"},
    "en": {"the", "and", "is", "of", "to", "a", "in", "that", "it", "you", "for", "on",
           "with", "are", "this", "be", "was", "at", "my", "your", "we", "they", "not",
           "what", "so", "but", "have", "thanks", "today", "big", "an", "all", "i'm",
           "hi", "hello", "welcome", "great", "very", "here", "when", "will"},
}


@dataclass(frozen=True)
class Languages:
    """The languages of one document: allowed per line, and shares of the whole."""

    per_line: dict[int, frozenset[str]]
    shares: list[tuple[str, float]]
    everywhere: frozenset[str]

    def allows(self, line: int, lang: str) -> bool:
        """Whether a term list for `lang` may fire on the given line."""
        return lang in self.per_line.get(line, self.everywhere)

    def present(self) -> set[str]:
        """Languages with a reportable share of the post."""
        return {lang for lang, share in self.shares}


@lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    profiles = resources.files("langdetect") / "profiles"
    factory = DetectorFactory()
    factory.load_json_profile([(profiles / lang).read_text(encoding="utf-8") for lang in LANGUAGES])
    factory.seed = SEED
    return factory


@lru_cache(maxsize=4096)
def detect(text: str) -> tuple[tuple[str, float], ...]:
    """Probabilities of fi, sv and en for a piece of text, most likely first."""
    words = [w.strip(".,!?:;\"'()") for w in text.lower().split()]
    votes = {lang: sum(w in FUNCTION_WORDS[lang] for w in words) for lang in LANGUAGES}
    letters = sum(ch.isalpha() for ch in text)
    if letters < MIN_LETTERS and any(votes.values()):
        total = sum(votes.values())
        return tuple(sorted(((lang, n / total) for lang, n in votes.items() if n),
                            key=lambda item: -item[1]))
    if letters < MIN_LETTERS:
        return ()
    detector = _factory().create()
    detector.append(text)
    try:
        return tuple((p.lang, p.prob) for p in detector.get_probabilities())
    except LangDetectException:
        return ()


def _allowed(probs: tuple[tuple[str, float], ...]) -> frozenset[str]:
    return frozenset(lang for lang, p in probs if p >= ALLOW_SHARE)


def analyse(doc: Document) -> Languages:
    """Detect the languages of every line of the document, and their shares of the whole."""
    everywhere = frozenset(LANGUAGES)
    per_line: dict[int, frozenset[str]] = {}
    weights = {lang: 0.0 for lang in LANGUAGES}
    for start, end in doc.lines:
        line_text = doc.text[start:end]
        letters = sum(ch.isalpha() for ch in line_text)
        probs = detect(line_text)
        per_line[doc.line_of(start)] = _allowed(probs) or everywhere
        for lang, p in probs:
            weights[lang] += p * letters
    total = sum(weights.values())
    shares = sorted(((lang, round(w / total, 2)) for lang, w in weights.items()
                     if total and w / total >= REPORT_SHARE), key=lambda item: -item[1])
    return Languages(per_line, shares, everywhere)
