"""Lexemes: the generated table is fresh, and every lexeme's forms, taken straight from the
morphological resources (not from the matcher's table), are found in sentence frames.

Needs the generator's resources (test extras simplemma and libvoikko, and Debian's
libvoikko1 + voikko-fi, installed by tests/e2e/setup.sh).
"""

from __future__ import annotations

from datetime import datetime

import libvoikko
import yaml
import pytest
from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

from checker import compoundgen, lexemegen
from checker.engine import check
from checker.kinds.base import Request
from checker.lexicon import CLITICS, FORMS, Lexicon, PatternError
from tests.unit.packfiles import make_pack, refusal

NOW = datetime.fromisoformat("2026-11-28T12:00:00+02:00")


def test_the_committed_table_is_what_the_generator_makes_now() -> None:
    assert lexemegen.main(["--check"]) == 0, "run: python -m checker.lexemegen"


def test_the_committed_compound_parts_are_what_the_generator_makes_now() -> None:
    assert compoundgen.main(["--check"]) == 0, "run: python -m checker.compoundgen"


def test_every_lexeme_of_the_pack_has_forms() -> None:
    names = lexemegen.lexemes_in_rules()
    assert names and set(names) == set(FORMS)
    assert all(FORMS[name].get("all") for name in names)


@pytest.fixture(scope="module")
def resource_forms_by_lang() -> dict[str, dict[str, set[str]]]:
    """lang -> lemma -> its forms as simplemma's dictionary of that language lists them."""
    wanted = set(FORMS)
    by_lang: dict[str, dict[str, set[str]]] = {}
    for lang in ("fi", "sv", "en"):
        forms: dict[str, set[str]] = {}
        for form, lemma in _load_dictionary_from_disk(lang).items():
            name = lemma.decode().lower()
            if name in wanted:
                forms.setdefault(name, {name}).add(form.decode().lower())
        by_lang[lang] = forms
    return by_lang


@pytest.fixture(scope="module")
def resource_forms(resource_forms_by_lang) -> dict[str, set[str]]:
    """lemma -> its forms in the fi, sv and en dictionaries together."""
    forms: dict[str, set[str]] = {name: set() for name in FORMS}
    for by_lemma in resource_forms_by_lang.values():
        for name, words in by_lemma.items():
            forms[name] |= words
    return forms


def lexicon_of(pattern: str) -> Lexicon:
    lexicon = Lexicon()
    lexicon.add(pattern, "hit")
    lexicon.freeze()
    return lexicon


# A first part every compound of the language may take: a Finnish noun, a Swedish noun with
# the linking -s. English writes compounds apart ("village idiot") or with a hyphen.
COMPOUND_HEADS = {"fi": ("kylä", "koiran"), "sv": ("stads", "flick"), "en": ()}


def test_paradigm_grid_every_form_in_the_resource_is_found(resource_forms_by_lang) -> None:
    missing = []
    for lang, by_lemma in resource_forms_by_lang.items():
        for lemma, forms in by_lemma.items():
            lexicon = lexicon_of(f"*{lemma}~")
            for form in forms:
                if not form.isalpha():
                    continue
                clitic = (form + "kin",) if lang == "fi" and len(form) >= 3 else ()
                compounds = tuple(head + form for head in COMPOUND_HEADS[lang])
                for word in (form, *clitic, *compounds):   # as it is, with a clitic, in a compound
                    if "hit" not in lexicon.keys_for(word):
                        missing.append((lang, lemma, word))
    assert not missing, missing[:20]


IMPERATIVE_FRAMES = ("{} ne kaikki!", "{} sen auton yöllä.", "Nyt {} niiden ikkunat.")


@pytest.fixture(scope="module")
def voikko():
    return libvoikko.Voikko("fi")


