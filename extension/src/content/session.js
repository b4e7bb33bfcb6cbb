// One composer being checked: it owns the observers, the marks, the panel, the card and the
// notice for that composer, holds a post while its check is pending, and `dispose()` removes all.
import { send } from "../platform.js";
import { t } from "../i18n.js";
import { el, root, setState } from "./overlay.js";
import { read, offsetOf } from "./textmap.js";
import { contextOf } from "./sites/index.js";
import { dismissKey, entriesOf, stillThere, verdictOf } from "./findings.js";
import { Marks } from "./marks.js";
import { Panel } from "./panel.js";
import { Card } from "./card.js";
import { Notice } from "./notice.js";
import { causeOf } from "../causes.js";
import { freeSpot, siteControls } from "./geometry.js";
import * as dialog from "./dialog.js";
import { enabled, locale, runtime } from "./runtime.js";

const DEBOUNCE_MS = 300;
// How long a post is held for its check: the first settings read of a browser session (~2.3 s)
// plus the checker's own time-out (4 s). Past it the post goes out and the notice says why.
export const HOLD_LIMIT_MS = 8000;

const stop = (e) => { e.preventDefault(); e.stopImmediatePropagation(); };

export class ComposerSession {
  /**
   * @param {import("./sites/common.js").Adapter} adapter
   * @param {import("./sites/common.js").Field} field
   * @param {HTMLElement} composer
   */
  constructor(adapter, field, composer) {
    this.adapter = adapter;
    this.field = field;
    this.composer = composer;
    this.container = el("div", "sc-session");
    root().appendChild(this.container);
    this.marks = new Marks(this.container);
    this.card = new Card(this.container);
    this.panel = new Panel(this.container, {
      scopeOf: () => this.scope(),
      onDismiss: (id) => this.dismiss(id),
      onActive: (id) => this.marks.setActive(id),
    });
    this.notice = new Notice(this.container, (node) => this.placeAside(node));
    this.findings = [];        // raw findings of the last answer still on their words
    this.entries = [];
    this.responseRules = {};
    this.checkedText = null;
    this.approvedText = null;
    this.status = "idle";      // idle | checking | ok | unreachable
    this.dismissed = new Set();
    this.seq = 0;
    this.checks = 0;
    this.hold = null;
    this.timer = 0;
    this.raf = 0;
    this.placeTimer = 0;
    this.composing = false;
    this.disposed = false;

    this.onEdit = this.onEdit.bind(this);
    this.relayout = this.relayout.bind(this);
    this.observer = new MutationObserver(this.onEdit);
    this.observer.observe(composer, { characterData: true, childList: true, subtree: true });
    this.resize = new ResizeObserver(this.relayout);
    this.resize.observe(composer);
    composer.addEventListener("input", this.onEdit);
    composer.addEventListener("scroll", this.relayout, { passive: true });
    this.onEdit();
  }

  scope() { return this.composer.closest(this.field.scope); }
  text() { return read(this.composer).text; }
  visible() { return this.entries.filter((e) => !e.rules.some((r) => this.dismissed.has(dismissKey(r, e.finding)))); }
  blocking() { return this.visible().filter((e) => e.finding.severity === "block"); }

  onEdit() {
    if (this.disposed) return;
    if (this.findings.length) {
      // Until the next answer, keep only marks whose words are still where they were.
      const text = this.text();
      const kept = this.findings.filter((f) => stillThere(text, f));
      if (kept.length !== this.findings.length) {
        this.findings = kept;
        this.regroup();
        this.render();
      }
    }
    setState({ state: "pending" });
    clearTimeout(this.timer);
    if (this.composing) return;
    this.timer = setTimeout(() => this.check(), DEBOUNCE_MS);
  }

  setComposing(on) {
    this.composing = on;
    if (!on) this.onEdit();
  }

  regroup() {
    this.entries = entriesOf(this.findings, this.responseRules, runtime.rulesList, locale());
    if (this.card.id && !this.visible().some((e) => e.id === this.card.id)) this.card.hide();
  }

