// What a check answered, in the shape the panel, marks, card and dialog show: findings with the
// same words and the same reason become one entry, and each carries its rule's description,
// suggestion and guideline (from the response's `rules` map, docs/api.md).
import { SEVERITIES } from "../generated/vocabulary.js";

const RANK = Object.fromEntries(SEVERITIES.map((s) => [s.id, s.rank]));

/**
 * @typedef {Object} Entry
 * @property {string} id          stable while the words stay where they are
 * @property {Object} finding     the most severe of the merged findings
 * @property {string[]} rules     every rule id merged into this entry
 * @property {{description: string, suggestion: string|null, guideline: {id: string, title: string, text: string}}} info
 */

/** The per-rule texts of a finding: from the response's `rules` map, else from older sources. */
export function infoOf(finding, responseRules, rulesList, locale) {
  const r = (responseRules && responseRules[finding.rule]) || {};
  const listed = (rulesList && rulesList[finding.rule]) || {};
  const pick = (v) => (v && typeof v === "object" ? v[locale] || v.en || Object.values(v)[0] || "" : v || "");
  const g = r.guideline && typeof r.guideline === "object" ? r.guideline : null;
  return {
    description: r.description || finding.description || pick(listed.description) || "",
    suggestion: r.suggestion || finding.suggestion || null,
    guideline: {
      id: (g && g.id) || finding.guideline || listed.guideline || "",
      title: (g && g.title) || "",
      text: (g && g.text) || "",
    },
  };
}

const spanKey = (f) => `${f.start}:${f.end}`;

/**
 * One entry per group of findings that mark the same words for the same reason (same category,
 * overlapping spans; whole-post findings by category and message), most severe first in each.
 * @returns {Entry[]} in text order
 */
export function entriesOf(findings, responseRules, rulesList, locale) {
  const sorted = findings.slice().sort((a, b) => a.start - b.start || b.end - a.end || (RANK[b.severity] || 0) - (RANK[a.severity] || 0));
  const groups = [];
  for (const f of sorted) {
    const g = groups.find((g) => g.category === f.category && (f.end > f.start
      ? g.end > g.start && f.start < g.end && g.start < f.end
      : g.end === g.start && g.message === f.message));
    if (g) {
      g.members.push(f);
      g.end = Math.max(g.end, f.end);
    } else {
      groups.push({ category: f.category, start: f.start, end: f.end, message: f.message, members: [f] });
    }
  }
  return groups.map((g) => {
    const top = g.members.reduce((a, b) => ((RANK[b.severity] || 0) > (RANK[a.severity] || 0) ? b : a));
    const finding = Object.assign({}, top, { start: g.start, end: g.end });
    return {
      id: `${top.rule}:${spanKey(finding)}`,
      finding,
      rules: g.members.map((m) => m.rule),
      info: infoOf(top, responseRules, rulesList, locale),
    };
  });
}

/**
 * The words a dismissal remembers: the finding's core (what the rule itself found, docs/api.md),
 * so that a mark widened to its sentence stays dismissed while the rest of the sentence is typed.
 */
export function dismissKey(rule, finding) {
  return `${rule}|${(finding.core ?? finding.excerpt ?? "").toLowerCase()}`;
}

/**
 * Whether a mark's words are still where the answer put them in `text` (a long span's excerpt is
 * only its first 200 UTF-16 code units, so only those can be compared).
 */
export function stillThere(text, finding) {
  if (finding.end === finding.start) return true;
  const shown = text.slice(finding.start, finding.end);
  const excerpt = finding.excerpt || "";
  return excerpt.length < finding.end - finding.start
    ? shown.length === finding.end - finding.start && shown.startsWith(excerpt)
    : shown === excerpt;
}

/** The most severe severity among entries ("ok" when none). */
export function verdictOf(entries) {
  return entries.reduce((a, e) => ((RANK[e.finding.severity] || 0) > (RANK[a] || 0) ? e.finding.severity : a), entries.length ? "info" : "ok");
}

/**
 * The panel's rows: the same words flagged by the same rules again and again are one row with a
 * count (dismissing it dismisses them all, as a dismissal is by rule and words: dismissKey).
 * @returns {{entry: Entry, count: number}[]}
 */
export function rowsOf(entries) {
  const rows = new Map();
  for (const entry of entries) {
    const f = entry.finding;
    const key = f.end > f.start ? dismissKey(entry.rules.slice().sort().join(" "), f) : entry.id;
    const row = rows.get(key);
    if (row) row.count++; else rows.set(key, { entry, count: 1 });
  }
  return Array.from(rows.values());
}
