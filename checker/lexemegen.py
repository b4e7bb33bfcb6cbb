"""Generate `checker/langdata/lexeme_forms.json`: every form of every lexeme the bundled pack names.

Run:  python -m checker.lexemegen [--check]

Rules name lexemes (`murskata~`, `murskata~imp`, `*paska~`, see lexicon.py); the checker
looks their forms up in a committed table, so the runtime needs no morphological library
and gives the same answers on every platform. This module builds that table offline from
real resources:

- simplemma's dictionaries (fi, sv, en: inflected form -> lemma), inverted: the forms of
  each lemma as the resource lists them;
- LemmInflect's English tables: the -s, -ed and -ing forms and irregular pasts and plurals
  simplemma does not list;
- Voikko (libvoikko with the voikko-fi dictionary) for Finnish: the whole paradigm
  (every stem cut from a listed form, with every ending of the paradigm, kept when Voikko
  reads it as a form of the lemma: "murskasi", "polteta", "polttako", "polttamaan",
  "polttanut"); which forms are imperative, conditional, potential, passive or
  infinitive; and the forms of a lemma neither resource knows (a momentane "murskaista"
  or a frequentative "hajotella"), made by analogy with the known verb that shares the
  longest ending and confirmed by its analyses.

Grammar added on top, each a fact of the language rather than a list of words: the
Finnish 2nd person singular imperative (the 1sg present without its -n), spoken Finnish
short forms (conditional -isi -> -is, passive -aan -> -aa, -hdään -> -hään, past
participle -nut -> -nu), and the Swedish imperative
(the infinitive without -a when the present ends in -er). For Swedish, hunspell-sv's suffix
rules add the definite and plural forms simplemma lacks. Clitics (-kin, -han, -pa, ...)
are handled by the lexicon at lookup time.

It also writes `langdata/folded_collisions.txt` (foldgen.py): the spellings of the rules'
words and lexeme forms typed without ä, ö and å that are words of Finnish, Swedish or
English, which the lexicon does not read as the pattern ("saa" is no "sää"); the length keys
by which a word with a letter doubled or dropped is read (lengthgen.py); and
`langdata/false_compounds.txt`: the dictionary words that end in a rule's
`*tail` or `*lemma~` after known words, yet are no such compound ("vyö ryssä" is vyöryssä,
an avalanche's inessive; see compoundgen.false_compounds), and, each after a "-", the
`*tail` patterns that are an ending rather than a word ("-ilija"), matched plainly.

Needs (tests and this tool only, never the product): `pip install simplemma libvoikko lemminflect hunspell-sv wordfreq`
and the native Voikko with its Finnish dictionary (Debian: `apt-get install libvoikko1
voikko-fi`). `--check` exits 1 when the committed table differs from a fresh one.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from checker import foldgen, lengthgen
from checker.compoundgen import endings, false_compounds, tails_in_rules
from checker.morphology import analyses as _analyses
from checker.morphology import english_inflections as _english
from checker.morphology import inverted as _inverted
from checker.morphology import owners as _owner
from checker.morphology import swedish_forms as _swedish
from checker.morphology import swedish_word as _swedish_word

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"
TABLE = Path(__file__).resolve().parent / "langdata" / "lexeme_forms.json"
FALSE_COMPOUNDS = TABLE.with_name("false_compounds.txt")
FOLDED_COLLISIONS = TABLE.with_name("folded_collisions.txt")
LEXEME_RE = re.compile(r"(?<![\w~])\*?([^\W\d_][\w'-]*)~([a-z]*)")
LANGS = ("fi", "sv", "en")
TAGS = ("all", "imp", "lets", "cond", "pot", "inf", "pres", "pass")
LANG_KEY = "langs"       # not a tag: the languages whose resources gave the lemma forms
MIN_ANALOGY = 3          # letters of ending an unknown lemma must share with its model


def lexemes_in_rules(folder: Path = RULES) -> list[str]:
    """Every lemma named with `~` in the bundled rule files, sorted."""
    found: set[str] = set()
    for path in sorted(folder.rglob("*.yaml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith("#"):
                continue
            found.update(m.group(1).lower() for m in LEXEME_RE.finditer(line))
    return sorted(found)


def _knows(lemma: str) -> bool:
    """Whether Voikko reads the word as a lemma of its own (not a form of another word)."""
    return any(a.get("BASEFORM", "").lower() == lemma for a in _analyses(lemma))


def _fi_tags(form: str, lemma: str) -> set[str]:
    """The tags Voikko gives a Finnish form read as `lemma`."""
    tags = set()
    for a in _analyses(form):
        if a.get("BASEFORM", "").lower() != lemma:
            continue
        mood, person, number = a.get("MOOD"), a.get("PERSON"), a.get("NUMBER")
        negative = a.get("NEGATIVE") == "true"       # "(älkää) polttako", "(ei) polteta"
        if mood == "imperative" and not negative and (person == "2" or (person == "1" and number == "plural")):
            tags.add("imp")
        if mood == "imperative" and person == "1":
            tags.add("lets")
        if mood == "indicative" and person == "4" and a.get("TENSE") == "present_simple" and not negative:
            tags.add("lets")
        if person == "4":
            tags.add("pass")
        if mood == "conditional":
            tags.add("cond")
        if mood == "potential":
            tags.add("pot")
        if mood in ("A-infinitive", "MA-infinitive"):
            tags.add("inf")
    return tags


# The endings of the Finnish paradigm (back-vowel spelling; front-vowel words take ä, ö, y).
# Every known form with one of them cut off is a stem; every stem with every ending is a
# candidate, kept only when Voikko reads it as a form of the lemma. So the forms simplemma
# does not list are filled in from the ones it does: "murskasi" (past), "polttavat",
# "polteta" ("ei polteta"), "polttako" ("älkää polttako"), "polttamaan", "polttanut".
FI_VERB_ENDINGS = ("", "n", "t", "mme", "tte", "vat", "a", "i", "in", "it", "imme", "itte", "ivat",
                   "isi", "isin", "isit", "isimme", "isitte", "isivat", "kaa", "kaamme", "koon", "koot",
                   "ko", "nut", "neet", "nee", "nen", "net", "nemme", "nette", "nevat", "maan", "massa",
                   "masta", "matta", "malla", "man", "essa", "en", "kseen", "aan", "tiin", "tu", "taisiin",
                   "takoon", "tako", "taneen", "taessa")
FI_NOUN_ENDINGS = ("", "n", "a", "ta", "tta", "na", "ksi", "ssa", "sta", "an", "han", "hin", "lla", "lta",
                   "lle", "t", "en", "ten", "den", "iden", "tten", "ja", "ita", "ina", "iksi", "issa", "ista",
                   "iin", "ihin", "illa", "ilta", "ille", "itta", "ine", "in", "jen", "ien", "ja", "oja",
                   "ojen", "oihin", "oissa", "oista", "oilla", "oille", "oina", "oiksi", "ia", "ein")
FRONT = str.maketrans("aou", "äöy")
# Participles a verb's tenses are made of ("on polttanut", "ei poltettu"): their nominative.
PERFECT_PARTICIPLES = ("past_active", "past_passive")
BASES_RE = re.compile(r"\(([^)+][^)]*)\)")     # "+poltta(polttaa)+n+ut(+ut)" -> ["polttaa"]


def _front(lemma: str) -> bool:
    """Whether a Finnish word takes front-vowel endings (its last a/o/u/ä/ö/y decides)."""
    vowels = [ch for ch in lemma if ch in "aouäöy"]
    return not vowels or vowels[-1] in "äöy"


def _is_form_of(form: str, lemma: str, verb: bool) -> bool:
    """Whether Voikko reads `form` as an inflected form of `lemma`: a finite form or an
    infinitive of the verb, the nominative of its past participles, or a case form of the
    noun (without a possessive suffix)."""
    for a in _analyses(form):
        if any(a.get(key) for key in ("KYSYMYSLIITE", "FOCUS", "POSSESSIVE")):
            continue                 # clitics are read off at lookup time (lexicon.CLITICS)
        base = a.get("BASEFORM", "").lower()
        if verb:
            if base == lemma and a.get("MOOD") != "MINEN-infinitive":
                return True
            bases = BASES_RE.findall(a.get("WORDBASES", ""))
            if a.get("PARTICIPLE") in PERFECT_PARTICIPLES and a.get("SIJAMUOTO") == "nimento" \
                    and bases[:1] == [lemma]:
                return True
        elif base == lemma and a.get("CLASS") != "teonsana":
            return True
    return False


def _fi_paradigm(lemma: str, forms: tuple[str, ...]) -> set[str]:
    """The known forms and every stem + ending Voikko confirms as a form of the lemma."""
    verb = any(a.get("CLASS") == "teonsana" and a.get("BASEFORM", "").lower() == lemma
               for a in _analyses(lemma))
    endings = FI_VERB_ENDINGS if verb else FI_NOUN_ENDINGS
    if _front(lemma):
        endings = tuple(ending.translate(FRONT) for ending in endings)
    # Stems are cut at endings of two letters or more: "poltimme" - "imme", "poltetaan" - "aan".
    stems = {form[:len(form) - len(ending)] for form in forms for ending in endings
             if (not ending or len(ending) >= 2) and form.endswith(ending) and len(form) - len(ending) >= 2}
    found = set(forms)
    for stem in stems:
        for ending in endings:
            candidate = stem + ending
            if candidate not in found and _is_form_of(candidate, lemma, verb):
                found.add(candidate)
    return found


def _fi_known(lemma: str) -> dict[str, set[str]]:
    """Forms of a lemma the Finnish resources know, each with its tags; {} when unknown."""
    forms = _inverted("fi").get(lemma)
    if not forms:
        return {}
    if _knows(lemma):
        forms = tuple(sorted(_fi_paradigm(lemma, forms)))
    tagged = {form: _fi_tags(form, lemma) for form in forms}
    # 2nd person singular imperative: the 1st or 2nd person singular present without its
    # ending ("murskaan", "murskaat" -> "murskaa"); the infinitive is never a "let's" form.
    for form in forms:
        for person, ending in (("1", "n"), ("2", "t")):
            if form.endswith(ending) and any(
                    a.get("BASEFORM", "").lower() == lemma and a.get("PERSON") == person
                    and a.get("NUMBER") == "singular" and a.get("MOOD") == "indicative"
                    and a.get("TENSE") == "present_simple" for a in _analyses(form)):
                tagged.setdefault(form[:-1], set()).add("imp")
    tagged.get(lemma, set()).discard("lets")
    return tagged


def _fi_model(lemma: str) -> str | None:
    """The known lemma sharing the longest ending with an unknown one (ties: alphabetical)."""
    known = _inverted("fi")
    best, best_len = None, MIN_ANALOGY - 1
    for size in range(len(lemma) - 2, MIN_ANALOGY - 1, -1):
        tail = lemma[-size:]
        candidates = sorted(k for k in known if k.endswith(tail) and k != lemma and len(known[k]) >= 20)
        candidates = [k for k in candidates if _knows(k)]
        if candidates:
            best, best_len = candidates[0], size
            break
    return best if best_len >= MIN_ANALOGY else None


def _fi_forms(lemma: str) -> dict[str, set[str]]:
    tagged = _fi_known(lemma)
    unknown = not tagged and not any(lemma in _inverted(lang) for lang in ("sv", "en"))
    if unknown or (tagged and not _knows(lemma)):
        # Neither resource knows the lemma, or Voikko does not (so cannot tag its forms):
        # inflect it like the verb or noun Voikko knows that shares its longest ending.
        model = _fi_model(lemma)
        if model is None:
            return tagged
        shared = next(size for size in range(min(len(lemma), len(model)), 0, -1)
                      if lemma[-size:] == model[-size:])
        model_stem, stem = model[:len(model) - shared], lemma[:len(lemma) - shared]
        by_analogy = {stem + form[len(model_stem):]: tags
                      for form, tags in _fi_known(model).items() if form.startswith(model_stem)}
        tagged = {**{form: set() for form in tagged}, **by_analogy}
        tagged.get(lemma, set()).discard("lets")
    # Spoken short forms: conditional -isi -> -is ("murskais", "pitäis", "vois"), passive
    # -aan -> -aa ("murskataa", "mennää"), -hdään -> -hään ("tehään", "nähää"), and the past
    # participle -nut -> -nu ("polttanu", "ei se tehny mitään").
    for form, tags in list(tagged.items()):
        if "cond" in tags and form.endswith("isi"):
            tagged.setdefault(form[:-1], set()).update(tags)
        if "lets" in tags and "pass" in tags and form.endswith(("aan", "ään")):
            short = form[:-4] + form[-3:] if form.endswith(("hdaan", "hdään")) else form
            for spoken in {form[:-1], short, short[:-1]}:
                tagged.setdefault(spoken, set()).update(tags)
        if form.endswith(("nut", "nyt")) and form[:-2] + "eet" in tagged:
            tagged.setdefault(form[:-1], set()).update(tags)
    return tagged


def _sv_forms(lemma: str) -> dict[str, set[str]]:
    forms = _inverted("sv").get(lemma)
    if not forms:
        return {}
    # hunspell-sv's suffix rules fill in what simplemma does not list (the definite and plural
    # forms: "töntar", "gänget", "besluten", "slogs"). A doubled last letter is a form of the
    # lemma only when simplemma says so ("svinnet" is svinn's, not svin's).
    owner = _owner("sv")
    forms = {*forms, *(form for form in _swedish(lemma) if form.isalpha() and (
        owner.get(form) == lemma or not form.startswith(lemma + lemma[-1])))}
    # A strong verb's past participle in the singular beside its plural: "slagna" -> slagen,
    # slaget; "brutna" -> bruten (kept when hunspell-sv lists the word).
    if lemma.endswith(("a", "å")):
        forms |= {form[:-2] + ending for form in forms if form.endswith("na") and len(form) > 4
                  for ending in ("en", "et") if _swedish_word(form[:-2] + ending)}
    forms = tuple(sorted(forms))
    tagged: dict[str, set[str]] = {form: set() for form in forms}
    if lemma.endswith("a") and lemma + "r" not in forms and (
            lemma[:-1] + "er" in forms or lemma[:-1] in forms):  # skjuta: skjuter -> skjut; förstöra
        tagged.setdefault(lemma[:-1], set()).add("imp")
    elif lemma + "r" in forms or lemma[-1] in "eiouyåäö":      # krossa, sno, slå: as the infinitive
        tagged[lemma].add("imp")
    tagged[lemma].add("inf")                                      # a Swedish lemma is the infinitive
    if lemma[-1] in "eiouyåäö" or (lemma.endswith("a") and lemma[:-1] + "er" not in forms
                                   and lemma[:-1] not in forms):  # sno -> snor, slakta -> slaktar
        tagged.setdefault(lemma + "r", set())
        forms = (*forms, lemma + "r")
    for present in (lemma + "r", lemma[:-1] + "er", lemma[:-1] if lemma.endswith("ra") else ""):
        if present in forms:
            tagged[present].add("pres")
    for form in forms:
        if form.endswith("s") and form[:-1] in forms and form != lemma:
            tagged[form].add("pass")
    return tagged


def _en_forms(lemma: str) -> dict[str, set[str]]:
    """simplemma's forms of an English lemma and LemmInflect's (-s, -ed, -ing, irregular
    pasts and plurals: "stole", "stolen", "thieves", "bullies"); the past participle is
    tagged passive."""
    forms = _inverted("en").get(lemma)
    if not forms:
        return {}
    inflections = _english(lemma)
    tagged: dict[str, set[str]] = {form: set() for form in forms}
    for tag, words in inflections.items():
        for word in words:
            tagged.setdefault(word, set()).update({"pass"} if tag == "VBN" and word != lemma else set())
    tagged[lemma].update({"imp", "inf"})
    for form in forms:
        if form.endswith(("ed", "en")) and form != lemma:
            tagged[form].add("pass")
    return tagged


GENERATORS = {"fi": _fi_forms, "sv": _sv_forms, "en": _en_forms}


def generate(lemmas: list[str]) -> dict[str, dict[str, tuple[str, ...]]]:
    """lemma -> tag -> sorted forms (the union over the three languages' resources), and
    under "langs" the languages that gave forms (a compound's first part is read in them)."""
    table: dict[str, dict[str, tuple[str, ...]]] = {}
    for lemma in lemmas:
        by_tag: dict[str, set[str]] = defaultdict(set)
        for lang in LANGS:
            for form, tags in GENERATORS[lang](lemma).items():
                if not form or not form.replace("-", "").replace("'", "").isalpha():
                    continue
                by_tag["all"].add(form)
                by_tag[LANG_KEY].add(lang)
                for tag in tags:
                    by_tag[tag].add(form)
        table[lemma] = {tag: tuple(sorted(by_tag[tag])) for tag in (*TAGS, LANG_KEY) if by_tag.get(tag)}
    return table


def render(table: dict[str, dict[str, tuple[str, ...]]]) -> str:
    """The table as JSON, one line a lemma so that a diff shows which lexeme changed."""
    lines = [f"  {json.dumps(lemma, ensure_ascii=False)}: "
             f"{json.dumps({tag: list(forms) for tag, forms in table[lemma].items()}, ensure_ascii=False)}"
             for lemma in sorted(table)]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _false_compounds(table: dict[str, dict[str, tuple[str, ...]]]) -> str:
    """The words that end in a rule's tail but are no compound of it (compoundgen.py)."""
    tails = tails_in_rules(RULES)
    return "".join(line + "\n" for line in ["-" + ending for ending in endings(tails)] + false_compounds(tails, table))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed table is stale")
    args = parser.parse_args(argv)
    table = generate(lexemes_in_rules())
    outputs = {TABLE: render(table), FALSE_COMPOUNDS: _false_compounds(table),
               FOLDED_COLLISIONS: foldgen.render(table, RULES)}
    if args.check:
        stale = [path for path, text in outputs.items()
                 if (path.read_text(encoding="utf-8") if path.exists() else "") != text]
        for path in stale:
            print(f"{path} is stale: run python -m checker.lexemegen", file=sys.stderr)
        return 1 if stale or lengthgen.main(["--check"]) else 0
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
    # The length keys read the pack built with the new table: worked out in a new process.
    subprocess.run([sys.executable, "-m", "checker.lengthgen"], check=True)
    empty = [lemma for lemma, tags in table.items() if not tags]
    if empty:
        print("no forms found for: " + ", ".join(empty), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
