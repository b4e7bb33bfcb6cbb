"""`parallel` (bilingual.facts-differ, bilingual.short-version): the Finnish and Swedish
versions of an official post say the same. Every kind of fact, in both directions."""

from __future__ import annotations

import pytest

from checker.engine import check
from checker.kinds.facts import read
from checker.body import parse_check

FI = "Tervetuloa kaupungintalolle kuulemaan uudesta asemakaavasta {}, kaikki ovat tervetulleita."
SV = "Välkommen till stadshuset för att höra om den nya detaljplanen {}, alla är välkomna."
FACTS = "bilingual.facts-differ"

# (fact, Finnish, the same in Swedish, something else in Swedish)
CASES = [
    ("date", "15.12.", "15.12", "16.12"),
    ("date with a month name", "15. joulukuuta", "den 15 december", "den 16 december"),
    ("date with a year", "15.12.2026", "15.12.2026", "15.12.2027"),
    ("time", "klo 18", "kl. 18", "kl. 19"),
    ("time range", "klo 10–14", "kl. 10-14", "kl. 10-15"),
    ("weekday", "tiistaina", "på tisdag", "på onsdag"),
    ("number", "ja paikkoja on 50", "och det finns 50 platser", "och det finns 40 platser"),
    ("price", "hintaan 12,50 €", "för 12,50 euro", "för 15 €"),
    ("phone", "puh. 040 123 4567", "tfn +358 40 123 4567", "tfn 040 765 4321"),
    ("email", "info@example.fi", "INFO@example.fi", "kultur@example.fi"),
    ("url", "www.example.com/kaava", "https://example.com/kaava", "example.com/plan"),
    ("hashtag", "#kaava2026", "#kaava2026", "#kaava2027"),
    ("place", "Tulliniemessä", "i Tullnäs", "i Lappvik"),
    ("place of two words", "Itäsatamassa", "i Östra hamnen", "i Västra hamnen"),
]


def findings(pack, text: str, rule: str = FACTS, **fields) -> list[dict]:
    body = {"text": text, "account": "official", "locale": "en", **fields}
    result = check(pack, parse_check(body, default_role="staff", locale="en"))
    return [f for f in result["findings"] if f["rule"] == rule]


def post(fi: str, sv: str) -> str:
    return FI.format(fi) + "\n\n" + SV.format(sv)


@pytest.mark.parametrize("fact, fi, same, other", CASES, ids=[c[0] for c in CASES])
def test_the_same_fact_in_both_versions_passes(pack, fact, fi, same, other):
    assert findings(pack, post(fi, same)) == []


@pytest.mark.parametrize("fact, fi, same, other", CASES, ids=[c[0] for c in CASES])
def test_a_different_fact_is_marked_on_both_spots(pack, fact, fi, same, other):
    text = post(fi, other)
    found = findings(pack, text)
    assert len(found) == 2, found
    fi_spot, sv_spot = found
    assert fi_spot["start"] < len(FI.format(fi)) < sv_spot["start"]
    assert fi_spot["severity"] == "warn" and fi_spot["category"] == "bilingual"
    assert fi_spot["message"] == sv_spot["message"]
    assert fi_spot["message"].startswith(f"The Swedish version says {sv_spot['excerpt'].rstrip('.')}, "
                                         f"the Finnish {fi_spot['excerpt'].rstrip('.')}.")
    assert fi_spot["excerpt"] in fi and sv_spot["excerpt"] in other


@pytest.mark.parametrize("fact, fi, same, other", CASES, ids=[c[0] for c in CASES])
def test_a_fact_only_in_the_finnish_version(pack, fact, fi, same, other):
    found = findings(pack, post(fi, "pian"))
    assert len(found) == (2 if fact == "time range" else 1), found
    assert all(f["excerpt"] in fi for f in found)
    assert found[0]["message"].startswith("The Finnish version has ")
    assert "the Swedish version does not" in found[0]["message"]


@pytest.mark.parametrize("fact, fi, same, other", CASES, ids=[c[0] for c in CASES])
def test_a_fact_only_in_the_swedish_version(pack, fact, fi, same, other):
    found = findings(pack, post("pian", other))
    assert len(found) == (2 if fact == "time range" else 1), found
    assert all(f["excerpt"] in other for f in found)
    assert found[0]["message"].startswith("The Swedish version has ")


