// Guideline codes are shown in the reader's terms, from _locales (issue 15: "Ohjeen kohta 5").
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { guidelineLabel, setDictionary } from "../src/i18n.js";

const messages = (lang) => JSON.parse(readFileSync(new URL(`../_locales/${lang}/messages.json`, import.meta.url), "utf8"));

test("G, C and P codes become the point of the instructions, the checklist or the uses", () => {
  setDictionary(messages("fi"));
  assert.equal(guidelineLabel("G5"), "Ohjeen kohta 5");
  assert.equal(guidelineLabel("C4"), messages("fi").guideline_checklist.message.replace("$1", "4"));
  assert.equal(guidelineLabel("P3"), messages("fi").guideline_purpose.message.replace("$1", "3"));
  setDictionary(messages("sv"));
  assert.equal(guidelineLabel("G5"), "Anvisningarna, punkt 5");
});

test("another organization's code is shown as it is, inside the label", () => {
  setDictionary(messages("en"));
  assert.equal(guidelineLabel("SOME-2"), messages("en").guideline_label.message.replace("$1", "SOME-2"));
  assert.doesNotMatch(guidelineLabel("G5"), /G5/);
});
