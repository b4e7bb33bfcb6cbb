// Connecting to a checker from what IT sends: a connect link or a short code.
//
//   link: http://127.0.0.1/somecheck/connect#checker=<address>&token=<token>[&role=trustee]
//   code: SC1-<base64url of "<address> <token>">
//
// The link points at the user's own computer and carries everything after "#", which a
// browser never sends anywhere: the extension sees the address in the tab, takes the fragment
// and opens the welcome page with it (background). Nothing here talks to a server except
// probe(), which asks the checker itself, and only after the address passed checkAddress().

export const LINK_PATH = "/somecheck/connect";
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export class ConnectError extends Error {
  /** kind: "unreadable" | "insecure" | "unreachable" | "token" | "refused" | "not-somecheck" */
  constructor(kind, detail = "") {
    super(`${kind}${detail ? ": " + detail : ""}`);
    this.kind = kind;
    this.detail = detail;
  }
}

/** Is this tab address a connect link? (loopback, the connect path, any port) */
export function isConnectLink(url) {
  try {
    const u = new URL(url);
    return u.protocol === "http:" && LOOPBACK.has(u.hostname) && u.pathname.replace(/\/$/, "") === LINK_PATH;
  } catch (e) {
    return false;
  }
}

function b64urlDecode(s) {
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4);
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

function b64urlEncode(text) {
  const bytes = new TextEncoder().encode(text);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The code for an address and token (what IT can send instead of the link). */
export function makeCode(checkerUrl, token) {
  return "SC1-" + b64urlEncode(`${checkerUrl} ${token || ""}`.trim());
}

export function makeLink(checkerUrl, token, role) {
  const params = new URLSearchParams({ checker: checkerUrl });
  if (token) params.set("token", token);
  if (role) params.set("role", role);
  return `http://127.0.0.1${LINK_PATH}#${params}`;
}

/**
 * Read what the user pasted or the link carried: a whole link, its fragment, or a code.
 * -> {checkerUrl, token}. Throws ConnectError("unreadable") for anything else.
 */
export function parseConnect(input) {
  let text = String(input || "").trim();
  if (!text) throw new ConnectError("unreadable", "empty");
  if (/^SC1-/i.test(text)) {
    let decoded;
    try {
      decoded = b64urlDecode(text.slice(4).replace(/\s+/g, ""));
    } catch (e) {
      throw new ConnectError("unreadable", "code");
    }
    const [checkerUrl, token = ""] = decoded.split(" ");
    return { checkerUrl: normalizeAddress(checkerUrl), token };
  }
  if (/^https?:\/\//i.test(text)) {
    const hash = text.indexOf("#");
    if (hash < 0) throw new ConnectError("unreadable", "no fragment");
    text = text.slice(hash + 1);
  }
  text = text.replace(/^#/, "").replace(/^connect=/, "");
  const params = new URLSearchParams(text.includes("checker=") ? text : decodeURIComponent(text));
  const checker = params.get("checker");
  if (!checker) throw new ConnectError("unreadable", "no checker");
  const conn = { checkerUrl: normalizeAddress(checker), token: params.get("token") || "" };
  if (params.get("role")) conn.role = params.get("role");       // optional: staff, trustee, admin
  return conn;
}

function normalizeAddress(address) {
  let u;
  try {
    u = new URL(address);
  } catch (e) {
    throw new ConnectError("unreadable", "address");
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") throw new ConnectError("unreadable", "scheme");
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, "")}`;
}

/** Plain http:// only to the user's own computer: a token and drafts must not cross a network unencrypted. */
export function checkAddress(checkerUrl) {
  const u = new URL(checkerUrl);
  if (u.protocol === "http:" && !LOOPBACK.has(u.hostname)) throw new ConnectError("insecure", u.host);
  return u;
}

/**
 * Ask the checker who it is: GET /v1/health with the token.
 * -> {organization: {fi, sv, en}, rulesVersion, version}
 */
export async function probe(checkerUrl, token, { timeoutMs = 5000, fetchImpl = fetch } = {}) {
  checkAddress(checkerUrl);
  const headers = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  let res;
  try {
    res = await fetchImpl(`${checkerUrl}/v1/health`, { headers, signal: ctrl.signal, credentials: "omit", cache: "no-store" });
  } catch (e) {
    throw new ConnectError("unreachable", String(e && e.message || e));
  } finally {
    clearTimeout(timer);
  }
  if (res.status === 401) throw new ConnectError("token");
  if (res.status === 403) throw new ConnectError("refused");
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok || !body || body.status !== "ok" || typeof body.rules_version !== "string") {
    throw new ConnectError("not-somecheck", `HTTP ${res.status}`);
  }
  return { organization: body.organization || {}, rulesVersion: body.rules_version, version: body.version };
}