def finnish_forms(resource_forms, voikko, lemma: str, mood: str, person: str) -> list[str]:
    """Forms of a Finnish verb that Voikko itself reads in a mood and person, affirmative
    ("tapetaan"; "tapeta" is the form after "ei", and "älkää tappako" forbids)."""
    return sorted(form for form in resource_forms[lemma] if any(
        a.get("BASEFORM") == lemma and a.get("MOOD") == mood and a.get("PERSON") == person
        and a.get("NEGATIVE") != "true" for a in voikko.analyze(form)))


@pytest.mark.parametrize("lemma", ["murskata", "hajottaa", "tappaa", "puhkoa", "töhriä", "varastaa", "kivittää",
                                   "hakata", "viiltää", "naarmuttaa", "ryöstää", "hajotella"])
def test_finnish_calls_in_every_imperative_and_lets_form_are_incitement(pack, resource_forms, voikko, lemma) -> None:
    forms = (finnish_forms(resource_forms, voikko, lemma, "imperative", "2")
             + finnish_forms(resource_forms, voikko, lemma, "indicative", "4"))
    # The past passive is news; Voikko also reads some infinitives ("murskata") as passives.
    forms = [f for f in forms if not f.endswith("tiin") and f != lemma]
    assert forms, lemma
    for form in forms:
        for frame in IMPERATIVE_FRAMES:
            text = frame.format(form.capitalize() if frame.startswith("{}") else form)
            categories = {f["category"] for f in check(pack, Request(text, NOW))["findings"]}
            assert "incitement" in categories, text


@pytest.mark.parametrize("text", [
    "Murskaiskaa ne kyltit yöllä.",       # momentane sibling, unknown to both resources
    "Hajotelkaa niiden autot.",           # frequentative sibling
    "Murskataanpa ne kaikki!",            # "let's" with a clitic
    "Murskatkaas ne kyltit yöllä.",       # spoken softening -s
    "Hajottakaaki niiden autot.",         # spoken -ki for -kin
    "Joku vois hajotella sen kameran.",   # someone should + spoken conditional
    "Krossa rutorna i natt.",
    "Nån borde förstöra skyltarna.",
    "Smash their windows tonight.",
])
def test_derived_and_spoken_forms_are_incitement(pack, text) -> None:
    assert "incitement" in {f["category"] for f in check(pack, Request(text, NOW))["findings"]}


@pytest.mark.parametrize("text", [
    "Poliisi kertoi, että joku hajotti kameran viime yönä.",
    "Vanha silta murskattiin ja tilalle tulee uusi.",
    "Vi förstör inte naturen när vi vandrar.",
    "We beat them 3-1 yesterday, great game!",
    "Kukkosen kahvila avautuu taas maanantaina.",
    "Hajautettu järjestelmä toimii hyvin.",
    "Skjutsa barnen till skolan i morgon.",
    "Nån har snott min cykel vid stationen igen.",
])
def test_innocent_look_alikes_and_reports_pass(pack, text) -> None:
    assert not [f for f in check(pack, Request(text, NOW))["findings"] if f["category"] == "incitement"]


def test_a_compound_needs_a_first_part_that_splits_into_known_words() -> None:
    lexicon = lexicon_of("*paska~")
    for word in ("kusipaskaa", "koiranpaskaa", "kyläkusipaska", "ihmispaskaa", "rasvapaskaksi"):
        assert "hit" in lexicon.keys_for(word), word
    for word in ("xpaska", "prtpaska", "qwzpaskaa", "tsupaska"):   # no known word before the form
        assert "hit" not in lexicon.keys_for(word), word
    assert "hit" not in lexicon_of("paska~").keys_for("kusipaska")   # no * : no compounds
    # any verb's action noun in its compound form (-mis after a vowel) is a first part
    tilasto = lexicon_of("*tilasto~")
    for word in ("kiusaamistilastoja", "tekemistilasto", "juomistilastot"):
        assert "hit" in tilasto.keys_for(word), word
    for word in ("xamistilasto", "brrmistilasto", "krmistilasto"):   # too short, or no vowel before -mis
        assert "hit" not in tilasto.keys_for(word), word
    swedish = lexicon_of("*jävel~")
    for word in ("finnjävlar", "ryssjävlarna", "flickjävel", "kyrkojävel"):   # finne, ryss, flicka, kyrka
        assert "hit" in swedish.keys_for(word), word


