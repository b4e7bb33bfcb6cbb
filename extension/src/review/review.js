// Comment review for page administrators (issue 11): on the organization's own pages, read the
// comments and replies that are loaded, send them to the checker in one batch (after that only
// the new ones), and show what the guidelines say to remove and which questions wait for an
// answer. Nothing is removed, nothing is stored, the page is only read and overlaid.
import { guidelineLabel } from "../i18n.js";
import { READERS, relativeAge } from "./threads.js";
import { isPageLink, ownPage, parseList } from "./pages.js";
import { waitingForAnswer } from "./questions.js";
import { ReviewControl } from "./control.js";

/** What the guidelines say to remove (G5, G6, C5): these categories, at warn or block. */
export const REVIEW_CATEGORIES = new Set(["profanity", "insult", "accusation", "hate", "incitement", "privacy"]);
const RANK = { info: 1, warn: 2, block: 3 };
const MAX_BATCH = 200;
const SETTLE_MS = 400;

/** The findings of one result that make a comment one to review, most severe first. */
export function reasons(result) {
  return ((result && result.findings) || []).filter((f) => REVIEW_CATEGORIES.has(f.category) && RANK[f.severity] >= RANK.warn)
    .sort((a, b) => RANK[b.severity] - RANK[a.severity] || a.start - b.start);
}

export class CommentReview {
  /**
   * @param {object} o
   * @param {Document} o.doc
   * @param {string} o.platform  facebook, instagram or x
   * @param {() => object} o.settings  the settings in force ({role, orgPages, locale, ...})
   * @param {(msg: object) => Promise<object>} o.send  messages to the background
   * @param {(key: string, subs?: any) => string} o.t
   * @param {() => number} [o.now]
   */
  constructor({ doc, platform, settings, send, t, now = Date.now }) {
    this.doc = doc;
    this.reader = READERS[platform] || null;
    this.platform = platform;
    this.settings = settings;
    this.send = send;
    this.now = now;
    this.control = new ReviewControl(doc, t);
    this.records = new WeakMap();     // comment element -> {id}
    this.results = new Map();         // comment key (author and text) -> check result
    this.pending = new Set();         // keys sent and not yet answered
    this.nextId = 1;
    this.timer = 0;
    this.hours = null;
    this.unreachable = false;
    this.observer = null;
  }

  start() {
    if (!this.reader) return;
    this.observer = new MutationObserver(() => this.soon());
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
    const place = () => this.control.place();
    this.doc.defaultView.addEventListener("scroll", place, { capture: true, passive: true });
    this.doc.defaultView.addEventListener("resize", place, { passive: true });
    this.soon();
  }

  stop() {
    if (this.observer) this.observer.disconnect();
    clearTimeout(this.timer);
    this.control.hide();
  }

  /** Whether the review may apply at all: an administrator with the organization's pages set. */
  wanted() {
    const s = this.settings();
    return !!s && s.role === "admin" && Array.isArray(s.orgPages) && s.orgPages.length > 0;
  }

  soon() {
    clearTimeout(this.timer);
    if (!this.wanted()) {                // other users: no work on the page's changes
      if (this.control.host) this.control.hide();
      return;
    }
    this.timer = setTimeout(() => this.update(), SETTLE_MS);
  }

  /** Where the review applies: an administrator, on one of the organization's pages. -> page or null */
  where() {
    const s = this.settings();
    if (!s || s.role !== "admin" || (s.sites && !s.sites.includes(this.platform))) return null;
    const post = this.reader.post(this.doc);
    if (!post) return null;
    const page = ownPage(this.doc.location.href, parseList(s.orgPages), this.reader.authorHref(post));
    return page ? { page, post } : null;
  }

  read(page) {
    const base = this.doc.location.href;
    const post = this.reader.post(this.doc);
    return this.reader.comments(post).map((c, order) => {
      let rec = this.records.get(c.el);
      if (!rec) { rec = { id: "c" + this.nextId++ }; this.records.set(c.el, rec); }
      const parent = c.parentEl ? this.records.get(c.parentEl) : null;
      const age = c.time === null ? relativeAge(c.timeLabel) : null;
      return Object.assign({}, c, rec, {
        order, key: `${c.authorHref}\n${c.text}`, isPage: isPageLink(c.authorHref, page, base),
        parentId: parent ? parent.id : null, reply: !!c.parentEl,
        time: c.time !== null ? c.time : (age !== null ? this.now() - age : null),
        author: authorName(c),
      });
    });
  }

  async update() {
    const here = this.where();
    if (!here) { this.control.hide(); return; }
    const comments = this.read(here.page).filter((c) => c.text);
    const fresh = comments.filter((c) => !c.isPage && !this.results.has(c.key) && !this.pending.has(c.key));
    this.render(here, comments);
    for (let i = 0; i < fresh.length; i += MAX_BATCH) {
      const part = fresh.slice(i, i + MAX_BATCH);
      const s = this.settings();
      part.forEach((c) => this.pending.add(c.key));
      const res = await this.send({ type: "checkBatch", items: part.map((c) => ({
        text: c.text, platform: this.platform, account: "official", role: "admin",
        context: c.reply ? "reply" : "comment", locale: s.locale })) });
      part.forEach((c) => this.pending.delete(c.key));
      if (!res || !res.ok) { this.unreachable = true; break; }
      this.unreachable = false;
      if (res.result.response_hours) this.hours = res.result.response_hours;
      res.result.results.forEach((r, k) => { if (!r.error) this.results.set(part[k].key, r); });
    }
    const again = this.where();
    if (again) this.render(again, this.read(again.page).filter((c) => c.text));
  }

  render(here, comments) {
    const flagged = [];
    for (const c of comments) {
      if (c.isPage) continue;
      const result = this.results.get(c.key);
      const why = reasons(result);
      if (!why.length) continue;
      const rule = result.rules && result.rules[why[0].rule];
      const title = rule && rule.guideline && rule.guideline.title;
      flagged.push({ id: c.id, el: c.el, text: c.text, author: c.author, reply: c.reply, severity: why[0].severity,
        reason: why[0].message, guideline: title ? `${guidelineLabel(why[0].guideline)}: ${title}` : guidelineLabel(why[0].guideline),
        rules: why.map((f) => f.rule) });
    }
    // The pack's response hours come with the first answer; weekdays 8-16 in Helsinki until then.
    const waiting = waitingForAnswer(comments, this.now(), this.hours || undefined).map((w) => ({
      id: w.comment.id, el: w.comment.el, text: w.comment.text, author: w.comment.author, reply: w.comment.reply,
      minutes: w.minutes, overdue: w.overdue }));
    this.control.render(here.post, { flagged, waiting, unreachable: this.unreachable }, (item) => this.jump(item));
  }

  jump(item) {
    item.el.scrollIntoView({ block: "center", inline: "nearest", behavior: "instant" });
    this.control.place();
    this.control.flash(item.el);
  }
}

function authorName(c) {
  const a = c.el.querySelector("a[href]");
  const name = a ? (a.innerText || a.textContent || "").trim() : "";
  return name.length > 60 ? name.slice(0, 60) + "…" : name;
}
