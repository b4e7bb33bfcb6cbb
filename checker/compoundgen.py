"""Generate `checker/langdata/compound_parts_{fi,sv}.txt`: the words a Finnish or Swedish
compound can be built from.

Run:  python -m checker.compoundgen [--check]

A rule that names `*lemma~` matches the lemma's forms also as the last part of a compound
("koiranpaskaa", "Finnjävlar"), but only when the rest of the word splits into known words
of the language (see compounds.py). This module writes those known words offline, so the
runtime needs no analyser:

- Finnish: every lemma in simplemma's Finnish dictionary that Voikko reads as a common
  noun, adjective or numeral, split by Voikko's analysis (STRUCTURE) into the parts it is
  made of, each part as it is written inside the compound ("koiran" in "koiranpaska",
  "ihmis" in "ihmisoikeus"). Proper nouns are left out: they are written with a hyphen
  in a compound ("Hanko-paska").
- Swedish: every lemma in simplemma's Swedish dictionary that inflects; the linking -s- and the dropped
  or changed final vowel (flicka -> flick-, kyrka -> kyrko-) are read at run time.

A word that itself splits into shorter known words is left out (the run time splits it
the same way), which keeps the tables small. `--check` exits 1 when a committed table
differs from a fresh one. Needs simplemma, libvoikko and voikko-fi (see morphology.py).

`false_compounds` (run by lexemegen, as it depends on the bundled rules) lists the words of
the dictionaries that would split as "known word + a rule's tail" but are no such compound
by their analysis: Finnish "vyöryssä" is vyöry + -ssä, not vyö + ryssä (Voikko puts no word
boundary there); Swedish words whose simplemma lemma does not end in the tail's lemma.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from checker.compounds import MIN_PART, Splitter, load_parts
from checker.morphology import dictionary, inverted, voikko

TABLES = {lang: Path(__file__).resolve().parent / "langdata" / f"compound_parts_{lang}.txt" for lang in ("fi", "sv")}
# Voikko's word classes that build Finnish compounds (common nouns, adjectives, numerals).
FI_CLASSES = frozenset({"nimisana", "laatusana", "nimisana_laatusana", "lukusana"})
MAX_PART = 24
MIN_FORMS_SHORT = 4      # forms a Swedish lemma of four letters or fewer needs to be a part


def _plain(word: str) -> bool:
    return MIN_PART <= len(word) <= MAX_PART and word.isalpha() and word.islower()


def _fi_parts() -> set[str]:
    """Finnish parts: each common noun, adjective or numeral lemma cut by Voikko's STRUCTURE."""
    analyser, parts = voikko(), set()
    for lemma in inverted("fi"):
        if not _plain(lemma):
            continue
        for analysis in analyser.analyze(lemma):
            if analysis.get("CLASS") not in FI_CLASSES or analysis.get("BASEFORM", "").lower() != lemma:
                continue
            structure = analysis.get("STRUCTURE", "")
            letters = structure.replace("=", "")
            if len(letters) != len(lemma):
                continue
            pieces, position = [], 0
            for chunk in structure.split("=")[1:]:
                pieces.append(lemma[position:position + len(chunk)])
                position += len(chunk)
            parts.update(piece for piece in pieces if _plain(piece))
    return parts


def _sv_parts() -> set[str]:
    """Swedish parts: simplemma's Swedish lemmas that inflect (abbreviations and
    interjections do not); a short one needs a full paradigm ("by": byn, byar, byarna)."""
    return {lemma for lemma, forms in inverted("sv").items()
            if _plain(lemma) and len(forms) >= (MIN_FORMS_SHORT if len(lemma) <= 4 else 2)}


def reduce(words: set[str], lang: str) -> list[str]:
    """The words, without those that split into shorter ones kept (shortest first)."""
    kept: set[str] = set()
    splitter = Splitter({lang: kept})
    for word in sorted(words, key=lambda w: (len(w), w)):
        if not splitter.splits(word, lang):
            kept.add(word)
    return sorted(kept)


SUFFIX_RE = re.compile(r"(?<![\w~*])\*([^\W\d_][\w'-]*)(?![\w*])(~[a-z]*)?")