def test_a_first_part_is_read_in_the_language_of_the_lemma() -> None:
    # "koiran" is Finnish, "jävel" Swedish: a Finnish head does not make a Swedish compound
    assert "hit" not in lexicon_of("*jävel~").keys_for("koiranjävel")
    # English glues no open compounds: "village-idiot" is two tokens, "villageidiot" nothing
    assert "hit" not in lexicon_of("*scum~").keys_for("townscum")


def test_a_word_the_analysis_reads_otherwise_is_no_compound() -> None:
    lexicon = lexicon_of("*ryssä")
    assert "hit" in lexicon.keys_for("kotiryssä")
    for word in ("vyöryssä", "lumivyöryssä", "äänivyöryssä"):   # vyöry + -ssä, not vyö + ryssä
        assert "hit" not in lexicon.keys_for(word), word


def test_a_head_the_pack_names_is_a_known_first_part() -> None:
    lexicon = Lexicon()
    lexicon.add("*paska~", "hit")
    lexicon.add_part("mamu*", "fi")
    lexicon.freeze()
    assert "hit" in lexicon.keys_for("mamupaskaa")
    assert "hit" not in lexicon_of("*paska~").keys_for("mamupaskaa")


def test_an_english_tail_joins_no_finnish_or_swedish_head() -> None:
    lexicon = Lexicon()
    lexicon.add("*vermin", ("insult", "phrase", "en"))
    lexicon.add("*bilen", ("accusation", "phrase", "sv"))
    lexicon.freeze()
    assert lexicon.keys_for("vermin") and not lexicon.keys_for("kylävermin")
    assert lexicon.keys_for("polisbilen") and not lexicon.keys_for("kyläbilen")   # a Finnish head


def test_a_tail_pattern_needs_known_words_before_it_too() -> None:
    lexicon = lexicon_of("*bilen")
    assert "hit" in lexicon.keys_for("bilen") and "hit" in lexicon.keys_for("polisbilen")
    assert "hit" not in lexicon.keys_for("xqbilen")
    assert "hit" in lexicon_of("*höjningen").keys_for("bränsleskattehöjningen")   # skatt + linking -e-


def test_clitics_are_read_off_finnish_forms() -> None:
    lexicon = lexicon_of("murskata~imp")
    for clitic in CLITICS:
        assert "hit" in lexicon.keys_for("murskatkaa" + clitic)
    assert "hit" not in lexicon_of("rikkoa~imp").keys_for("rikos")   # a crime, not "riko" + s
    assert "hit" not in lexicon.keys_for("murskattiin")       # a past passive is no imperative


def test_unknown_lexemes_and_tags_are_refused_with_the_way_out() -> None:
    with pytest.raises(PatternError, match="lexemegen"):
        Lexicon().add("tuntematonsana~", "x")
    with pytest.raises(PatternError, match="no forms tagged"):
        Lexicon().add("paska~imp", "x")      # a noun has no imperative
    with pytest.raises(PatternError, match="not a lexeme"):
        Lexicon().add("pas*ka~", "x")


