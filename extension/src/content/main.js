// The content script: find the composer being written in, give it a ComposerSession, and pass the
// page's events to it. All reads; the site's editor is never written to.
import { onStorageChanged } from "../platform.js";
import { isOwn, setState } from "./overlay.js";
import { fieldOf } from "./sites/index.js";
import { ComposerSession } from "./session.js";
import { installGuard } from "./guard.js";
import { directAllowed, disabled, enabled, loadSettings, runtime } from "./runtime.js";
import { startReview } from "../review/start.js";

/** @type {ComposerSession|null} */
let session = null;

function end() {
  if (session) { session.dispose(); session = null; }
}

function track(composer, field) {
  if (session && session.composer === composer) return;
  end();
  session = new ComposerSession(runtime.adapter, field, composer);
}

/** The composer at a node, if it is one this site's adapter checks (private messages only when allowed). */
function composerAt(node) {
  if (!(node instanceof Element) || isOwn(node)) return null;
  const hit = fieldOf(runtime.adapter, node);
  if (!hit) return null;
  if (hit.field.direct && !(runtime.settings ? directAllowed() : false)) return { skip: true };
  return hit;
}

// Focus starts a session; so does typing or clicking (a window without focus gets no focus events).
function onFocusish(e) {
  if (disabled()) return;
  const path = e.composedPath ? e.composedPath() : [e.target];
  const target = path[0] instanceof Element ? path[0] : e.target;
  if (session && (target === session.composer || session.composer.contains(target))) return;
  const hit = composerAt(target);
  if (hit && hit.skip) { end(); setState({ state: "private" }); return; }
  if (hit) track(hit.composer, hit.field);
  if (e.type === "focusin" && session) session.sendBadge();
}
for (const type of ["focusin", "beforeinput", "pointerdown"]) document.addEventListener(type, onFocusish, true);
document.addEventListener("compositionstart", () => session && session.setComposing(true), true);
document.addEventListener("compositionend", () => session && session.setComposing(false), true);
window.addEventListener("scroll", () => session && session.relayout(), { capture: true, passive: true });
window.addEventListener("resize", () => session && session.relayout(), { passive: true });
document.addEventListener("mousemove", (e) => {
  if (session && session.entries.length) session.hover(e.clientX, e.clientY);
}, { passive: true });
// Keyboard "focus" on a mark: the caret inside a marked word shows its card.
document.addEventListener("selectionchange", () => {
  if (session && session.entries.length) session.caret(document.getSelection());
});
document.addEventListener("visibilitychange", () => { if (!document.hidden && session) session.sendBadge(); });

// A composer removed from the page (the dialog closed after posting, an SPA navigation) takes its
// session with it: marks, panel, card and notice.
let sweep = 0;
new MutationObserver(() => {
  if (!session || sweep) return;
  sweep = requestAnimationFrame(() => {
    sweep = 0;
    if (session && !session.composer.isConnected) end();
  });
}).observe(document, { childList: true, subtree: true });

installGuard(() => session, disabled);

onStorageChanged(async () => {
  await loadSettings();
  if (!enabled()) { end(); setState({ state: "off" }); return; }
  if (session && session.field.direct && !directAllowed()) { end(); return; }
  if (session) { session.checkedText = null; session.check(); }
});

runtime.ready = loadSettings();
runtime.ready.then(() => startReview(runtime));
runtime.ready.then(() => {
  setState({ state: enabled() ? "idle" : "off", site: runtime.adapter.id });
  if (!enabled()) { end(); return; }
  if (session && session.field.direct && !directAllowed()) { end(); return; }
  const hit = document.activeElement && composerAt(document.activeElement);
  if (hit && !hit.skip) track(hit.composer, hit.field);
});
