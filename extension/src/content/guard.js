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

const selectorOf = (field) => [field.submitStable, field.submitLabelled].filter(Boolean).join(", ");

/**
 * The field's own submit control: the nearest one to the composer, searching outwards from it up
 * to the field's scope. A control known by a stable attribute wins; otherwise one labelled with a
 * submit word (Post, Julkaise, Publicera...).
 */
export function nearestControl(session) {
  const { field, composer } = session;
  const sel = selectorOf(field);
  if (!sel) return null;
  const scope = composer.closest(field.scope);
  const ok = (btn) => btn !== composer && !composer.contains(btn) &&
    ((field.submitStable && btn.matches(field.submitStable)) || isSubmitLabel(btn));
  for (let a = composer.parentElement; a; a = a.parentElement) {
    const stable = field.submitStable ? Array.from(a.querySelectorAll(field.submitStable)).find(ok) : null;
    if (stable) return stable;
    const labelled = Array.from(a.querySelectorAll(sel)).find(ok);
    if (labelled) return labelled;
    if (a === scope) break;
  }
  return null;
}

/** Is the event target the field's submit control? A stable one anywhere in the scope; a labelled one only when it is the nearest. */
export function submitControl(target, session) {
  if (!(target instanceof Element)) return null;
  const { field, composer } = session;
  const sel = selectorOf(field);
  if (!sel) return null;
  const btn = target.closest(sel);
  if (!btn || btn === composer || composer.contains(btn)) return null;
  const scope = composer.closest(field.scope);
  if (scope && !scope.contains(btn)) return null;
  if (field.submitStable && btn.matches(field.submitStable)) return btn;
  return isSubmitLabel(btn) && nearestControl(session) === btn ? btn : null;
}

/**
 * @param {() => (import("./session.js").ComposerSession|null)} activeSession
 * @param {() => boolean} isOff
 */
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
    if (!isSubmitKey(s.field, e)) return;          // a new line, or anything else: the site's own
    const init = { key: e.key, code: e.code, keyCode: 13, which: 13, bubbles: true, cancelable: true,
      ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: false, altKey: false };
    // A held key is sent by the field's own button when it has one; a synthetic key only if not.
    s.submit(e, () => {
      const btn = nearestControl(s);
      replay(() => (btn ? btn.click() : s.composer.dispatchEvent(new KeyboardEvent("keydown", init))));
    });
  }, true);
}
