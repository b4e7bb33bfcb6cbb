// The site adapters: which field a composer is, and which keys send from it (only those are guarded).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><body></body>", { url: "https://www.facebook.com/" });
globalThis.Element = dom.window.Element;
globalThis.location = dom.window.location;
const { document } = dom.window;
const { adapterFor, fieldOf, isSubmitKey } = await import("../src/content/sites/index.js");

function page(html, path = "/") {
  dom.reconfigure({ url: "https://example.test" + path });
  document.body.innerHTML = html;
}
const key = (k, mods = {}) => Object.assign({ key: k, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, isComposing: false, keyCode: 13 }, mods);
const field = (adapter, css) => fieldOf(adapter, document.querySelector(css)).field;

test("each platform of the vocabulary with an adapter gets it by host; other hosts the generic one", () => {
  assert.equal(adapterFor("www.facebook.com").id, "facebook");
  assert.equal(adapterFor("twitter.com").id, "x");
  assert.equal(adapterFor("www.instagram.com").id, "instagram");
  assert.equal(adapterFor("example.org").id, "other");
  const manifest = JSON.parse(readFileSync(new URL("../manifest.json", import.meta.url)));
  const matches = manifest.content_scripts[0].matches.join(" ");
  for (const host of ["www.facebook.com", "www.instagram.com", "x.com", "twitter.com"]) {
    assert.ok(adapterFor(host).hosts.includes(host));
    assert.ok(matches.includes(`https://${host}/*`), host);
  }
});

test("facebook: the post composer sends with its button or Ctrl+Enter; a comment box with Enter; Messenger is private", () => {
  const fb = adapterFor("www.facebook.com");
  page(`<form><div id=post contenteditable=true role=textbox data-lexical-editor=true aria-label="Mitä mietit?"></div></form>
    <div role=article><div id=comment contenteditable=true role=textbox aria-label="Skriv en kommentar …"></div></div>
    <div role=dialog aria-label="Messenger: Anna"><div id=chat contenteditable=true role=textbox aria-label="Meddelande"></div></div>`);
  const post = field(fb, "#post"), comment = field(fb, "#comment"), chat = field(fb, "#chat");
  assert.deepEqual([post.name, comment.name, chat.name], ["post", "comment", "dm"]);
  assert.ok(chat.direct && !post.direct && !comment.direct);
  assert.ok(!isSubmitKey(post, key("Enter")) && isSubmitKey(post, key("Enter", { ctrlKey: true })));
  assert.ok(isSubmitKey(comment, key("Enter")) && !isSubmitKey(comment, key("Enter", { shiftKey: true })));
  assert.ok(!isSubmitKey(comment, key("Enter", { isComposing: true })));      // IME: never
});

test("instagram: Enter in a caption textarea outside a form is a new line, never a submit", () => {
  const ig = adapterFor("www.instagram.com");
  page(`<div role=dialog><textarea id=caption aria-label="Kirjoita kuvateksti..."></textarea><div role=button>Jaa</div></div>
    <form><textarea id=comment aria-label="Lisää kommentti…"></textarea><button type=submit>Julkaise</button></form>`);
  const caption = field(ig, "#caption"), comment = field(ig, "#comment");
  assert.deepEqual([caption.name, comment.name], ["caption", "comment"]);
  for (const mods of [{}, { ctrlKey: true }, { shiftKey: true }]) assert.ok(!isSubmitKey(caption, key("Enter", mods)));
  assert.ok(isSubmitKey(comment, key("Enter")));
  page(`<div id=dm contenteditable=true role=textbox aria-label="Viesti..."></div>`, "/direct/t/1");
  assert.ok(field(ig, "#dm").direct);
});

test("x: posts send with Ctrl/Cmd+Enter, direct messages are private", () => {
  const x = adapterFor("x.com");
  page(`<div data-testid=primaryColumn><div id=post class=public-DraftEditor-content contenteditable=true data-testid=tweetTextarea_0 role=textbox></div></div>`, "/home");
  const post = field(x, "#post");
  assert.equal(post.name, "post");
  assert.ok(isSubmitKey(post, key("Enter", { metaKey: true })) && !isSubmitKey(post, key("Enter")));
  page(`<div id=dm class=public-DraftEditor-content contenteditable=true data-testid=dmComposerTextInput role=textbox></div>`, "/messages/1-2");
  assert.ok(field(x, "#dm").direct);
});