# Innocent look-alikes: words of one language, or of another sense, that contain or resemble
# a swear word or slur. None may raise a profanity, hate, insult or incitement finding.
INNOCENT = [
    # English: birds, dishes, Latin honours, dog breeding, places and people
    "Bongasimme talitiaisen ja sinitiaisen, englanniksi great tit ja blue tit.",
    "A blue-footed booby and a European shag nested on the island.",
    "The woodcock and the peacock were seen near the cockatoo enclosure.",
    "A titmouse and a bittern at the bird station this morning.",
    "The pub serves faggots and peas and spotted dick on Thursdays.",
    "Shitake mushrooms are on the menu today.",
    "She graduated summa cum laude from the University of Helsinki.",
    "The dam and the sire are both champions; the bitch whelped six puppies.",
    "Scunthorpe and Penistone are towns in England.",
    "The class assassin game is popular with teenagers.",
    "Therapist appointments are available on Mondays.",
    "The Dickensian atmosphere of the Christmas market.",
    "The cock crowed at dawn and the hens followed him across the farm.",
    "A pair of tits nested in the birdbox by the library.",
    "The shag carpet in the old villa is from the seventies.",
    "We watched Mary Poppins with Dick Van Dyke at the film night.",
    "Hälsningar till min kusin i Hangö! Terveisiä serkulle Hankoon.",
    "Kustakin hakijasta pyydetään ansioluettelo, eikä kustakaan tietoa luovuteta.",
    "I den här fasen av projektet behöver vi fler frivilliga.",
    # Finnish: case endings on foreign names, and words that contain a swear word's letters
    "Kokous pidettiin Henryssä, ei Sherryssä.",
    "Vierailimme Ferryssä ja Kerryssä Irlannissa.",
    "Lumivyöryssä ei onneksi loukkaantunut ketään.",
    "Kivivyöryssä tie katkesi, ja vyöryssä kaatui puita.",
    "Dickensin romaani luettiin lukupiirissä.",
    "Essexin ja Sussexin kreivikunnat ovat Englannissa.",
    "Hancockin elokuva näytetään torstaina.",
    "Kukkosen perhe muutti Hankoon.",
    "Kusiaiset rakensivat keon polun viereen.",
    "Kivitunnelin remontti alkaa maanantaina.",
    "Runkoverkon kunnostus etenee suunnitellusti.",
    "Hän mulkoili meitä koko illan.",
    "Saatan tulla vasta iltapäivällä.",
    "Perseus ja Andromeda näkyvät syystaivaalla.",
    "Persoonallinen palvelu on kirjaston vahvuus.",
    "Ripaskaa tanssitaan Kasinolla.",
    "Vitus Bering löysi salmen.",
    "Mikael Niemen Populärmusik från Vittula esitetään teatterissa.",
    "Torakoita löytyi ravintolan keittiöstä, kertoi tarkastaja.",
    # Swedish
    "Facket kräver bättre villkor för personalen.",
    "Ge mig en puss och en kram.",
    "Katten gjorde kiss på mattan.",
    "I slutet av mötet röstade vi.",
    "Kocken lagade fisksoppa.",
    "Vi fiskade med en ryssja i viken.",
    "Vittnet berättade vad hon såg.",
    "Tiken fick sex valpar i går.",
    "Fittja ligger i Botkyrka.",
    "Horisonten var klar i kväll.",
    "Det fanns många fanor på torget.",
    "Han satte en prick på kartan.",
    "Vi ses i Vittangi på lördag.",
]


@pytest.mark.parametrize("text", INNOCENT)
def test_innocent_look_alike_words_pass(pack, text) -> None:
    rude = {"profanity", "hate", "insult", "incitement"}
    assert not [f for f in check(pack, Request(text, NOW))["findings"] if f["category"] in rude]


FRAMES = {
    "fi": ("Kuulin eilen kun joku sanoi {} ja sitten lähdettiin kotiin.", "{} sanoi naapuri taas aamulla."),
    "sv": ("Jag hörde i går att någon sa {} och sedan gick vi hem.", "{} sa grannen igen i morse."),
    "en": ("Yesterday I heard someone say {} and then we went home.", "{} said the neighbour again this morning."),
}


def term_lexemes() -> list[tuple[str, str, str, frozenset[str]]]:
    """(rule id, language, lemma, the words the rule excepts there) of every lexeme a
    `terms` rule of the pack lists."""
    found = []
    for path in sorted(lexemegen.RULES.rglob("*.yaml")):
        for rule in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("rules", []):
            if rule.get("kind") != "terms" or rule.get("links") == "only":
                continue
            for lang, items in (rule.get("terms") or {}).items():
                excepted = frozenset(str(word).lower() for one in {lang, "any"}
                                     for word in (rule.get("except") or {}).get(one, ()))
                for item in items:
                    match = lexemegen.LEXEME_RE.fullmatch(str(item).strip())
                    if match and " " not in str(item):
                        found.append((rule["id"], lang, match.group(1).lower(), excepted))
    return found


