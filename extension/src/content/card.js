// The card shown for a hovered mark, or for the mark the caret is in.
import { el } from "./overlay.js";
import { descriptionOf, entryText, guidelineBox } from "./entry-view.js";

export class Card {
  constructor(container) {
    this.container = container;
    this.node = null;
    this.id = null;
  }

  /** Show the entry's card by a mark's box (a viewport rect). */
  show(entry, rect) {
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
    const vh = document.documentElement.clientHeight;
    card.style.left = Math.max(4, rect.left) + "px";
    const h = card.offsetHeight || 140;
    const below = rect.bottom + 6;
    card.style.top = (below + h > vh ? Math.max(4, rect.top - h - 6) : below) + "px";
  }

  hide() {
    if (this.node) { this.node.remove(); this.node = null; }
    this.id = null;
  }

  dispose() { this.hide(); }
}
