// The submit guard's listeners: a press of the active composer's submit control, or of a key the
// site uses to send from that field (the adapter says which), goes to the composer's session.
// Keys the site does not use to send are never touched. Registered at document_start, capture phase.
import { isSubmitKey } from "./sites/index.js";
import { isSubmitLabel } from "./sites/common.js";

let bypass = false;

/** Run the site's own action with the guard stepped aside (a replayed click). */
export function replay(action) {
  bypass = true;
  try { action(); } finally { bypass = false; }
}

/** The field's submit control at an event target, or null. */
export function submitControl(target, session) {
  if (!(target instanceof Element)) return null;
  const { field, composer } = session;
  const sel = [field.submitStable, field.submitLabelled].filter(Boolean).join(", ");
  if (!sel) return null;
  const btn = target.closest(sel);
  if (!btn || btn === composer || composer.contains(btn)) return null;
  const scope = composer.closest(field.scope);
  if (scope && !scope.contains(btn)) return null;
  if (field.submitStable && btn.matches(field.submitStable)) return btn;
  return isSubmitLabel(btn) ? btn : null;
}

/** The field's own submit control near the composer (to send a held key's post by its button). */
function controlNear(session) {
  const scope = session.composer.closest(session.field.scope);
  if (!scope) return null;
  const sel = [session.field.submitStable, session.field.submitLabelled].filter(Boolean).join(", ");
  for (const btn of scope.querySelectorAll(sel)) {
    if (btn !== session.composer && !session.composer.contains(btn) && submitControl(btn, session) === btn) return btn;
  }
  return null;
}

/** @param {() => (import("./session.js").ComposerSession|null)} activeSession */
export function installGuard(activeSession, isOff) {
  window.addEventListener("click", (e) => {
    if (bypass || isOff()) return;
    const s = activeSession();
    if (!s || !s.composer.isConnected) return;
    const btn = submitControl(e.target, s);
    if (btn) s.submit(e, () => replay(() => btn.click()));
  }, true);

  window.addEventListener("keydown", (e) => {
    if (bypass || isOff()) return;
    const s = activeSession();
    if (!s || !(e.target === s.composer || s.composer.contains(e.target))) return;
    if (!isSubmitKey(s.field, e)) return;          // a new line, or anything else: the site's
    const init = { key: e.key, code: e.code, keyCode: 13, which: 13, bubbles: true, cancelable: true,
      ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: false, altKey: false };
    // A held key is sent by the field's own button when it has one; a synthetic key only if not.
    s.submit(e, () => {
      const btn = controlNear(s);
      replay(() => (btn ? btn.click() : s.composer.dispatchEvent(new KeyboardEvent("keydown", init))));
    });
  }, true);
}
