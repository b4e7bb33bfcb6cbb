// Popup: the checker's status, "I am posting as the official page", checking on this site.
(async function () {
  "use strict";
  const api = globalThis.browser || globalThis.chrome;
  const S = SomeCheckSettings, I = SomeCheckI18n;
  const { values, locked } = await S.load();
  await I.loadLocale(values.locale);
  I.localizePage(document);

  const official = document.getElementById("official");
  official.checked = values.account === "official";
  official.addEventListener("change", () => S.save({ account: official.checked ? "official" : "personal" }));

  let platform = "other";
  try {
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    if (tab && tab.url) platform = S.platformOfHost(new URL(tab.url).hostname);
  } catch (e) { /* no tab access: leave the site switch hidden */ }
  if (platform !== "other") {
    const site = document.getElementById("site");
    document.getElementById("site-row").hidden = false;
    site.checked = values.sites.includes(platform);
    site.disabled = locked.includes("sites");
    site.addEventListener("change", async () => {
      const cur = (await S.load()).values.sites.filter((s) => s !== platform);
      if (site.checked) cur.push(platform);
      await S.save({ sites: cur });
    });
  }

  document.getElementById("options").addEventListener("click", (e) => {
    e.preventDefault();
    api.runtime.openOptionsPage();
    window.close();
  });

  const status = document.getElementById("status");
  const res = await api.runtime.sendMessage({ type: "status" });
  if (res && res.ok) {
    status.textContent = I.t("popup_reachable");
    status.className = "ok";
    document.getElementById("rules-version").textContent = res.health.rules_version;
  } else {
    status.textContent = I.t("popup_unreachable");
    status.className = "bad";
  }
  document.body.dataset.ready = "true";
})();
