// The text map: the text the checker sees and the way back from its offsets to DOM positions.
import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { fromEditable, position, range, read, offsetOf } from "../src/content/textmap.js";

const dom = new JSDOM("<!doctype html><body></body>");
const { document } = dom.window;
globalThis.Node = dom.window.Node;

function editor(html) {
  const el = document.createElement("div");
  el.setAttribute("contenteditable", "true");
  el.innerHTML = html;
  document.body.replaceChildren(el);
  return el;
}

test("Lexical rich text: paragraphs are separated by a blank line", () => {
  const map = fromEditable(editor('<p dir="ltr"><span data-lexical-text="true">Hei kaikki</span></p><p><span>Toinen</span></p>'));
  assert.equal(map.text, "Hei kaikki\n\nToinen");
  assert.deepEqual(map.segments.map((s) => [s.start, s.end]), [[0, 10], [12, 18]]);
});

test("Lexical plain text: <br> inside one paragraph is one new line, a trailing <br> none", () => {
  const map = fromEditable(editor("<p><span>rivi yksi</span><br><span>rivi kaksi</span><br></p>"));
  assert.equal(map.text, "rivi yksi\nrivi kaksi");
});

test("Draft.js blocks (divs) are separated by one new line", () => {
  const map = fromEditable(editor('<div data-contents="true"><div data-block="true"><div><span><span data-text="true">eka</span></span></div></div><div data-block="true"><div><span><span data-text="true">toka</span></span></div></div></div>'));
  assert.equal(map.text, "eka\ntoka");
});

test("parts the user does not write are left out (contenteditable=false, aria-hidden)", () => {
  const map = fromEditable(editor('<p>a<span contenteditable="false">@mention chip</span>b<span aria-hidden="true">x</span></p>'));
  assert.equal(map.text, "ab");
});

test("offsets are UTF-16 code units: an emoji counts two", () => {
  const el = editor("<p>Hei 😀 damn</p>");
  const map = fromEditable(el);
  const start = map.text.indexOf("damn");
  assert.equal(start, 7);
  const r = range(map, start, start + 4);
  assert.equal(r.toString(), "damn");
});

test("a range spans text nodes and block breaks", () => {
  const el = editor("<p><span>one </span><b>two</b></p><p>three</p>");
  const map = fromEditable(el);
  assert.equal(map.text, "one two\n\nthree");
  assert.equal(range(map, 4, 7).toString(), "two");
  assert.equal(range(map, 0, 14).toString(), "one twothree");   // Range.toString has no block breaks
  assert.equal(range(map, 9, 14).toString(), "three");
});

test("an offset inside a separator goes to the text before it, or after it with preferNext", () => {
  const map = fromEditable(editor("<p>ab</p><p>cd</p>"));
  const before = position(map, 3, false);
  assert.equal(before.node.data, "ab");
  assert.equal(before.offset, 2);
  const after = position(map, 3, true);
  assert.equal(after.node.data, "cd");
  assert.equal(after.offset, 0);
});

test("the way back: a DOM position gives its text offset", () => {
  const el = editor("<p>ab</p><p>cd</p>");
  const map = fromEditable(el);
  assert.equal(offsetOf(map, map.segments[1].node, 1), 5);
  assert.equal(offsetOf(map, document.body, 0), -1);
});

test("a textarea is read from its value, with no DOM segments", () => {
  const ta = document.createElement("textarea");
  ta.value = "Kesä tulee taas\nToinen rivi";
  const map = read(ta);
  assert.equal(map.kind, "textarea");
  assert.equal(map.text, "Kesä tulee taas\nToinen rivi");
  assert.equal(range(map, 0, 4), null);
});

test("an empty editor reads as empty text", () => {
  const map = fromEditable(editor("<p><br></p>"));
  assert.equal(map.text, "");
  assert.equal(position(map, 0), null);
});
