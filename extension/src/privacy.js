// Private messages stay private: a direct-message composer is checked only when the user has
// turned it on AND the checker runs on the user's own machine (a loopback address).

/** Is the checker URL on this machine (127.0.0.0/8, ::1, localhost)? */
export function isLoopback(url) {
  let host;
  try { host = new URL(url).hostname.toLowerCase(); } catch (e) { return false; }
  if (host === "localhost" || host === "[::1]" || host === "::1") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** May text from a direct-message composer go to this checker under these settings? */
export const mayCheckDirect = (values) => values.directMessages === true && isLoopback(values.checkerUrl);
