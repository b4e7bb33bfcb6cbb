// Unit tests of the comment review's pure parts: pages, working hours, questions.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ownPage, parseEntry, parseList, isPageLink } from "../src/review/pages.js";
import { workingMinutes, windowMinutes } from "../src/review/hours.js";
import { isQuestion, waitingForAnswer } from "../src/review/questions.js";

test("page entries are read from URLs, handles and bare paths", () => {
  assert.deepEqual(parseEntry("facebook.com/HangonKaupunki"), { platform: "facebook", handle: "hangonkaupunki" });
  assert.deepEqual(parseEntry("https://www.facebook.com/hangonkaupunki/posts/123"), { platform: "facebook", handle: "hangonkaupunki" });
  assert.deepEqual(parseEntry("https://www.facebook.com/profile.php?id=1000642"), { platform: "facebook", handle: "id:1000642" });
  assert.deepEqual(parseEntry("instagram.com/hangostad/"), { platform: "instagram", handle: "hangostad" });
  assert.deepEqual(parseEntry("@HangoHanko"), { platform: "x", handle: "hangohanko" });
  assert.deepEqual(parseEntry("https://twitter.com/HangoHanko"), { platform: "x", handle: "hangohanko" });
  for (const bad of ["", "hello", "x.com/home", "facebook.com/groups/123", "example.com/hanko", "instagram.com/p/abc"]) {
    assert.equal(parseEntry(bad), null, bad);
  }
});

test("the open page is matched to the list by URL", () => {
  const pages = parseList(["facebook.com/hangonkaupunki", "instagram.com/hangostad", "x.com/HangoHanko", "nonsense"]);
  assert.equal(pages.length, 3);
  assert.ok(ownPage("https://www.facebook.com/hangonkaupunki/posts/pfbid0abc", pages));
  assert.ok(ownPage("https://www.facebook.com/HangonKaupunki", pages));
  assert.ok(ownPage("https://x.com/HangoHanko/status/1861", pages));
  assert.ok(ownPage("https://www.instagram.com/hangostad/p/C0de/", pages));
  assert.ok(ownPage("https://www.instagram.com/p/C0de/", pages, "/hangostad/"));
  assert.equal(ownPage("https://www.instagram.com/p/C0de/", pages, "/someone/"), null);
  assert.equal(ownPage("https://www.facebook.com/someoneelse/posts/1", pages), null);
  assert.equal(ownPage("https://x.com/HangoHankoFan/status/1", pages), null);
  assert.equal(ownPage("https://www.facebook.com/", pages), null);
  assert.equal(ownPage("https://example.com/hangonkaupunki", pages), null);
});

test("a link to the page itself is the page's own reply", () => {
  const [page] = parseList(["facebook.com/hangonkaupunki"]);
  const base = "https://www.facebook.com/hangonkaupunki/posts/1";
  assert.ok(isPageLink("/hangonkaupunki?comment_id=5", page, base));
  assert.ok(isPageLink("https://www.facebook.com/HangonKaupunki/", page, base));
  assert.ok(!isPageLink("/matti.virtanen.5", page, base));
  assert.ok(!isPageLink("", page, base));
});

const HOURS = { days: ["mon", "tue", "wed", "thu", "fri"], start: "08:00", end: "16:00", timezone: "Europe/Helsinki" };
const at = (s) => Date.parse(s);

test("working minutes count only weekdays 8-16 in Helsinki", () => {
  assert.equal(windowMinutes(HOURS), 480);
  // Tuesday 10:00 -> 15:00 Helsinki time (UTC+2 in November)
  assert.equal(workingMinutes(at("2026-11-24T08:00:00Z"), at("2026-11-24T13:00:00Z"), HOURS), 300);
  // Friday 15:00 -> Monday 09:00: one hour on Friday, one on Monday
  assert.equal(workingMinutes(at("2026-11-27T13:00:00Z"), at("2026-11-30T07:00:00Z"), HOURS), 120);
  // Saturday to Sunday: nothing
  assert.equal(workingMinutes(at("2026-11-28T08:00:00Z"), at("2026-11-29T20:00:00Z"), HOURS), 0);
  // a full week: five days of eight hours
  assert.equal(workingMinutes(at("2026-11-23T00:00:00Z"), at("2026-11-30T00:00:00Z"), HOURS), 5 * 480);
  // across the end of summer time (Sunday 25 October 2026): Friday 15:00 to Monday 09:00 local
  assert.equal(workingMinutes(at("2026-10-23T12:00:00Z"), at("2026-10-26T07:00:00Z"), HOURS), 120);
  assert.equal(workingMinutes(at("2026-11-24T13:00:00Z"), at("2026-11-24T08:00:00Z"), HOURS), 0);
});

test("questions in Finnish, Swedish and English", () => {
  for (const q of ["Milloin uimahalli aukeaa", "Onko kirjasto auki lauantaina", "Voisiko joku kertoa aukioloajat",
    "När öppnar simhallen igen", "Är biblioteket öppet på lördag", "When does the pool open again",
    "Aukeeko uimahalli huomenna?", "Kirjasto auki?"]) {
    assert.ok(isQuestion(q), q);
  }
  for (const s of ["Kiitos tiedosta!", "Tack för informationen.", "Great news, thanks", "Hieno juttu",
    "Lue lisää https://hanko.fi/?a=1", "Hanko on kaunis"]) {
    assert.ok(!isQuestion(s), s);
  }
});

test("waiting questions: unanswered, oldest and past the window first", () => {
  const now = at("2026-11-26T12:00:00Z");                   // Thursday 14:00 Helsinki
  const c = (id, text, extra = {}) => Object.assign({ id, text, isPage: false, parentId: null, time: null, order: 0 }, extra);
  const comments = [
    c("a", "Milloin uimahalli aukeaa?", { time: at("2026-11-24T08:00:00Z"), order: 0 }),          // Tue 10:00
    c("a1", "Uimahalli aukeaa maanantaina.", { isPage: true, parentId: "a", order: 1 }),
    c("b", "Onko kirjasto auki lauantaina?", { time: at("2026-11-25T08:00:00Z"), order: 2 }),     // Wed 10:00
    c("b1", "Samaa mietin minäkin?", { parentId: "b", order: 3 }),
    c("c", "När öppnar biblioteket?", { time: at("2026-11-26T10:00:00Z"), order: 4 }),           // Thu 12:00
    c("d", "Kiitos tiedosta!", { time: at("2026-11-20T08:00:00Z"), order: 5 }),
    c("e", "Mikä tämä on?", { order: 6 }),
  ];
  const list = waitingForAnswer(comments, now, HOURS);
  assert.deepEqual(list.map((w) => w.comment.id), ["b", "c", "e"]);
  assert.deepEqual(list.map((w) => w.minutes), [720, 120, null]);
  assert.deepEqual(list.map((w) => w.overdue), [true, false, false]);
});
