// What the welcome page and the popup share: their language, the settings they show and
// save, the connection test, and one plain sentence for every way checking can fail.
import { ConnectError, checkAddress, probe } from "./connect.js";

export const api = globalThis.browser || globalThis.chrome;
// The extension's settings and texts (src/settings.js, src/i18n.js, bundled as globals by
// bundle/pages.js, which the page loads before this module).
const S = globalThis.SomeCheckSettings;
const I = globalThis.SomeCheckI18n;

/** The settings in force, and whether IT's policy locks the checker. */
export async function readSettings() {
  const { values, locked } = await S.load();
  return Object.assign({}, values, { locked: locked.includes("checkerUrl") });
}

/** Save a confirmed connection (what policy locks is left out by S.save). */
export async function saveConnection({ checkerUrl, token, role }) {
  const values = { checkerUrl, token: token || "" };
  if (S.ROLES.includes(role)) values.role = role;
  await S.save(values);
}

export async function loadMessages(locale) {
  await I.loadLocale(locale);
  document.documentElement.lang = locale;
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
}

export function t(key, ...subs) {
  return I.t(key, subs.length ? subs : undefined);
}

export function organizationName(identity, locale) {
  const org = (identity && identity.organization) || {};
  return org[locale] || org.en || org.fi || org.sv || t("welcome_unknown_org");
}

function isLoopback(checkerUrl) {
  try { return ["127.0.0.1", "localhost", "[::1]"].includes(new URL(checkerUrl).hostname); } catch (e) { return false; }
}

/** A failure in plain words, with what to do: {reason, kind}. */
export function explain(error, checkerUrl) {
  const kind = error instanceof ConnectError ? error.kind : "unreachable";
  let host = checkerUrl;
  try { host = new URL(checkerUrl).host; } catch (e) { /* keep as given */ }
  if (kind === "unreachable" && isLoopback(checkerUrl)) return { kind, reason: t("reason_unreachable_local", host) };
  if (kind === "insecure") return { kind, reason: t("reason_insecure", checkerUrl) };
  const key = { unreadable: "reason_unreadable", insecure: "reason_insecure", unreachable: "reason_unreachable",
    token: "reason_token", refused: "reason_refused", "not-somecheck": "reason_not_somecheck" }[kind];
  return { kind, reason: t(key || "reason_unreachable", host) };
}

/** The connection test: who answers at the configured address. -> {ok, identity} | {ok: false, kind, reason} */
export async function testConnection(settings) {
  try {
    checkAddress(settings.checkerUrl);
    return { ok: true, identity: await probe(settings.checkerUrl, settings.token) };
  } catch (e) {
    return Object.assign({ ok: false }, explain(e, settings.checkerUrl));
  }
}

/** One check of a sample text, with the configured settings. -> findings (may be empty) */
export async function checkSample(settings, text) {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  if (settings.token) headers.Authorization = `Bearer ${settings.token}`;
  const res = await fetch(`${settings.checkerUrl}/v1/check`, {
    method: "POST", headers, credentials: "omit", cache: "no-store",
    body: JSON.stringify({ text, platform: "facebook", context: "post", role: settings.role, locale: settings.locale }),
  });
  if (!res.ok) throw new ConnectError(res.status === 401 ? "token" : "not-somecheck", `HTTP ${res.status}`);
  return (await res.json()).findings || [];
}
