"""Which of Finnish, Swedish and English each line of a post is written in.

langdetect is seeded (it is random otherwise) and loaded with only the three profiles
that matter, which makes it deterministic and about four times faster. Lines are judged
one by one so a bilingual post reports both languages; a short line is judged by its
frequent words ("och", "ja", "the") and, without any, allows every language.
Results are cached by line, so re-checking a post after an edit only detects the
lines that changed.

The detection itself is langdetect's algorithm run by `_Detector` below: the same n-grams,
the same seeded random draws and the same arithmetic in the same order, so it returns
exactly what langdetect's `Detector.get_probabilities` returns, several times faster. The
n-grams of a word depend only on the word, so they are computed once per word (bounded
cache); the sampling loop works on three floats instead of lists and objects.
"""

from __future__ import annotations

import random
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from langdetect.detector import Detector
from langdetect.detector_factory import DetectorFactory
from langdetect.utils.ngram import NGram

from checker.langdata import LANGUAGE_DATA, TEXT_LANGUAGES
from checker.text import LINE_CACHE_SIZE, Document

LANGUAGES = TEXT_LANGUAGES
MIN_LETTERS = 25      # a shorter line is judged by its frequent words only
SHORT_LINE = 60       # below this many letters a line's frequent words also count
ALLOW_SHARE = 0.25    # a language at least this likely in a line counts as present
REPORT_SHARE = 0.05   # a language with at least this share of the post is reported
GUESS_LETTERS = 8     # a short line with no frequent word weighs in by the detector's guess from this many letters
SEED = 0

# A few frequent words per language decide short lines that langdetect would guess at.
FUNCTION_WORDS = {lang: data.function_words for lang, data in LANGUAGE_DATA.items()}


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


LATIN_RE = re.compile("[A-z]")                                  # langdetect's 'A' <= ch <= 'z'
# langdetect means to exempt Latin Extended Additional here, but compares the block's number
# with its name, so every character from U+0300 on counts as non-Latin; so does this.
NON_LATIN_RE = re.compile("[^\x00-\u02ff]")
SPACES_RE = re.compile(" {2,}")
WORD_CACHE_LIMIT = 100_000
CHAR_CACHE_LIMIT = 20_000


class _NormalizedChars(dict):
    """str.translate table: code point -> langdetect's normalized character, filled lazily."""

    def __missing__(self, code: int) -> str:
        ch = NGram.normalize(chr(code))
        if len(self) < CHAR_CACHE_LIMIT:
            self[code] = ch
        return ch


