// Browser differences, in one place: the extension API object (browser.* in Firefox, chrome.* in
// Chromium), managed storage (Firefox throws without a policy), the toolbar action, messaging.

/** The WebExtension API of this browser. */
export const api = globalThis.browser || globalThis.chrome;

/** The toolbar button (MV3 `action`; `browserAction` in older Firefox builds). */
export const action = () => api.action || api.browserAction;

/** The browser's UI language, e.g. "fi-FI". */
export const uiLanguage = () => (api.i18n && api.i18n.getUILanguage ? api.i18n.getUILanguage() : "en");

/** URL of a file inside the extension. */
export const extensionUrl = (path) => api.runtime.getURL(path);

/** The IT policy's values ({} when there is none). */
export async function readManaged() {
  try {
    if (!api.storage.managed) return {};
    return (await api.storage.managed.get(null)) || {};
  } catch (e) {
    return {}; // Firefox throws when no managed manifest is installed
  }
}

export const readLocal = (keys) => api.storage.local.get(keys);
export const writeLocal = (values) => api.storage.local.set(values);
export const onStorageChanged = (fn) => api.storage.onChanged.addListener(fn);

/** Send a message to the background; a failure comes back as {ok: false, kind: "unreachable"}. */
export async function send(msg) {
  try {
    return await api.runtime.sendMessage(msg);
  } catch (e) {
    return { ok: false, kind: "unreachable", message: String(e) };
  }
}

/** Answer messages with async handlers: handlers[msg.type](msg, sender) -> Promise<reply>. */
export function serve(handlers) {
  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    const h = msg && handlers[msg.type];
    if (!h) return false;
    h(msg, sender).then(sendResponse, (e) => sendResponse({ ok: false, kind: "internal", message: String(e) }));
    return true;
  });
}

/** A built-in message of _locales in the browser's language ("" if missing). */
export function builtinMessage(key, subs) {
  return api.i18n.getMessage(key, subs) || "";
}

/** Open the settings page in a new tab, at a section (#checker: whether the checker answers). */
export const openOptions = (section = "") => api.tabs.create({ url: api.runtime.getURL("options/options.html" + (section ? "#" + section : "")) });
