// Popup: in plain words whether checking works (and why not, and what to do), one button to
// test again; "I am posting as the official page"; checking on this site.
import { api, loadMessages, organizationName, readSettings, t, testConnection } from "../welcome/pages.js";

const S = globalThis.SomeCheckSettings;
const $ = (id) => document.getElementById(id);

async function test() {
  const settings = await readSettings();
  const verdict = $("verdict");
  verdict.dataset.state = "testing";
  $("status").textContent = t("popup_testing");
  $("detail").textContent = "";
  $("again").disabled = true;
  const result = await testConnection(settings);
  $("again").disabled = false;
  if (result.ok) {
    verdict.dataset.state = "ok";
    $("status").textContent = t("popup_works");
    $("detail").textContent = t("popup_works_detail", organizationName(result.identity, settings.locale),
      new URL(settings.checkerUrl).host);
    $("rules-version").textContent = result.identity.rulesVersion;
  } else {
    verdict.dataset.state = "problem";
    verdict.dataset.kind = result.kind;
    $("status").textContent = t("popup_broken");
    $("detail").textContent = result.reason;
    $("rules-version").textContent = "–";
  }
  document.body.dataset.ready = "true";
}

async function main() {
  const settings = await readSettings();
  await loadMessages(settings.locale);
  const { values, locked } = await S.load();

  const official = $("official");
  official.checked = values.account === "official";
  official.addEventListener("change", () => S.save({ account: official.checked ? "official" : "personal" }));

  let platform = "other";
  try {
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    if (tab && tab.url) platform = S.platformOfHost(new URL(tab.url).hostname);
  } catch (e) { /* no tab access: leave the site switch hidden */ }
  if (platform !== "other") {
    const site = $("site");
    $("site-row").hidden = false;
    site.checked = values.sites.includes(platform);
    site.disabled = locked.includes("sites");
    site.addEventListener("change", async () => {
      const cur = (await S.load()).values.sites.filter((s) => s !== platform);
      if (site.checked) cur.push(platform);
      await S.save({ sites: cur });
    });
  }

  $("options").addEventListener("click", (e) => {
    e.preventDefault();
    api.runtime.openOptionsPage();
    window.close();
  });
  $("again").addEventListener("click", () => test());
  await test();
}

main();
