// The review control: a compact "N comments to review" button by the post and, when opened, the
// list of comments to review and of questions waiting for an answer. It lives in the extension's
// own element <somecheck-review> with its own shadow root; the page's DOM is never written.

const CSS_TEXT = `
:host { all: initial; position: fixed; inset: 0; pointer-events: none; z-index: 2147483645; }
* { box-sizing: border-box; font-family: system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
.rv-wrap { position: fixed; pointer-events: auto; max-width: 360px; color: #1c1e21; font-size: 13px; line-height: 1.35; }
.rv-button { display: inline-flex; align-items: center; gap: 6px; max-width: 250px; border: 1px solid #c9ced6; background: #fff;
  color: #1c1e21; border-radius: 14px; padding: 4px 10px 4px 6px; font-size: 13px; font-weight: 600; cursor: pointer;
  box-shadow: 0 2px 8px rgba(0,0,0,.12); text-align: left; }
.rv-lines { display: flex; flex-direction: column; line-height: 1.25; }
.rv-button:focus-visible, .rv-entry:focus-visible { outline: 2px solid #2b5fb4; outline-offset: 1px; }
.rv-logo { width: 18px; height: 18px; border-radius: 5px; background: #2b5fb4; color: #fff; font-size: 11px; text-align: center; line-height: 18px; }
.rv-count { background: #e08a00; color: #fff; border-radius: 9px; padding: 0 6px; min-width: 18px; text-align: center; }
.rv-count[data-zero] { background: #2e7d32; }
.rv-wait { color: #1565c0; font-weight: 600; font-size: 12px; }
.rv-panel { position: absolute; top: calc(100% + 6px); width: 360px; max-height: 60vh; overflow: auto; background: #fff; border: 1px solid #d0d4da;
  border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.14); }
.rv-head { padding: 6px 10px; font-weight: 700; background: #f7f8fa; border-bottom: 1px solid #eceff3; }
.rv-list { list-style: none; margin: 0; padding: 0; }
.rv-entry { display: block; width: 100%; text-align: left; background: #fff; border: 0; border-bottom: 1px solid #f0f2f5;
  border-left: 4px solid #e08a00; padding: 7px 10px; cursor: pointer; font: inherit; color: inherit; }
.rv-entry[data-severity=block] { border-left-color: #d32f2f; }
.rv-entry[data-kind=waiting] { border-left-color: #1e88e5; }
.rv-entry[data-overdue] { border-left-color: #c62828; }
.rv-entry:hover { background: #f5f7fa; }
.rv-who { font-weight: 600; }
.rv-reply { font-size: 11px; color: #555; margin-left: 4px; }
.rv-text { display: block; color: #333; margin: 2px 0; overflow-wrap: anywhere; }
.rv-reason { display: block; color: #1c1e21; }
.rv-meta { display: block; font-size: 12px; color: #555; margin-top: 2px; }
.rv-overdue { color: #c62828; font-weight: 700; }
.rv-none, .rv-note { padding: 7px 10px; color: #555; font-size: 12px; }
.rv-flash { position: fixed; border: 3px solid #2b5fb4; border-radius: 6px; background: rgba(43,95,180,.08); pointer-events: none; }
`;

const TAG = "somecheck-review";

export class ReviewControl {
  /** @param {Document} doc @param {(key: string, subs?: any) => string} t */
  constructor(doc, t) {
    this.doc = doc;
    this.t = t;
    this.open = false;
    this.host = null;
    this.view = null;
    this.flashTimer = 0;
  }

  ensure() {
    if (this.host && this.host.isConnected) return this.shadow;
    this.host = this.doc.createElement(TAG);
    this.shadow = this.host.attachShadow({ mode: "open" });
    const style = this.doc.createElement("style");
    style.textContent = CSS_TEXT;
    this.wrap = this.el("div", "rv-wrap");
    this.shadow.append(style, this.wrap);
    this.doc.documentElement.appendChild(this.host);
    return this.shadow;
  }