  /**
   * Check the current text now. Resolves with the answer for exactly that text
   * ({ok, text, entries} or {ok: false, res}), even when a newer check has superseded it on screen.
   */
  async check() {
    clearTimeout(this.timer);
    await runtime.ready;
    if (this.disposed || !enabled()) return { ok: false, off: true };
    const map = read(this.composer);
    if (!map.text.trim()) {
      Object.assign(this, { findings: [], entries: [], checkedText: map.text, approvedText: null, status: "ok" });
      this.dismissed = new Set();
      this.render();
      this.notice.hide();
      return { ok: true, text: map.text, entries: [] };
    }
    const seq = ++this.seq;
    setState({ state: "checking" });
    const res = await send({ type: "check", text: map.text, platform: this.adapter.id,
      context: contextOf(this.field, this.composer), direct: !!this.field.direct });
    if (this.disposed) return { ok: false, res };
    this.checks++;
    const latest = seq === this.seq;
    if (!res || !res.ok) {
      if (latest) {
        Object.assign(this, { status: "unreachable", findings: [], entries: [], checkedText: map.text });
        this.render();
        this.notice.show(causeOf(res));
        setState({ state: "unreachable", checks: this.checks });
      }
      return { ok: false, res };
    }
    const findings = res.result.findings || [];
    const rules = res.result.rules || {};
    const entries = entriesOf(findings, rules, runtime.rulesList, locale());
    if (latest) {
      this.notice.hide();
      Object.assign(this, { status: "ok", checkedText: map.text, findings, responseRules: rules });
      this.regroup();
      this.render();
    }
    return { ok: true, text: map.text, entries };
  }

  render() {
    if (this.disposed) return;
    cancelAnimationFrame(this.raf);
    const items = this.visible();
    const drawn = this.marks.draw(this.composer, read(this.composer), items);
    this.panel.render(this.composer, items);
    setState({ state: this.status, count: items.length, marks: drawn, checks: this.checks });
    this.sendBadge();
  }

  /** Marks follow at once; the panel is placed again once scrolling or resizing pauses. */
  relayout() {
    if (this.disposed) return;
    cancelAnimationFrame(this.raf);
    this.raf = requestAnimationFrame(() => {
      if (this.disposed) return;
      this.marks.draw(this.composer, read(this.composer), this.visible());
      this.card.hide();
    });
    clearTimeout(this.placeTimer);
    this.placeTimer = setTimeout(() => {
      if (this.disposed) return;
      this.panel.place();
      if (this.notice.node) this.placeAside(this.notice.node);
    }, 120);
  }

  /** Place a notice-sized node beside the composer where it covers no site control. */
  placeAside(node, width = 300) {
    const c = this.composer.getBoundingClientRect();
    const scope = (this.scope() || this.composer).getBoundingClientRect();
    const de = document.documentElement;
    const viewport = { left: 0, top: 0, right: de.clientWidth, bottom: de.clientHeight };
    node.style.visibility = "hidden";
    const controls = siteControls(document, null);
    node.style.visibility = "";
    const h = node.offsetHeight || 80;
    const spot = freeSpot(scope, c, width, h, controls, viewport) ||
      { left: Math.max(4, Math.min(c.left, viewport.right - width - 4)), top: Math.min(viewport.bottom - h - 4, scope.bottom + 8) };
    Object.assign(node.style, { left: spot.left + "px", top: spot.top + "px" });
  }

  dismiss(id) {
    const entry = this.entries.find((e) => e.id === id);
    if (entry) for (const r of entry.rules) this.dismissed.add(dismissKey(r, entry.finding));
    if (this.card.id === id) this.card.hide();
    this.render();
  }

  sendBadge() {
    const items = this.disposed ? [] : this.visible();
    send({ type: "badge", count: items.length, verdict: verdictOf(items) });
  }