def test_the_message_names_both_values_in_every_locale(pack):
    text = post("15.12.", "14.12")
    messages = {loc: findings(pack, text, locale=loc)[0]["message"] for loc in ("fi", "sv", "en")}
    assert messages["en"].startswith("The Swedish version says 14.12, the Finnish 15.12.")
    assert "14.12" in messages["sv"] and "15.12" in messages["sv"] and "svenska" in messages["sv"]
    assert "14.12" in messages["fi"] and "15.12" in messages["fi"] and "Ruotsinkielisessä" in messages["fi"]


def test_offsets_are_utf16(pack):
    text = "🎉 " + post("15.12.", "14.12")
    found = findings(pack, text)
    units = text.encode("utf-16-le")
    for f in found:
        assert units[2 * f["start"]:2 * f["end"]].decode("utf-16-le") == f["excerpt"]


def test_hashtags_and_links_alone_on_a_line_are_shared(pack):
    text = post("15.12.", "15.12") + "\n\n#hanko #hangö hanko.fi"
    assert findings(pack, text) == []


def test_a_hashtag_that_is_a_place_name_matches_the_other_name(pack):
    assert findings(pack, post("#hanko", "#hangö")) == []
    assert findings(pack, post("Hangossa", "#hangö")) == []


def test_the_organizations_two_domains_stand_for_each_other(pack):
    assert findings(pack, post("hanko.fi/kaavoitus", "www.hango.fi/planlaggning")) == []
    assert findings(pack, post("kirjaamo@hanko.fi", "registratur@hango.fi")) == []


def test_only_official_posts_with_both_versions_are_compared(pack):
    assert findings(pack, post("15.12.", "14.12"), account="personal") == []
    assert findings(pack, post("15.12.", "14.12"), context="comment") == []
    assert findings(pack, FI.format("15.12.")) == []


def test_a_repeated_fact_is_reported_once(pack):
    text = FI.format("15.12.") + " Muista 15.12.!\n\n" + SV.format("14.12")
    assert len(findings(pack, text)) == 2


# --- a much shorter version ------------------------------------------------------------------

LONG_FI = ("Kaupungintalo on suljettu huomenna huoltotöiden vuoksi. Asiakaspalvelu toimii "
           "puhelimitse ja sähköpostitse normaalisti, ja verkkoasiointi on auki koko ajan. "
           "Palvelemme taas torstaina tavalliseen aikaan.")
LONG_SV = ("Stadshuset är stängt i morgon på grund av underhållsarbeten. Kundtjänsten fungerar "
           "per telefon och e-post som vanligt, och e-tjänsterna är öppna hela tiden. "
           "Vi betjänar igen på torsdag som vanligt.")


@pytest.mark.parametrize("fi, sv, short", [
    (LONG_FI, "Stadshuset är stängt i morgon.", "sv"),
    ("Kaupungintalo on suljettu huomenna.", LONG_SV, "fi"),
])
def test_a_much_shorter_version_gets_an_info_on_it(pack, fi, sv, short):
    text = fi + "\n\n" + sv
    found = findings(pack, text, rule="bilingual.short-version")
    assert len(found) == 1
    assert found[0]["severity"] == "info"
    assert found[0]["excerpt"] == (sv if short == "sv" else fi)


def test_versions_of_like_length_get_no_info(pack):
    assert findings(pack, LONG_FI + "\n\n" + LONG_SV, rule="bilingual.short-version") == []


# --- reading facts ---------------------------------------------------------------------------

def test_read_values():
    text = "Ti 15.12. klo 10.30–12, hinta 5 €, 1 000 hengelle, info@x.fi, www.x.fi/a/, #tag"
    facts = {(f.type, str(f.value)) for f in read(text, 0, len(text), "fi")}
    assert ("weekday", "1") in facts
    assert ("date", "(15, 12, None)") in facts
    assert ("time", "10:30") in facts and ("time", "12:00") in facts
    assert ("price", "5") in facts
    assert ("number", "1E+3") in facts
    assert ("email", "info@x.fi") in facts
    assert ("url", "x.fi/a") in facts
    assert ("hashtag", "tag") in facts
    assert not any(t == "number" and v in ("15", "12", "10") for t, v in facts)


