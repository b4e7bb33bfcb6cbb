// Settings shared by the background worker, the options page and the popup.
// Order of precedence: defaults < IT policy (if users may change it) < the user's own < IT policy (locked).
(function (root) {
  "use strict";
  const api = root.browser || root.chrome;
  const SITES = ["facebook", "instagram", "x"];
  const ROLES = ["staff", "trustee", "admin"];
  const LOCALES = ["sv", "fi", "en"];
  const KEYS = ["checkerUrl", "token", "role", "locale", "sites", "account"];
  const POLICY_KEYS = ["checkerUrl", "token", "role", "locale", "sites"];

  function browserLocale() {
    const ui = (api.i18n && api.i18n.getUILanguage ? api.i18n.getUILanguage() : "en").toLowerCase();
    const lang = ui.split(/[-_]/)[0];
    return LOCALES.includes(lang) ? lang : "en";
  }

  function defaults() {
    return {
      checkerUrl: "http://127.0.0.1:8765",
      token: "",
      role: "staff",
      locale: browserLocale(),
      sites: SITES.slice(),
      account: "personal",
    };
  }

  async function readManaged() {
    try {
      if (!api.storage.managed) return {};
      return (await api.storage.managed.get(null)) || {};
    } catch (e) {
      return {}; // no policy installed (Firefox throws when there is no managed manifest)
    }
  }

  function clean(key, value) {
    if (value === undefined || value === null) return undefined;
    switch (key) {
      case "checkerUrl": return typeof value === "string" && /^https?:\/\//.test(value) ? value.replace(/\/+$/, "") : undefined;
      case "token": return typeof value === "string" ? value : undefined;
      case "role": return ROLES.includes(value) ? value : undefined;
      case "locale": return LOCALES.includes(value) ? value : undefined;
      case "sites": return Array.isArray(value) ? value.filter((s) => SITES.includes(s)) : undefined;
      case "account": return value === "official" || value === "personal" ? value : undefined;
      default: return undefined;
    }
  }

  // -> {values, locked: [keys], managed: bool}
  async function load() {
    const managed = await readManaged();
    const user = await api.storage.local.get(KEYS);
    const mayChange = managed.userMayChange === true;
    const values = defaults();
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

  async function save(changes) {
    const { locked } = await load();
    const out = {};
    for (const [k, v] of Object.entries(changes)) {
      if (!KEYS.includes(k) || locked.includes(k)) continue;
      const c = clean(k, v);
      if (c !== undefined) out[k] = c;
    }
    await api.storage.local.set(out);
    return out;
  }

  function platformOfHost(host) {
    host = String(host || "").toLowerCase();
    if (/(^|\.)facebook\.com$/.test(host)) return "facebook";
    if (/(^|\.)instagram\.com$/.test(host)) return "instagram";
    if (/(^|\.)(x|twitter)\.com$/.test(host)) return "x";
    return "other";
  }

  root.SomeCheckSettings = { SITES, ROLES, LOCALES, KEYS, load, save, defaults, browserLocale, platformOfHost };
})(globalThis);
