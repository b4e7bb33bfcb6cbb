// The findings panel of one composer, placed where it covers none of the site's controls, and the
// small badge it collapses into by the composer.
import { t } from "../i18n.js";
import { button, el, hostElement } from "./overlay.js";
import { descriptionOf, entryText, guidelineChip } from "./entry-view.js";
import { freeSpot, siteControls } from "./geometry.js";
import { verdictOf } from "./findings.js";

const WIDTH = 300, MIN_HEIGHT = 110, BADGE_W = 64, BADGE_H = 24;

export class Panel {
  /**
   * @param {Element} container  the session's part of the overlay
   * @param {{scopeOf: () => Element, onDismiss: (id: string) => void, onActive: (id: string|null) => void}} hooks
   */
  constructor(container, hooks) {
    this.container = container;
    this.hooks = hooks;
    this.node = null;
    this.badge = null;
    this.entries = [];
    this.collapsed = false;     // the user's choice, for this composer
    this.openWhy = new Set();
    this.openGuide = new Set();
  }

  render(composer, entries) {
    this.composer = composer;
    this.entries = entries;
    if (!entries.length) { this.hide(); return; }
    if (this.collapsed) { this.removePanel(); this.renderBadge(); }
    else { this.removeBadge(); this.renderPanel(); }
    this.place();
  }

  renderPanel() {
    if (!this.node) {
      this.node = el("section", "sc-panel");
      this.node.setAttribute("role", "region");
      this.container.appendChild(this.node);
    }
    const panel = this.node;
    panel.setAttribute("aria-label", t("panel_label"));
    panel.textContent = "";
    const head = el("div", "sc-head");
    const collapse = button("sc-collapse", "–", t("panel_collapse"));
    collapse.setAttribute("aria-label", t("panel_collapse"));
    collapse.addEventListener("click", () => { this.collapsed = true; this.render(this.composer, this.entries); });
    head.append(el("span", "sc-logo", "S"), el("span", "", t("panel_title", this.entries.length)), collapse);
    const list = el("ul", "sc-list");
    for (const entry of this.entries) list.appendChild(this.item(entry));
    panel.append(head, list);
  }

  item(entry) {
    const { id, finding: f } = entry;
    const li = el("li", "sc-item");
    Object.assign(li.dataset, { id, rule: f.rule, rules: entry.rules.join(" "), severity: f.severity });
    li.tabIndex = 0;
    li.appendChild(entryText(entry));
    const meta = el("div", "sc-meta");
    li.appendChild(meta);
    const toggle = (set) => () => {
      if (set.has(id)) set.delete(id); else set.add(id);
      this.render(this.composer, this.entries);
    };
    const chip = guidelineChip(entry, li, this.openGuide.has(id), toggle(this.openGuide));
    const why = button("sc-link sc-why", t("why"));
    why.setAttribute("aria-expanded", this.openWhy.has(id) ? "true" : "false");
    why.addEventListener("click", toggle(this.openWhy));
    const dismiss = button("sc-dismiss", t("dismiss"), t("dismiss_title"));
    dismiss.addEventListener("click", () => this.hooks.onDismiss(id));
    if (chip) meta.append(chip);
    meta.append(why, dismiss);
    if (this.openWhy.has(id)) li.appendChild(el("div", "sc-desc", descriptionOf(entry)));
    li.addEventListener("mouseenter", () => this.hooks.onActive(id));
    li.addEventListener("mouseleave", () => this.hooks.onActive(null));
    li.addEventListener("focus", () => this.hooks.onActive(id));
    li.addEventListener("blur", () => this.hooks.onActive(null));
    return li;
  }

  renderBadge() {
    if (!this.badge) {
      this.badge = button("sc-badge");
      this.badge.addEventListener("click", () => { this.collapsed = false; this.render(this.composer, this.entries); });
      this.container.appendChild(this.badge);
    }
    this.badge.textContent = "";
    this.badge.dataset.severity = verdictOf(this.entries);
    this.badge.title = t("panel_expand");
    this.badge.setAttribute("aria-label", t("panel_expand") + " (" + this.entries.length + ")");
    this.badge.append(el("span", "sc-logo", "S"), el("span", "", String(this.entries.length)));
  }

  /** Put the panel (or badge) beside the composer where it covers no site control. */
  place() {
    const node = this.node || this.badge;
    if (!node || !this.composer) return;
    const c = this.composer.getBoundingClientRect();
    const scope = (this.hooks.scopeOf() || this.composer).getBoundingClientRect();
    const de = document.documentElement;
    const viewport = { left: 0, top: 0, right: de.clientWidth, bottom: de.clientHeight };
    // Our own boxes are not obstacles: hide them from the hit test while measuring.
    node.style.visibility = "hidden";
    const controls = siteControls(document, hostElement());
    node.style.visibility = "";
    if (this.node) {
      const natural = Math.min(this.node.scrollHeight || 200, Math.round(viewport.bottom * 0.6));
      let spot = null, height = natural;
      for (const h of [natural, Math.min(natural, 200), MIN_HEIGHT]) {
        spot = freeSpot(scope, c, WIDTH, h, controls, viewport);
        if (spot) { height = h; break; }
      }
      if (!spot) {
        // Nowhere free: fold into the badge (the user may still open it).
        if (!this.autoCollapsed) { this.autoCollapsed = true; this.collapsed = true; this.render(this.composer, this.entries); }
        return;
      }
      Object.assign(this.node.style, { left: spot.left + "px", top: spot.top + "px", maxHeight: height + "px" });
    } else {
      const spot = freeSpot(c, c, BADGE_W, BADGE_H, controls, viewport, 4) ||
        { left: Math.max(4, Math.min(c.right - BADGE_W, viewport.right - BADGE_W - 4)), top: Math.max(4, c.top - BADGE_H - 4) };
      Object.assign(this.badge.style, { left: spot.left + "px", top: spot.top + "px" });
    }
  }

  removePanel() { if (this.node) { this.node.remove(); this.node = null; } }
  removeBadge() { if (this.badge) { this.badge.remove(); this.badge = null; } }
  hide() { this.removePanel(); this.removeBadge(); }
  dispose() { this.hide(); }
}
