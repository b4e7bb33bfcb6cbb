// Findings as people see them: one entry for the same words flagged for the same reason, each
// with its rule's description, suggestion and guideline from the response's `rules` map.
import { test } from "node:test";
import assert from "node:assert/strict";
import { dismissKey, entriesOf, infoOf, stillThere, verdictOf } from "../src/content/findings.js";

const f = (rule, category, severity, start, end, extra = {}) =>
  Object.assign({ rule, category, severity, start, end, excerpt: "x".repeat(end - start), message: rule + " message", guideline: "G5" }, extra);

const RULES = {
  "insult.addressed": { description: "Insults aimed at a person.", suggestion: "For example: say what you disagree with.",
    guideline: { id: "G5", title: "Respect", text: "Write about things, not about people." } },
  "insult.aimed": { description: "Names used as insults.", suggestion: null, guideline: { id: "G5", title: "Respect", text: "Write about things, not about people." } },
};

test("two rules flagging the same words for the same reason are one entry, the more severe shown", () => {
  const entries = entriesOf([f("insult.addressed", "insult", "warn", 4, 10), f("insult.aimed", "insult", "block", 4, 10)], RULES, {}, "en");
  assert.equal(entries.length, 1);
  assert.equal(entries[0].finding.rule, "insult.aimed");
  assert.deepEqual(entries[0].rules.sort(), ["insult.addressed", "insult.aimed"]);
});

test("overlapping words of one category merge; other categories or other words stay apart", () => {
  const entries = entriesOf([
    f("insult.addressed", "insult", "warn", 4, 10), f("insult.aimed", "insult", "warn", 8, 14),
    f("profanity.strong", "profanity", "block", 4, 10), f("insult.addressed", "insult", "warn", 20, 25),
  ], RULES, {}, "en");
  assert.deepEqual(entries.map((e) => [e.finding.category, e.finding.start, e.finding.end]),
    [["profanity", 4, 10], ["insult", 4, 14], ["insult", 20, 25]]);   // at one place, the more severe first
});

test("whole-post findings merge only with the same message", () => {
  const a = f("bilingual.swedish", "bilingual", "warn", 0, 0);
  const b = f("bilingual.other", "bilingual", "warn", 0, 0);
  assert.equal(entriesOf([a, b], {}, {}, "en").length, 2);
  assert.equal(entriesOf([a, Object.assign({}, a, { rule: "bilingual.copy" })], {}, {}, "en").length, 1);
});

test("description, suggestion and guideline title come from the response's rules map", () => {
  const info = infoOf(f("insult.addressed", "insult", "warn", 0, 3), RULES, {}, "fi");
  assert.equal(info.description, "Insults aimed at a person.");
  assert.equal(info.suggestion, "For example: say what you disagree with.");
  assert.deepEqual(info.guideline, { id: "G5", title: "Respect", text: "Write about things, not about people." });
});

test("an older checker: the finding's own fields and GET /v1/rules descriptions in the user's language", () => {
  const finding = f("profanity.strong", "profanity", "block", 0, 4, { suggestion: "Try a milder word." });
  const info = infoOf(finding, undefined, { "profanity.strong": { description: { fi: "Kirosanat", en: "Swear words" } } }, "fi");
  assert.equal(info.description, "Kirosanat");
  assert.equal(info.suggestion, "Try a milder word.");
  assert.deepEqual(info.guideline, { id: "G5", title: "", text: "" });
});

test("the verdict is the most severe entry", () => {
  assert.equal(verdictOf([]), "ok");
  const entries = entriesOf([f("a.b", "x", "info", 0, 1), f("c.d", "y", "block", 2, 3)], {}, {}, "en");
  assert.equal(verdictOf(entries), "block");
});

test("the panel shows the same words flagged by the same rule again as one row with a count", async () => {
  const { rowsOf } = await import("../src/content/findings.js");
  const entries = entriesOf([f("p.s", "profanity", "block", 0, 4, { excerpt: "damn" }), f("p.s", "profanity", "block", 10, 14, { excerpt: "Damn" }),
    f("p.s", "profanity", "block", 20, 28, { excerpt: "perkele!" }), f("b.w", "bilingual", "warn", 0, 0)], {}, {}, "en");
  const rows = rowsOf(entries);
  assert.deepEqual(rows.map((r) => [r.entry.finding.rule, r.entry.finding.excerpt, r.count]),
    [["p.s", "damn", 2], ["b.w", "", 1], ["p.s", "perkele!", 1]]);
});

test("a dismissal remembers the rule and the core words, so a mark widened to its sentence stays dismissed as the sentence grows", () => {
  const before = { start: 0, end: 18, excerpt: "Mikä pelle hän on", core: "pelle" };
  const after = { start: 0, end: 32, excerpt: "Mikä pelle hän on, sanon suoraan", core: "Pelle" };
  assert.equal(dismissKey("insult.aimed", before), dismissKey("insult.aimed", after));
  assert.notEqual(dismissKey("insult.aimed", before), dismissKey("insult.names", before));
  // An older checker sends no core: the excerpt is the words.
  assert.equal(dismissKey("insult.aimed", { excerpt: "Idiot" }), "insult.aimed|idiot");
});

test("a mark stays while its words are where they were; a long one is compared on the excerpt it came with", () => {
  const text = "Hej. " + "a".repeat(300) + " slut.";
  const long = { start: 5, end: 305, excerpt: "a".repeat(200) };
  assert.equal(stillThere(text, long), true);
  assert.equal(stillThere("Hej. " + "b".repeat(300), long), false);
  assert.equal(stillThere("Hej. " + "a".repeat(100), long), false);
  const short = { start: 0, end: 3, excerpt: "Hej" };
  assert.equal(stillThere(text, short), true);
  assert.equal(stillThere("Hei. ", short), false);
  assert.equal(stillThere("", { start: 0, end: 0, excerpt: "" }), true);
});
