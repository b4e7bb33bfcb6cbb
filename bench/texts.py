"""Realistic Finnish, Swedish and English posts of a given length, generated deterministically.

A post is built from paragraphs of two to four sentences, the way a city's social-media
team writes them: openings, services and their hours, events, road works, thanks and
replies to residents. Templates are filled from small word banks with a seeded
`random.Random`, so the same (language, size, findings, seed) always gives the same text.
"With findings" posts carry a few swear words and an accusation among the sentences, as a
heated comment would; "clean" posts carry nothing the bundled pack flags.
"""

from __future__ import annotations

import random

FACEBOOK_MAX = 63_206
SIZES = (280, 2_000, FACEBOOK_MAX)
LANGS = ("fi", "sv", "en")

PLACES = {
    "fi": ["kirjasto", "uimahalli", "kaupungintalo", "nuorisotalo", "museo", "terveysasema",
           "kulttuuritalo", "satama", "urheilukenttä", "päiväkoti Tähti", "Bulevardin puisto",
           "Kasinoranta", "Itäsatama", "Vapaudenpatsas", "torin kahvila"],
    "sv": ["biblioteket", "simhallen", "stadshuset", "ungdomsgården", "museet", "hälsostationen",
           "kulturhuset", "hamnen", "idrottsplanen", "daghemmet Stjärnan", "Boulevardparken",
           "Kasinostranden", "Östra hamnen", "Frihetsstatyn", "torgets kafé"],
    "en": ["the library", "the swimming hall", "the town hall", "the youth centre", "the museum",
           "the health centre", "the culture house", "the harbour", "the sports field",
           "the Star day-care centre", "Boulevard Park", "Casino Beach", "the East Harbour",
           "the Liberty Monument", "the market café"],
}
DAYS = {
    "fi": ["maanantaina", "tiistaina", "keskiviikkona", "torstaina", "perjantaina", "lauantaina",
           "sunnuntaina", "huomenna", "ensi viikolla", "tänään"],
    "sv": ["på måndag", "på tisdag", "på onsdag", "på torsdag", "på fredag", "på lördag",
           "på söndag", "i morgon", "nästa vecka", "i dag"],
    "en": ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
           "on Sunday", "tomorrow", "next week", "today"],
}
EVENTS = {
    "fi": ["satutunti", "konsertti", "kirpputori", "asukasilta", "kesäteatteri", "kalamarkkinat",
           "taidenäyttely", "lasten liikuntapäivä", "siivoustalkoot", "regatta"],
    "sv": ["sagostund", "konsert", "loppis", "invånarkväll", "sommarteater", "fiskmarknad",
           "konstutställning", "barnens idrottsdag", "städtalko", "regatta"],
    "en": ["story hour", "concert", "flea market", "residents' evening", "summer theatre",
           "fish market", "art exhibition", "children's sports day", "clean-up day", "regatta"],
}
STREETS = ["Esplanadi", "Vuorikatu", "Appelgrenintie", "Santalantie", "Satamakatu", "Raatihuoneentori"]

