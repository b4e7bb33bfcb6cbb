// What the welcome page and the popup share: their language, the settings they show and
// save, the connection test, and one plain sentence for every way checking can fail.
import { ConnectError, checkAddress, probe } from "./connect.js";

export const api = globalThis.browser || globalThis.chrome;
const LOCALES = ["fi", "sv", "en"];
const DEFAULT_CHECKER = "http://127.0.0.1:8765";
let messages = {};

/** The settings as the extension uses them (IT policy first when it locks them). */
export async function readSettings() {
  let managed = {};
  try { managed = (await api.storage.managed.get(null)) || {}; } catch (e) { managed = {}; }
  const local = await api.storage.local.get(["checkerUrl", "token", "locale", "role"]);
  const mayChange = managed.userMayChange === true;
  const pick = (key) => (!mayChange && managed[key] !== undefined ? managed[key]
    : local[key] !== undefined ? local[key] : managed[key]);
  const ui = (api.i18n.getUILanguage() || "en").toLowerCase().split(/[-_]/)[0];
  return {
    checkerUrl: String(pick("checkerUrl") || DEFAULT_CHECKER).replace(/\/+$/, ""),
    token: pick("token") || "",
    role: pick("role") || "staff",
    locale: LOCALES.includes(pick("locale")) ? pick("locale") : (LOCALES.includes(ui) ? ui : "en"),
    // IT's policy sets the checker and does not let the user change it.
    locked: !mayChange && typeof managed.checkerUrl === "string",
    configured: local.checkerUrl !== undefined || managed.checkerUrl !== undefined,
  };
}

export async function saveConnection({ checkerUrl, token, role }) {
  const values = { checkerUrl, token: token || "" };
  if (["staff", "trustee", "admin"].includes(role)) values.role = role;
  await api.storage.local.set(values);
}

export async function loadMessages(locale) {
  const res = await fetch(api.runtime.getURL(`_locales/${locale}/messages.json`));
  messages = await res.json();
  document.documentElement.lang = locale;
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
}

export function t(key, ...subs) {
  const entry = messages[key];
  if (!entry) return key;
  return entry.message.replace(/\$(\d)/g, (m, n) => (subs[n - 1] !== undefined ? String(subs[n - 1]) : ""));
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