def test_short_weekdays_are_read_only_in_their_own_language():
    text = "Paikkoja on 50, to 18"
    assert [f.value for f in read(text, 0, len(text), "fi") if f.type == "weekday"] == [3]
    text = "Platserna on 50"
    assert [f.value for f in read(text, 0, len(text), "sv") if f.type == "weekday"] == [2]
    assert [f.type for f in read("Paikkoja on 50", 0, 14, "fi")] == ["number"]


# --- a pack's own parallel rules: every mistake refused with its line ----------------------------

PARALLEL_RULE = """\
rules:
  - id: bilingual.own
    category: bilingual
    severity: warn
    guideline: G6
    kind: parallel
    compare: facts
    places:
      ekenäs: {fi: [Ekenäs*], sv: [Tammisaar*]}
    differ: {fi: "ruotsiksi {sv}, suomeksi {fi}", sv: "på svenska {sv}, på finska {fi}", en: "Swedish {sv}, Finnish {fi}"}
    only_fi: {fi: "vain suomeksi {fi}", sv: "bara på finska {fi}", en: "only Finnish {fi}"}
    only_sv: {fi: "vain ruotsiksi {sv}", sv: "bara på svenska {sv}", en: "only Swedish {sv}"}
    message: {fi: Eri., sv: Olika., en: Different.}
    description: {fi: Eri., sv: Olika., en: Different.}
    examples:
      flag: ["Tervetuloa kaupungintalolle kuulemaan uudesta asemakaavasta 15.12., kaikki ovat tervetulleita.\\n\\nVälkommen till stadshuset för att höra om den nya detaljplanen 16.12, alla är välkomna."]
      pass: ["Hei"]
"""


def own_pack(tmp_path, rule: str):
    (tmp_path / "rules").mkdir(parents=True, exist_ok=True)
    (tmp_path / "pack.yaml").write_text('name: own\nversion: "1"\nguidelines:\n  G6:\n'
                                        '    title: {fi: Kaksikielisyys, sv: Tvåspråkighet, en: Both languages}\n'
                                        '    text: {fi: Molemmilla kielillä., sv: På båda språken., en: In both languages.}\n',
                                        encoding="utf-8")
    (tmp_path / "rules" / "b.yaml").write_text(rule, encoding="utf-8")
    return tmp_path


def test_a_pack_supplies_its_own_place_pairs_and_messages(tmp_path):
    from checker.pack import load_pack
    pack = load_pack([own_pack(tmp_path, PARALLEL_RULE)])
    found = findings(pack, post("Tammisaaressa", "i Ekenäs"), rule="bilingual.own")
    assert found == []
    found = findings(pack, post("15.12.", "16.12"), rule="bilingual.own")
    assert [f["message"] for f in found] == ["Swedish 16.12, Finnish 15.12"] * 2


@pytest.mark.parametrize("change, words", [
    (("compare: facts", "compare: words"), "'compare' has 'words'"),
    (("ekenäs: {fi: [Ekenäs*], sv: [Tammisaar*]}", "ekenäs: {fi: [Ekenäs*]}"), "in fi and sv"),
    (("ekenäs: {fi: [Ekenäs*], sv: [Tammisaar*]}", "ekenäs: {fi: [Ekenäs*], sv: [\"a*\"]}"), "at least 3 letters"),
    (('en: "Swedish {sv}, Finnish {fi}"', 'en: "Swedish {sv}"'), "must show {fi} and {sv}"),
    (('en: "only Swedish {sv}"', 'en: "only Swedish {place}"'), "may use only {sv}"),
    (("    only_sv: {", "    only_sw: {"), "unknown key 'only_sw'"),
    (("compare: facts", "compare: length\n    shorter_than: 2"), "'shorter_than' may be at most 1"),
    (("compare: facts", "compare: facts\n    home: hanko"), "'home' names one of the place pairs (ekenäs)"),
])
def test_mistakes_in_a_parallel_rule_are_refused_with_the_line(tmp_path, change, words):
    from checker.pack import PackError, load_pack
    with pytest.raises(PackError) as caught:
        load_pack([own_pack(tmp_path, PARALLEL_RULE.replace(*change))])
    message = str(caught.value)
    assert words in message and "b.yaml:" in message, message