  el(tag, cls, text) {
    const n = this.doc.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined) n.textContent = text;
    return n;
  }

  /** Remove the control (not the organization's page, not an administrator, nothing to show). */
  hide() {
    if (this.host) this.host.remove();
    this.host = null;
    this.view = null;
  }

  /**
   * Draw the control by `anchor` (the post): flagged comments and waiting questions.
   * @param {Element} anchor
   * @param {{flagged: Array, waiting: Array, unreachable: boolean}} view
   */
  render(anchor, view, onJump) {
    this.ensure();
    this.view = view;
    this.anchor = anchor;
    this.onJump = onJump;
    const { t } = this;
    this.wrap.textContent = "";
    this.host.dataset.count = String(view.flagged.length);
    this.host.dataset.waiting = String(view.waiting.length);
    const button = this.el("button", "rv-button");
    button.type = "button";
    button.setAttribute("aria-expanded", this.open ? "true" : "false");
    const count = this.el("span", "rv-count", String(view.flagged.length));
    if (!view.flagged.length) count.dataset.zero = "";
    const label = view.flagged.length === 1 ? t("review_count_one") : t("review_count_other", view.flagged.length);
    const lines = this.el("span", "rv-lines");
    lines.append(this.el("span", "rv-label", label.replace(/^\d+\s*/, "")));
    if (view.waiting.length) lines.append(this.el("span", "rv-wait", t("review_waiting_count", view.waiting.length)));
    button.append(this.el("span", "rv-logo", "S"), count, lines);
    button.setAttribute("aria-label", view.waiting.length ? `${label}, ${t("review_waiting_count", view.waiting.length)}` : label);
    button.addEventListener("click", () => { this.open = !this.open; this.render(this.anchor, this.view, this.onJump); });
    this.wrap.append(button);
    if (this.open) this.wrap.append(this.panel(view));
    this.place();
  }

  panel(view) {
    const { t } = this;
    const panel = this.el("section", "rv-panel");
    panel.setAttribute("role", "region");
    panel.setAttribute("aria-label", t("review_title"));
    if (view.unreachable) panel.append(this.el("div", "rv-note", t("review_unreachable")));
    panel.append(this.el("div", "rv-head", t("review_title")));
    const list = this.el("ul", "rv-list");
    for (const item of view.flagged) list.append(this.entry(item, "flagged"));
    if (!view.flagged.length) list.append(this.el("li", "rv-none", t("review_none")));
    panel.append(list);
    if (view.waiting.length) {
      panel.append(this.el("div", "rv-head", t("review_waiting_title")));
      const wait = this.el("ul", "rv-list");
      for (const item of view.waiting) wait.append(this.entry(item, "waiting"));
      panel.append(wait);
    }
    panel.append(this.el("div", "rv-note", t("review_note")));
    return panel;
  }

  entry(item, kind) {
    const { t } = this;
    const li = this.el("li");
    const b = this.el("button", "rv-entry");
    b.type = "button";
    b.dataset.kind = kind;
    b.dataset.id = item.id;
    const who = this.el("span", "rv-who", item.author || "");
    const head = this.el("span");
    head.append(who);
    if (item.reply) head.append(this.el("span", "rv-reply", t("review_reply")));
    b.append(head, this.el("span", "rv-text", excerpt(item.text)));
    if (kind === "flagged") {
      b.dataset.severity = item.severity;
      b.dataset.rules = item.rules.join(" ");
      b.append(this.el("span", "rv-reason", item.reason));
      b.append(this.el("span", "rv-meta", item.guideline));
    } else {
      if (item.overdue) b.dataset.overdue = "";
      const meta = this.el("span", "rv-meta", ageText(item.minutes, t));
      if (item.overdue) meta.append(" · ", this.el("span", "rv-overdue", t("review_overdue")));
      b.append(meta);
    }
    b.title = t("review_jump");
    b.addEventListener("click", () => this.onJump(item));
    li.append(b);
    return li;
  }

  /** Keep the button beside the post's top right corner (inside the corner when there is no room),
   * and the opened list inside the window. */
  place() {
    if (!this.host || !this.anchor) return;
    const r = this.anchor.getBoundingClientRect();
    const vw = this.doc.documentElement.clientWidth;
    const vh = this.doc.documentElement.clientHeight;
    const button = this.wrap.querySelector(".rv-button");
    const width = button ? button.getBoundingClientRect().width : 250;
    let left = r.right + 12;
    if (left + width > vw - 8) left = r.left - width - 12 >= 8 ? r.left - width - 12 : r.right - width - 8;
    left = Math.max(8, Math.min(left, vw - width - 8));
    this.wrap.style.left = left + "px";
    this.wrap.style.top = Math.min(Math.max(8, r.top), vh - 48) + "px";
    const panel = this.wrap.querySelector(".rv-panel");
    if (panel) panel.style.left = Math.min(0, vw - 8 - 360 - left) + "px";
    this.placeFlash();
  }

  /** Outline a comment for a moment after a jump (in the overlay, over the comment; it follows scrolling). */
  flash(el) {
    this.ensure();
    for (const old of this.shadow.querySelectorAll(".rv-flash")) old.remove();
    this.flashBox = this.el("div", "rv-flash");
    this.flashEl = el;
    this.shadow.append(this.flashBox);
    this.placeFlash();
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => { if (this.flashBox) this.flashBox.remove(); this.flashBox = this.flashEl = null; }, 2500);
  }

  placeFlash() {
    if (!this.flashBox || !this.flashEl) return;
    const r = this.flashEl.getBoundingClientRect();
    Object.assign(this.flashBox.style, { left: r.left - 4 + "px", top: r.top - 4 + "px", width: r.width + 8 + "px", height: r.height + 8 + "px" });
  }
}

function excerpt(text) {
  const one = String(text || "").replace(/\s+/g, " ").trim();
  return one.length > 90 ? one.slice(0, 88) + "…" : one;
}

/** The age of a waiting question in working hours, as the list shows it. */
export function ageText(minutes, t) {
  if (minutes === null || minutes === undefined) return t("review_age_unknown");
  if (minutes < 60) return t("review_age_under_hour");
  return t("review_age_hours", Math.floor(minutes / 60));
}
