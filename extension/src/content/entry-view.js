// How one entry reads, the same in the panel, the card and the dialog: severity, the words,
// the message, the suggestion, and the guideline with its title and one-line text.
import { guidelineLabel, t } from "../i18n.js";
import { button, el } from "./overlay.js";

export const severityLabel = (sev) => t("severity_" + sev);

/** Severity, excerpt (×count when the same words come again), message and suggestion. */
export function entryText(entry, count = 1) {
  const f = entry.finding;
  const box = el("div");
  const head = el("div", "sc-meta");
  head.append(el("span", "sc-sev", severityLabel(f.severity)));
  if (f.end > f.start && f.excerpt) head.append(el("span", "sc-excerpt", f.excerpt));
  if (count > 1) head.append(el("span", "sc-count", "×" + count));
  box.append(head, el("div", "sc-msg", f.message));
  if (entry.info.suggestion) box.append(el("div", "sc-suggestion", entry.info.suggestion));
  return box;
}

/** The guideline's code as a button that shows (or hides) its title and one-line text below `into`. */
export function guidelineChip(entry, into, open, onToggle) {
  const g = entry.info.guideline;
  if (!g.id) return null;
  const chip = button("sc-guideline", guidelineLabel(g.id), t("guideline_title"));
  chip.setAttribute("aria-expanded", open ? "true" : "false");
  chip.addEventListener("click", onToggle);
  if (open) into.append(guidelineBox(entry));
  return chip;
}

/** The guideline's title and text (its code alone if the checker sent no title). */
export function guidelineBox(entry) {
  const g = entry.info.guideline;
  const box = el("div", "sc-guide");
  box.dataset.guideline = g.id;
  box.append(el("strong", "", g.title ? `${guidelineLabel(g.id)}: ${g.title}` : guidelineLabel(g.id)));
  if (g.text) box.append(el("span", "", g.text));
  return box;
}

/** The rule's description, or a plain "not available". */
export const descriptionOf = (entry) => entry.info.description || t("why_unknown");
