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
  api.tabs.onUpdated.addListener((tabId, change) => {
    if (!change.url || !isConnectLink(change.url)) return;
    const fragment = new URL(change.url).hash.slice(1);
    if (fragment) api.tabs.update(tabId, { url: `${extensionUrl(WELCOME)}#connect=${encodeURIComponent(fragment)}` });
  });
}
