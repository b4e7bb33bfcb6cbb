// The card shown for a hovered mark, or for the mark the caret is in.
import { el, hostElement } from "./overlay.js";
import { descriptionOf, entryText, guidelineBox } from "./entry-view.js";
import { freeSpot, siteControls } from "./geometry.js";

export class Card {
  constructor(container) {
    this.container = container;
    this.node = null;
    this.id = null;
  }

  /** Show the entry's card by a mark's box (a viewport rect), covering none of the site's controls but the composer. */
  show(entry, rect, composer) {
    if (!this.node) {
      this.node = el("div", "sc-card");
      this.node.setAttribute("role", "tooltip");
      this.container.appendChild(this.node);
    }
    this.id = entry.id;
    const card = this.node;
    card.textContent = "";
    card.dataset.rule = entry.finding.rule;
    card.dataset.severity = entry.finding.severity;
    card.append(entryText(entry));
    if (entry.info.guideline.id) card.append(guidelineBox(entry));
    card.append(el("div", "sc-desc", descriptionOf(entry)));
    const de = document.documentElement;
    const viewport = { left: 0, top: 0, right: de.clientWidth, bottom: de.clientHeight };
    card.style.visibility = "hidden";
    const w = card.offsetWidth || 320, h = card.offsetHeight || 140;
    const c = composer.getBoundingClientRect();
    const isComposer = (o) => o.left === c.left && o.top === c.top && o.right === c.right && o.bottom === c.bottom;
    const controls = siteControls(document, hostElement()).filter((o) => !isComposer(o));
    card.style.visibility = "";
    const mark = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    const below = { left: Math.max(4, Math.min(rect.left, viewport.right - w - 4)), top: rect.bottom + 6 };
    const spot = freeSpot(mark, mark, w, h, controls, viewport, 6, below) ||
      (below.top + h > viewport.bottom ? { left: below.left, top: Math.max(4, rect.top - h - 6) } : below);
    card.style.left = spot.left + "px";
    card.style.top = spot.top + "px";
  }

  hide() {
    if (this.node) { this.node.remove(); this.node = null; }
    this.id = null;
  }

  dispose() { this.hide(); }
}
