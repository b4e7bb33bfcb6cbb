// Extension text from _locales, in the language chosen in the settings (the browser's by default).
import { builtinMessage, extensionUrl } from "./platform.js";

let dict = null;

/** Replace $1..$9 by the given substitutions. */
export function format(text, subs) {
  if (subs === undefined) return text;
  const list = Array.isArray(subs) ? subs : [subs];
  return text.replace(/\$(\d)/g, (m, n) => (list[n - 1] !== undefined ? String(list[n - 1]) : ""));
}

/** The message `key` in the current language, with substitutions. */
export function t(key, subs) {
  if (dict && dict[key]) return format(dict[key].message, subs);
  const s = builtinMessage(key, subs === undefined ? undefined : (Array.isArray(subs) ? subs.map(String) : [String(subs)]));
  return s || key;
}

/** Load _locales/<locale>/messages.json as the current dictionary. */
export async function loadLocale(locale) {
  try {
    const res = await fetch(extensionUrl(`_locales/${locale}/messages.json`));
    dict = await res.json();
  } catch (e) {
    dict = null;
  }
  return dict;
}

/** A guideline code in the reader's terms: G5 -> "Guidelines, point 5", C4 -> "Checklist, point 4",
 * P3 -> "Uses, point 3"; a code of another shape (another organization's) is shown as it is. */
export function guidelineLabel(code) {
  const m = /^([GCP])(\d+)$/.exec(code || "");
  if (!m) return t("guideline_label", code || "");
  const key = { G: "guideline_label", C: "guideline_checklist", P: "guideline_purpose" }[m[1]];
  return t(key, m[2]);
}

export function setDictionary(d) { dict = d || null; }

/** Fill [data-i18n] elements (text) and [data-i18n-attr="attr:key;attr:key"] attributes of a page. */
export function localizePage(doc) {
  for (const el of doc.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of doc.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of el.dataset.i18nAttr.split(";")) {
      const [attr, key] = pair.split(":");
      el.setAttribute(attr, t(key));
    }
  }
}
