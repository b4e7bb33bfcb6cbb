// Settings shared by the background, the options page and the popup.
// Precedence: defaults < IT policy (if users may change it) < the user's own < IT policy (locked).
import { LOCALES, PLATFORMS, ROLES, ACCOUNTS } from "./generated/vocabulary.js";
import { readLocal, readManaged, uiLanguage, writeLocal } from "./platform.js";

/** The sites the user can switch on and off (every platform but "other"). */
export const SITES = PLATFORMS.filter((p) => p.id !== "other").map((p) => p.id);
export { ROLES, LOCALES };
export const KEYS = ["checkerUrl", "token", "role", "locale", "sites", "account", "directMessages", "orgPages"];
const POLICY_KEYS = ["checkerUrl", "token", "role", "locale", "sites", "directMessages", "orgPages"];
const MAX_ORG_PAGES = 50;

/** The message language for a browser UI language such as "fi-FI" (en when not fi or sv). */
export function localeOf(ui) {
  const lang = String(ui || "en").toLowerCase().split(/[-_]/)[0];
  return LOCALES.includes(lang) ? lang : "en";
}

export function defaults(ui = uiLanguage()) {
  return {
    checkerUrl: "http://127.0.0.1:8765",
    token: "",
    role: "staff",
    locale: localeOf(ui),
    sites: SITES.slice(),
    account: "personal",
    directMessages: false,   // private messages are not checked unless turned on (loopback checker only)
    orgPages: [],            // the organization's own pages, for the comment review (src/review/pages.js)
  };
}

/** A valid value for `key`, or undefined. */
export function clean(key, value) {
  if (value === undefined || value === null) return undefined;
  switch (key) {
    case "checkerUrl": return typeof value === "string" && /^https?:\/\//.test(value) ? value.replace(/\/+$/, "") : undefined;
    case "token": return typeof value === "string" ? value : undefined;
    case "role": return ROLES.includes(value) ? value : undefined;
    case "locale": return LOCALES.includes(value) ? value : undefined;
    case "sites": return Array.isArray(value) ? value.filter((s) => SITES.includes(s)) : undefined;
    case "account": return ACCOUNTS.includes(value) ? value : undefined;
    case "directMessages": return typeof value === "boolean" ? value : undefined;
    case "orgPages": return Array.isArray(value)
      ? value.filter((p) => typeof p === "string" && p.trim() && p.length <= 300).map((p) => p.trim()).slice(0, MAX_ORG_PAGES)
      : undefined;
    default: return undefined;
  }
}

/**
 * The settings in force from their three sources.
 * @returns {{values: object, locked: string[], managed: boolean}}
 */
export function resolve(base, managed, user) {
  const mayChange = managed.userMayChange === true;
  const values = Object.assign({}, base);
  const locked = [];
  const apply = (src, keys) => {
    for (const k of keys) {
      const v = clean(k, src[k]);
      if (v !== undefined) values[k] = v;
    }
  };
  const policyKeys = POLICY_KEYS.filter((k) => clean(k, managed[k]) !== undefined);
  if (mayChange) apply(managed, policyKeys);
  apply(user, KEYS.filter((k) => mayChange || !policyKeys.includes(k)));
  if (!mayChange) {
    apply(managed, policyKeys);
    locked.push(...policyKeys);
  }
  return { values, locked, managed: policyKeys.length > 0 };
}

export async function load() {
  const [managed, user] = await Promise.all([readManaged(), readLocal(KEYS)]);
  return resolve(defaults(), managed, user || {});
}

/** Save the user's changes; values locked by policy are left out. -> what was saved */
export async function save(changes) {
  const { locked } = await load();
  const out = {};
  for (const [k, v] of Object.entries(changes)) {
    if (!KEYS.includes(k) || locked.includes(k)) continue;
    const c = clean(k, v);
    if (c !== undefined) out[k] = c;
  }
  await writeLocal(out);
  return out;
}

/** The platform id of a host name ("other" when none). */
export function platformOfHost(host) {
  host = String(host || "").toLowerCase();
  const p = PLATFORMS.find((p) => p.hosts.some((h) => {
    const base = h.replace(/^(www|web|m|mobile)\./, "");
    return host === base || host.endsWith("." + base);
  }));
  return p ? p.id : "other";
}
