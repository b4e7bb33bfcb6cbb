// The textarea mirror's geometry: the padding box inside the scrollbar, the padding, the
// wrapping styles and the scroll position, exactly as the textarea has them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { COPIED, mirrorStyle, textareaRects } from "../src/content/mirror.js";

const cs = {
  fontFamily: "Arial", fontSize: "14px", lineHeight: "18px", letterSpacing: "normal",
  paddingTop: "8px", paddingRight: "12px", paddingBottom: "8px", paddingLeft: "10px",
  borderTopWidth: "1px", borderLeftWidth: "3px", borderRightWidth: "1px", borderBottomWidth: "1px",
  whiteSpace: "pre-wrap", wordBreak: "break-word", overflowWrap: "anywhere", textAlign: "left",
  width: "308px",
};

test("the mirror takes the client width (inside the scrollbar), not the border box", () => {
  // A 308 px wide textarea with 3+1 px borders and a 15 px scrollbar: 289 px of padding box.
  const s = mirrorStyle(cs, { left: 100, top: 50, width: 308, height: 120 }, { clientWidth: 289, clientHeight: 118 });
  assert.equal(s.width, "289px");
  assert.equal(s.height, "118px");
  assert.equal(s.left, "103px");        // inside the left border
  assert.equal(s.top, "51px");          // inside the top border
  assert.equal(s.boxSizing, "border-box");
  assert.equal(s.border, "0");
});

test("the mirror wraps as the textarea does: padding, white-space, word-break, overflow-wrap", () => {
  const s = mirrorStyle(cs, { left: 0, top: 0 }, { clientWidth: 200, clientHeight: 100 });
  for (const p of ["paddingTop", "paddingRight", "paddingBottom", "paddingLeft", "whiteSpace", "wordBreak", "overflowWrap", "fontFamily", "fontSize", "lineHeight"]) {
    assert.equal(s[p], cs[p], p);
    assert.ok(COPIED.includes(p), p);
  }
  assert.equal(s.width, "200px");
});

test("white-space normal would collapse spaces: the mirror keeps pre-wrap", () => {
  const s = mirrorStyle(Object.assign({}, cs, { whiteSpace: "normal" }), { left: 0, top: 0 }, { clientWidth: 10, clientHeight: 10 });
  assert.equal(s.whiteSpace, "pre-wrap");
  const pre = mirrorStyle(Object.assign({}, cs, { whiteSpace: "pre" }), { left: 0, top: 0 }, { clientWidth: 10, clientHeight: 10 });
  assert.equal(pre.whiteSpace, "pre");
});

test("the mirror's text is the textarea's, shifted by the scroll position, the finding in its own span", () => {
  const dom = new JSDOM("<!doctype html><body><textarea></textarea><div id=m></div></body>");
  const { document } = dom.window;
  globalThis.getComputedStyle = dom.window.getComputedStyle;
  const ta = document.querySelector("textarea");
  const text = "Kesä tulee taas\nToinen rivi, damn";
  ta.value = text;
  Object.defineProperty(ta, "scrollTop", { value: 40 });
  Object.defineProperty(ta, "scrollLeft", { value: 0 });
  Object.defineProperty(ta, "clientWidth", { value: 289 });
  Object.defineProperty(ta, "clientHeight", { value: 100 });
  const mirror = document.getElementById("m");
  const start = text.indexOf("damn");
  textareaRects(ta, text, start, start + 4, mirror);
  const inner = mirror.firstChild;
  assert.equal(inner.style.transform, "translate(0px, -40px)");
  assert.equal(inner.textContent, text + "\u200b");
  assert.equal(inner.querySelector("span").textContent, "damn");
  assert.equal(mirror.style.width, "289px");
  // Drawn again: the mirror holds only the newest text (nothing piles up).
  textareaRects(ta, text, 0, 4, mirror);
  assert.equal(mirror.childNodes.length, 1);
  assert.equal(mirror.querySelector("span").textContent, "Kesä");
});
