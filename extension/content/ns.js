// The content scripts' shared namespace. Plain scripts (listed in order in the manifest) attach
// themselves here: ns.js, site adapters, textmap, overlay, panel, guard, main.
(function (root) {
  "use strict";
  if (root.SomeCheck) return;
  const api = root.browser || root.chrome;
  const SC = {
    api,
    sites: [],             // site adapters, most specific first; generic last
    settings: null,        // {values, locked, messages}
    addSite(adapter) { this.sites.push(adapter); },
    t(key, subs) { return root.SomeCheckI18n.t(key, subs); },
    async send(msg) {
      try {
        return await api.runtime.sendMessage(msg);
      } catch (e) {
        return { ok: false, kind: "unreachable", message: String(e) };
      }
    },
  };
  root.SomeCheck = SC;
})(globalThis);