@pytest.mark.parametrize(("rule_id", "lang", "lemma", "excepted"), term_lexemes())
def test_paradigm_grid_in_sentence_frames(pack, resource_forms_by_lang, rule_id, lang, lemma, excepted) -> None:
    """Every form the resource of the rule's language lists (or of every language, for
    `any`), in sentence frames, is found by the rule, but for a word the rule excepts (a
    word of another language: Swedish "kusin" is no form of Finnish "kusi" to a reader)."""
    langs = ("fi", "sv", "en") if lang == "any" else (lang,)
    missing, tried = [], 0
    for one in langs:
        for form in sorted(resource_forms_by_lang[one].get(lemma, ())):
            if not form.isalpha() or form in excepted:
                continue
            tried += 1
            for frame in FRAMES[one]:
                text = frame.format(form.capitalize() if frame.startswith("{}") else form)
                if rule_id not in {f["rule"] for f in check(pack, Request(text, NOW))["findings"]}:
                    missing.append(text)
    assert tried, f"the {lang} resource lists no form of {lemma}"
    assert not missing, missing[:10]


def test_a_term_in_a_sentence_with_a_cue_of_its_other_sense_passes(pack) -> None:
    def rude(text: str) -> bool:
        return any(f["category"] == "profanity" for f in check(pack, Request(text, NOW))["findings"])
    assert not rude("Our bitch is ready for a stud this spring, pedigree papers in order.")
    assert rude("Our bitch is ready. Shut up, you bitch.")            # the cue is in the other sentence
    assert rude("Shut up, you bitch, nobody asked you.")


def test_a_sense_must_be_written_term_colon_words(tmp_path) -> None:
    make_pack(tmp_path, """\
  - id: profanity.x
    category: profanity
    severity: block
    guideline: G5
    kind: terms
    terms: {en: [bitch]}
    senses: {en: ["bitch stud"]}
    message: {sv: Svordom., fi: Kirosana., en: A swear word.}
    description: {sv: Inga svordomar., fi: Ei kirosanoja., en: No swear words.}
    examples: {flag: ["a bitch"], pass: ["a neck"]}
""")
    assert "term: word, word" in refusal(tmp_path)


def test_a_name_with_a_finnish_ending_is_no_compound() -> None:
    lexicon = Lexicon()
    lexicon.add("*ryssä", ("hate", "phrase", "fi"))
    lexicon.freeze()
    assert not lexicon.keys_for("hilaryssä")        # Hilary + -ssä, not hila + ryssä
    assert not lexicon.keys_for("henryssä")
    assert lexicon.keys_for("kyläryssä")            # a village word + the slur still is one


def test_a_tail_that_is_an_ending_matches_plainly() -> None:
    lexicon = Lexicon()
    lexicon.add("*ilija", ("privacy", "phrase", "fi"))      # virkailija: an agent ending, no word
    lexicon.freeze()
    assert lexicon.keys_for("virkailija") and lexicon.keys_for("kirjailija")


