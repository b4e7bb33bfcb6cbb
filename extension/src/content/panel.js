// The findings panel of one composer, placed where it covers none of the site's controls, and the
// small badge it collapses into by the composer.
import { t } from "../i18n.js";
import { button, el, hostElement } from "./overlay.js";
import { descriptionOf, entryText, guidelineChip } from "./entry-view.js";
import { freeSpot, siteControls } from "./geometry.js";
import { rowsOf, verdictOf } from "./findings.js";

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
    // Placing measures the page's controls: only when what is shown changed, not on every keystroke.
    const shape = [this.collapsed, this.openWhy.size, this.openGuide.size, ...entries.map((e) => e.id)].join("|");
    if (shape !== this.shape) { this.shape = shape; this.place(); }
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
    const rows = rowsOf(this.entries);
    head.append(el("span", "sc-logo", "S"), el("span", "", t("panel_title", rows.length)), collapse);
    const list = el("ul", "sc-list");
    for (const { entry, count } of rows) list.appendChild(this.item(entry, count));
    panel.append(head, list);
  }

  item(entry, count) {
    const { id, finding: f } = entry;
    const li = el("li", "sc-item");
    Object.assign(li.dataset, { id, rule: f.rule, rules: entry.rules.join(" "), severity: f.severity, count });
    li.tabIndex = 0;
    li.appendChild(entryText(entry, count));
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
    this.badge.setAttribute("aria-label", t("panel_expand") + " (" + rowsOf(this.entries).length + ")");
    this.badge.append(el("span", "sc-logo", "S"), el("span", "", String(rowsOf(this.entries).length)));
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
      // border-box: the content height plus the borders
      const natural = Math.min((this.node.scrollHeight || 200) + this.node.offsetHeight - this.node.clientHeight, Math.round(viewport.bottom * 0.6));
      let spot = null, height = natural;
      for (const h of [natural, Math.min(natural, 200), MIN_HEIGHT]) {
        spot = freeSpot(scope, c, WIDTH, h, controls, viewport);
        if (spot) { height = h; break; }
      }
      if (!spot && !this.autoCollapsed) {
        // Nowhere free: fold into the badge. The user may still open it, and then it goes below.
        this.autoCollapsed = true;
        this.collapsed = true;
        this.render(this.composer, this.entries);
        return;
      }
      if (!spot) spot = { left: Math.max(4, Math.min(c.left, viewport.right - WIDTH - 4)), top: Math.min(c.bottom + 8, viewport.bottom - MIN_HEIGHT - 4) };
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
