// Background: settings, the checker client, the toolbar badge. Keeps no state that matters across
// restarts (the service worker is stopped when idle).
import { action, extensionUrl, openOptions, serve } from "../platform.js";
import * as S from "../settings.js";
import * as Checker from "./checker-client.js";
import { mayCheckDirect } from "../privacy.js";
import { openWelcomeOnInstall, watchConnectLinks } from "./welcome.js";

const BADGE_COLORS = { block: "#c62828", warn: "#e08a00", info: "#1565c0", ok: "#2e7d32" };
const dictCache = {};

async function dictionary(locale) {
  if (!dictCache[locale]) {
    const res = await fetch(extensionUrl(`_locales/${locale}/messages.json`));
    dictCache[locale] = await res.json();
  }
  return dictCache[locale];
}

function failure(e) {
  return { ok: false, kind: e.kind || "unreachable", status: e.status || 0, code: e.code || "", message: String(e.message || e) };
}

async function setBadge(tabId, count, verdict) {
  if (tabId === undefined || tabId < 0) return;
  await action().setBadgeText({ tabId, text: count > 0 ? String(count) : "" });
  await action().setBadgeBackgroundColor({ tabId, color: BADGE_COLORS[verdict] || BADGE_COLORS.warn });
}

const handlers = {
  async settings() {
    const s = await S.load();
    return Object.assign({ ok: true, messages: await dictionary(s.values.locale) }, s);
  },
  async check(msg) {
    const { values } = await S.load();
    // A private message goes only to a checker on this machine, and only when the user allowed it.
    if (msg.direct && !mayCheckDirect(values)) return { ok: false, kind: "private", message: "not checked: a private message" };
    try {
      return { ok: true, result: await Checker.check(values, msg) };
    } catch (e) {
      return failure(e);
    }
  },
  // The comment review (src/review/): only an administrator's extension sends comments.
  async checkBatch(msg) {
    const { values } = await S.load();
    if (values.role !== "admin") return { ok: false, kind: "role", message: "comment review is for page administrators" };
    try {
      return { ok: true, result: await Checker.checkBatch(values, msg.items || []) };
    } catch (e) {
      return failure(e);
    }
  },
  async status() {
    const { values } = await S.load();
    try {
      return { ok: true, url: values.checkerUrl, health: await Checker.health(values) };
    } catch (e) {
      return Object.assign(failure(e), { url: values.checkerUrl });
    }
  },
  async rules() {
    const { values } = await S.load();
    try {
      return { ok: true, rules: await Checker.rules(values), locale: values.locale };
    } catch (e) {
      return failure(e);
    }
  },
  async badge(msg, sender) {
    await setBadge(sender.tab && sender.tab.id, msg.count, msg.verdict);
    return { ok: true };
  },
  async save(msg) {
    return { ok: true, saved: await S.save(msg.values || {}) };
  },
  async openOptions() {
    await openOptions("checker");
    return { ok: true };
  },
};

// Chromium answers the first storage.managed read of a session only after ~2 s: start it now.
S.load();
serve(handlers);
openWelcomeOnInstall();
watchConnectLinks();
