// Options page: checker URL, token, role, language, sites; values set by IT policy are locked.
(async function () {
  "use strict";
  const api = globalThis.browser || globalThis.chrome;
  const S = SomeCheckSettings, I = SomeCheckI18n;
  const form = document.getElementById("form");

  async function render() {
    const { values, locked } = await S.load();
    await I.loadLocale(values.locale);
    document.documentElement.lang = values.locale;
    I.localizePage(document);
    form.checkerUrl.value = values.checkerUrl;
    form.token.value = values.token;
    form.role.value = values.role;
    form.locale.value = values.locale;
    for (const box of form.querySelectorAll('input[name="sites"]')) box.checked = values.sites.includes(box.value);
    for (const field of form.querySelectorAll(".field")) {
      const isLocked = locked.includes(field.dataset.key);
      field.classList.toggle("locked", isLocked);
      field.querySelector(".lock").hidden = !isLocked;
      for (const input of field.querySelectorAll("input, select")) input.disabled = isLocked;
    }
    document.body.dataset.ready = "true";
    renderRules();
  }

  async function renderRules() {
    const res = await api.runtime.sendMessage({ type: "rules" });
    const tbody = document.querySelector("#rules tbody");
    tbody.textContent = "";
    if (!res || !res.ok) {
      document.getElementById("rules-version").textContent = I.t("options_rules_unavailable");
      return;
    }
    document.getElementById("rules-version").textContent = `${I.t("popup_rules_version")}: ${res.rules.rules_version}`;
    for (const r of res.rules.rules || []) {
      const tr = document.createElement("tr");
      tr.dataset.rule = r.id;
      const d = r.description || {};
      for (const text of [r.id, I.t("severity_" + r.severity), r.guideline, d[res.locale] || d.en || ""]) {
        const td = document.createElement("td");
        td.textContent = text;
        tr.appendChild(td);
      }
      tbody.appendChild(tr);
    }
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const values = {
      checkerUrl: form.checkerUrl.value.trim(),
      token: form.token.value,
      role: form.role.value,
      locale: form.locale.value,
      sites: Array.from(form.querySelectorAll('input[name="sites"]:checked')).map((b) => b.value),
    };
    await S.save(values);
    await render();
    const status = document.getElementById("status");
    status.textContent = I.t("options_saved");
    status.dataset.saved = String(Date.now());
  });

  await render();
})();