TEMPLATES = {
    "fi": [
        "{place} on avoinna {day} kello {h1}–{h2}.",
        "Tervetuloa mukaan, {event} järjestetään {day} ja se on kaikille maksuton.",
        "Kiitos kaikille, jotka osallistuivat eilen, teitä oli paikalla yli {n} henkeä!",
        "Huomio: {street} on suljettu liikenteeltä {day} tietöiden vuoksi, kiertotie on merkitty.",
        "Lisätietoja saat kaupungin verkkosivuilta tai soittamalla neuvontaan arkisin.",
        "Muistathan, että {place} on suljettu juhlapyhinä, mutta verkkopalvelut toimivat normaalisti.",
        "Ilmoittautuminen päättyy {day}, ja paikkoja on rajoitetusti {n} henkilölle.",
        "Kaupunginvaltuusto käsittelee asiaa seuraavassa kokouksessaan, joka on avoin yleisölle.",
        "Kesän aukioloajat alkavat kesäkuun alussa, ja {place} palvelee silloin myös iltaisin.",
        "Kysyit hyvän kysymyksen, selvitämme asian ja vastaamme tähän viestiin mahdollisimman pian.",
        "Olemme saaneet palautetta {place}n siisteydestä ja lisäämme siivousta heti ensi viikosta.",
        "Bussivuoro numero {n2} kulkee poikkeusreittiä {street}n kautta koko viikonlopun.",
        "Hangon kesä on täynnä tapahtumia, ja {event} on yksi suosituimmista.",
        "Jaa tämä tieto myös naapurillesi, jolla ei ehkä ole sosiaalista mediaa.",
    ],
    "sv": [
        "{place} är öppet {day} klockan {h1}–{h2}.",
        "Välkommen med, {event} ordnas {day} och är avgiftsfri för alla.",
        "Tack till alla som deltog i går, ni var över {n} personer på plats!",
        "Observera: {street} är stängd för trafik {day} på grund av vägarbeten, omvägen är utmärkt.",
        "Mer information får du på stadens webbplats eller genom att ringa rådgivningen på vardagar.",
        "Kom ihåg att {place} är stängt under helgdagar, men webbtjänsterna fungerar som vanligt.",
        "Anmälan avslutas {day}, och det finns platser för högst {n} personer.",
        "Stadsfullmäktige behandlar ärendet på sitt nästa möte, som är öppet för allmänheten.",
        "Sommarens öppettider börjar i början av juni, och då har {place} också öppet på kvällarna.",
        "Du ställde en bra fråga, vi utreder saken och svarar på det här meddelandet så snart vi kan.",
        "Vi har fått respons om städningen vid {place} och ökar städningen redan från nästa vecka.",
        "Busslinje nummer {n2} kör en avvikande rutt via {street} hela veckoslutet.",
        "Sommaren i Hangö är full av evenemang, och {event} är ett av de populäraste.",
        "Dela gärna informationen med din granne som kanske inte har sociala medier.",
    ],
    "en": [
        "{place} is open {day} from {h1} to {h2}.",
        "Join us, the {event} takes place {day} and is free of charge for everyone.",
        "Thank you to everyone who took part yesterday, there were over {n} of you!",
        "Please note: {street} is closed to traffic {day} because of road works, the detour is signposted.",
        "You can find more information on the city's website or by calling the help desk on weekdays.",
        "Remember that {place} is closed on public holidays, but the online services work as usual.",
        "Registration closes {day}, and there are places for at most {n} people.",
        "The city council will discuss the matter at its next meeting, which is open to the public.",
        "Summer opening hours begin in early June, and {place} will then also be open in the evenings.",
        "You asked a good question, we will look into it and answer this message as soon as we can.",
        "We have received feedback about the cleanliness of {place} and will clean more often from next week.",
        "Bus line number {n2} runs on a diversion via {street} all weekend.",
        "Summer in Hanko is full of events, and the {event} is one of the most popular.",
        "Please share this with your neighbour, who may not be on social media.",
    ],
}
# Sentences a heated comment might contain: swear words (inflected, disguised) and an accusation.
HEATED = {
    "fi": ["Ihan vitun huono päätös taas kerran.", "Mikä paskaaaa tämä uusi kaavoitus on.",
           "Sinä valehtelet taas kaikille veronmaksajille.", "Perkele, bussi oli taas myöhässä."],
    "sv": ["Det här är ju skitdåligt, jävlar.", "Du ljuger om budgeten igen.",
           "Vilket jävla slöseri med skattepengar.", "Fan, bussen var sen igen."],
    "en": ["What the f.u.c.k is this decision.", "You are lying about the budget again.",
           "This plan is sh1t and everyone knows it.", "Damn, the bus was late again."],
}
FINDING_EVERY = 6   # about one heated sentence in six, in posts "with findings"


def _sentence(rng: random.Random, lang: str) -> str:
    template = rng.choice(TEMPLATES[lang])
    h1 = rng.randint(7, 12)
    return template.format(
        place=rng.choice(PLACES[lang]), day=rng.choice(DAYS[lang]), event=rng.choice(EVENTS[lang]),
        street=rng.choice(STREETS), h1=f"{h1}.00", h2=f"{h1 + rng.randint(4, 9)}.00",
        n=rng.randint(2, 40) * 10, n2=rng.randint(1, 9),
    )


def _capitalize(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def post(lang: str, size: int, findings: bool = False, seed: int = 0) -> str:
    """A post of exactly `size` characters in `lang`, built from whole sentences (the last cut)."""
    rng = random.Random(f"{lang}-{size}-{findings}-{seed}")
    paragraphs: list[str] = []
    length = 0
    count = 0
    while length < size:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            count += 1
            if findings and (count % FINDING_EVERY == 1):
                sentences.append(rng.choice(HEATED[lang]))
            else:
                sentences.append(_capitalize(_sentence(rng, lang)))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    text = "\n\n".join(paragraphs)[:size]
    return text[:-1] + "." if size > 1 and not text.endswith(".") else text


def edited(text: str, lang: str, seed: int = 0) -> str:
    """The same post with its last word replaced, as one pause in typing sends it."""
    words = {"fi": ["kirjastossa", "satamassa", "torilla"], "sv": ["biblioteket", "hamnen", "torget"],
             "en": ["library", "harbour", "square"]}[lang]
    head, _, last = text.rstrip(".").rpartition(" ")
    replacement = random.Random(seed).choice(words)
    if replacement == last:
        replacement += "kin" if lang == "fi" else "s"
    return f"{head} {replacement}."


def comments(count: int, size: int = 280, first: int = 0) -> list[str]:
    """`count` distinct comments of `size` characters, the three languages in turn, every
    other one heated: what an administrator's batch of loaded comments looks like.
    Comments `first` to `first + count` of one endless series, so batches never repeat."""
    return [post(LANGS[i % 3], size, findings=bool(i % 2), seed=1000 + i)
            for i in range(first, first + count)]
