// The checker client. Only the background talks to the checker; nothing else is contacted.
(function (root) {
  "use strict";
  const TIMEOUT_MS = 4000;

  class CheckerError extends Error {
    constructor(kind, message, status) {
      super(message);
      this.kind = kind; // "unreachable" | "http"
      this.status = status || 0;
    }
  }

  async function request(settings, path, init = {}) {
    const headers = Object.assign({ Accept: "application/json" }, init.headers || {});
    if (settings.token) headers.Authorization = `Bearer ${settings.token}`;
    if (settings.locale) headers["Accept-Language"] = settings.locale;
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), TIMEOUT_MS);
    let res;
    try {
      res = await fetch(settings.checkerUrl + path, Object.assign({}, init, { headers, signal: ctrl.signal, credentials: "omit", cache: "no-store" }));
    } catch (e) {
      throw new CheckerError("unreachable", String(e && e.message || e));
    } finally {
      clearTimeout(timer);
    }
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok) {
      const msg = body && body.error ? `${body.error.code}: ${body.error.message}` : `HTTP ${res.status}`;
      throw new CheckerError("http", msg, res.status);
    }
    return body;
  }

  function check(settings, req) {
    const body = {
      text: req.text,
      platform: req.platform || "other",
      account: settings.account,
      role: settings.role,
      context: req.context || "post",
      locale: settings.locale,
    };
    return request(settings, "/v1/check", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  }

  const health = (settings) => request(settings, "/v1/health");
  const rules = (settings) => request(settings, "/v1/rules");

  root.SomeCheckApi = { check, health, rules, CheckerError };
})(globalThis);
