// The comment review on the fixture threads of the browser tests, in jsdom: what each site reader
// reads, and what the controller lists for a fake checker. (Real Chromium: tests/e2e/test_e2e_review.py.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import { READERS, relativeAge } from "../src/review/threads.js";
import { CommentReview, reasons } from "../src/review/review.js";
import { setDictionary } from "../src/i18n.js";

// The English messages, as the extension loads them (guideline labels are read from here).
setDictionary(JSON.parse(readFileSync(new URL("../_locales/en/messages.json", import.meta.url), "utf8")));

const FIXTURES = new URL("../../tests/e2e/fixtures/", import.meta.url);

function page(site, url) {
  const html = readFileSync(new URL(`${site}/review/index.html`, FIXTURES), "utf8").replace(/<script[^>]*><\/script>/g, "");
  const dom = new JSDOM(html, { url, runScripts: "outside-only", pretendToBeVisual: true });
  dom.window.eval(readFileSync(new URL(`${site}/review/review.js`, FIXTURES), "utf8"));
  return dom.window;
}

test("relative ages as the sites write them", () => {
  assert.equal(relativeAge("3 t"), 3 * 3600e3);
  assert.equal(relativeAge("2 tim"), 2 * 3600e3);
  assert.equal(relativeAge("2 pv"), 2 * 86400e3);
  assert.equal(relativeAge("1 vk"), 7 * 86400e3);
  assert.equal(relativeAge("5 min"), 5 * 60e3);
  assert.equal(relativeAge("Tykkää"), null);
});

test("Facebook: comments and replies in page order, replies with their parent, the page's own replies", () => {
  const w = page("facebook", "https://www.facebook.com/hangonkaupunki/posts/pfbid02x?lang=sv");
  const reader = READERS.facebook;
  const post = reader.post(w.document);
  assert.equal(reader.authorHref(post), "/hangonkaupunki");
  const comments = reader.comments(post);
  assert.equal(comments.length, 10);
  assert.equal(comments[0].text, "Kiitos tiedosta, hienoa että uimahalli aukeaa taas!");
  const reply = comments.find((c) => c.text === "Olet idiootti jos et tajua miksi.");
  assert.equal(reply.parentEl, comments.find((c) => c.text === "Tää on ihan vitun typerä päätös.").el);
  assert.equal(reply.timeLabel, "3 tim");
  assert.equal(comments.filter((c) => c.authorHref === "/hangonkaupunki").length, 2);
  w.document.querySelector('[data-fixture="more"]').click();
  assert.equal(reader.comments(post).length, 14);
});

test("Instagram and X: the caption and the main post are told apart from the comments", () => {
  const ig = page("instagram", "https://www.instagram.com/p/C0de/");
  const igPost = READERS.instagram.post(ig.document);
  assert.equal(READERS.instagram.authorHref(igPost), "/hangostad/");
  const igComments = READERS.instagram.comments(igPost);
  assert.equal(igComments[0].authorHref, "/hangostad/");                     // the caption, by the page
  assert.ok(igComments.every((c) => typeof c.time === "number"));
  const x = page("x", "https://x.com/HangoHanko/status/1861");
  const xPost = READERS.x.post(x.document);
  assert.equal(READERS.x.authorHref(xPost), "/HangoHanko");
  assert.deepEqual(READERS.x.comments(xPost).map((c) => c.authorHref), ["/LiisaM", "/JariK", "/AnneL", "/TimoJ"]);
});

test("reasons: only what the guidelines say to remove, at warn or block, most severe first", () => {
  const f = (category, severity, rule, start = 0) => ({ category, severity, rule, start });
  assert.deepEqual(reasons({ findings: [f("privacy", "warn", "privacy.named-person"), f("profanity", "block", "profanity.strong", 5),
    f("plain_language", "warn", "plain_language.long"), f("insult", "info", "insult.mild")] }).map((x) => x.rule),
  ["profanity.strong", "privacy.named-person"]);
  assert.deepEqual(reasons(null), []);
});

test("the controller lists flagged comments once, sends only new ones, and nothing for a non-administrator", async () => {
  const w = page("facebook", "https://www.facebook.com/hangonkaupunki/posts/pfbid02x?lang=fi");
  globalThis.MutationObserver = w.MutationObserver;
  const sent = [];
  const send = async (msg) => {
    sent.push(msg.items.map((i) => i.text));
    return { ok: true, result: { response_hours: null, results: msg.items.map((i) => ({ findings: /vitun|idiootti/.test(i.text)
      ? [{ rule: "profanity.strong", category: "profanity", severity: "block", message: "kirosana", guideline: "G5", start: 0 }] : [] })) } };
  };
  let settings = { role: "admin", orgPages: ["facebook.com/hangonkaupunki"], locale: "fi", sites: ["facebook"] };
  const review = new CommentReview({ doc: w.document, platform: "facebook", settings: () => settings, send, t: (k, n) => `${k}:${n ?? ""}` });
  await review.update();
  const host = w.document.querySelector("somecheck-review");
  assert.equal(host.dataset.count, "2");
  assert.equal(sent.length, 1);
  assert.equal(sent[0].length, 8);                                   // the page's own replies are not sent
  w.document.querySelector('[data-fixture="more"]').click();
  await review.update();
  assert.equal(sent.length, 2);
  assert.deepEqual(sent[1], ["Hej, när öppnar simhallen igen?", "Ni är en jävla skam för hela staden.", "Tack för informationen!",
    "Soita minulle numeroon 040 123 4567 niin kerron lisää."]);
  settings = Object.assign({}, settings, { role: "staff" });
  await review.update();
  assert.equal(w.document.querySelector("somecheck-review"), null);
});
