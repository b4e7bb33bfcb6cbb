// The marks of one composer: a box under each finding's words, clipped to what can be seen of the
// composer (every scrolling ancestor, not only the editor's own rectangle).
import { el } from "./overlay.js";
import { range } from "./textmap.js";
import { textareaRects } from "./mirror.js";
import { intersect, visibleBox } from "./geometry.js";

const hasHighlights = typeof CSS !== "undefined" && CSS.highlights && typeof Highlight === "function";
const SEVERITY_IDS = ["block", "warn", "info"];

export class Marks {
  constructor(container) {
    this.layer = el("div", "sc-marks");
    this.mirror = null;
    container.appendChild(this.layer);
  }

  /**
   * Draw the marks. items: [{id, finding}]; whole-post findings (end == start) get none.
   * @returns {number} the number of marks drawn
   */
  draw(composer, map, items) {
    this.layer.textContent = "";
    const ranges = { block: [], warn: [], info: [] };
    const useHl = hasHighlights && map.kind === "dom";
    const box = visibleBox(composer, 2);
    for (const { id, finding } of items) {
      if (finding.end <= finding.start) continue;
      let rects;
      if (map.kind === "dom") {
        const r = range(map, finding.start, finding.end);
        if (!r) continue;
        rects = Array.from(r.getClientRects());
        if (useHl && ranges[finding.severity]) ranges[finding.severity].push(r);
      } else {
        if (!this.mirror) { this.mirror = el("div", "sc-mirror"); this.layer.parentNode.appendChild(this.mirror); }
        rects = textareaRects(composer, map.text, finding.start, finding.end, this.mirror);
      }
      const mark = el("div", "sc-mark" + (useHl ? " sc-hl" : ""));
      Object.assign(mark.dataset, { id, rule: finding.rule, severity: finding.severity, start: finding.start, end: finding.end });
      for (const rect of rects) {
        if (rect.width < 1 || !box) continue;
        const c = intersect(rect, box);
        if (!c) continue;
        const b = el("div", "sc-box");
        Object.assign(b.style, { left: c.left + "px", top: c.top + "px", width: c.right - c.left + "px", height: c.bottom - c.top + "px" });
        mark.appendChild(b);
      }
      this.layer.appendChild(mark);
    }
    if (hasHighlights) {
      for (const s of SEVERITY_IDS) {
        const name = "somecheck-" + s;
        if (ranges[s].length) CSS.highlights.set(name, new Highlight(...ranges[s]));
        else CSS.highlights.delete(name);
      }
    }
    return this.layer.childElementCount;
  }

  /** The mark under a viewport point, or null. */
  at(x, y) {
    for (const mark of this.layer.children) {
      for (const b of mark.children) {
        const r = b.getBoundingClientRect();
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return mark;
      }
    }
    return null;
  }

  /** The first box of a mark, or null. */
  boxOf(id) {
    for (const mark of this.layer.children) if (mark.dataset.id === id && mark.firstChild) return mark.firstChild.getBoundingClientRect();
    return null;
  }

  setActive(id) {
    for (const mark of this.layer.children) mark.classList.toggle("sc-active", mark.dataset.id === id);
  }

  clear() {
    this.layer.textContent = "";
    if (hasHighlights) for (const s of SEVERITY_IDS) CSS.highlights.delete("somecheck-" + s);
  }

  dispose() {
    this.clear();
    this.layer.remove();
    if (this.mirror) this.mirror.remove();
  }
}