  /** Show the card of the mark under a viewport point (none when there is none). */
  hover(x, y) {
    const mark = this.marks.at(x, y);
    this.showCard(mark ? mark.dataset.id : null);
  }

  /** The caret moved: show the card of the finding it is inside. */
  caret(sel) {
    if (this.composer.tagName === "TEXTAREA" || !sel || !sel.isCollapsed || !sel.anchorNode || !this.composer.contains(sel.anchorNode)) return;
    const pos = offsetOf(read(this.composer), sel.anchorNode, sel.anchorOffset);
    if (pos < 0) return;
    const hit = this.visible().find((e) => e.finding.end > e.finding.start && pos > e.finding.start && pos < e.finding.end);
    this.showCard(hit ? hit.id : null);
  }

  showCard(id) {
    if (id === this.card.id) return;
    this.marks.setActive(id);
    const entry = id && this.visible().find((e) => e.id === id);
    const box = entry && this.marks.boxOf(id);
    if (entry && box) this.card.show(entry, box, this.composer); else this.card.hide();
  }

  // -- the submit guard -------------------------------------------------------------------------

  /**
   * A press of this composer's submit control or key. Left alone when the text is empty, approved,
   * or checked with nothing to block; asks when a block finding is left; otherwise holds it until
   * its check answers. While a hold is pending, every further press belongs to it.
   * @param {Event} e
   * @param {() => void} proceed  does what the press would have done (runs with the guard off)
   */
  submit(e, proceed) {
    if (dialog.isOpen()) { stop(e); return; }
    if (this.hold) { stop(e); return; }
    const text = this.text();
    if (!text.trim() || text === this.approvedText || this.status === "unreachable" && text === this.checkedText) return;
    if (text === this.checkedText && this.status === "ok") {
      const blocking = this.blocking();
      if (blocking.length) { stop(e); this.ask(text, blocking, proceed); }
      return;
    }
    stop(e);
    this.holdFor(text, proceed);
  }

  async holdFor(text, proceed) {
    const hold = this.hold = { text };
    setState({ hold: "pending" });
    // Said only when the wait is long enough to notice (the first check of a browser session).
    let pill = null;
    const slow = setTimeout(() => { pill = this.showPending(); }, 250);
    const limit = new Promise((resolve) => setTimeout(() => resolve({ ok: false, timedOut: true }), HOLD_LIMIT_MS));
    const answer = await Promise.race([this.check(), limit]);
    clearTimeout(slow);
    if (pill) pill.remove();
    setState({ hold: "none" });
    if (this.hold !== hold) return;
    this.hold = null;
    if (this.disposed) return;
    const blocking = answer.ok && answer.text === text
      ? answer.entries.filter((e) => e.finding.severity === "block" && !e.rules.some((r) => this.dismissed.has(dismissKey(r, e.finding))))
      : [];
    if (answer.timedOut) this.notice.show("not_running");
    if (blocking.length) this.ask(text, blocking, proceed);
    else proceed();
  }

  showPending() {
    const pill = el("div", "sc-pending", t("guard_checking"));
    pill.setAttribute("role", "status");
    this.container.appendChild(pill);
    this.placeAside(pill, pill.offsetWidth || 280);
    return pill;
  }

  ask(text, blocking, proceed) {
    dialog.ask(blocking, {
      onEdit: () => { if (this.composer.isConnected) this.composer.focus({ preventScroll: true }); },
      onPublish: () => { this.approvedText = text; proceed(); },
    });
  }

  dispose() {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    clearTimeout(this.placeTimer);
    cancelAnimationFrame(this.raf);
    this.observer.disconnect();
    this.resize.disconnect();
    this.composer.removeEventListener("input", this.onEdit);
    this.composer.removeEventListener("scroll", this.relayout);
    this.marks.dispose();
    this.panel.dispose();
    this.card.dispose();
    this.notice.dispose();
    this.container.remove();
    this.hold = null;
    send({ type: "badge", count: 0, verdict: "ok" });
  }
}
