// Why a check failed, as one of four causes a person can act on; each has its own message
// (_locales: notice_<cause>) in the page's notice and on the options page.

/** @typedef {"not_running"|"token"|"too_long"|"rules"} Cause */

/**
 * The cause of a failed check or status request, from the background's answer
 * ({ok: false, kind: "unreachable"|"http", status, code}).
 * @returns {Cause}
 */
export function causeOf(res) {
  if (!res || res.kind !== "http") return "not_running";
  if (res.status === 401 || res.status === 403 || res.code === "unauthorized" || res.code === "forbidden") return "token";
  if (res.status === 413 || res.code === "too_large") return "too_long";
  return "rules";   // 400, 415, 5xx: the checker could not apply its rules to this request
}