def tails_in_rules(folder: Path) -> dict[str, set[str]]:
    """Every `*word` and `*lemma~` in the rule files: the tail -> the lemmas it stands for
    (the lemma itself for `*lemma~`, the word for `*word`)."""
    found: dict[str, set[str]] = {}
    for path in sorted(folder.rglob("*.yaml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("#"):
                continue
            for m in SUFFIX_RE.finditer(line):
                found.setdefault(m.group(1).lower(), set()).add(m.group(2) or "")
    return found


def _boundary_at(word: str, cut: int) -> bool | None:
    """Whether Voikko reads a Finnish word as a compound with a boundary at `cut` in every
    reading: not when one reading is another word ("vyöryssä": vyöry + -ssä, beside vyö +
    ryssä; "lumivyöryssä": lumi + vyöry + -ssä); None when it does not know the word."""
    analyses = voikko().analyze(word)
    if not analyses:
        return None
    readings = []
    for analysis in analyses:
        position, cuts = 0, set()
        for ch in analysis.get("STRUCTURE", ""):
            if ch == "=":
                cuts.add(position)
            else:
                position += 1
        readings.append(cuts - {0})
    return all(cut in cuts for cuts in readings)


def false_compounds(tails: dict[str, set[str]], forms: dict[str, dict[str, tuple[str, ...]]]) -> list[str]:
    """Dictionary words that end in a tail after a head that splits into known words, yet
    are no compound of that tail by their analysis: "head tail", one a line."""
    by_form: dict[str, set[str]] = {}          # a form a tail matches -> the lemmas it means
    for tail, marks in tails.items():
        if "" in marks:
            by_form.setdefault(tail, set()).add(tail)
        if any(mark.startswith("~") for mark in marks) and tail in forms:
            for form in forms[tail].get("all", ()):
                by_form.setdefault(form, set()).add(tail)
    lengths = sorted({len(form) for form in by_form})
    shortest = min((len(form) for form in by_form), default=1)
    endings = {form[-shortest:] for form in by_form}     # a quick test before the full one
    splitter, found, real_ones = Splitter(), set(), set()
    for lang in ("fi", "sv"):
        dictionary = _lemma_of(lang)
        for word, lemma in dictionary.items():
            if word[-shortest:] not in endings:
                continue
            n = len(word)
            for size in lengths:
                if n - size < MIN_PART:
                    break
                meant = by_form.get(word[n - size:])
                if not meant or not splitter.splits(word[:n - size], lang):
                    continue
                tail = word[n - size:]
                targets = tuple(meant | {dictionary.get(m, m) for m in meant} | {tail})
                real = _boundary_at(word, n - size) if lang == "fi" else None
                if real is None:
                    real = lemma.endswith(targets)
                (real_ones if real else found).add(f"{word[:n - size]} {tail}")
    return sorted(found - real_ones)      # a compound in one language is one


def endings(tails: dict[str, set[str]]) -> list[str]:
    """The `*tail` patterns that are no word of any language but an ending ("*ilija" of
    virkailija, "*ttaja"): they match as plain word endings, with no compound analysis."""
    words = set().union(*(_lemma_of(lang) for lang in ("fi", "sv", "en")))
    return sorted(tail for tail, marks in tails.items() if "" in marks and tail.isalpha()
                  and tail not in words and tail not in load_parts("fi") and tail not in load_parts("sv"))


def _lemma_of(lang: str) -> dict[str, str]:
    """Every plain lower-case form of a language's dictionary -> its lemma."""
    out: dict[str, str] = {}
    for form, lemma in dictionary(lang).items():
        word = form.decode("utf-8")
        if word.isalpha() and word.islower():
            out[word] = lemma.decode("utf-8").lower()
    return out


def render(lang: str) -> str:
    words = _fi_parts() if lang == "fi" else _sv_parts()
    return "\n".join(reduce(words, lang)) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a committed table is stale")
    args = parser.parse_args(argv)
    status = 0
    for lang, path in TABLES.items():
        text = render(lang)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                print(f"{path} is stale: run python -m checker.compoundgen", file=sys.stderr)
                status = 1
        else:
            path.write_text(text, encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