# Forms written from knowledge of the languages, not from any resource the generator reads:
# the slots simplemma's lists leave out (past tense, negative passive and imperative, 3rd
# infinitives, past participles, spoken -nu and -hään; Swedish definite and plural nouns
# and strong verbs; English -ing, irregular pasts and plurals).
PARADIGM_GRID = {
    "polttaa": "poltti polttivat polteta poltettu poltettiin polttako polttamaan polttamassa polttamasta "
               "polttamatta polttanut polttaneet polttanu polttaisi polttais polttanee poltetaan poltetaa",
    "tehdä": "teki tekivät tehty tehkö tekemään tekemässä tehnyt tehny tehdään tehään tehää tekis",
    "murskata": "murskasi murskasivat murskattu murskatko murskaamaan murskannut murskannu murskaavat",
    "varastaa": "varasti varastivat varastettu varastanut varastanu varastamaan varastamassa varastamatta",
    "tappaa": "tappoi tappoivat tapettu tappanut tappanu tappamaan tapetaan tapetaa tappako",
    "hakata": "hakkasi hakattu hakannut hakkaamaan hakattiin hakkaavat",
    "idiootti": "idiootteja idiooteille idiootiksi idioottina idiootit",
    "paska": "paskaa paskat paskoja paskasta paskaksi",
    "huora": "huoran huorat huoria huoraksi",
    "idiot": "idioten idioter idioterna idiots",
    "tönt": "tönten töntar töntarna",
    "skjuta": "sköt skjutit skjuten skjuter skjuts",
    "slå": "slog slogs slagit slår slagen",
    "förstöra": "förstörde förstört förstörd förstörs",
    "fitta": "fittan fittor fittorna",
    "jävel": "jäveln jävlar jävlarna",
    "burn": "burning burnt burned burns",
    "steal": "stole stolen stealing steals",
    "bully": "bullies bullied bullying",
    "kill": "killed killing kills",
}


@pytest.mark.parametrize("lemma", sorted(PARADIGM_GRID))
def test_paradigm_grid_of_slots_the_dictionaries_leave_out(lemma) -> None:
    lexicon = lexicon_of(f"{lemma}~")
    missing = [form for form in PARADIGM_GRID[lemma].split() if "hit" not in lexicon.keys_for(form)]
    assert not missing, missing


def test_negative_forms_are_no_call_to_act() -> None:
    imperative, lets = lexicon_of("polttaa~imp"), lexicon_of("polttaa~lets")
    assert all("hit" in imperative.keys_for(form) for form in ("polta", "polttakaa", "polttakaamme"))
    assert "hit" not in imperative.keys_for("polttako")      # "älkää polttako": don't burn
    assert "hit" in lets.keys_for("poltetaan") and "hit" in lets.keys_for("poltetaa")
    assert "hit" not in lets.keys_for("polteta")             # "ei polteta": it is not burnt
    assert "hit" in lexicon_of("polttaa~pass").keys_for("polteta")


def test_a_word_inside_a_persons_name_is_the_name_but_not_after_other_words(pack) -> None:
    def categories(text: str) -> set[str]:
        return {f["category"] for f in check(pack, Request(text, NOW))["findings"]}
    assert "hate" not in categories("Dick Van Dyke turns 100 this year.")
    assert "hate" in categories("You Stupid Dyke, go away.")           # no first name starts the run
    assert "hate" in categories("Stupid Dyke!")


@pytest.mark.parametrize(("text", "severity"), [
    ("Det var skitkallt i morse.", "warn"),          # mild oaths warn, in every language
    ("Satan i gatan, vad dyrt allt har blivit.", "info"),   # borderline and minced oaths only remind
    ("Voi hitsi, bussi meni jo.", "info"),
    ("Attans, biblioteket har stängt.", "info"),
    ("Han pissade på väggen.", "warn"),
    ("This crap is going nowhere.", "info"),
    ("What a load of bollocks.", "warn"),
    ("Piss off with your comments.", "warn"),
    ("Hitto, unohdin sateenvarjon.", "info"),
    ("Perkule, taas myöhässä.", "warn"),
    ("Vilket jävla väder.", "block"),                 # strong ones block
    ("Helvetin huono tie.", "block"),
    ("Satan vad dyrt.", "block"),
    ("This is shit.", "block"),
])
def test_severities_follow_the_strength_of_the_oath(pack, text, severity) -> None:
    found = {f["severity"] for f in check(pack, Request(text, NOW))["findings"] if f["category"] == "profanity"}
    assert found == {severity}, (text, found)
