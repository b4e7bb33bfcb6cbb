// First run and connect links, for the welcome page (extension/welcome/).
import { api, extensionUrl } from "../platform.js";
import { isConnectLink } from "../../welcome/connect.js";

const WELCOME = "welcome/welcome.html";

/** On install, open the welcome page (what SomeCheck does, the connection test, a sample mark). */
export function openWelcomeOnInstall() {
  api.runtime.onInstalled.addListener((details) => {
    if (details.reason === "install") api.tabs.create({ url: extensionUrl(WELCOME) });
  });
}

/**
 * A connect link from IT (http://127.0.0.1/somecheck/connect#checker=…&token=…): the tab goes
 * to the welcome page with the fragment, which asks the user before saving anything. The link
 * points at the user's own computer and a fragment is never sent, so the token reaches no
 * server. (The extension sees this tab's address through its loopback host permission.)
 */
export function watchConnectLinks() {
  const taken = new Map();   // tab id -> the link it was last taken from (each link is taken once)
  api.tabs.onUpdated.addListener((tabId, change, tab) => {
    // The address comes with the URL change; a status change (the error page of the unanswered
    // link) carries it again in `tab.url`, in case the first event came before the worker woke.
    const url = change.url || (change.status && tab && tab.url) || "";
    if (!isConnectLink(url)) {
      if (change.url) taken.delete(tabId);     // the tab went elsewhere: the link may come again
      return;
    }
    if (taken.get(tabId) === url) return;
    const fragment = new URL(url).hash.slice(1);
    if (!fragment) return;
    taken.set(tabId, url);
    api.tabs.update(tabId, { url: `${extensionUrl(WELCOME)}#connect=${encodeURIComponent(fragment)}` });
  });
  api.tabs.onRemoved.addListener((tabId) => taken.delete(tabId));
}
