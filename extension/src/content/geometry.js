// Rectangles: where an element is really visible (clipped by every scrolling ancestor), which site
// controls may not be covered, and a free place for the extension's panel and notices.

/** @typedef {{left: number, top: number, right: number, bottom: number}} Box */

export function intersect(a, b) {
  const left = Math.max(a.left, b.left), top = Math.max(a.top, b.top);
  const right = Math.min(a.right, b.right), bottom = Math.min(a.bottom, b.bottom);
  return right - left >= 1 && bottom - top >= 1 ? { left, top, right, bottom } : null;
}

export const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const CLIPS = /(auto|scroll|hidden|clip|overlay)/;

/**
 * The part of the viewport where `el`'s content can be seen: its border box (plus `margin`),
 * clipped by each ancestor that clips its overflow (a scrolling dialog body, say) and the viewport.
 * @returns {Box|null} null when nothing of it is visible
 */
export function visibleBox(el, margin = 0) {
  const r = el.getBoundingClientRect();
  let box = { left: r.left - margin, top: r.top - margin, right: r.right + margin, bottom: r.bottom + margin };
  const view = el.ownerDocument.defaultView;
  for (let a = parentOf(el); a && box; a = parentOf(a)) {
    if (a === el.ownerDocument.documentElement || a === el.ownerDocument.body) continue;
    const cs = view.getComputedStyle(a);
    if (CLIPS.test(cs.overflowX + " " + cs.overflowY)) {
      const ar = a.getBoundingClientRect();
      const left = ar.left + a.clientLeft, top = ar.top + a.clientTop;
      box = intersect(box, { left, top, right: left + a.clientWidth, bottom: top + a.clientHeight });
    }
    if (cs.position === "fixed") break;
  }
  const de = el.ownerDocument.documentElement;
  return box && intersect(box, { left: 0, top: 0, right: de.clientWidth, bottom: de.clientHeight });
}

function parentOf(n) {
  if (n.parentElement) return n.parentElement;
  const root = n.getRootNode && n.getRootNode();
  return root && root.host ? root.host : null;   // out of a shadow root
}

/** What a person can click, type into or tab to. */
export const INTERACTIVE = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, label[for], ' +
  '[role="button"], [role="link"], [role="menuitem"], [role="tab"], [role="checkbox"], [role="radio"], [role="switch"], ' +
  '[role="textbox"], [role="combobox"], [role="searchbox"], [role="option"], [contenteditable=""], [contenteditable="true"], ' +
  '[tabindex]:not([tabindex="-1"])';
const MAX_CONTROLS = 1500;

/**
 * Boxes of the site's controls in the viewport that a pointer can reach now (or that only our
 * own overlay covers). `ownHost` is the extension's overlay element.
 * @returns {Box[]}
 */
export function siteControls(doc, ownHost) {
  const de = doc.documentElement;
  const vw = de.clientWidth, vh = de.clientHeight;
  const out = [];
  const all = doc.body ? doc.body.querySelectorAll(INTERACTIVE) : [];
  for (let i = 0; i < all.length && out.length < MAX_CONTROLS; i++) {
    const el = all[i];
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || r.right <= 0 || r.bottom <= 0 || r.left >= vw || r.top >= vh) continue;
    const x = Math.min(Math.max((r.left + r.right) / 2, 0), vw - 1), y = Math.min(Math.max((r.top + r.bottom) / 2, 0), vh - 1);
    const hit = doc.elementFromPoint(x, y);
    if (hit && (hit === ownHost || hit === el || el.contains(hit) || hit.contains(el))) {
      out.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    }
  }
  return out;
}

/**
 * The first candidate box of size w×h, nearest the anchor, that stays in the viewport and covers
 * none of `obstacles`. Candidates: beside the anchor (right, left), then below and above it, then
 * sliding down and up each side.
 * @param {Box} anchor   what the box belongs to (the composer's container)
 * @param {Box} keepOff  a box never to cover (the composer)
 * @param {{left: number, top: number}} [prefer]  the place to be nearest to (right of keepOff)
 * @returns {{left: number, top: number}|null}
 */
export function freeSpot(anchor, keepOff, w, h, obstacles, viewport, gap = 12, prefer = { left: keepOff.right + gap, top: keepOff.top }) {
  const fits = (left, top) => {
    const box = { left, top, right: left + w, bottom: top + h };
    if (left < 4 || top < 4 || box.right > viewport.right - 4 || box.bottom > viewport.bottom - 4) return false;
    if (overlaps(box, keepOff)) return false;
    for (const o of obstacles) if (overlaps(box, o)) return false;
    return true;
  };
  const xs = [anchor.right + gap, anchor.left - gap - w, keepOff.right + gap, keepOff.left - gap - w,
    Math.max(4, Math.min(keepOff.left, viewport.right - w - 4)), viewport.right - w - 8, 8];
  const ys = [keepOff.top, anchor.top, keepOff.bottom + gap, anchor.bottom + gap, keepOff.top - gap - h, anchor.top - gap - h];
  let best = null, bestCost = Infinity;
  const consider = (left, top) => {
    if (!fits(left, top)) return;
    // Nearest the composer, and outside its container when there is room.
    const cost = Math.hypot(left - prefer.left, top - prefer.top) +
      (overlaps({ left, top, right: left + w, bottom: top + h }, anchor) ? 10000 : 0);
    if (cost < bestCost) { best = { left, top }; bestCost = cost; }
  };
  for (const x of xs) for (const y of ys) consider(x, y);
  if (best) return best;
  for (const x of xs) {
    for (let dy = 16; dy < viewport.bottom; dy += 16) {
      consider(x, keepOff.top + dy);
      consider(x, keepOff.top - dy);
    }
  }
  return best;
}
