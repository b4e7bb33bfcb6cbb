// The checker client. Only the background talks to the checker; nothing else is contacted.
const TIMEOUT_MS = 4000;

export class CheckerError extends Error {
  /**
   * @param {"unreachable"|"http"} kind
   * @param {string} message
   * @param {number} [status]  HTTP status
   * @param {string} [code]    the checker's error code (docs/api.md)
   */
  constructor(kind, message, status, code) {
    super(message);
    this.kind = kind;
    this.status = status || 0;
    this.code = code || "";
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
    throw new CheckerError("unreachable", String((e && e.message) || e));
  } finally {
    clearTimeout(timer);
  }
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const err = body && body.error;
    const msg = err ? `${err.code}: ${err.message}` : `HTTP ${res.status}`;
    throw new CheckerError("http", msg, res.status, err ? err.code : "");
  }
  return body;
}

/** POST /v1/check for one text. req: {text, platform, context} */
export function check(settings, req) {
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

/** POST /v1/check/batch: up to 200 /v1/check bodies (the comment review's comments), answered in order. */
export function checkBatch(settings, items) {
  return request(settings, "/v1/check/batch", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ items }),
  });
}

export const health = (settings) => request(settings, "/v1/health");
export const rules = (settings) => request(settings, "/v1/rules");
