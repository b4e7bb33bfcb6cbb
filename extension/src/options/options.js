// Options page: checker URL, token, role, language, sites, private messages; values set by IT
// policy are locked. Below: whether the checker answers (the details the in-page notice links to)
// and the rules it has loaded, by what they check.
import { send } from "../platform.js";
import * as S from "../settings.js";
import * as I from "../i18n.js";
import { isLoopback } from "../privacy.js";
import { causeOf } from "../causes.js";

globalThis.SomeCheckSettings = S;   // for the browser tests, as on the popup
const form = document.getElementById("form");
const pick = (v, locale) => (v && typeof v === "object" ? v[locale] || v.en || Object.values(v)[0] || "" : v || "");

async function render() {
  const { values, locked } = await S.load();
  await I.loadLocale(values.locale);
  document.documentElement.lang = values.locale;
  I.localizePage(document);
  form.checkerUrl.value = values.checkerUrl;
  form.token.value = values.token;
  form.role.value = values.role;
  form.locale.value = values.locale;
  form.directMessages.checked = values.directMessages;
  form.orgPages.value = values.orgPages.join("\n");
  for (const box of form.querySelectorAll('input[name="sites"]')) box.checked = values.sites.includes(box.value);
  for (const field of form.querySelectorAll(".field")) {
    const isLocked = locked.includes(field.dataset.key);
    field.classList.toggle("locked", isLocked);
    field.querySelector(".lock").hidden = !isLocked;
    for (const input of field.querySelectorAll("input, select, textarea")) input.disabled = isLocked;
  }
  renderDirect(values);
  document.body.dataset.ready = "true";
  renderStatus();
  renderRules();
}

/** Private messages can be turned on only for a checker on this computer. */
function renderDirect(values) {
  const local = isLoopback(form.checkerUrl.value.trim() || values.checkerUrl);
  const box = form.directMessages;
  if (!local) box.checked = false;
  box.disabled = box.disabled || !local;
  document.getElementById("dm-remote").hidden = local;
}

async function renderStatus() {
  const out = document.getElementById("checker-status");
  const res = await send({ type: "status" });
  out.textContent = "";
  out.dataset.state = res && res.ok ? "ok" : "down";
  const line = (text, cls) => { const p = document.createElement("p"); p.textContent = text; if (cls) p.className = cls; out.append(p); return p; };
  if (res && res.ok) {
    line(I.t("status_ok", res.url));
    return;
  }
  const cause = causeOf(res);
  out.dataset.cause = cause;
  line(cause === "not_running" ? I.t("status_down", (res && res.url) || form.checkerUrl.value) : I.t("notice_" + cause));
  if (res && res.message) line(I.t("status_detail", res.message), "hint");
  if (cause !== "not_running") return;
  const how = line(I.t("status_how"), "hint");
  const code = document.createElement("code");
  code.textContent = "somecheck serve";
  how.append(" ", code);
}

async function renderRules() {
  const res = await send({ type: "rules" });
  const tbody = document.querySelector("#rules tbody");
  tbody.textContent = "";
  if (!res || !res.ok) {
    document.getElementById("rules-version").textContent = I.t("options_rules_unavailable");
    return;
  }
  document.getElementById("rules-version").textContent = `${I.t("popup_rules_version")}: ${res.rules.rules_version}`;
  const guidelines = res.rules.guidelines || {};
  for (const r of res.rules.rules || []) {
    const tr = document.createElement("tr");
    tr.dataset.rule = r.id;
    const g = guidelines[r.guideline] || {};
    const title = pick(g.title, res.locale);
    const cells = [pick(r.description, res.locale) || r.id, I.t("severity_" + r.severity),
      title ? `${I.guidelineLabel(r.guideline)}: ${title}` : I.guidelineLabel(r.guideline)];
    for (const text of cells) {
      const td = document.createElement("td");
      td.textContent = text;
      tr.appendChild(td);
    }
    tr.title = r.id;   // the rule's id, for IT and the pack's maintainers
    tbody.appendChild(tr);
  }
}

form.checkerUrl.addEventListener("input", () => renderDirect({ checkerUrl: form.checkerUrl.value }));
form.addEventListener("submit", async (e) => {
  e.preventDefault();
  const values = {
    checkerUrl: form.checkerUrl.value.trim(),
    token: form.token.value,
    role: form.role.value,
    locale: form.locale.value,
    sites: Array.from(form.querySelectorAll('input[name="sites"]:checked')).map((b) => b.value),
    directMessages: form.directMessages.checked && isLoopback(form.checkerUrl.value.trim()),
    orgPages: form.orgPages.value.split("\n").map((line) => line.trim()).filter(Boolean),
  };
  await S.save(values);
  await render();
  const status = document.getElementById("status");
  status.textContent = I.t("options_saved");
  status.dataset.saved = String(Date.now());
});

render();