class _Detector:
    """langdetect's Detector for fi, sv and en, returning exactly what it returns."""

    def __init__(self, factory: DetectorFactory) -> None:
        if len(factory.langlist) != 3:
            raise ValueError("the fast detector is written for three profiles")
        if Detector.ITERATION_LIMIT % 5:
            raise ValueError("the fast detector stops only at steps that normalize (multiples of 5)")
        self.langlist = tuple(factory.langlist)
        self.probs = factory.word_lang_prob_map
        self.seed = factory.seed
        self.seeded = random.Random(self.seed).getstate()
        self._rngs = threading.local()
        self.normalized = _NormalizedChars()
        # _word_ngrams' cache: the words followed by a space, and the words that end a text
        self.words: dict[bool, dict[str, list[list[float]]]] = {True: {}, False: {}}
        self.pieces: dict[str, list[list[float]]] = {}    # `ngrams`' cache: text between two spaces

    def _prepare(self, text: str) -> str:
        """Detector.append and Detector.cleaning_text."""
        # Each step is skipped only where it cannot change the text: an address needs "://",
        # an e-mail "@", a Vietnamese diacritic one of its combining marks, a run two spaces.
        if "://" in text:
            text = Detector.URL_RE.sub(" ", text)
        if "@" in text:
            text = Detector.MAIL_RE.sub(" ", text)
        if not text.isascii() and any(mark in text for mark in NGram.DMARK_CLASS):
            text = NGram.normalize_vi(text)
        text = text[:10000]                       # max_text_length
        if "  " in text:
            text = SPACES_RE.sub(" ", text)       # runs of spaces kept once
        if NON_LATIN_RE.search(text) is None:     # no non-Latin letter to outnumber the Latin
            return text
        latin = len(LATIN_RE.findall(text))
        if latin * 2 < len(text) - latin:         # only then can non-Latin letters outnumber
            if latin * 2 < len(NON_LATIN_RE.findall(text)):
                text = LATIN_RE.sub("", text)
        return text

    def _word_ngrams(self, word: str, trailing: bool) -> list[list[float]]:
        """NGram.add_char over one word (and the space after it): the profiles' n-grams hit."""
        cache = self.words[trailing]
        found = cache.get(word)
        if found is not None:
            return found
        probs = self.probs
        found = []
        grams, capital = " ", False
        for ch in (word + " " if trailing else word):
            last = grams[-1]
            if last == " ":
                grams, capital = " ", False
            elif len(grams) >= 3:
                grams = grams[1:]
            grams += ch
            if ch.isupper():
                if last.isupper():
                    capital = True
            else:
                capital = False
            if capital:
                continue
            for n in (1, 2, 3):
                if len(grams) < n:
                    break
                gram = grams[-n:]
                if gram != " " and gram in probs:
                    found.append(probs[gram])
        if len(cache) >= WORD_CACHE_LIMIT:
            cache.clear()
        cache[word] = found
        return found

    def ngrams(self, text: str) -> list[list[float]]:
        """Detector._extract_ngrams, word by word: each word starts from a space.

        The text is split at its spaces before it is normalized: a piece between two spaces
        normalizes to words that are each followed by a space (a space normalizes to itself,
        and every character to one character), so its n-grams are remembered as they are
        written; only the last piece, whose last word ends the text, is worked out here."""
        pieces = self._prepare(text).split(" ")
        end = pieces.pop()                        # the only piece not followed by a space
        result: list[list[float]] = []
        extend, known = result.extend, self.pieces.get
        for piece in pieces:
            if piece:
                found = known(piece)
                extend(found if found is not None else self._piece_ngrams(piece))
        if end:
            words = end.translate(self.normalized).split(" ")
            last = words.pop()
            for word in words:
                if word:
                    extend(self._word_ngrams(word, True))
            if last:
                extend(self._word_ngrams(last, False))
        return result

    def _piece_ngrams(self, piece: str) -> list[list[float]]:
        """The n-grams of the words a piece between two spaces normalizes to; cached."""
        words = [word for word in piece.translate(self.normalized).split(" ") if word]
        found = self._word_ngrams(words[0], True) if len(words) == 1 else \
            [gram for word in words for gram in self._word_ngrams(word, True)]
        if len(self.pieces) >= WORD_CACHE_LIMIT:
            self.pieces.clear()
        self.pieces[piece] = found
        return found

    def probabilities(self, text: str) -> tuple[tuple[str, float], ...]:
        """Detector._detect_block and get_probabilities; () when the text has no features.

        langdetect multiplies in one n-gram a step and normalizes at every fifth step (from
        step 0); here the five steps between two normalizations run as one inner loop, the
        same products in the same order, with the draws in the same order."""
        ngrams = self.ngrams(text)
        if not ngrams:
            return ()
        rng = self._rngs.__dict__.get("rng")       # one generator per thread, reset to the
        if rng is None:                              # seeded state (as Random() then seed())
            rng = self._rngs.rng = random.Random()
        rng.setstate(self.seeded)
        getrandbits, gauss = rng.getrandbits, rng.gauss
        count = len(ngrams)
        bits = count.bit_length()
        trials = 7
        limit, threshold = Detector.ITERATION_LIMIT, Detector.CONV_THRESHOLD
        l0 = l1 = l2 = 0.0
        for _ in range(trials):
            alpha = Detector.ALPHA_DEFAULT + gauss(0.0, 1.0) * Detector.ALPHA_WIDTH
            w = alpha / Detector.BASE_FREQ
            r = getrandbits(bits)                    # step 0: random.choice, as _randbelow does it
            while r >= count:
                r = getrandbits(bits)
            a = ngrams[r]
            p0, p1, p2 = 1.0 / 3 * (w + a[0]), 1.0 / 3 * (w + a[1]), 1.0 / 3 * (w + a[2])
            i = 0
            while True:
                total = sum((p0, p1, p2))
                p0, p1, p2 = p0 / total, p1 / total, p2 / total
                if p0 > threshold or p1 > threshold or p2 > threshold or i >= limit:   # max(...) > threshold
                    break
                # steps i+1 .. i+5, multiplied in order (written out: no loop to run)
                r = getrandbits(bits)
                while r >= count:
                    r = getrandbits(bits)
                a = ngrams[r]
                p0, p1, p2 = p0 * (w + a[0]), p1 * (w + a[1]), p2 * (w + a[2])
                r = getrandbits(bits)
                while r >= count:
                    r = getrandbits(bits)
                a = ngrams[r]
                p0, p1, p2 = p0 * (w + a[0]), p1 * (w + a[1]), p2 * (w + a[2])
                r = getrandbits(bits)
                while r >= count:
                    r = getrandbits(bits)
                a = ngrams[r]
                p0, p1, p2 = p0 * (w + a[0]), p1 * (w + a[1]), p2 * (w + a[2])
                r = getrandbits(bits)
                while r >= count:
                    r = getrandbits(bits)
                a = ngrams[r]
                p0, p1, p2 = p0 * (w + a[0]), p1 * (w + a[1]), p2 * (w + a[2])
                r = getrandbits(bits)
                while r >= count:
                    r = getrandbits(bits)
                a = ngrams[r]
                p0, p1, p2 = p0 * (w + a[0]), p1 * (w + a[1]), p2 * (w + a[2])
                i += 5
            l0 += p0 / trials
            l1 += p1 / trials
            l2 += p2 / trials
        result = [(lang, p) for lang, p in zip(self.langlist, (l0, l1, l2))
                  if p > Detector.PROB_THRESHOLD]
        result.sort(key=lambda item: item[1], reverse=True)
        return tuple(result)