def test_the_organizations_own_mailboxes_stand_for_one_another(pack):
    """satama@hanko.fi and hamnen@hango.fi are the harbour's two addresses, one per language."""
    assert findings(pack, post("satama@hanko.fi", "hamnen@hango.fi")) == []
    assert len(findings(pack, post("satama@hanko.fi", "hamnen@example.fi"))) == 2


def test_the_citys_own_name_is_not_a_compared_place(pack):
    text = ("Hangon kaupunki istuttaa puistoon kolme uutta lehmusta tiistaina.\n\n"
            "Vi planterar tre nya lindar i parken på tisdag.")
    assert findings(pack, text) == []


# --- one fact written differently in the two languages ------------------------------------------

# (fact, Finnish, the same written otherwise in Swedish, something else in Swedish)
WRITTEN_OTHERWISE = [
    ("hour as a number", "klo 18", "18", "19"),
    ("hour with minutes, no cue", "klo 18", "18.00", "18.30"),
    ("time range without a cue", "klo 10–14", "mellan 10 och 14", "mellan 10 och 15"),
    ("hour in words", "klo 18", "klockan sex", "klockan sju"),
    ("half hour in words", "klo 17.30", "halv sex", "halv sju"),
    ("number in words", "kaksi kertaa", "2 gånger", "3 gånger"),
    ("ordinal in words", "3. kerran", "för tredje gången", "för fjärde gången"),
    ("price in words", "5 €", "fem euro", "sex euro"),
    ("price with a dot", "1,50 €", "€1.50", "€2.50"),
    ("holiday by name", "jouluaattona", "24.12", "31.12"),
    ("date range with one month", "24.–26.12.", "24–26 december", "24–27 december"),
    ("short weekday range", "ma–pe", "måndag till fredag", "måndag till torsdag"),
    ("signed number", "-15 astetta", "−15 grader", "−20 grader"),
    ("business ID", "Y-tunnus 0135202-4", "FO-nummer 0135202-4", "FO-nummer 0135202-5"),
    ("a site's language pages", "luontopolut.fi/fi/reitit", "luontopolut.fi/sv/leder", "luontopolku.fi/sv/leder"),
]


@pytest.mark.parametrize("fact, fi, same, other", WRITTEN_OTHERWISE, ids=[c[0] for c in WRITTEN_OTHERWISE])
def test_a_fact_written_otherwise_is_the_same_fact(pack, fact, fi, same, other):
    assert findings(pack, post(fi, same)) == []
    assert findings(pack, SV.format(same) + "\n\n" + FI.format(fi)) == []      # the other order


@pytest.mark.parametrize("fact, fi, same, other", WRITTEN_OTHERWISE, ids=[c[0] for c in WRITTEN_OTHERWISE])
def test_a_different_fact_written_otherwise_is_still_found(pack, fact, fi, same, other):
    assert findings(pack, post(fi, other)), fact
    assert findings(pack, SV.format(other) + "\n\n" + FI.format(fi)), fact


@pytest.mark.parametrize("fi, sv", [
    ("Hankkeessa on mukana kaksi koulua", "I projektet deltar två skolor"),
    ("Hankkeessa on mukana 2 koulua", "I projektet deltar två skolor"),
    ("Hankkeessa on mukana kaksi koulua", "I projektet deltar 2 skolor"),
])
def test_numbers_in_words_and_digits_in_both_directions(pack, fi, sv):
    text = f"{fi}, ja kaikki ovat tervetulleita.\n\n{sv}, och alla är välkomna."
    assert findings(pack, text) == []


def test_hashtags_of_words_are_translated_labels(pack):
    assert findings(pack, post("#siivoustalkoot", "#städtalko")) == []
    assert findings(pack, post("#siivoustalkoot", "pian")) == []
    assert len(findings(pack, post("#talkoot2026", "#talko2025"))) == 2     # a number is compared


