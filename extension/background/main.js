// Background: settings, the checker client, the toolbar badge. Keeps no state in globals that
// matters across restarts (the service worker is stopped when idle).
(function (root) {
  "use strict";
  const api = root.browser || root.chrome;
  const S = root.SomeCheckSettings;
  const Api = root.SomeCheckApi;
  const BADGE_COLORS = { block: "#c62828", warn: "#e08a00", info: "#1565c0", ok: "#2e7d32" };
  const action = api.action || api.browserAction;
  const dictCache = {};

  async function dictionary(locale) {
    if (!dictCache[locale]) {
      const res = await fetch(api.runtime.getURL(`_locales/${locale}/messages.json`));
      dictCache[locale] = await res.json();
    }
    return dictCache[locale];
  }

  function failure(e) {
    return { ok: false, kind: e.kind || "unreachable", status: e.status || 0, message: String(e.message || e) };
  }

  async function setBadge(tabId, count, verdict) {
    if (tabId === undefined || tabId < 0) return;
    await action.setBadgeText({ tabId, text: count > 0 ? String(count) : "" });
    await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLORS[verdict] || BADGE_COLORS.warn });
  }

  const handlers = {
    async settings() {
      const s = await S.load();
      return Object.assign({ ok: true, messages: await dictionary(s.values.locale) }, s);
    },
    async check(msg) {
      const { values } = await S.load();
      try {
        return { ok: true, result: await Api.check(values, msg) };
      } catch (e) {
        return failure(e);
      }
    },
    async status() {
      const { values } = await S.load();
      try {
        return { ok: true, url: values.checkerUrl, health: await Api.health(values) };
      } catch (e) {
        return Object.assign(failure(e), { url: values.checkerUrl });
      }
    },
    async rules() {
      const { values } = await S.load();
      try {
        return { ok: true, rules: await Api.rules(values), locale: values.locale };
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
  };

  // First run: the welcome page (what SomeCheck does, the connection test, a sample mark).
  api.runtime.onInstalled.addListener((details) => {
    if (details.reason === "install") api.tabs.create({ url: api.runtime.getURL("welcome/welcome.html") });
  });
  // A connect link from IT (http://127.0.0.1/somecheck/connect#checker=…&token=…, see
  // welcome/connect.js): the tab goes to the welcome page with the fragment, which asks the
  // user before saving. The link is on the user's own computer and the fragment is never sent.
  api.tabs.onUpdated.addListener((tabId, change) => {
    let u;
    try { u = new URL(change.url || ""); } catch (e) { return; }
    const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(u.hostname);
    if (u.protocol !== "http:" || !loopback || u.pathname.replace(/\/$/, "") !== "/somecheck/connect" || !u.hash) return;
    api.tabs.update(tabId, { url: api.runtime.getURL("welcome/welcome.html") + "#connect=" + encodeURIComponent(u.hash.slice(1)) });
  });

  // Chromium answers the first storage.managed read of a session only after ~2 s: start it now.
  S.load();

  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    const h = msg && handlers[msg.type];
    if (!h) return false;
    h(msg, sender).then(sendResponse, (e) => sendResponse({ ok: false, kind: "internal", message: String(e) }));
    return true;
  });
})(globalThis);