@lru_cache(maxsize=1)
def _detector() -> _Detector:
    return _Detector(_factory())


def _votes(text: str) -> dict[str, int]:
    """How many frequent words of each language the text has."""
    words = [w.strip(".,!?:;\"'()") for w in text.lower().split()]
    return {lang: sum(w in FUNCTION_WORDS[lang] for w in words) for lang in LANGUAGES}


def _as_read(text: str) -> str:
    """The text as the detector reads it: shouted in capitals, in lower case. The detector's
    profiles know capitals only at the start of a word, so "NU RÄCKER DET" would read as
    English and the Swedish rules would not look at the line."""
    letters = sum(map(str.isalpha, text))
    return text.lower() if letters and sum(map(str.isupper, text)) * 2 > letters else text


@lru_cache(maxsize=LINE_CACHE_SIZE)
def detect(text: str) -> tuple[tuple[str, float], ...]:
    """Probabilities of fi, sv and en for a piece of text, most likely first."""
    if sum(map(str.isalpha, text)) < MIN_LETTERS:
        votes = _votes(text)
        total = sum(votes.values())
        return tuple(sorted(((lang, n / total) for lang, n in votes.items() if n),
                            key=lambda item: -item[1]))
    return _detector().probabilities(_as_read(text))


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _share_guess(text: str) -> tuple[tuple[str, float], ...]:
    """The detector's guess for a short line with no frequent word ("Glad självständighetsdag!"),
    used only to weigh the post's languages, never to choose a line's rules."""
    return _detector().probabilities(_as_read(text))


def guess(text: str) -> tuple[tuple[str, float], ...]:
    """The detector's guess for a piece of text even when it is short (frequent words aside)."""
    return detect(text) or (_share_guess(text) if sum(map(str.isalpha, text)) >= GUESS_LETTERS else ())


def clear_cache() -> None:
    """Forget the lines seen so far (the benchmark measures a first check with this)."""
    detect.cache_clear()
    _share_guess.cache_clear()


def _allowed(probs: tuple[tuple[str, float], ...]) -> frozenset[str]:
    return frozenset(lang for lang, p in probs if p >= ALLOW_SHARE)


def analyse(doc: Document) -> Languages:
    """Detect the languages of every line of the document, and their shares of the whole."""
    everywhere = frozenset(LANGUAGES)
    per_line: dict[int, frozenset[str]] = {}
    weights = {lang: 0.0 for lang in LANGUAGES}
    for start, end in doc.lines:
        line_text = doc.text[start:end]
        letters = sum(map(str.isalpha, line_text))
        probs = detect(line_text)
        allowed = _allowed(probs)
        if MIN_LETTERS <= letters < SHORT_LINE:     # langdetect guesses on short lines:
            allowed |= {lang for lang, n in _votes(line_text).items() if n}   # words decide too
        per_line[doc.line_of(start)] = allowed or everywhere
        if not probs and letters >= GUESS_LETTERS:     # "Hyvää itsenäisyyspäivää!" still counts as Finnish
            probs = _share_guess(line_text)
        for lang, p in probs:
            weights[lang] += p * letters
    total = sum(weights.values())
    shares = sorted(((lang, round(w / total, 2)) for lang, w in weights.items()
                     if total and w / total >= REPORT_SHARE), key=lambda item: -item[1])
    return Languages(per_line, shares, everywhere)