# --- versions on one line ------------------------------------------------------------------------

@pytest.mark.parametrize("between", [" / ", " | ", " // ", " 🇸🇪 ", " SV: ", " "])
def test_versions_on_one_line_are_compared(pack, between):
    fi, sv = FI.format("15.12."), SV.format("{}")
    assert findings(pack, fi + between + sv.format("15.12")) == []
    assert len(findings(pack, fi + between + sv.format("16.12"))) == 2


@pytest.mark.parametrize("text", [
    "Kaupungintalo on suljettu huomenna huoltotöiden vuoksi. / Stadshuset är stängt i morgon på grund av underhåll.",
    "🇫🇮 Kaupungintalo on suljettu huomenna huoltotöiden vuoksi. 🇸🇪 Stadshuset är stängt i morgon på grund av underhåll.",
    "Kaupungintalo on suljettu huomenna huoltotöiden vuoksi. Stadshuset är stängt i morgon på grund av underhåll.",
    "Kirjaston lehtilukusali remontoidaan tammikuussa. Bibliotekets tidningsläsesal renoveras under januari.",
    "Road works on Esplanadi continue into next week. Tietyöt Esplanadilla jatkuvat ensi viikolle. "
    "Vägarbetena på Esplanaden fortsätter in i nästa vecka.",
    "City hall is closed tomorrow for maintenance work all day long. / Kaupungintalo on suljettu huomenna. / Stadshuset är stängt i morgon.",
    LONG_FI + " " + LONG_FI + "\n\nStadshuset är stängt i morgon, vi betjänar på torsdag.",
])
def test_a_version_on_the_same_line_or_a_summary_is_no_missing_language(pack, text):
    for rule in ("bilingual.missing-swedish", "bilingual.missing-finnish"):
        assert findings(pack, text, rule=rule) == [], rule


@pytest.mark.parametrize("text, rule", [
    ("Kaupungintalo on suljettu huomenna huoltotöiden vuoksi. / Palvelemme taas torstaina tavalliseen aikaan.",
     "bilingual.missing-swedish"),
    ("Stadshuset är stängt i morgon på grund av underhåll. / Vi betjänar igen på torsdag som vanligt.",
     "bilingual.missing-finnish"),
    (LONG_FI + " Lisätietoja: Stockholm.", "bilingual.missing-swedish"),
])
def test_one_language_on_one_line_is_still_missing_the_other(pack, text, rule):
    assert len(findings(pack, text, rule=rule)) == 1


def test_versions_reads_parts_of_a_line():
    from checker.kinds.versions import versions
    from checker.text import Document
    doc = Document("Kirjasto on kiinni tänään koko päivän. / Biblioteket är stängt i dag hela dagen.")
    found = versions(doc, ("fi", "sv"))
    assert [doc.text[a:b] for a, b in found["fi"]] == ["Kirjasto on kiinni tänään koko päivän."]
    assert [doc.text[a:b] for a, b in found["sv"]] == ["Biblioteket är stängt i dag hela dagen."]
    doc = Document("Kirjasto on kiinni tänään koko päivän. Kahvitarjoilu. Biblioteket är stängt i dag hela dagen.")
    assert versions(doc, ("fi", "sv"))["sv"] == []               # line by line: one Finnish line
    fine = versions(doc, ("fi", "sv"), fine=True)
    assert [doc.text[a:b] for a, b in fine["fi"]] == ["Kirjasto on kiinni tänään koko päivän.", "Kahvitarjoilu."]
    assert [doc.text[a:b] for a, b in fine["sv"]] == ["Biblioteket är stängt i dag hela dagen."]


@pytest.mark.parametrize("fi, sv", [
    ("ma–pe 8–16", "vardagar 8–16"),
    ("arkisin 8–16", "mån–fre 8–16"),
    ("la–su 10–14", "under veckoslutet 10–14"),
    ("päivittäin 10–14", "mån–sön 10–14"),
])
def test_a_group_of_days_in_words_names_its_days(pack, fi, sv):
    assert findings(pack, post(fi, sv)) == []
    assert findings(pack, SV.format(sv) + "\n\n" + FI.format(fi)) == []
